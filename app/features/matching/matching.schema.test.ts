import { describe, expect, it } from "vitest";
import { parseWith } from "~/utils/forms";
import {
  BuddyProfileSchema,
  CheckInSchema,
  DeclineSchema,
  NewcomerSchema,
  RunActionSchema,
  WeightsSchema,
} from "./matching.schema";

const newcomer = {
  name: "Samira Ouali",
  profession: "nurse",
  departmentId: "3",
  startDate: "2027-02-01",
  dutchLevel: "B1",
  recognitionStatus: "in_progress",
};
const buddy = {
  profession: "doctor",
  departmentId: "2",
  dutchLevel: "C2",
  capacity: "2",
  yearsInOrganisation: "4",
  status: "active",
};

describe("NewcomerSchema", () => {
  it("turns fixed rows and checkboxes into lists, dropping empty rows and duplicates", () => {
    const parsed = parseWith(NewcomerSchema, {
      ...newcomer,
      lang0code: "ar",
      lang0level: "C2",
      lang1code: "",
      lang1level: "",
      lang2code: "en",
      lang2level: "B1",
      shifts: ["day", "day", "night"],
      interests: "music",
    });
    expect(parsed).toMatchObject({
      success: true,
      data: {
        languages: [
          { code: "ar", level: "C2" },
          { code: "en", level: "B1" },
        ],
        shifts: ["day", "night"],
        interests: ["music"],
        userId: null,
        buddyGenderPreference: null,
        notes: null,
      },
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ["a language without level", { lang0code: "ar" }, { lang0level: ["matching.levelMissing"] }],
    ["a level without language", { lang1level: "B2" }, { lang1code: ["matching.languageMissing"] }],
    [
      "the same language twice",
      { lang0code: "fr", lang0level: "B2", lang1code: "fr", lang1level: "C1" },
      { lang1code: ["matching.languageTwice"] },
    ],
    ["an unknown language", { lang0code: "xx", lang0level: "B2" }, { lang0code: ["validation.invalidChoice"] }],
    ["an impossible date", { startDate: "2027-02-30" }, { startDate: ["matching.invalidDate"] }],
    ["a Dutch level outside CEFR", { dutchLevel: "D1" }, { dutchLevel: ["validation.invalidChoice"] }],
    ["an unknown shift", { shifts: ["day", "siesta"] }, { "shifts.1": ["validation.invalidChoice"] }],
    ["a one-letter name", { name: "A" }, { name: ["validation.required"] }],
    ["no department", { departmentId: "" }, { departmentId: ["validation.required"] }],
  ])("refuses %s", (_name, change, errors) => {
    const parsed = parseWith(NewcomerSchema, { ...newcomer, ...change });
    expect(parsed).toMatchObject({ success: false, fieldErrors: errors });
  });
});

describe("BuddyProfileSchema", () => {
  it("accepts a valid profile and forgets a pause date when active", () => {
    expect(
      parseWith(BuddyProfileSchema, { ...buddy, pausedUntil: "2027-01-01", ownNewcomerExperience: "on" }),
    ).toMatchObject({
      success: true,
      data: { capacity: 2, yearsInOrganisation: 4, ownNewcomerExperience: true, pausedUntil: null },
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ["capacity 0", { capacity: "0" }, { capacity: ["matching.capacityRange"] }],
    ["capacity 4", { capacity: "4" }, { capacity: ["matching.capacityRange"] }],
    ["capacity 1.5", { capacity: "1.5" }, { capacity: ["matching.capacityRange"] }],
    ["negative years", { yearsInOrganisation: "-1" }, { yearsInOrganisation: ["matching.yearsRange"] }],
    ["paused without a date", { status: "paused" }, { pausedUntil: ["matching.pausedUntilRequired"] }],
    ["an unknown status", { status: "holiday" }, { status: ["validation.invalidChoice"] }],
  ])("refuses %s", (_name, change, errors) => {
    expect(parseWith(BuddyProfileSchema, { ...buddy, ...change })).toMatchObject({
      success: false,
      fieldErrors: errors,
    });
  });
});

describe("small forms", () => {
  it("needs a real reason to decline, a known check-in and a note, and known weight levels", () => {
    expect(parseWith(DeclineSchema, { reason: "  " })).toMatchObject({
      success: false,
      fieldErrors: { reason: ["matching.reasonRequired"] },
    });
    expect(parseWith(CheckInSchema, { key: "week2", note: "ok" })).toMatchObject({
      success: false,
      fieldErrors: { key: ["validation.invalidChoice"] },
    });
    expect(parseWith(WeightsSchema, { sameDepartment: "extreme" })).toMatchObject({ success: false });
  });
});

describe("RunActionSchema (the run page's buttons)", () => {
  it("reads each intent into typed input; a pin without a buddy releases", () => {
    expect(parseWith(RunActionSchema, { intent: "send", confirm: "yes" })).toEqual({
      success: true,
      data: { intent: "send", confirm: "yes" },
    });
    expect(parseWith(RunActionSchema, { intent: "discard" })).toEqual({ success: true, data: { intent: "discard" } });
    expect(parseWith(RunActionSchema, { intent: "pin", newcomerId: "4", buddyId: "7" })).toEqual({
      success: true,
      data: { intent: "pin", newcomerId: 4, buddyId: 7 },
    });
    expect(parseWith(RunActionSchema, { intent: "pin", newcomerId: "4", buddyId: "" })).toEqual({
      success: true,
      data: { intent: "pin", newcomerId: 4 },
    });
    expect(parseWith(RunActionSchema, { intent: "unpin", newcomerId: "4", buddyId: "7" })).toEqual({
      success: true,
      data: { intent: "unpin", newcomerId: 4 },
    });
  });

  it.each([
    [{}, "errors.badRequest"],
    [{ intent: "explode" }, "errors.badRequest"],
    [{ intent: "send" }, "confirm.required"],
    [{ intent: "send", confirm: "on" }, "confirm.required"],
    [{ intent: "pin", newcomerId: "x" }, "errors.badRequest"],
    [{ intent: "unpin" }, "errors.badRequest"],
  ])("refuses %o with %s", (input, message) => {
    const parsed = parseWith(RunActionSchema, input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.formError ?? Object.values(parsed.fieldErrors)[0]?.[0]).toBe(message);
  });
});

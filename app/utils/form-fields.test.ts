import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  checkboxField,
  dateField,
  idField,
  isCalendarDate,
  optionalDateField,
  optionalIdField,
  wholeNumberField,
} from "./form-fields";

describe("isCalendarDate", () => {
  it.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-12-31", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-2-3", false],
    ["2026-02-03T00:00", false],
    [" 2026-02-03", false],
    ["", false],
  ])("%s → %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe("date fields", () => {
  const required = z.object({ d: dateField("bad.date") });
  const optional = z.object({ d: optionalDateField("bad.date") });

  it("keeps a real date and refuses an impossible one with the field's message", () => {
    expect(required.parse({ d: "2026-03-01" })).toEqual({ d: "2026-03-01" });
    expect(required.safeParse({ d: "2026-02-30" }).error?.issues.map((i) => i.message)).toEqual(["bad.date"]);
    expect(required.safeParse({}).error?.issues.map((i) => i.message)).toEqual(["validation.required"]);
    expect(required.safeParse({ d: "" }).error?.issues.map((i) => i.message)).toEqual(["validation.required"]);
  });

  it("treats a missing or empty optional date as none, and still refuses 2026-02-30", () => {
    expect(optional.parse({})).toEqual({ d: null });
    expect(optional.parse({ d: "" })).toEqual({ d: null });
    expect(optional.parse({ d: "2026-06-30" })).toEqual({ d: "2026-06-30" });
    expect(optional.safeParse({ d: "2026-02-30" }).success).toBe(false);
    expect(optional.safeParse({ d: "30/06/2026" }).success).toBe(false);
  });
});

describe("idField", () => {
  const schema = z.object({ id: idField("bad.id") });
  it.each(["1", "42", "123456789012345"])("accepts %s", (value) => {
    expect(schema.parse({ id: value })).toEqual({ id: Number(value) });
  });
  it.each(["0", "00001", "0x10", "1e3", "-1", "+1", " 7", "7 ", "1.0", "1234567890123456", "", "abc"])(
    "refuses %j",
    (value) => {
      expect(schema.safeParse({ id: value }).error?.issues.map((i) => i.message)).toEqual(["bad.id"]);
    },
  );
  it("refuses a missing id with the same message", () => {
    expect(schema.safeParse({}).success).toBe(false);
  });
});

describe("optionalIdField", () => {
  const schema = z.object({ id: optionalIdField("bad.id") });
  it("turns a missing or empty choice into null and a digit string into a number", () => {
    expect(schema.parse({})).toEqual({ id: null });
    expect(schema.parse({ id: "" })).toEqual({ id: null });
    expect(schema.parse({ id: "12" })).toEqual({ id: 12 });
  });
  it.each(["0x10", "1e3", "00001"])("refuses %s", (value) => {
    expect(schema.safeParse({ id: value }).success).toBe(false);
  });
});

describe("wholeNumberField", () => {
  const schema = z.object({ n: wholeNumberField({ min: 0, max: 50, message: "bad.range" }) });
  it("reads plain digits within the range, 0 included", () => {
    expect(schema.parse({ n: "0" })).toEqual({ n: 0 });
    expect(schema.parse({ n: "50" })).toEqual({ n: 50 });
  });
  it("says 'required' for an empty field instead of storing 0", () => {
    expect(schema.safeParse({ n: "" }).error?.issues.map((i) => i.message)).toEqual(["validation.required"]);
    expect(schema.safeParse({ n: "   " }).error?.issues.map((i) => i.message)).toEqual(["validation.required"]);
  });
  it.each(["51", "-1", "1e1", "0x1", "01", "2.5"])("refuses %s with the range message", (value) => {
    expect(schema.safeParse({ n: value }).error?.issues.map((i) => i.message)).toEqual(["bad.range"]);
  });
});

describe("checkboxField", () => {
  const schema = z.object({ a: checkboxField, b: checkboxField });
  it("is false when the browser leaves an unticked box out, true when ticked", () => {
    expect(schema.parse({})).toEqual({ a: false, b: false });
    expect(schema.parse({ a: "on" })).toEqual({ a: true, b: false });
    expect(schema.parse({ a: true, b: false })).toEqual({ a: true, b: false });
  });
  it("refuses a value no checkbox sends", () => {
    expect(schema.safeParse({ a: "yes please" }).success).toBe(false);
  });
});

describe("shared fields inside a form with its own refinement", () => {
  const schema = z
    .object({
      years: wholeNumberField({ min: 0, max: 50, message: "bad.range" }),
      start: dateField("bad.date"),
      paused: checkboxField,
      until: z.string().optional(),
    })
    .superRefine((data, ctx) => {
      if (data.paused && !data.until) ctx.addIssue({ code: "custom", path: ["until"], message: "until.required" });
    });

  it("reports every field's message at once, the form's own included", () => {
    const messages = schema
      .safeParse({ years: "-2", start: "2026-02-30", paused: "on" })
      .error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(messages).toEqual([
      ["years", "bad.range"],
      ["start", "bad.date"],
      ["until", "until.required"],
    ]);
  });
});

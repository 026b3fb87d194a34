// Zod schemas of the matching forms. Messages are message keys; lists come from fixed rows and checkboxes so
// every form works as a plain HTML post.
import { z } from "zod";
import { ConfirmedSchema } from "~/utils/form-fields";
import { LANGUAGE_ROWS, RECOGNITION_STATUSES, CHECKIN_NOTE_MAX } from "./matching.options";
import { dateField, idField, wholeNumberField } from "~/utils/form-fields";
import {
  CEFR_LEVELS,
  CRITERIA,
  GENDERS,
  INTERESTS,
  LANGUAGE_CODES,
  LEVELS,
  PROFESSIONS,
  SHIFTS,
  type LanguageSkill,
} from "./criteria";

const asArray = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const isoDate = dateField("matching.invalidDate");

const languageRows = Object.fromEntries(
  Array.from({ length: LANGUAGE_ROWS }, (_, i) => [
    [
      `lang${i}code`,
      z.preprocess(emptyToUndefined, z.enum(LANGUAGE_CODES, { error: "validation.invalidChoice" }).optional()),
    ],
    [
      `lang${i}level`,
      z.preprocess(emptyToUndefined, z.enum(CEFR_LEVELS, { error: "validation.invalidChoice" }).optional()),
    ],
  ]).flat(),
) as Record<string, z.ZodType<string | undefined>>;

/** Fixed language rows → a list; a row with a language but no level (or twice the same language) is an error. */
function collectLanguages(data: Record<string, unknown>, ctx: z.RefinementCtx): LanguageSkill[] {
  const out: LanguageSkill[] = [];
  for (let i = 0; i < LANGUAGE_ROWS; i++) {
    const code = data[`lang${i}code`] as LanguageSkill["code"] | undefined;
    const level = data[`lang${i}level`] as LanguageSkill["level"] | undefined;
    if (!code && !level) continue;
    if (!code) {
      ctx.addIssue({ code: "custom", path: [`lang${i}code`], message: "matching.languageMissing" });
      continue;
    }
    if (!level) {
      ctx.addIssue({ code: "custom", path: [`lang${i}level`], message: "matching.levelMissing" });
      continue;
    }
    if (out.some((l) => l.code === code)) {
      ctx.addIssue({ code: "custom", path: [`lang${i}code`], message: "matching.languageTwice" });
      continue;
    }
    out.push({ code, level });
  }
  return out;
}

const common = {
  profession: z.enum(PROFESSIONS, { error: "validation.invalidChoice" }),
  departmentId: idField("validation.required"),
  dutchLevel: z.enum(CEFR_LEVELS, { error: "validation.invalidChoice" }),
  shifts: z.preprocess(asArray, z.array(z.enum(SHIFTS, { error: "validation.invalidChoice" })).max(SHIFTS.length)),
  interests: z.preprocess(
    asArray,
    z.array(z.enum(INTERESTS, { error: "validation.invalidChoice" })).max(INTERESTS.length),
  ),
  ...languageRows,
};

export const NewcomerSchema = z
  .object({
    name: z
      .string({ error: "validation.required" })
      .trim()
      .min(2, { error: "validation.required" })
      .max(120, { error: "matching.tooLong" }),
    userId: z.preprocess(emptyToUndefined, idField("validation.invalidChoice").optional()),
    startDate: isoDate,
    buddyGenderPreference: z.preprocess(
      emptyToUndefined,
      z.enum(GENDERS, { error: "validation.invalidChoice" }).optional(),
    ),
    recognitionStatus: z.enum(RECOGNITION_STATUSES, { error: "validation.invalidChoice" }),
    notes: z.preprocess(emptyToUndefined, z.string().trim().max(2000, { error: "matching.tooLong" }).optional()),
    ...common,
  })
  .transform((data, ctx) => ({
    name: data.name,
    userId: data.userId ?? null,
    profession: data.profession,
    departmentId: data.departmentId,
    startDate: data.startDate,
    dutchLevel: data.dutchLevel,
    languages: collectLanguages(data, ctx),
    shifts: [...new Set(data.shifts)],
    interests: [...new Set(data.interests)],
    buddyGenderPreference: data.buddyGenderPreference ?? null,
    recognitionStatus: data.recognitionStatus,
    notes: data.notes ?? null,
  }));
export type NewcomerInput = z.output<typeof NewcomerSchema>;

export const BuddyProfileSchema = z
  .object({
    gender: z.preprocess(emptyToUndefined, z.enum(GENDERS, { error: "validation.invalidChoice" }).optional()),
    capacity: wholeNumberField({ min: 1, max: 3, message: "matching.capacityRange" }),
    yearsInOrganisation: wholeNumberField({ min: 0, max: 50, message: "matching.yearsRange" }),
    ownNewcomerExperience: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    status: z.enum(["active", "paused", "inactive"], { error: "validation.invalidChoice" }),
    pausedUntil: z.preprocess(emptyToUndefined, isoDate.optional()),
    ...common,
  })
  .superRefine((data, ctx) => {
    if (data.status === "paused" && !data.pausedUntil)
      ctx.addIssue({ code: "custom", path: ["pausedUntil"], message: "matching.pausedUntilRequired" });
  })
  .transform((data, ctx) => ({
    profession: data.profession,
    departmentId: data.departmentId,
    dutchLevel: data.dutchLevel,
    languages: collectLanguages(data, ctx),
    shifts: [...new Set(data.shifts)],
    interests: [...new Set(data.interests)],
    gender: data.gender ?? null,
    capacity: data.capacity,
    yearsInOrganisation: data.yearsInOrganisation,
    ownNewcomerExperience: data.ownNewcomerExperience,
    status: data.status,
    pausedUntil: data.status === "paused" ? (data.pausedUntil ?? null) : null,
  }));
export type BuddyProfileInput = z.output<typeof BuddyProfileSchema>;

export const WeightsSchema = z.object(
  Object.fromEntries(CRITERIA.map((c) => [c, z.enum(LEVELS, { error: "validation.invalidChoice" })])) as Record<
    (typeof CRITERIA)[number],
    z.ZodEnum<{ [K in (typeof LEVELS)[number]]: K }>
  >,
);

export const DeclineSchema = z.object({
  reason: z
    .string({ error: "matching.reasonRequired" })
    .trim()
    .min(3, { error: "matching.reasonRequired" })
    .max(500, { error: "matching.tooLong" }),
});

export const CheckInSchema = z.object({
  key: z.enum(["week1", "week6", "month3", "month6"], { error: "validation.invalidChoice" }),
  note: z
    .string({ error: "validation.required" })
    .trim()
    .min(2, { error: "validation.required" })
    .max(CHECKIN_NOTE_MAX, { error: "matching.tooLong" }),
});

export const EndMatchSchema = z.object({
  outcome: z.enum(["completed", "stopped"], { error: "validation.invalidChoice" }),
  reason: z
    .string({ error: "matching.reasonRequired" })
    .trim()
    .min(3, { error: "matching.reasonRequired" })
    .max(500, { error: "matching.tooLong" }),
  doNotRematch: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});

/** Erasing a record cannot be undone: the form's confirmation box must be ticked, checked on the server too. */
export const EraseNewcomerSchema = ConfirmedSchema;
export type EraseNewcomerInput = z.output<typeof EraseNewcomerSchema>;

export const PinSchema = z.object({
  newcomerId: idField(),
  buddyId: z.preprocess(emptyToUndefined, idField().optional()),
});

/**
 * What HR posts on a run's page, one intent per button: send (only from the confirmation step, decision 150),
 * discard, pin (lock the proposed buddy or override with another; without a buddy it releases the pin) and unpin.
 * Anything else is a bad request.
 */
export const RunActionSchema = z.discriminatedUnion(
  "intent",
  [
    ConfirmedSchema.extend({ intent: z.literal("send") }),
    z.object({ intent: z.literal("discard") }),
    PinSchema.extend({ intent: z.literal("pin") }),
    z.object({ intent: z.literal("unpin"), newcomerId: idField() }),
  ],
  { error: "errors.badRequest" },
);
export type RunAction = z.output<typeof RunActionSchema>;

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const many = (v: string | string[] | undefined) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

function rawLanguages(raw: Raw): { code: string; level: string }[] {
  return Array.from({ length: LANGUAGE_ROWS }, (_, i) => ({
    code: one(raw[`lang${i}code`]),
    level: one(raw[`lang${i}level`]),
  }));
}

/** What the person typed, back into the form after a refused post (so nothing is lost without JavaScript). */
export function newcomerValuesFromRaw(raw: Raw) {
  return {
    name: one(raw.name),
    userId: Number(one(raw.userId)) || null,
    profession: one(raw.profession),
    departmentId: Number(one(raw.departmentId)) || null,
    startDate: one(raw.startDate),
    dutchLevel: one(raw.dutchLevel),
    languages: rawLanguages(raw),
    shifts: many(raw.shifts),
    interests: many(raw.interests),
    buddyGenderPreference: one(raw.buddyGenderPreference) || null,
    recognitionStatus: one(raw.recognitionStatus),
    notes: one(raw.notes) || null,
  };
}

export function buddyValuesFromRaw(raw: Raw) {
  return {
    profession: one(raw.profession),
    departmentId: Number(one(raw.departmentId)) || null,
    dutchLevel: one(raw.dutchLevel),
    languages: rawLanguages(raw),
    shifts: many(raw.shifts),
    interests: many(raw.interests),
    gender: one(raw.gender) || null,
    capacity: Number(one(raw.capacity)) || 0,
    yearsInOrganisation: Number(one(raw.yearsInOrganisation)) || 0,
    ownNewcomerExperience: one(raw.ownNewcomerExperience) === "on",
    status: one(raw.status),
    pausedUntil: one(raw.pausedUntil) || null,
  };
}

// Plain values for the browser live in matching.options.ts (no zod there, so pages do not ship it).
export { LANGUAGE_ROWS, RECOGNITION_STATUSES, CHECKIN_NOTE_MAX };

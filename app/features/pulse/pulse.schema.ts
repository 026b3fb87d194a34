import { z } from "zod";
import { PULSE_VALUES, PERIOD_PATTERN, INTRODUCTION_MAX, NEWCOMER_NOTE_MAX } from "./pulse.options";
import { OPEN_ANSWER_MAX } from "./anonymity";

/** The answer form for one instrument: every statement answered on the scale or "don't know", one optional open answer. */
export function pulseAnswerSchema(statementKeys: readonly string[]) {
  const shape: Record<string, z.ZodType<(typeof PULSE_VALUES)[number]>> = {};
  for (const key of statementKeys) shape[key] = z.enum(PULSE_VALUES, { error: "pulse.errors.chooseAnswer" });
  return z.object({
    answers: z.object(shape),
    open: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .refine((v) => v.length <= OPEN_ANSWER_MAX, { error: "pulse.errors.openTooLong" }),
  });
}

/** Form fields arrive flat ("n.onboarding.1"); the schema wants them under `answers`. */
export function pulseFormInput(fields: Record<string, string | string[]>, statementKeys: readonly string[]) {
  const answers: Record<string, unknown> = {};
  for (const key of statementKeys) answers[key] = fields[key];
  return { answers, open: typeof fields.open === "string" ? fields.open : undefined };
}

export const CampaignSchema = z.object({
  weeks: z.coerce
    .number({ error: "validation.invalidChoice" })
    .int({ error: "validation.invalidChoice" })
    .min(1, { error: "validation.invalidChoice" })
    .max(8, { error: "validation.invalidChoice" }),
});

export const PeriodQuerySchema = z.string().regex(PERIOD_PATTERN).nullable();

export const IntroductionSchema = z.object({
  text: z
    .string({ error: "validation.required" })
    .trim()
    .min(10, { error: "pulse.errors.introTooShort" })
    .max(INTRODUCTION_MAX, { error: "pulse.errors.tooLong" }),
});

export const NewcomerNoteSchema = z.object({
  checkInId: z.coerce.number({ error: "errors.badRequest" }).int().positive({ error: "errors.badRequest" }),
  note: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= NEWCOMER_NOTE_MAX, { error: "pulse.errors.tooLong" }),
  wantsToTalk: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});

// Plain values for the browser live in pulse.options.ts (no zod there, so pages do not ship it).
export { PULSE_VALUES, PERIOD_PATTERN, INTRODUCTION_MAX, NEWCOMER_NOTE_MAX };

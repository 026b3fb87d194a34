// The JSON a matching run keeps in its row (matching_runs.result and .pins), read back through a schema rather
// than `JSON.parse(…) as T`: a row written by an older version or damaged by hand is refused, not half-read.
import { z } from "zod";
import { CRITERIA, HARD_RULES, LANGUAGE_CODES } from "./criteria";
import type { Pins, RunResult } from "./run-plan";

const ContributionSchema = z.object({
  key: z.enum([...CRITERIA, "load", "keep"]),
  points: z.number(),
  language: z.enum(LANGUAGE_CODES).optional(),
  count: z.number().optional(),
});
const ChoiceShape = { buddyId: z.number().int(), buddyName: z.string(), score: z.number(), fit: z.number() };
const OptionSchema = z.object({ ...ChoiceShape, contributions: z.array(ContributionSchema) });

const RunRowSchema = z.object({
  newcomerId: z.number().int(),
  newcomerName: z.string(),
  department: z.string().nullable(),
  chosen: OptionSchema.extend({ pinned: z.boolean(), kept: z.boolean() }).nullable(),
  alternatives: z.array(OptionSchema),
  allowed: z.array(z.object(ChoiceShape)),
  allowedCount: z.number().int(),
  reasons: z.array(z.object({ rule: z.enum([...HARD_RULES, "taken"]), count: z.number().int() })),
  pendingBuddyId: z.number().int().nullable(),
});

export const StoredRunResultSchema = z.object({
  rows: z.array(RunRowSchema),
  buddyCount: z.number().int(),
  best: z.object({ matched: z.number().int(), total: z.number() }).nullable().optional(),
}) satisfies z.ZodType<RunResult>;

export const StoredPinsSchema = z.record(z.string().regex(/^\d+$/), z.number().int()) satisfies z.ZodType<Pins>;

/** Parses a stored JSON column with its schema; throws (a 500 for a damaged row, never a silent half-read). */
export function readStored<T>(schema: z.ZodType<T>, json: string, what: string): T {
  const parsed = schema.safeParse(JSON.parse(json));
  if (!parsed.success)
    throw new Error(
      `Stored ${what} does not match its schema: ${parsed.error.issues[0]?.path.join(".") ?? ""} ${parsed.error.issues[0]?.message ?? ""}`,
    );
  return parsed.data;
}

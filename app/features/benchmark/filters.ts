// Filters of the partner comparison, parsed from the query string. Unknown values are an error (400), never
// silently dropped: a partner must not read "all of Belgium" when they asked for a sector that does not exist.
import { z } from "zod";

import {
  BREAKDOWNS,
  FILTER_COUNTRIES,
  FILTER_KEYS,
  FILTER_SECTORS,
  FILTER_SIZE_BANDS,
  PEER_GROUPS,
} from "./filters.options";

export * from "./filters.options";

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.enum(values, { error: "benchmark.errors.unknownValue" }).optional(),
  );

export const ComparisonFiltersSchema = z.object({
  country: optionalEnum(FILTER_COUNTRIES),
  sector: optionalEnum(FILTER_SECTORS),
  sizeBand: optionalEnum(FILTER_SIZE_BANDS),
  // The scan period; checked against the periods that exist by the use case.
  year: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string()
      .regex(/^\d{4}$/, { error: "benchmark.errors.unknownValue" })
      .optional(),
  ),
  breakdown: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.enum(BREAKDOWNS, { error: "benchmark.errors.unknownValue" }).default("sector"),
  ),
  // The organisation to set against the group: a reference from the list of named (consenting) organisations.
  org: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string()
      .regex(/^n\d{1,10}$/, { error: "benchmark.errors.unknownValue" })
      .optional(),
  ),
  page: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string()
      .regex(/^[1-9]\d{0,5}$/, { error: "benchmark.errors.unknownValue" })
      .optional(),
  ),
});

export type ComparisonFilters = z.infer<typeof ComparisonFiltersSchema>;

export const PeerGroupSchema = z.enum(PEER_GROUPS, { error: "benchmark.errors.unknownValue" });

/** Parses URLSearchParams; repeated or unknown parameters are errors too. */
export function parseComparisonFilters(
  params: URLSearchParams,
): { ok: true; filters: ComparisonFilters } | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const raw: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      errors[key] = ["benchmark.errors.unknownFilter"];
      continue;
    }
    if (values.length > 1) {
      errors[key] = ["benchmark.errors.unknownValue"];
      continue;
    }
    raw[key] = values[0] ?? "";
  }
  const parsed = ComparisonFiltersSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      errors[key] = [issue.message];
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, filters: parsed.data };
}

// Use cases of the partner comparison: the comparison page, its CSV export and one consenting organisation's
// item answers. Partners see organisations only through the disclosure rules (disclosure.ts).
import {
  allRows,
  compare,
  type Comparison,
  type ComparisonRow,
  UnknownOrganisationError,
  UnknownYearError,
} from "./compare";
import { loadDataset, currentVersion } from "./dataset.server";
import { mayShowOrganisation } from "./disclosure";
import type { Dataset } from "./dataset";
import { type ComparisonFilters, filtersToQuery } from "./filters";
import { fail, ok, type Outcome } from "~/utils/use-case";

/** The comparison for the filters, or null while no scan has been submitted anywhere (an empty portal). */
export type ComparisonView = { comparison: Comparison | null };

// A small cache of computed comparisons per dataset: a new submission or organisation change gives a new
// dataset object (see dataset.server.ts), which drops its entries with it.
const MAX_CACHED = 64;
const computed = new WeakMap<Dataset, Map<string, Comparison>>();

function cachedCompare(dataset: Dataset, filters: ComparisonFilters): Comparison {
  let entries = computed.get(dataset);
  if (!entries) {
    entries = new Map();
    computed.set(dataset, entries);
  }
  const key = filtersToQuery(filters);
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit); // most recently used last
    return hit;
  }
  const result = compare(dataset, filters);
  entries.set(key, result);
  if (entries.size > MAX_CACHED) entries.delete(entries.keys().next().value ?? "");
  return result;
}

/**
 * Refused: a year no scan was submitted in (`invalid`, field `year`), an organisation that is not shown
 * (`not_found`, field `org`: consent is not probed apart from existence).
 */
export function getComparison(filters: ComparisonFilters): Outcome<ComparisonView> {
  const version = currentVersion();
  if (version === null) return ok({ comparison: null });
  const dataset = loadDataset(version);
  try {
    return ok({ comparison: cachedCompare(dataset, filters) });
  } catch (error) {
    if (error instanceof UnknownYearError)
      return fail("invalid", "common.formErrors", { fields: { year: ["benchmark.errors.unknownYear"] } });
    if (error instanceof UnknownOrganisationError)
      return fail("not_found", "common.formErrors", { fields: { org: ["benchmark.errors.organisationNotShown"] } });
    throw error;
  }
}

/** The years with submitted scans, for the filter form (also beside a refused filter). */
export function comparisonPeriods(): string[] {
  const version = currentVersion();
  return version === null ? [] : loadDataset(version).periods;
}

export function getComparisonRows(
  filters: ComparisonFilters,
): { dimensions: { key: string; nameNl: string; nameEn: string }[]; rows: ComparisonRow[] } | null {
  const version = currentVersion();
  if (version === null) return null;
  const dataset = loadDataset(version);
  if (filters.year && !dataset.periods.includes(filters.year)) return null;
  return { dimensions: dataset.dimensions, rows: allRows(dataset, filters) };
}

export type OrganisationItems =
  | { kind: "not_found" }
  | {
      kind: "ok";
      name: string;
      period: string;
      overall: number | null;
      items: { key: string; dimensionKey: string; textNl: string; textEn: string; value: number }[];
      dimensions: { key: string; nameNl: string; nameEn: string }[];
    };

/**
 * One organisation's item answers in its latest submitted scan. Only for organisations that consented; any
 * other reference (a non-consenting organisation, an unknown id, anything malformed) is the same "not found",
 * so ids cannot be probed.
 */
export function getOrganisationItems(ref: string): OrganisationItems {
  const version = currentVersion();
  if (version === null) return { kind: "not_found" };
  const dataset = loadDataset(version);
  const match = /^n(\d{1,10})$/.exec(ref);
  if (!match) return { kind: "not_found" };
  const index = dataset.organisations.findIndex((o) => o.id === Number(match[1]));
  const org = dataset.organisations[index];
  if (!org || !mayShowOrganisation(org.consented)) return { kind: "not_found" };
  const scan = dataset.scans[dataset.latest.get(index) ?? -1];
  if (!scan) return { kind: "not_found" };
  return {
    kind: "ok",
    name: org.name,
    period: scan.period,
    overall: scan.overall,
    dimensions: dataset.dimensions,
    items: dataset.items.map((item, i) => ({ ...item, value: scan.answers[i] ?? -3 })),
  };
}

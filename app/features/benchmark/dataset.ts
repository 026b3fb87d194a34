// The in-memory shape of one instrument version's submitted scans, as the comparison reads it.
// Built by dataset.server.ts from the database; pure code below works on it (and tests build it by hand).

export const ANSWER_CODES = { dont_know: -1, not_applicable: -2, missing: -3 } as const;

export type DatasetOrganisation = {
  id: number;
  name: string;
  country: string;
  sector: string;
  sizeBand: string;
  consented: boolean;
};

export type DatasetScan = {
  /** Index into Dataset.organisations. */
  org: number;
  /** The cell-key method's unit key of this scan (uint32, from the organisation's record key; decision 042). */
  key: number;
  period: string;
  submittedAt: string;
  overall: number | null;
  overallLevel: number | null;
  /** Per dimension, in Dataset.dimensions order; null = insufficient data. */
  dimensions: (number | null)[];
  dimensionLevels: (number | null)[];
  /** Per item, in Dataset.items order: 0–4, or an ANSWER_CODES value. */
  answers: Int8Array;
};

export type Dataset = {
  version: number;
  dimensions: { key: string; nameNl: string; nameEn: string }[];
  items: { key: string; dimensionKey: string; textNl: string; textEn: string }[];
  organisations: DatasetOrganisation[];
  /** Every submitted scan of this version, oldest period first within an organisation. */
  scans: DatasetScan[];
  /** Index of each organisation's latest submitted scan (by period), by organisation index. */
  latest: Map<number, number>;
  /** The periods with at least one submitted scan, ascending. */
  periods: string[];
};

export function encodeAnswer(value: string | null | undefined): number {
  if (value === "0" || value === "1" || value === "2" || value === "3" || value === "4") return Number(value);
  if (value === "dont_know") return ANSWER_CODES.dont_know;
  if (value === "not_applicable") return ANSWER_CODES.not_applicable;
  return ANSWER_CODES.missing;
}

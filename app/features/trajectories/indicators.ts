// Programme outcome indicators (docs/decisions/111): group figures over organisations under the benchmark's
// disclosure rules (app/features/benchmark/disclosure.ts, decision 042). A cell is published only when at
// least MIN_GROUP_SIZE organisations contribute to that figure (nobody is named here); counts of people go
// through the count perturbation table and medians and means through the magnitude noise, each on the cell
// key of exactly the organisations that contribute, with unit keys that change when an organisation's own
// value changes. Shares are perturbed hits over perturbed people, so neither count is ever exact.
import {
  MIN_GROUP_SIZE,
  groupOf,
  magnitudeDeviation,
  publishMeanOf,
  publishQuantileOf,
  publishTotal,
  type Contribution,
} from "~/features/benchmark/disclosure";
import type { PersonFigures } from "./rules";

export const OUTCOME_INDICATORS = [
  "atLevel12",
  "retained6",
  "retained12",
  "medianMonthsToRecognition",
  "medianMonthsToLevelContract",
  "meanLanguageGain",
] as const;
export type OutcomeIndicator = (typeof OUTCOME_INDICATORS)[number];

export const MONTHS_BOUNDS = [0, 48] as const;
export const GAIN_BOUNDS = [-5, 5] as const;
/** Scan levels grouped so groups can reach five organisations: 1–2, 3, 4–5, or no submitted scan. */
export const SCAN_BANDS = ["low", "middle", "high", "none"] as const;
export type ScanBand = (typeof SCAN_BANDS)[number];

export function scanBandOf(level: number | null): ScanBand {
  if (level === null) return "none";
  return level <= 2 ? "low" : level === 3 ? "middle" : "high";
}

export type OrganisationOutcomes = {
  organisationId: number;
  country: string;
  sector: string;
  scanBand: ScanBand;
  people: readonly PersonFigures[];
};
export type UnitKeyOf = (organisationId: number, context: string) => number;

/** value null: not shown (one symbol, no reason). Shares are 0–1, months and CEFR steps one decimal. */
export type OutcomeRow = { key: string; values: Record<OutcomeIndicator, number | null> };
export type OutcomeTable = { by: "country" | "sector" | "scanBand"; rows: OutcomeRow[]; total: OutcomeRow };

type ShareKey = "atLevel12" | "retained6" | "retained12";

function shareFigure(orgs: readonly OrganisationOutcomes[], key: ShareKey, unitKeyOf: UnitKeyOf): number | null {
  const parts = orgs.flatMap((o) => {
    const known = o.people.filter((p) => p[key] !== null);
    return known.length
      ? [{ id: o.organisationId, of: known.length, hits: known.filter((p) => p[key] === true).length }]
      : [];
  });
  if (parts.length < MIN_GROUP_SIZE) return null;
  const of = publishTotal(
    parts.map((p): Contribution => ({ key: unitKeyOf(p.id, `trajectory:${key}:of:${p.of}:${p.hits}`), value: p.of })),
    `trajectory:${key}:of`,
    0,
  );
  const hits = publishTotal(
    parts.map((p): Contribution => ({
      key: unitKeyOf(p.id, `trajectory:${key}:hits:${p.of}:${p.hits}`),
      value: p.hits,
    })),
    `trajectory:${key}:hits`,
    0,
  );
  if (of === null || hits === null || of === 0) return null;
  return Math.round(Math.min(1, hits / of) * 100) / 100;
}

function medianFigure(
  orgs: readonly OrganisationOutcomes[],
  key: "monthsToRecognition" | "monthsToLevelContract",
  unitKeyOf: UnitKeyOf,
): number | null {
  const parts = orgs.flatMap((o) => {
    const values = o.people.flatMap((p) => (p[key] === null ? [] : [p[key]]));
    return values.length ? [{ id: o.organisationId, values }] : [];
  });
  if (parts.length < MIN_GROUP_SIZE) return null;
  const sorted = Float64Array.from(parts.flatMap((p) => p.values)).sort();
  const group = groupOf(
    parts.map((p) => ({ key: unitKeyOf(p.id, `trajectory:${key}:${p.values.join(",")}`), value: 0 })),
  );
  return publishQuantileOf(group, sorted, 0.5, {
    statistic: `trajectory:${key}`,
    bounds: MONTHS_BOUNDS,
    digits: 1,
    deviation: magnitudeDeviation(parts.length, MONTHS_BOUNDS),
  });
}

function gainFigure(orgs: readonly OrganisationOutcomes[], unitKeyOf: UnitKeyOf): number | null {
  const parts = orgs.flatMap((o) => {
    const values = o.people.flatMap((p) => (p.languageGain === null ? [] : [p.languageGain]));
    return values.length ? [{ id: o.organisationId, values }] : [];
  });
  if (parts.length < MIN_GROUP_SIZE) return null;
  const all = parts.flatMap((p) => p.values).map((v) => Math.min(GAIN_BOUNDS[1], Math.max(GAIN_BOUNDS[0], v)));
  const mean = all.reduce((a, b) => a + b, 0) / all.length;
  const group = groupOf(
    parts.map((p) => ({ key: unitKeyOf(p.id, `trajectory:languageGain:${p.values.join(",")}`), value: 0 })),
  );
  return publishMeanOf(group, mean, { statistic: "trajectory:meanLanguageGain", bounds: GAIN_BOUNDS, digits: 1 });
}

export function outcomeRow(key: string, orgs: readonly OrganisationOutcomes[], unitKeyOf: UnitKeyOf): OutcomeRow {
  return {
    key,
    values: {
      atLevel12: shareFigure(orgs, "atLevel12", unitKeyOf),
      retained6: shareFigure(orgs, "retained6", unitKeyOf),
      retained12: shareFigure(orgs, "retained12", unitKeyOf),
      medianMonthsToRecognition: medianFigure(orgs, "monthsToRecognition", unitKeyOf),
      medianMonthsToLevelContract: medianFigure(orgs, "monthsToLevelContract", unitKeyOf),
      meanLanguageGain: gainFigure(orgs, unitKeyOf),
    },
  };
}

export function outcomeTable(
  orgs: readonly OrganisationOutcomes[],
  by: OutcomeTable["by"],
  values: readonly string[],
  unitKeyOf: UnitKeyOf,
): OutcomeTable {
  return {
    by,
    rows: values.map((v) =>
      outcomeRow(
        v,
        orgs.filter((o) => o[by] === v),
        unitKeyOf,
      ),
    ),
    total: outcomeRow("total", orgs, unitKeyOf),
  };
}

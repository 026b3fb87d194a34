// The partner comparison computed from a Dataset: pure, so the disclosure rules apply in one visible place.
// The result holds exactly the figures a partner sees (perturbed, rounded, null = not shown) and nothing
// else: the loader sends it as it is, the CSV writes it as it is (docs/decisions/042).
import { type Dataset, type DatasetOrganisation, type DatasetScan } from "./dataset";
import {
  type CentreMeasure,
  type Group,
  centreMeasure,
  mayPublishScoreQuartiles,
  mayAddUnits,
  mayShowOrganisation,
  publishGroupSizeOf,
  publishQuantileOf,
  publishScoreCentreOf,
  publishShareOf,
  MIN_GROUP_SIZE,
} from "./disclosure";
import { type Breakdown, type ComparisonFilters, FILTER_COUNTRIES, FILTER_SECTORS, FILTER_SIZE_BANDS } from "./filters";

export const ROWS_PER_PAGE = 50;
/** The answer from which an item counts as "in place" (3 = in place and documented). */
export const ITEM_IN_PLACE = 3;

type Attribute = "country" | "sector" | "sizeBand";
const ATTRIBUTES: readonly Attribute[] = ["country", "sector", "sizeBand"];
export const ATTRIBUTE_VALUES: Record<Attribute, readonly string[]> = {
  country: FILTER_COUNTRIES,
  sector: FILTER_SECTORS,
  sizeBand: FILTER_SIZE_BANDS,
};

export type Criteria = Partial<Record<Attribute, string>>;

/** A consenting organisation's own scores: partners see these by name. */
export type ComparisonRow = {
  ref: string;
  name: string;
  country: string;
  sector: string;
  sizeBand: string;
  period: string;
  overall: number | null;
  overallLevel: number | null;
  dimensions: { score: number | null; level: number | null }[];
};

/**
 * Published figures of one score in one group: null = not shown. A group of fewer than 20 organisations has a
 * mean and no median or quartiles; from 20 on a median (and quartiles) and no mean (decision 047).
 */
export type Figures = { mean: number | null; median: number | null; q1: number | null; q3: number | null };

export type GroupFigures = {
  shown: boolean;
  n: number | null;
  /** Which centre the group's figures are: "mean" below 20 organisations, "median" from 20; null when hidden. */
  measure: CentreMeasure | null;
  overall: Figures;
  dimensions: Figures[];
};

/** A breakdown cell: its centre (mean or median, see `measure`) of the overall and each dimension score. */
export type BreakdownCell = {
  value: string;
  n: number | null;
  measure: CentreMeasure | null;
  overall: number | null;
  dimensions: (number | null)[];
};

export type TrendPoint = { period: string } & GroupFigures;

export type Comparison = {
  version: number;
  periods: string[];
  dimensions: { key: string; nameNl: string; nameEn: string }[];
  group: GroupFigures;
  items: { key: string; dimensionKey: string; textNl: string; textEn: string; share: number | null }[] | null;
  breakdown: { by: Breakdown; cells: BreakdownCell[] };
  rows: { shown: ComparisonRow[]; total: number; page: number; pages: number };
  trend: TrendPoint[];
  selected: ComparisonRow | null;
};

export class UnknownYearError extends Error {}
export class UnknownOrganisationError extends Error {}

export function criteriaOf(filters: ComparisonFilters): Criteria {
  const c: Criteria = {};
  if (filters.country) c.country = filters.country;
  if (filters.sector) c.sector = filters.sector;
  if (filters.sizeBand) c.sizeBand = filters.sizeBand;
  return c;
}

function matches(org: DatasetOrganisation, criteria: Criteria): boolean {
  for (const a of ATTRIBUTES) {
    const want = criteria[a];
    if (want !== undefined && org[a] !== want) return false;
  }
  return true;
}

// Scans per period, computed once per dataset (datasets are immutable once built).
const byPeriodCache = new WeakMap<Dataset, Map<string, DatasetScan[]>>();

function scansOf(dataset: Dataset, period: string): DatasetScan[] {
  let byPeriod = byPeriodCache.get(dataset);
  if (!byPeriod) {
    byPeriod = new Map();
    for (const scan of dataset.scans) {
      const list = byPeriod.get(scan.period);
      if (list) list.push(scan);
      else byPeriod.set(scan.period, [scan]);
    }
    byPeriodCache.set(dataset, byPeriod);
  }
  return byPeriod.get(period) ?? [];
}

/** The scans that stand for each organisation: its scan of the year, or its latest submitted scan. */
export function universe(dataset: Dataset, year: string | undefined): DatasetScan[] {
  if (year) return scansOf(dataset, year);
  const out: DatasetScan[] = [];
  for (const index of dataset.latest.values()) {
    const scan = dataset.scans[index];
    if (scan) out.push(scan);
  }
  return out;
}

export function members(dataset: Dataset, scans: readonly DatasetScan[], criteria: Criteria): DatasetScan[] {
  return scans.filter((s) => matches(dataset.organisations[s.org] as DatasetOrganisation, criteria));
}

/**
 * The scans a group of the "latest scan" universe publishes (rule 5, decision 185). Its scans of its last period
 * are that year's group, published on its own; every earlier period's batch of latest scans (organisations that
 * did not submit since) joins only when 0 or at least 5 of them are not named, and otherwise with its named
 * members alone. Without this, "latest" next to the last year differed by the one or two organisations that
 * skipped a year, and differencing the two means gave their scores.
 */
export function latestGroupScans(dataset: Dataset, scans: readonly DatasetScan[]): DatasetScan[] {
  let last = "";
  for (const s of scans) if (s.period > last) last = s.period;
  const hiddenByPeriod = new Map<string, number>();
  for (const s of scans)
    if (s.period !== last && !(dataset.organisations[s.org] as DatasetOrganisation).consented)
      hiddenByPeriod.set(s.period, (hiddenByPeriod.get(s.period) ?? 0) + 1);
  return scans.filter(
    (s) =>
      s.period === last ||
      (dataset.organisations[s.org] as DatasetOrganisation).consented ||
      mayAddUnits(hiddenByPeriod.get(s.period) ?? 0),
  );
}

/** The scans behind a group: the filter's members in a year, or in the "latest scan" universe under rule 5. */
export function groupScans(dataset: Dataset, year: string | undefined, criteria: Criteria): DatasetScan[] {
  const scans = members(dataset, universe(dataset, year), criteria);
  return year ? scans : latestGroupScans(dataset, scans);
}

/** The group of the scans with a value, its values sorted ascending (for quantiles). */
function scoreGroup(
  dataset: Dataset,
  scans: readonly DatasetScan[],
  value: (s: DatasetScan) => number | null,
): { group: Group; sorted: Float64Array } {
  const values: number[] = [];
  let nonNamed = 0;
  let key = 0;
  for (const s of scans) {
    const v = value(s);
    if (v === null || !Number.isFinite(v)) continue;
    values.push(v);
    key = (key + s.key) >>> 0;
    if (!(dataset.organisations[s.org] as DatasetOrganisation).consented) nonNamed++;
  }
  return { group: { n: values.length, nonNamed, key }, sorted: Float64Array.from(values).sort() };
}

function figuresOf(
  dataset: Dataset,
  scans: readonly DatasetScan[],
  value: (s: DatasetScan) => number | null,
  label: string,
  quartiles: boolean,
  measure: CentreMeasure | null,
): Figures {
  const { group, sorted } = scoreGroup(dataset, scans, value);
  const centre = publishScoreCentreOf(group, sorted, label, measure);
  const median = centre?.measure === "median" ? centre.value : null;
  const withQuartiles = quartiles && median !== null && mayPublishScoreQuartiles(group.n);
  return {
    mean: centre?.measure === "mean" ? centre.value : null,
    median,
    q1: withQuartiles ? publishQuantileOf(group, sorted, 0.25, { statistic: `q1:${label}` }) : null,
    q3: withQuartiles ? publishQuantileOf(group, sorted, 0.75, { statistic: `q3:${label}` }) : null,
  };
}

/** Every published figure of one group (a filter, a breakdown cell or a trend point: the same function). */
export function groupFigures(dataset: Dataset, scans: readonly DatasetScan[], quartiles = true): GroupFigures {
  const { group } = scoreGroup(dataset, scans, () => 0);
  const n = publishGroupSizeOf(group);
  const measure = n === null ? null : centreMeasure(group.n);
  const overall = figuresOf(dataset, scans, (s) => s.overall, "overall", quartiles, measure);
  return {
    shown: n !== null,
    n,
    measure,
    overall,
    dimensions: dataset.dimensions.map((d, i) =>
      figuresOf(dataset, scans, (s) => s.dimensions[i] ?? null, `dimension:${d.key}`, quartiles, measure),
    ),
  };
}

/** The published centre of one score's figures: the mean or the median, whichever the group has. */
export function centreOf(f: Figures): number | null {
  return f.median ?? f.mean;
}

function itemShares(dataset: Dataset, scans: readonly DatasetScan[]): Comparison["items"] {
  const D = dataset.items.length;
  const answered = Array.from({ length: D }, () => ({ n: 0, nonNamed: 0, key: 0 }));
  const hits = Array.from({ length: D }, () => ({ n: 0, key: 0 }));
  for (const s of scans) {
    const named = (dataset.organisations[s.org] as DatasetOrganisation).consented;
    for (let i = 0; i < D; i++) {
      const v = s.answers[i] ?? -3;
      if (v < 0) continue;
      const a = answered[i] as Group;
      a.n++;
      a.key = (a.key + s.key) >>> 0;
      if (!named) a.nonNamed++;
      if (v >= ITEM_IN_PLACE) {
        const h = hits[i] as { n: number; key: number };
        h.n++;
        h.key = (h.key + s.key) >>> 0;
      }
    }
  }
  return dataset.items.map((item, i) => ({
    key: item.key,
    dimensionKey: item.dimensionKey,
    textNl: item.textNl,
    textEn: item.textEn,
    share: publishShareOf(answered[i] as Group, hits[i] as { n: number; key: number }, `item:${item.key}`),
  }));
}

function toRow(dataset: Dataset, scan: DatasetScan): ComparisonRow {
  const org = dataset.organisations[scan.org] as DatasetOrganisation;
  return {
    ref: `n${org.id}`,
    name: org.name,
    country: org.country,
    sector: org.sector,
    sizeBand: org.sizeBand,
    period: scan.period,
    overall: scan.overall,
    overallLevel: scan.overallLevel,
    dimensions: scan.dimensions.map((score, i) => ({ score, level: scan.dimensionLevels[i] ?? null })),
  };
}

/** The organisations listed by name: those that consented (the others are in the group figures only). */
function namedRows(dataset: Dataset, scans: readonly DatasetScan[]): DatasetScan[] {
  return scans
    .filter((s) => mayShowOrganisation((dataset.organisations[s.org] as DatasetOrganisation).consented))
    .sort((a, b) => (b.overall ?? -1) - (a.overall ?? -1) || a.org - b.org);
}

export function compare(dataset: Dataset, filters: ComparisonFilters): Comparison {
  if (filters.year && !dataset.periods.includes(filters.year)) throw new UnknownYearError(filters.year);
  const criteria = criteriaOf(filters);
  const selectedScans = groupScans(dataset, filters.year, criteria);
  const group = groupFigures(dataset, selectedScans);

  const items = group.shown ? itemShares(dataset, selectedScans) : null;

  // Breakdown: each cell is the group of the filter plus the cell's value, so it gets exactly the figures
  // that filter would get (same organisations, same cell key, rule 5 applied to it as a filter of its own).
  const by = filters.breakdown;
  const cells: BreakdownCell[] = ATTRIBUTE_VALUES[by].map((value) => {
    const within = criteria[by] === undefined || criteria[by] === value;
    const g = groupFigures(
      dataset,
      within ? groupScans(dataset, filters.year, { ...criteria, [by]: value }) : [],
      false,
    );
    return { value, n: g.n, measure: g.measure, overall: centreOf(g.overall), dimensions: g.dimensions.map(centreOf) };
  });

  const named = namedRows(dataset, selectedScans);
  const pages = Math.max(1, Math.ceil(named.length / ROWS_PER_PAGE));
  const page = Math.min(Number(filters.page ?? "1"), pages);
  const rows = {
    shown: named.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE).map((s) => toRow(dataset, s)),
    total: named.length,
    page,
    pages,
  };

  let selected: ComparisonRow | null = null;
  if (filters.org) {
    // Only a named row of this group: any other reference (a hidden organisation, another group, a made-up
    // id) gets the same "not shown" answer.
    const hit = named.find((s) => `n${(dataset.organisations[s.org] as DatasetOrganisation).id}` === filters.org);
    if (!hit) throw new UnknownOrganisationError(filters.org);
    selected = toRow(dataset, hit);
  }

  // Trends: the same filter in each year, each year a group of its own.
  const trend: TrendPoint[] = dataset.periods.map((period) => ({
    period,
    ...groupFigures(dataset, members(dataset, scansOf(dataset, period), criteria)),
  }));

  return {
    version: dataset.version,
    periods: dataset.periods,
    dimensions: dataset.dimensions,
    group,
    items,
    breakdown: { by, cells },
    rows,
    trend,
    selected,
  };
}

/** Every named row of the group (all pages), for the CSV export. */
export function allRows(dataset: Dataset, filters: ComparisonFilters): ComparisonRow[] {
  const scans = members(dataset, universe(dataset, filters.year), criteriaOf(filters));
  return namedRows(dataset, scans).map((s) => toRow(dataset, s));
}

export { MIN_GROUP_SIZE };

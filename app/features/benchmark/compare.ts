// The partner comparison computed from a Dataset: pure, so the disclosure rules apply in one visible place.
import { type Dataset, type DatasetOrganisation, type DatasetScan } from "./dataset";
import { filteredGroupDecision, rowDecision, suppressPartition, type Cell, type Decision, MIN_GROUP_SIZE } from "./disclosure";
import { type Breakdown, type ComparisonFilters, FILTER_COUNTRIES, FILTER_SECTORS, FILTER_SIZE_BANDS } from "./filters";
import { median, shareAtLeast, summarise, type Summary } from "./statistics";

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

type Criteria = Partial<Record<Attribute, string>>;

export type OrganisationLabel = { kind: "name"; name: string } | { kind: "pseudonym"; code: string };

export type ComparisonRow = {
  ref: string;
  label: OrganisationLabel;
  country: string;
  sector: string;
  sizeBand: string;
  period: string;
  overall: number | null;
  overallLevel: number | null;
  dimensions: { score: number | null; level: number | null }[];
};

export type BreakdownCell = {
  value: string;
  decision: Decision;
  n: number | null;
  overallMedian: number | null;
  dimensionMedians: (number | null)[];
};

export type TrendPoint = {
  period: string;
  decision: Decision;
  n: number | null;
  overall: Summary | null;
  dimensionMedians: (number | null)[];
};

export type Comparison = {
  version: number;
  periods: string[];
  dimensions: { key: string; nameNl: string; nameEn: string }[];
  group: { decision: Decision; n: number | null; overall: Summary | null; dimensions: (Summary | null)[] };
  items: { key: string; dimensionKey: string; textNl: string; textEn: string; share: number | null; answered: number }[] | null;
  breakdown: { by: Breakdown; cells: BreakdownCell[] };
  rows: { shown: ComparisonRow[]; total: number; withheld: number; page: number; pages: number } | null;
  trend: TrendPoint[];
  selected: ComparisonRow | null;
};

export class UnknownYearError extends Error {}
export class UnknownOrganisationError extends Error {}

function criteriaOf(filters: ComparisonFilters): Criteria {
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

function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => mask & (1 << i)));
  return out;
}

/**
 * Disclosure of the group selected by `criteria` within `scans`: it must be large enough itself and survive
 * complementary suppression in every broader group obtained by dropping one or more of its criteria.
 */
export function decideGroup(dataset: Dataset, scans: readonly DatasetScan[], criteria: Criteria): { decision: Decision; members: DatasetScan[] } {
  const members = scans.filter((s) => matches(dataset.organisations[s.org] as DatasetOrganisation, criteria));
  const active = ATTRIBUTES.filter((a) => criteria[a] !== undefined);
  const parents = subsets(active).map((dropped) => {
    const parentCriteria: Criteria = { ...criteria };
    for (const a of dropped) delete parentCriteria[a];
    const counts = new Map<string, number>();
    let totalN = 0;
    for (const s of scans) {
      const org = dataset.organisations[s.org] as DatasetOrganisation;
      if (!matches(org, parentCriteria)) continue;
      totalN++;
      const key = dropped.map((a) => org[a]).join("|");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    // Every combination of the dropped attributes is a cell, also the empty ones a partner could ask for.
    const cells: Cell[] = [];
    const combos = dropped.reduce<string[][]>((acc, a) => acc.flatMap((prefix) => ATTRIBUTE_VALUES[a].map((v) => [...prefix, v])), [[]]);
    for (const combo of combos) {
      const key = combo.join("|");
      cells.push({ key, n: counts.get(key) ?? 0 });
    }
    return { cells, totalN, targetKey: dropped.map((a) => criteria[a]).join("|") };
  });
  return { decision: filteredGroupDecision(members.length, parents), members };
}

function dimensionColumn(scans: readonly DatasetScan[], d: number): (number | null)[] {
  return scans.map((s) => s.dimensions[d] ?? null);
}

function labelOf(org: DatasetOrganisation, show: "name" | "pseudonym"): { ref: string; label: OrganisationLabel } {
  return show === "name" ? { ref: `n${org.id}`, label: { kind: "name", name: org.name } } : { ref: `p${org.pseudonym}`, label: { kind: "pseudonym", code: org.pseudonym } };
}

function toRow(dataset: Dataset, scan: DatasetScan, show: "name" | "pseudonym"): ComparisonRow {
  const org = dataset.organisations[scan.org] as DatasetOrganisation;
  return {
    ...labelOf(org, show),
    country: org.country,
    sector: org.sector,
    sizeBand: org.sizeBand,
    period: scan.period,
    overall: scan.overall,
    overallLevel: scan.overallLevel,
    dimensions: scan.dimensions.map((score, i) => ({ score, level: scan.dimensionLevels[i] ?? null })),
  };
}

/** How many non-consenting participants share each country × sector × size band (rule 3). */
export function nonConsentingClassSizes(dataset: Dataset): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const org of dataset.organisations) {
    if (org.consented) continue;
    const key = `${org.country}|${org.sector}|${org.sizeBand}`;
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

export function compare(dataset: Dataset, filters: ComparisonFilters, classSizes = nonConsentingClassSizes(dataset)): Comparison {
  if (filters.year && !dataset.periods.includes(filters.year)) throw new UnknownYearError(filters.year);
  const scans = universe(dataset, filters.year);
  const criteria = criteriaOf(filters);
  const { decision, members } = decideGroup(dataset, scans, criteria);
  const D = dataset.dimensions.length;

  const group: Comparison["group"] = decision.shown
    ? {
        decision,
        n: members.length,
        overall: summarise(members.map((s) => s.overall)),
        dimensions: dataset.dimensions.map((_, d) => summarise(dimensionColumn(members, d))),
      }
    : { decision, n: null, overall: null, dimensions: dataset.dimensions.map(() => null) };

  let items: Comparison["items"] = null;
  if (decision.shown) {
    items = dataset.items.map((item, i) => {
      const values = members.map((s) => {
        const v = s.answers[i] ?? -3;
        return v >= 0 ? v : null;
      });
      return { key: item.key, dimensionKey: item.dimensionKey, textNl: item.textNl, textEn: item.textEn, ...shareAtLeast(values, ITEM_IN_PLACE) };
    });
  }

  // Breakdown of the group: each cell is itself a filtered group, so it obeys the same rules as a filter would,
  // and the cells together obey complementary suppression against the group shown above them.
  const by = filters.breakdown;
  const values = ATTRIBUTE_VALUES[by];
  const cellMembers = values.map((v) => decideGroup(dataset, scans, { ...criteria, [by]: v }));
  const partition = suppressPartition(values.map((v, i) => ({ key: v, n: cellMembers[i]?.members.length ?? 0 })), decision.shown);
  const cells: BreakdownCell[] = values.map((value, i) => {
    const cell = cellMembers[i] as { decision: Decision; members: DatasetScan[] };
    const own = partition.get(value) ?? { shown: false, reason: "small_group" };
    // An empty cell is shown as 0: there is nothing in it to protect.
    const cellDecision = cell.members.length === 0 ? own : !cell.decision.shown ? cell.decision : own;
    if (!cellDecision.shown || cell.members.length === 0) {
      return { value, decision: cellDecision, n: cellDecision.shown ? 0 : null, overallMedian: null, dimensionMedians: dataset.dimensions.map(() => null) };
    }
    return {
      value,
      decision: cellDecision,
      n: cell.members.length,
      overallMedian: median(cell.members.map((s) => s.overall)),
      dimensionMedians: dataset.dimensions.map((_, d) => median(dimensionColumn(cell.members, d))),
    };
  });

  // Individual rows, only inside a group that may be shown.
  let rows: Comparison["rows"] = null;
  let selected: ComparisonRow | null = null;
  if (decision.shown) {
    // Decide and sort light entries first; full rows are built only for the page shown (and the selection).
    const visible: { scan: DatasetScan; show: "name" | "pseudonym"; ref: string }[] = [];
    let withheld = 0;
    for (const scan of members) {
      const org = dataset.organisations[scan.org] as DatasetOrganisation;
      const row = rowDecision(org.consented, classSizes.get(`${org.country}|${org.sector}|${org.sizeBand}`) ?? 0);
      if (row.show === "withheld") withheld++;
      else visible.push({ scan, show: row.show, ref: row.show === "name" ? `n${org.id}` : `p${org.pseudonym}` });
    }
    visible.sort((a, b) => (b.scan.overall ?? -1) - (a.scan.overall ?? -1) || (a.ref < b.ref ? -1 : 1));
    const pages = Math.max(1, Math.ceil(visible.length / ROWS_PER_PAGE));
    const page = Math.min(Number(filters.page ?? "1"), pages);
    rows = {
      shown: visible.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE).map((v) => toRow(dataset, v.scan, v.show)),
      total: visible.length,
      withheld,
      page,
      pages,
    };
    if (filters.org) {
      const hit = visible.find((v) => v.ref === filters.org);
      if (!hit) throw new UnknownOrganisationError(filters.org);
      selected = toRow(dataset, hit.scan, hit.show);
    }
  } else if (filters.org) {
    throw new UnknownOrganisationError(filters.org);
  }

  // Trends: the same filter in each year, each year judged on its own.
  const trend: TrendPoint[] = dataset.periods.map((period) => {
    const yearScans = scansOf(dataset, period);
    const g = decideGroup(dataset, yearScans, criteria);
    if (!g.decision.shown) return { period, decision: g.decision, n: null, overall: null, dimensionMedians: dataset.dimensions.map(() => null) };
    return {
      period,
      decision: g.decision,
      n: g.members.length,
      overall: summarise(g.members.map((s) => s.overall)),
      dimensionMedians: Array.from({ length: D }, (_, d) => median(dimensionColumn(g.members, d))),
    };
  });

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

/** Every visible row of the group (all pages), for the CSV export. */
export function allRows(dataset: Dataset, filters: ComparisonFilters): ComparisonRow[] {
  const scans = universe(dataset, filters.year);
  const { decision, members } = decideGroup(dataset, scans, criteriaOf(filters));
  if (!decision.shown) return [];
  const classSizes = nonConsentingClassSizes(dataset);
  const out: ComparisonRow[] = [];
  for (const scan of members) {
    const org = dataset.organisations[scan.org] as DatasetOrganisation;
    const row = rowDecision(org.consented, classSizes.get(`${org.country}|${org.sector}|${org.sizeBand}`) ?? 0);
    if (row.show !== "withheld") out.push(toRow(dataset, scan, row.show));
  }
  return out.sort((a, b) => (b.overall ?? -1) - (a.overall ?? -1) || (a.ref < b.ref ? -1 : 1));
}

export { MIN_GROUP_SIZE };

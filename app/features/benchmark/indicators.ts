// Programme indicators per country and per sector: pure aggregation plus the same disclosure rules as the
// comparison. Every indicator is judged on its own contributors (the organisations whose data make the
// figure), with complementary suppression across the cells of each table against the shown total.
import { groupDecision, suppressPartition, type Decision } from "./disclosure";
import { mean, median } from "./statistics";

/** What the matching capability reports per organisation (app/features/matching/indicators.server.ts). */
export type MatchingIndicatorRow = {
  organisationId: number;
  newcomersRegistered: number;
  newcomersMatched: number;
  daysToMatch: number[];
  activeMatches: number;
  completedMatches: number;
};

export type OrganisationFacts = {
  organisationId: number;
  country: string;
  sector: string;
  scanned: boolean;
  /** Latest minus first submitted overall score (same instrument version); null with fewer than two. */
  scoreChange: number | null;
  moduleCompletions: number;
};

export const INDICATORS = [
  "organisationsScanned",
  "meanScoreChange",
  "newcomersRegistered",
  "shareMatched",
  "medianDaysToMatch",
  "activeMatches",
  "completedMatches",
  "moduleCompletions",
] as const;
export type Indicator = (typeof INDICATORS)[number];
const MATCHING: ReadonlySet<Indicator> = new Set(["newcomersRegistered", "shareMatched", "medianDaysToMatch", "activeMatches", "completedMatches"]);

export type IndicatorCell = { available: false } | { available: true; decision: Decision; value: number | null };
export type IndicatorRow = { key: string; cells: Record<Indicator, IndicatorCell> };
export type IndicatorTable = { by: "country" | "sector"; rows: IndicatorRow[]; total: IndicatorRow };

type Joined = OrganisationFacts & { matching: MatchingIndicatorRow | undefined };

function contributes(indicator: Indicator, o: Joined): boolean {
  switch (indicator) {
    case "organisationsScanned":
      return o.scanned;
    case "meanScoreChange":
      return o.scoreChange !== null;
    case "medianDaysToMatch":
      return (o.matching?.daysToMatch.length ?? 0) > 0;
    case "moduleCompletions":
      return o.moduleCompletions > 0;
    default:
      return (o.matching?.newcomersRegistered ?? 0) > 0;
  }
}

function value(indicator: Indicator, orgs: Joined[]): number | null {
  const sum = (f: (o: Joined) => number) => orgs.reduce((s, o) => s + f(o), 0);
  switch (indicator) {
    case "organisationsScanned":
      return orgs.length;
    case "meanScoreChange":
      return mean(orgs.map((o) => o.scoreChange));
    case "newcomersRegistered":
      return sum((o) => o.matching?.newcomersRegistered ?? 0);
    case "shareMatched": {
      const registered = sum((o) => o.matching?.newcomersRegistered ?? 0);
      return registered === 0 ? null : sum((o) => o.matching?.newcomersMatched ?? 0) / registered;
    }
    case "medianDaysToMatch":
      return median(orgs.flatMap((o) => o.matching?.daysToMatch ?? []));
    case "activeMatches":
      return sum((o) => o.matching?.activeMatches ?? 0);
    case "completedMatches":
      return sum((o) => o.matching?.completedMatches ?? 0);
    case "moduleCompletions":
      return sum((o) => o.moduleCompletions);
  }
}

export function indicatorTable(
  facts: readonly OrganisationFacts[],
  matching: readonly MatchingIndicatorRow[] | null,
  by: "country" | "sector",
  values: readonly string[],
): IndicatorTable {
  const byOrg = new Map((matching ?? []).map((m) => [m.organisationId, m]));
  const joined: Joined[] = facts.map((f) => ({ ...f, matching: byOrg.get(f.organisationId) }));
  const rows: IndicatorRow[] = values.map((key) => ({ key, cells: {} as Record<Indicator, IndicatorCell> }));
  const total: IndicatorRow = { key: "total", cells: {} as Record<Indicator, IndicatorCell> };
  for (const indicator of INDICATORS) {
    if (MATCHING.has(indicator) && matching === null) {
      total.cells[indicator] = { available: false };
      for (const row of rows) row.cells[indicator] = { available: false };
      continue;
    }
    const all = joined.filter((o) => contributes(indicator, o));
    const totalDecision = groupDecision(all.length);
    total.cells[indicator] = { available: true, decision: totalDecision, value: totalDecision.shown ? value(indicator, all) : null };
    const members = values.map((v) => all.filter((o) => o[by] === v));
    const decisions = suppressPartition(values.map((v, i) => ({ key: v, n: members[i]?.length ?? 0 })), totalDecision.shown);
    rows.forEach((row, i) => {
      const group = members[i] ?? [];
      const own = decisions.get(row.key) ?? groupDecision(group.length);
      // An empty cell is shown as empty: nothing to protect, nothing to compute.
      row.cells[indicator] = { available: true, decision: own, value: own.shown && group.length > 0 ? value(indicator, group) : null };
    });
  }
  return { by, rows, total };
}

// Programme indicators per country and per sector: pure aggregation through the disclosure module
// (docs/decisions/042). Counts use the count perturbation table, the mean score change and the median days
// the magnitude one, each on the cell key of exactly the organisations in the cell. A breakdown cell needs at
// least MIN_GROUP_SIZE organisations contributing to the indicator; the programme total is shown (adjusted) as
// long as the programme holds MIN_GROUP_SIZE care organisations — except a count published as 0, and a median
// of days of fewer than MIN_GROUP_SIZE organisations with matches, which are "not shown" (decision 045).
import {
  type Contribution,
  MIN_GROUP_SIZE,
  groupOf,
  magnitudeDeviation,
  publishMeanOf,
  publishQuantileOf,
  publishTotal,
} from "./disclosure";

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
const MATCHING: ReadonlySet<Indicator> = new Set([
  "newcomersRegistered",
  "shareMatched",
  "medianDaysToMatch",
  "activeMatches",
  "completedMatches",
]);

/** value null: not shown (one symbol, no reason). */
export type IndicatorCell = { available: false } | { available: true; value: number | null };
export type IndicatorRow = { key: string; cells: Record<Indicator, IndicatorCell> };
export type IndicatorTable = { by: "country" | "sector"; rows: IndicatorRow[]; total: IndicatorRow };

type Joined = OrganisationFacts & { matching: MatchingIndicatorRow | undefined };

/** How the server derives a unit key for an organisation's part in one figure (HMAC of its record key). */
export type UnitKeyOf = (organisationId: number, context: string) => number;

/** Score changes are clipped to ±50 points for the noise scale; beyond that one organisation would dominate. */
export const SCORE_CHANGE_BOUNDS = [-50, 50] as const;
/** Days to a match are clipped to 0–90 for the noise scale. */
export const DAYS_BOUNDS = [0, 90] as const;

function count(o: Joined, indicator: Indicator): number {
  switch (indicator) {
    case "organisationsScanned":
      return o.scanned ? 1 : 0;
    case "newcomersRegistered":
      return o.matching?.newcomersRegistered ?? 0;
    case "activeMatches":
      return o.matching?.activeMatches ?? 0;
    case "completedMatches":
      return o.matching?.completedMatches ?? 0;
    case "moduleCompletions":
      return o.moduleCompletions;
    default:
      return 0;
  }
}

/**
 * One published figure for the organisations of a cell. A programme total (`total`) needs no minimum of
 * contributing organisations (a total of 0 is published as 0); a cell needs MIN_GROUP_SIZE of them.
 */
function figure(indicator: Indicator, orgs: readonly Joined[], unitKeyOf: UnitKeyOf, total: boolean): number | null {
  const minContributors = total ? 0 : MIN_GROUP_SIZE;
  // A published count of 0 is "not shown" (decision 045): the count table publishes a true 1 or 2 (and, rarely,
  // 3) as 0, so a 0 would read as "none" where there are some. Decided on the published value only, so it
  // tells nothing the 0 did not.
  const totalOf = (name: string, f: (o: Joined) => number) =>
    shownCount(
      publishTotal(
        orgs.map((o): Contribution => ({ key: unitKeyOf(o.organisationId, `indicator:${name}:${f(o)}`), value: f(o) })),
        `indicator:${name}`,
        minContributors,
      ),
    );
  switch (indicator) {
    case "meanScoreChange": {
      const contributors = orgs.filter((o) => o.scoreChange !== null);
      const contributions = contributors.map((o): Contribution => ({
        key: unitKeyOf(o.organisationId, `indicator:scoreChange:${o.scoreChange}`),
        value: o.scoreChange ?? 0,
      }));
      const clipped = contributions.map((c) =>
        Math.min(SCORE_CHANGE_BOUNDS[1], Math.max(SCORE_CHANGE_BOUNDS[0], c.value)),
      );
      const mean = clipped.length === 0 ? 0 : clipped.reduce((a, b) => a + b, 0) / clipped.length;
      return publishMeanOf(groupOf(contributions), mean, {
        statistic: "indicator:meanScoreChange",
        bounds: SCORE_CHANGE_BOUNDS,
      });
    }
    case "shareMatched": {
      const registered = totalOf("newcomersRegistered", (o) => o.matching?.newcomersRegistered ?? 0);
      const matched = totalOf("newcomersMatched", (o) => o.matching?.newcomersMatched ?? 0);
      if (registered === null || matched === null) return null;
      return Math.min(1, matched / registered);
    }
    case "medianDaysToMatch": {
      const contributors = orgs.filter((o) => (o.matching?.daysToMatch.length ?? 0) > 0);
      // A median of days needs MIN_GROUP_SIZE organisations with matches, also for the programme total: with
      // fewer it is (nearly) one organisation's own figure (decision 045).
      if (contributors.length < MIN_GROUP_SIZE || orgs.length < MIN_GROUP_SIZE) return null;
      const days = Float64Array.from(contributors.flatMap((o) => o.matching?.daysToMatch ?? [])).sort();
      // The group is the cell's organisations (as for the sums); the noise follows the contributing ones.
      const group = groupOf(
        orgs.map((o) => ({
          key: unitKeyOf(o.organisationId, `indicator:days:${(o.matching?.daysToMatch ?? []).join(",")}`),
          value: 0,
        })),
      );
      return publishQuantileOf(group, days, 0.5, {
        statistic: "indicator:medianDaysToMatch",
        bounds: DAYS_BOUNDS,
        deviation: magnitudeDeviation(contributors.length, DAYS_BOUNDS),
      });
    }
    default:
      return totalOf(indicator, (o) => count(o, indicator));
  }
}

/** A published count as shown: 0 (a true 0, 1, 2 or 3 after perturbation) is "not shown" (decision 045). */
export function shownCount(published: number | null): number | null {
  return published === 0 ? null : published;
}

export function indicatorTable(
  facts: readonly OrganisationFacts[],
  matching: readonly MatchingIndicatorRow[] | null,
  by: "country" | "sector",
  values: readonly string[],
  unitKeyOf: UnitKeyOf,
): IndicatorTable {
  const byOrg = new Map((matching ?? []).map((m) => [m.organisationId, m]));
  const joined: Joined[] = facts.map((f) => ({ ...f, matching: byOrg.get(f.organisationId) }));
  const rows: IndicatorRow[] = values.map((key) => ({ key, cells: {} as Record<Indicator, IndicatorCell> }));
  const total: IndicatorRow = { key: "total", cells: {} as Record<Indicator, IndicatorCell> };
  const cellMembers = values.map((v) => joined.filter((o) => o[by] === v));
  for (const indicator of INDICATORS) {
    if (MATCHING.has(indicator) && matching === null) {
      total.cells[indicator] = { available: false };
      for (const row of rows) row.cells[indicator] = { available: false };
      continue;
    }
    total.cells[indicator] = { available: true, value: figure(indicator, joined, unitKeyOf, true) };
    rows.forEach((row, i) => {
      row.cells[indicator] = { available: true, value: figure(indicator, cellMembers[i] ?? [], unitKeyOf, false) };
    });
  }
  return { by, rows, total };
}

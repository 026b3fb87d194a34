import { describe, expect, it } from "vitest";
import { indicatorTable, type MatchingIndicatorRow, type OrganisationFacts, type UnitKeyOf } from "./indicators";

function org(id: number, country: string, sector: string, extra: Partial<OrganisationFacts> = {}): OrganisationFacts {
  return { organisationId: id, country, sector, scanned: true, scoreChange: null, moduleCompletions: 0, ...extra };
}

// A fixed stand-in for the server's HMAC-derived unit keys.
const unitKeyOf: UnitKeyOf = (id, context) => {
  let h = Math.imul(id, 0x9e3779b1) >>> 0;
  for (let i = 0; i < context.length; i++) h = Math.imul(h ^ context.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

describe("indicatorTable", () => {
  const facts = [
    ...Array.from({ length: 6 }, (_, i) => org(i + 1, "BE", "hospital", { scoreChange: 10 + i, moduleCompletions: 2 })),
    ...Array.from({ length: 3 }, (_, i) => org(i + 11, "NL", "hospital", { scoreChange: 4, moduleCompletions: 1 })),
    org(20, "NL", "home_care", { scanned: false }),
  ];
  const near = (value: number | null | undefined, truth: number, within: number) =>
    value !== null && value !== undefined && Math.abs(value - truth) <= within;

  it("shows programme totals (adjusted) and a cell only from 5 contributing organisations", () => {
    const table = indicatorTable(facts, null, "country", ["BE", "NL"], unitKeyOf);
    const total = table.total.cells.organisationsScanned;
    expect(total.available && near(total.value, 9, 2)).toBe(true);
    const be = table.rows.find((r) => r.key === "BE")?.cells.organisationsScanned;
    expect(be?.available && near(be.value, 6, 2)).toBe(true);
    // NL: 3 scanned, 4 organisations: not shown, and no count or reason anywhere.
    expect(table.rows.find((r) => r.key === "NL")?.cells.organisationsScanned).toEqual({
      available: true,
      value: null,
    });
    const change = table.total.cells.meanScoreChange;
    // 9 contributors, true mean 9.4: uniform noise of at most 50·… /9 ≈ 5.6 points, rounded.
    expect(change.available && near(change.value, (10 + 11 + 12 + 13 + 14 + 15 + 12) / 9, 6.1)).toBe(true);
  });

  it("the same organisations always give the same figures", () => {
    expect(indicatorTable(facts, null, "sector", ["hospital", "home_care"], unitKeyOf)).toEqual(
      indicatorTable([...facts].reverse(), null, "sector", ["hospital", "home_care"], unitKeyOf),
    );
  });

  it("marks matching indicators as not available until the matching capability reports", () => {
    const table = indicatorTable(facts, null, "sector", ["hospital", "home_care"], unitKeyOf);
    expect(table.total.cells.newcomersRegistered).toEqual({ available: false });
    expect(table.rows[0]?.cells.shareMatched).toEqual({ available: false });
  });

  it("programme totals of matching figures show with few contributing organisations; cells do not", () => {
    const matching: MatchingIndicatorRow[] = [1, 2].map((id) => ({
      organisationId: id,
      newcomersRegistered: 6,
      newcomersMatched: 3,
      daysToMatch: [5, 12, 20],
      activeMatches: 2,
      completedMatches: 1,
    }));
    const table = indicatorTable(facts, matching, "sector", ["hospital", "home_care"], unitKeyOf);
    const registered = table.total.cells.newcomersRegistered;
    expect(registered.available && near(registered.value, 12, 2)).toBe(true);
    const share = table.total.cells.shareMatched;
    expect(share.available && share.value !== null && share.value > 0 && share.value <= 1).toBe(true);
    // Two organisations with matches: their median of days would be (nearly) one organisation's own figure.
    expect(table.total.cells.medianDaysToMatch).toEqual({ available: true, value: null });
    const five = indicatorTable(
      facts,
      [1, 2, 3, 4, 5].map((id) => ({
        organisationId: id,
        newcomersRegistered: 4,
        newcomersMatched: 3,
        daysToMatch: [5, 12, 20],
        activeMatches: 2,
        completedMatches: 1,
      })),
      "sector",
      ["hospital", "home_care"],
      unitKeyOf,
    );
    const days = five.total.cells.medianDaysToMatch;
    expect(days.available && near(days.value, 12, Math.ceil((0.15 * 90) / 5) + 1)).toBe(true);
    // Hospitals: 9 organisations, but only 2 with newcomers: no matching figure in the cell.
    for (const indicator of [
      "newcomersRegistered",
      "shareMatched",
      "medianDaysToMatch",
      "activeMatches",
      "completedMatches",
    ] as const) {
      expect(table.rows[0]?.cells[indicator], indicator).toEqual({ available: true, value: null });
    }
  });

  // Decision 045: the count table publishes a true 1 or 2 (and sometimes 3) as 0; partners read a 0 as "none".
  it("a programme total published as 0 is not shown, whatever the true count: never a misleading 0", () => {
    const seen: Record<string, Set<number | null>> = { zero: new Set(), one: new Set(), two: new Set() };
    for (let salt = 0; salt < 300; salt++) {
      const salted: UnitKeyOf = (id, context) => unitKeyOf(id, `${context}:${salt}`);
      for (const [label, active] of [
        ["zero", 0],
        ["one", 1],
        ["two", 2],
      ] as const) {
        const matching: MatchingIndicatorRow[] = [
          {
            organisationId: 1,
            newcomersRegistered: 9,
            newcomersMatched: active,
            daysToMatch: [],
            activeMatches: active,
            completedMatches: 0,
          },
        ];
        const total = indicatorTable(facts, matching, "country", ["BE", "NL"], salted).total.cells;
        const value = (cell: (typeof total)["activeMatches"]) => (cell.available ? cell.value : undefined);
        seen[label]?.add(value(total.activeMatches) ?? null);
        // The share matched follows its numerator: never 0 %.
        expect(value(total.shareMatched)).not.toBe(0);
        expect(value(total.completedMatches)).toBeNull();
      }
    }
    expect([...(seen.zero ?? [])]).toEqual([null]);
    expect([...(seen.one ?? [])].sort()).toEqual([3, null]);
    expect([...(seen.two ?? [])].sort()).toEqual([3, null]);
  }, 60_000);

  it("a programme of fewer than 5 organisations shows nothing", () => {
    const table = indicatorTable(facts.slice(0, 4), null, "country", ["BE", "NL"], unitKeyOf);
    expect(table.total.cells.organisationsScanned).toEqual({ available: true, value: null });
    expect(table.rows[0]?.cells.organisationsScanned).toEqual({ available: true, value: null });
  });
});

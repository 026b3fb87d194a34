import { describe, expect, it } from "vitest";
import { indicatorTable, type MatchingIndicatorRow, type OrganisationFacts } from "./indicators";

function org(id: number, country: string, sector: string, extra: Partial<OrganisationFacts> = {}): OrganisationFacts {
  return { organisationId: id, country, sector, scanned: true, scoreChange: null, moduleCompletions: 0, ...extra };
}

describe("indicatorTable", () => {
  const facts = [
    ...Array.from({ length: 6 }, (_, i) => org(i + 1, "BE", "hospital", { scoreChange: 10, moduleCompletions: 2 })),
    ...Array.from({ length: 3 }, (_, i) => org(i + 11, "NL", "hospital", { scoreChange: 4, moduleCompletions: 1 })),
    org(20, "NL", "home_care", { scanned: false }),
  ];

  it("shows totals and suppresses a small country together with its complement", () => {
    const table = indicatorTable(facts, null, "country", ["BE", "NL"]);
    expect(table.total.cells.organisationsScanned).toEqual({ available: true, decision: { shown: true }, value: 9 });
    expect(table.total.cells.meanScoreChange).toMatchObject({ value: 8 });
    const be = table.rows.find((r) => r.key === "BE");
    const nl = table.rows.find((r) => r.key === "NL");
    // NL has 3 scanned organisations: primary; BE (6) is suppressed too, else 9 − 6 = 3 and 15 − 12 = 3 reveal it.
    expect(nl?.cells.organisationsScanned).toEqual({ available: true, decision: { shown: false, reason: "small_group" }, value: null });
    expect(be?.cells.organisationsScanned).toEqual({ available: true, decision: { shown: false, reason: "complementary" }, value: null });
    expect(be?.cells.moduleCompletions).toMatchObject({ decision: { shown: false, reason: "complementary" }, value: null });
  });

  it("marks matching indicators as not available until the matching capability reports", () => {
    const table = indicatorTable(facts, null, "sector", ["hospital", "home_care"]);
    expect(table.total.cells.newcomersRegistered).toEqual({ available: false });
    expect(table.rows[0]?.cells.shareMatched).toEqual({ available: false });
  });

  it("aggregates matching rows, judged on organisations with newcomers", () => {
    const matching: MatchingIndicatorRow[] = facts.slice(0, 6).map((f, i) => ({
      organisationId: f.organisationId,
      newcomersRegistered: 4,
      newcomersMatched: 3,
      daysToMatch: [i + 1, 10],
      activeMatches: 2,
      completedMatches: 1,
    }));
    const table = indicatorTable(facts, matching, "sector", ["hospital", "home_care"]);
    expect(table.total.cells.newcomersRegistered).toMatchObject({ decision: { shown: true }, value: 24 });
    expect(table.total.cells.shareMatched).toMatchObject({ value: 0.75 });
    expect(table.total.cells.medianDaysToMatch).toMatchObject({ value: 8 });
    expect(table.rows[0]?.cells.activeMatches).toMatchObject({ decision: { shown: true }, value: 12 });
    // home care: no organisation with newcomers → an empty, shown cell without a value.
    expect(table.rows[1]?.cells.completedMatches).toEqual({ available: true, decision: { shown: true }, value: null });
  });

  it("suppresses the total itself below 5 contributors", () => {
    const table = indicatorTable(facts.slice(0, 4), null, "country", ["BE", "NL"]);
    expect(table.total.cells.organisationsScanned).toMatchObject({ decision: { shown: false, reason: "small_group" }, value: null });
    // With the total hidden no subtraction is possible: BE (4) is hidden on its own size only.
    expect(table.rows[0]?.cells.organisationsScanned).toMatchObject({ decision: { shown: false, reason: "small_group" } });
  });
});

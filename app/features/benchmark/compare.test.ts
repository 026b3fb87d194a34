import { describe, expect, it } from "vitest";
import { compare, UnknownOrganisationError, UnknownYearError } from "./compare";
import type { Dataset, DatasetOrganisation, DatasetScan } from "./dataset";

// A small hand-built world: 2 dimensions × 2 items.
function world(orgs: [country: string, sector: string, size: string, consented: boolean, scores: number[]][], periods = ["2025"]): Dataset {
  const organisations: DatasetOrganisation[] = orgs.map(([country, sector, sizeBand, consented], i) => ({
    id: i + 1,
    name: `Org ${i + 1}`,
    country,
    sector,
    sizeBand,
    consented,
    pseudonym: `AAAA${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
  }));
  const scans: DatasetScan[] = [];
  const latest = new Map<number, number>();
  orgs.forEach(([, , , , scores], org) => {
    periods.forEach((period, p) => {
      const score = (scores[p] ?? scores[0] ?? 0);
      scans.push({ org, period, submittedAt: `${period}-06-01T00:00:00Z`, overall: score, overallLevel: 3, dimensions: [score, score], dimensionLevels: [3, 3], answers: Int8Array.from([score >= 75 ? 3 : 1, -1, 4, 0]) });
      latest.set(org, scans.length - 1);
    });
  });
  return {
    version: 1,
    dimensions: [{ key: "a", nameNl: "A", nameEn: "A" }, { key: "b", nameNl: "B", nameEn: "B" }],
    items: [
      { key: "a.1", dimensionKey: "a", textNl: "", textEn: "" },
      { key: "a.2", dimensionKey: "a", textNl: "", textEn: "" },
      { key: "b.1", dimensionKey: "b", textNl: "", textEn: "" },
      { key: "b.2", dimensionKey: "b", textNl: "", textEn: "" },
    ],
    organisations,
    scans,
    latest,
    periods,
  };
}

const hosp = (country: string, consented: boolean, score: number) => [country, "hospital", "large", consented, [score]] as [string, string, string, boolean, number[]];

describe("compare", () => {
  const data = world([
    hosp("BE", true, 80), hosp("BE", false, 70), hosp("BE", false, 60), hosp("BE", false, 50), hosp("BE", false, 40), hosp("BE", false, 30),
    hosp("NL", false, 20), hosp("NL", true, 10), hosp("NL", false, 90),
  ]);

  it("shows the whole group with quartiles and per-item shares", () => {
    const result = compare(data, { breakdown: "country" });
    expect(result.group.decision.shown).toBe(true);
    expect(result.group.n).toBe(9);
    expect(result.group.overall).toMatchObject({ min: 10, q1: 30, median: 50, q3: 70, max: 90 });
    expect(result.items?.map((i) => i.share)).toEqual([2 / 9, null, 1, 0]) // 80 and 90 answer 3 on a.1;
  });

  it("suppresses the small country and its complement in the breakdown, with reasons", () => {
    const result = compare(data, { breakdown: "country" });
    expect(result.breakdown.cells.map((c) => [c.value, c.decision.shown ? c.n : (c.decision as { reason: string }).reason])).toEqual([
      ["BE", "complementary"],
      ["NL", "small_group"],
    ]);
  });

  it("refuses Belgium as a filter too: all minus Belgium would reveal the Netherlands", () => {
    const result = compare(data, { country: "BE", breakdown: "sector" });
    expect(result.group).toMatchObject({ decision: { shown: false, reason: "complementary" }, n: null, overall: null });
    expect(result.items).toBeNull();
    expect(result.rows).toBeNull();
  });

  it("lists consenting organisations by name and withholds the rest when their class is too small", () => {
    const result = compare(data, { breakdown: "sector" });
    // Non-consenting BE×hospital×large: 5 → pseudonyms; NL×hospital×large: 2 → withheld.
    expect(result.rows?.withheld).toBe(2);
    expect(result.rows?.shown.filter((r) => r.label.kind === "pseudonym")).toHaveLength(5);
    expect(result.rows?.shown.filter((r) => r.label.kind === "name").map((r) => r.label)).toEqual([
      { kind: "name", name: "Org 1" },
      { kind: "name", name: "Org 8" },
    ]);
    expect(JSON.stringify(result.rows)).not.toContain("Org 2");
  });

  it("sets one listed organisation against the group, and refuses one that is not listed", () => {
    expect(compare(data, { breakdown: "sector", org: "n1" }).selected?.overall).toBe(80);
    expect(() => compare(data, { breakdown: "sector", org: "n2" })).toThrow(UnknownOrganisationError);
    expect(() => compare(data, { breakdown: "sector", org: "pZZZZZZ" })).toThrow(UnknownOrganisationError);
  });

  it("rejects a year without scans", () => {
    expect(() => compare(data, { breakdown: "sector", year: "1999" })).toThrow(UnknownYearError);
  });

  it("judges each year of the trend on its own", () => {
    const twoYears = world(
      Array.from({ length: 6 }, (_, i) => ["BE", "hospital", "large", false, [10 * i, 10 * i + 5]] as [string, string, string, boolean, number[]]),
      ["2024", "2025"],
    );
    const result = compare(twoYears, { breakdown: "sector" });
    expect(result.trend.map((t) => [t.period, t.n, t.overall?.median])).toEqual([
      ["2024", 6, 25],
      ["2025", 6, 30],
    ]);
    const small = compare(world([hosp("BE", true, 50), hosp("BE", true, 60)]), { breakdown: "sector" });
    expect(small.trend[0]?.decision).toEqual({ shown: false, reason: "small_group" });
  });

  it("shows empty breakdown cells as 0 and hides a filter whose complement in a broader group is small", () => {
    const mixed = world([
      ...Array.from({ length: 7 }, () => ["NL", "hospital", "large", true, [50]] as [string, string, string, boolean, number[]]),
      ...Array.from({ length: 3 }, () => ["NL", "mental_health", "large", true, [40]] as [string, string, string, boolean, number[]]),
      ...Array.from({ length: 20 }, () => ["BE", "hospital", "large", true, [60]] as [string, string, string, boolean, number[]]),
    ]);
    const nl = compare(mixed, { country: "NL", breakdown: "sector" });
    expect(nl.group.n).toBe(10);
    expect(nl.breakdown.cells.map((c) => [c.value, c.decision.shown ? c.n : (c.decision as { reason: string }).reason])).toEqual([
      ["hospital", "complementary"],
      ["home_care", 0],
      ["elderly_care", 0],
      ["mental_health", "small_group"],
      ["disability_care", 0],
    ]);
    // NL × hospital (7) is large enough, but NL minus it leaves 3: hidden as a filter too.
    expect(compare(mixed, { country: "NL", sector: "hospital", breakdown: "sector" }).group.decision).toEqual({ shown: false, reason: "complementary" });
    // BE × hospital (20): BE has nothing else, and hospitals minus BE leave 7: shown.
    expect(compare(mixed, { country: "BE", sector: "hospital", breakdown: "sector" }).group.n).toBe(20);
  });
});

import { describe, expect, it } from "vitest";
import { compare, latestGroupScans, universe, UnknownOrganisationError, UnknownYearError } from "./compare";
import type { Dataset, DatasetOrganisation, DatasetScan } from "./dataset";

type Spec = [country: string, sector: string, size: string, consented: boolean, scores: number[]];

// A small hand-built world: 2 dimensions × 2 items; unit keys from a fixed mixer of organisation and period.
function world(orgs: Spec[], periods = ["2025"]): Dataset {
  const organisations: DatasetOrganisation[] = orgs.map(([country, sector, sizeBand, consented], i) => ({
    id: i + 1,
    name: `Org ${i + 1}`,
    country,
    sector,
    sizeBand,
    consented,
  }));
  const scans: DatasetScan[] = [];
  const latest = new Map<number, number>();
  orgs.forEach(([, , , , scores], org) => {
    periods.forEach((period, p) => {
      const score = scores[p] ?? scores[0] ?? 0;
      const key = Math.imul(org + 1, 0x9e3779b1) ^ Math.imul(Number(period), 0x85ebca6b);
      scans.push({
        org,
        key: key >>> 0,
        period,
        submittedAt: `${period}-06-01T00:00:00Z`,
        overall: score,
        overallLevel: 3,
        dimensions: [score, score],
        dimensionLevels: [3, 3],
        answers: Int8Array.from([score >= 75 ? 3 : 1, -1, 4, 0]),
      });
      latest.set(org, scans.length - 1);
    });
  });
  return {
    version: 1,
    dimensions: [
      { key: "a", nameNl: "A", nameEn: "A" },
      { key: "b", nameNl: "B", nameEn: "B" },
    ],
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

/** The same world without these organisations' scans of a period (they skipped that year). */
function skipping(data: Dataset, orgs: readonly number[], period: string): Dataset {
  const scans = data.scans.filter((s) => !(orgs.includes(s.org) && s.period === period));
  const latest = new Map<number, number>();
  scans.forEach((s, i) => latest.set(s.org, i));
  return { ...data, scans, latest };
}

const org = (country: string, sector: string, consented: boolean, score: number): Spec => [
  country,
  sector,
  "large",
  consented,
  [score],
];

describe("compare", () => {
  // BE: 2 named + 6 not named hospitals; NL: 1 named + 3 not named (remainder 3: never a group figure).
  const data = world([
    org("BE", "hospital", true, 80),
    org("BE", "hospital", true, 72),
    org("BE", "hospital", false, 70),
    org("BE", "hospital", false, 60),
    org("BE", "hospital", false, 50),
    org("BE", "home_care", false, 40),
    org("BE", "home_care", false, 30),
    org("BE", "home_care", false, 55),
    org("NL", "hospital", false, 20),
    org("NL", "hospital", true, 10),
    org("NL", "hospital", false, 90),
    org("NL", "hospital", false, 65),
  ]);

  it("a group of fewer than 20 publishes a perturbed mean near the truth and no median, quartiles, min or max (decision 047)", () => {
    const result = compare(data, { breakdown: "country" });
    const g = result.group;
    expect(g.shown).toBe(true);
    expect(g.measure).toBe("mean");
    expect(Math.abs((g.n ?? 0) - 12)).toBeLessThanOrEqual(4); // group sizes: at most 4 (decision 046)
    // True mean 53.5 (642 / 12), 12 organisations: at most 1.5 points of noise, then rounded: within 2.
    expect(Math.abs((g.overall.mean ?? 0) - 53.5)).toBeLessThanOrEqual(2);
    expect(Number.isInteger(g.overall.mean)).toBe(true);
    expect(g.overall).toMatchObject({ median: null, q1: null, q3: null });
    expect(Object.keys(g.overall).sort()).toEqual(["mean", "median", "q1", "q3"]);
    expect(JSON.stringify(result)).not.toMatch(/"(min|max)"/);
  });

  it("a group of 20 or more publishes median and quartiles near the truth and no mean (decision 047)", () => {
    const twenty = world(Array.from({ length: 20 }, (_, i) => org("BE", "hospital", i < 10, 30 + 2 * i)));
    const g = compare(twenty, { breakdown: "country" }).group;
    expect(g.measure).toBe("median");
    // True median 49 (values 30, 32, …, 68): at most 1 point of noise (20 organisations), then rounded.
    expect(Math.abs((g.overall.median ?? 0) - 49)).toBeLessThanOrEqual(1.5);
    expect(g.overall.q1).not.toBeNull();
    expect(g.overall.q3).not.toBeNull();
    expect(g.overall.mean).toBeNull();
    // Nineteen of them: a mean, and no order statistic at all.
    const nineteen = world(Array.from({ length: 19 }, (_, i) => org("BE", "hospital", i < 10, 30 + 2 * i)));
    expect(compare(nineteen, { breakdown: "country" }).group.overall).toMatchObject({
      median: null,
      q1: null,
      q3: null,
    });
  });

  it("hides a group whose non-named remainder is 1–4 and gives it no size", () => {
    const nl = compare(data, { country: "NL", breakdown: "sector" });
    const none = { mean: null, median: null, q1: null, q3: null };
    expect(nl.group).toEqual({ shown: false, n: null, measure: null, overall: none, dimensions: [none, none] });
    expect(nl.items).toBeNull();
    // …but its consenting organisation is still listed by name with its own scores.
    expect(nl.rows.shown.map((r) => r.name)).toEqual(["Org 10"]);
  });

  it("a breakdown cell gets exactly the figures of the equivalent filter (same organisations, same key)", () => {
    const all = compare(data, { breakdown: "country" });
    const be = compare(data, { country: "BE", breakdown: "sector" });
    const cell = all.breakdown.cells.find((c) => c.value === "BE");
    expect(cell?.n).toBe(be.group.n);
    expect(cell?.measure).toBe("mean");
    expect(cell?.overall).toBe(be.group.overall.mean);
    expect(cell?.dimensions).toEqual(be.group.dimensions.map((f) => f.mean));
    // BE has 8 organisations: a mean, no median and no quartiles.
    expect(be.group.overall).toMatchObject({ median: null, q1: null, q3: null });
    // An empty cell and a hidden one look the same: not shown.
    expect(all.breakdown.cells.find((c) => c.value === "NL")).toEqual({
      value: "NL",
      n: null,
      measure: null,
      overall: null,
      dimensions: [null, null],
    });
    expect(be.breakdown.cells.find((c) => c.value === "disability_care")).toEqual({
      value: "disability_care",
      n: null,
      measure: null,
      overall: null,
      dimensions: [null, null],
    });
  });

  it("is deterministic: the same filters give the same figures", () => {
    expect(compare(data, { breakdown: "sector" })).toEqual(compare(data, { breakdown: "sector" }));
  });

  it("lists only consenting organisations by name, never the others", () => {
    const result = compare(data, { breakdown: "country" });
    expect(result.rows.shown.map((r) => r.name)).toEqual(["Org 1", "Org 2", "Org 10"]);
    const text = JSON.stringify(result);
    for (const hidden of ["Org 3", "Org 4", "Org 11", "Org 12"]) expect(text).not.toContain(`"${hidden}"`);
  });

  it("item shares are perturbed and never 0 % or 100 % where fewer than 5 are not named", () => {
    const named = world(Array.from({ length: 6 }, (_, i) => org("BE", "hospital", true, 80 + i)));
    const items = compare(named, { breakdown: "country" }).items ?? [];
    // Every organisation answered a.1 with 3 and b.2 with 0: published as neither 100 % nor 0 %.
    expect(items.find((i) => i.key === "a.1")?.share).not.toBe(1);
    expect(items.find((i) => i.key === "b.2")?.share).not.toBe(0);
    // Nobody answered a.2 (don't know): not shown.
    expect(items.find((i) => i.key === "a.2")?.share).toBeNull();
  });

  it("sets only a named organisation of the group against it; anything else is not shown", () => {
    expect(compare(data, { breakdown: "country", org: "n1" }).selected?.name).toBe("Org 1");
    expect(() => compare(data, { breakdown: "country", org: "n3" })).toThrow(UnknownOrganisationError);
    expect(() => compare(data, { country: "NL", breakdown: "country", org: "n1" })).toThrow(UnknownOrganisationError);
    expect(() => compare(data, { breakdown: "country", org: "n999" })).toThrow(UnknownOrganisationError);
  });

  it("trend points are groups of their year; an unknown year is an error", () => {
    const years = world(
      Array.from({ length: 10 }, (_, i): Spec => ["BE", "hospital", "large", i < 5, [40 + i, 50 + i]]),
      ["2024", "2025"],
    );
    const result = compare(years, { breakdown: "country" });
    expect(result.trend.map((p) => p.period)).toEqual(["2024", "2025"]);
    // Ten organisations: a mean (true 54.5), within 2 points.
    expect(Math.abs((result.trend[1]?.overall.mean ?? 0) - 54.5)).toBeLessThanOrEqual(2);
    expect(result.trend[1]?.overall.mean).toBe(
      compare(years, { year: "2025", breakdown: "country" }).group.overall.mean,
    );
    expect(() => compare(years, { year: "1999", breakdown: "country" })).toThrow(UnknownYearError);
  });

  describe("the latest-scan universe next to its last year (rule 5, decision 185)", () => {
    // Twelve hospitals in BE, four named; two years; scores differ per year so every group has its own mean.
    const twoYears = world(
      Array.from({ length: 12 }, (_, i): Spec => ["BE", "hospital", "large", i < 4, [30 + 4 * i, 35 + 4 * i]]),
      ["2024", "2025"],
    );

    it("one non-named organisation that skipped the last year does not join 'latest': the two groups publish the same figures, so differencing them gives nothing", () => {
      const data = skipping(twoYears, [10], "2025");
      const latest = compare(data, { breakdown: "country" });
      const lastYear = compare(data, { year: "2025", breakdown: "country" });
      expect(latest.group).toEqual(lastYear.group);
      expect(latest.items).toEqual(lastYear.items);
      expect(latest.breakdown.cells).toEqual(lastYear.breakdown.cells);
    });

    it("five or more non-named organisations that skipped it do join, with their latest scan", () => {
      const data = skipping(twoYears, [4, 5, 6, 7, 8], "2025");
      const scans = latestGroupScans(data, universe(data, undefined));
      expect(scans).toHaveLength(12);
      expect(scans.filter((s) => s.period === "2024").map((s) => s.org)).toEqual([4, 5, 6, 7, 8]);
    });

    it("a named organisation that skipped it stays in 'latest' (its scores are shown by name), listed as before", () => {
      const data = skipping(twoYears, [1, 10], "2025");
      const scans = latestGroupScans(data, universe(data, undefined));
      expect(scans.map((s) => s.org)).toContain(1);
      expect(scans.map((s) => s.org)).not.toContain(10);
      expect(compare(data, { breakdown: "country" }).rows.shown.map((r) => r.name)).toContain("Org 2");
    });

    it("HR's peers and a partner's group follow the same rule: the scans are those of the last year plus named stragglers", () => {
      const data = skipping(twoYears, [2, 9], "2025");
      const peers = universe(data, undefined).filter((s) => s.org !== 0);
      expect(
        latestGroupScans(data, peers)
          .map((s) => `${s.org}:${s.period}`)
          .sort(),
      ).toEqual(
        [...Array.from({ length: 11 }, (_, i) => i + 1).filter((i) => i !== 2 && i !== 9), 2]
          .map((i) => `${i}:${i === 2 ? "2024" : "2025"}`)
          .sort(),
      );
    });

    it("a breakdown cell outside the filter is empty, not the other value's group", () => {
      const data = skipping(twoYears, [10], "2025");
      const cells = compare(data, { country: "NL", breakdown: "country" }).breakdown.cells;
      expect(cells.every((c) => c.n === null && c.overall === null)).toBe(true);
      const be = compare(data, { country: "BE", breakdown: "country" }).breakdown.cells;
      expect(be.find((c) => c.value === "NL")?.n).toBeNull();
      expect(be.find((c) => c.value === "BE")?.overall).not.toBeNull();
    });
  });
});

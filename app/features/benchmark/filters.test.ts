import { describe, expect, it } from "vitest";
import { COUNTRIES, SECTORS, SIZE_BANDS } from "@db/schema";
import { FILTER_COUNTRIES, FILTER_SECTORS, FILTER_SIZE_BANDS, filtersToQuery, parseComparisonFilters } from "./filters";

describe("parseComparisonFilters", () => {
  it.each([
    ["", { breakdown: "sector" }],
    ["country=BE", { country: "BE", breakdown: "sector" }],
    ["country=&sector=hospital&year=2025", { sector: "hospital", year: "2025", breakdown: "sector" }],
    ["sizeBand=small&breakdown=country&org=n12", { sizeBand: "small", breakdown: "country", org: "n12" }],
    ["org=n12", { org: "n12", breakdown: "sector" }],
  ])("accepts %j", (query, expected) => {
    expect(parseComparisonFilters(new URLSearchParams(query))).toEqual({ ok: true, filters: expected });
  });

  it.each([
    ["country=FR", "country", "benchmark.errors.unknownValue"],
    ["sector=education", "sector", "benchmark.errors.unknownValue"],
    ["sizeBand=huge", "sizeBand", "benchmark.errors.unknownValue"],
    ["year=last", "year", "benchmark.errors.unknownValue"],
    ["breakdown=name", "breakdown", "benchmark.errors.unknownValue"],
    ["org=12", "org", "benchmark.errors.unknownValue"],
    // Pseudonymous rows are gone (decision 042): an old pseudonym reference is an unknown value.
    ["org=pABCDEF", "org", "benchmark.errors.unknownValue"],
    ["country=BE&country=NL", "country", "benchmark.errors.unknownValue"],
    ["colour=red", "colour", "benchmark.errors.unknownFilter"],
  ])("rejects %j with a message on %s", (query, field, message) => {
    const result = parseComparisonFilters(new URLSearchParams(query));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toEqual([message]);
  });

  it("round-trips through the query string", () => {
    const result = parseComparisonFilters(new URLSearchParams("country=NL&year=2024&breakdown=sizeBand"));
    expect(result.ok && filtersToQuery(result.filters)).toBe("?country=NL&year=2024&breakdown=sizeBand");
  });

  it("offers only values the data model knows", () => {
    for (const c of FILTER_COUNTRIES) expect(COUNTRIES).toContain(c);
    for (const s of FILTER_SECTORS) expect(SECTORS).toContain(s);
    for (const b of FILTER_SIZE_BANDS) expect(SIZE_BANDS).toContain(b);
  });
});

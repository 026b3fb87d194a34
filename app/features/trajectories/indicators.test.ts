import { describe, expect, it } from "vitest";
import { COUNT_MAX_DEVIATION } from "~/features/benchmark/disclosure";
import { outcomeRow, type OrganisationOutcomes } from "./indicators";
import type { PersonFigures } from "./rules";

const person = (over: Partial<PersonFigures>): PersonFigures => ({
  retained6: null,
  retained12: null,
  atLevel12: null,
  monthsToRecognition: null,
  monthsToLevelContract: null,
  languageGain: null,
  ...over,
});
const org = (id: number, people: PersonFigures[]): OrganisationOutcomes => ({
  organisationId: id,
  country: "BE",
  sector: "hospital",
  scanBand: "middle",
  people,
});
const keyOf = (id: number, context: string) => (id * 2654435761 + context.length * 40503) >>> 0;

describe("programme outcome figures follow the disclosure rules", () => {
  it("four contributing organisations: nothing shown; five: a figure near the truth", () => {
    const people = Array.from({ length: 4 }, () =>
      person({ atLevel12: true, retained12: true, monthsToRecognition: 10 }),
    );
    const four = [1, 2, 3, 4].map((id) => org(id, people));
    expect(outcomeRow("x", four, keyOf).values).toMatchObject({
      atLevel12: null,
      retained12: null,
      medianMonthsToRecognition: null,
    });
    const five = [...four, org(5, [person({ atLevel12: false, retained12: true, monthsToRecognition: 12 })])];
    const row = outcomeRow("x", five, keyOf).values;
    // 16 of 21 at level; each count may move by at most COUNT_MAX_DEVIATION.
    expect(row.atLevel12).not.toBeNull();
    expect(row.atLevel12 ?? 0).toBeGreaterThanOrEqual((16 - COUNT_MAX_DEVIATION) / (21 + COUNT_MAX_DEVIATION) - 0.01);
    expect(row.atLevel12 ?? 2).toBeLessThanOrEqual(
      Math.min(1, (16 + COUNT_MAX_DEVIATION) / (21 - COUNT_MAX_DEVIATION)) + 0.01,
    );
    expect(Math.abs((row.medianMonthsToRecognition ?? 99) - 10)).toBeLessThanOrEqual(3);
  });

  it("organisations whose people are all censored do not count towards the five", () => {
    const known = [1, 2, 3, 4].map((id) => org(id, [person({ atLevel12: true })]));
    const censored = org(5, [person({ atLevel12: null }), person({ atLevel12: null })]);
    expect(outcomeRow("x", [...known, censored], keyOf).values.atLevel12).toBeNull();
  });

  it("the same organisations with the same values always give the same figure", () => {
    const orgs = [1, 2, 3, 4, 5, 6].map((id) => org(id, [person({ retained6: id % 2 === 0, languageGain: id % 3 })]));
    expect(outcomeRow("a", orgs, keyOf)).toEqual({ ...outcomeRow("b", orgs, keyOf), key: "a" });
  });
});

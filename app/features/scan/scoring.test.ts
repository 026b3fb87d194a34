import { describe, expect, it } from "vitest";
import { levelOf, scoreScan, type AnswerValue, type Answers, type ScoringInstrument } from "./scoring";

// 8 dimensions × 5 items, core item = the first item of dimensions 1, 4, 5 and 6 (as in version 1).
const instrument: ScoringInstrument = {
  dimensions: Array.from({ length: 8 }, (_, d) => ({
    key: `d${d + 1}`,
    items: Array.from({ length: 5 }, (_, i) => ({
      key: `d${d + 1}.${i + 1}`,
      core: i === 0 && [0, 3, 4, 5].includes(d),
    })),
  })),
};

function answersFrom(rows: Record<string, AnswerValue[]>): Answers {
  const out: Record<string, AnswerValue> = {};
  for (const [dimension, values] of Object.entries(rows)) values.forEach((v, i) => (out[`${dimension}.${i + 1}`] = v));
  return out;
}

function all(value: AnswerValue): Record<string, AnswerValue[]> {
  return Object.fromEntries(instrument.dimensions.map((d) => [d.key, [value, value, value, value, value]]));
}

describe("levelOf", () => {
  it.each([
    [0, 1],
    [19.999, 1],
    [20, 2],
    [39.99, 2],
    [40, 3],
    [59.99, 3],
    [60, 4],
    [79.99, 4],
    [80, 5],
    [100, 5],
  ])("score %s is level %s", (score, level) => expect(levelOf(score)).toBe(level));

  it.each([-1, 100.01, Number.NaN])("refuses %s", (score) => expect(() => levelOf(score)).toThrow(RangeError));
});

describe("dimension scores", () => {
  const cases: [string, AnswerValue[], number | null, number][] = [
    ["all 4s", ["4", "4", "4", "4", "4"], 100, 5],
    ["all 0s", ["0", "0", "0", "0", "0"], 0, 5],
    ["mean 2 → 50", ["0", "1", "2", "3", "4"], 50, 5],
    ["don't know left out", ["4", "4", "2", "dont_know", "dont_know"], (10 / 3) * 25, 3],
    ["n.a. left out", ["1", "not_applicable", "2", "3", "not_applicable"], 50, 3],
    ["two scored → insufficient", ["4", "4", "dont_know", "not_applicable", "dont_know"], null, 2],
    ["unanswered items do not count", ["3", "3", "3"], 75, 3],
    ["nothing answered", [], null, 0],
  ];
  it.each(cases)("%s", (_name, values, score, scored) => {
    const result = scoreScan(instrument, answersFrom({ d2: values }));
    const d2 = result.dimensions.find((d) => d.key === "d2");
    expect(d2?.scoredItems).toBe(scored);
    if (score === null) expect(d2?.score).toBeNull();
    else expect(d2?.score).toBeCloseTo(score, 10);
  });

  it("keeps scores unrounded", () => {
    const result = scoreScan(instrument, answersFrom({ d1: ["1", "1", "2"] }));
    expect(result.dimensions[0]?.score).toBeCloseTo(33.333333, 5);
    expect(result.dimensions[0]?.level).toBe(2);
  });
});

describe("overall score and level", () => {
  it("is the mean of the eight dimension scores", () => {
    const rows = all("2");
    rows.d1 = ["4", "4", "4", "4", "4"]; // 100
    rows.d8 = ["0", "0", "0", "0", "0"]; // 0
    const result = scoreScan(instrument, answersFrom(rows));
    expect(result.overall).toBeCloseTo((100 + 0 + 6 * 50) / 8, 10);
  });

  it("is absent when any dimension has insufficient data", () => {
    const rows = all("3");
    rows.d5 = ["3", "3", "dont_know", "dont_know", "not_applicable"];
    const result = scoreScan(instrument, answersFrom(rows));
    expect(result.overall).toBeNull();
    expect(result.overallLevel).toBeNull();
    expect(result.dimensions.find((d) => d.key === "d5")?.score).toBeNull();
  });

  it("caps the overall level at the weakest dimension's level + 2", () => {
    const rows = all("4"); // seven dimensions at 100
    rows.d3 = ["0", "0", "0", "0", "0"]; // one at 0 → level 1
    const result = scoreScan(instrument, answersFrom(rows));
    expect(result.overall).toBeCloseTo(87.5, 10);
    expect(result.uncappedLevel).toBe(5);
    expect(result.overallLevel).toBe(3);
    expect(result.capped).toBe(true);
  });

  it("does not cap when the weakest dimension is close enough", () => {
    const rows = all("3"); // 75 → level 4 everywhere
    rows.d3 = ["1", "1", "2", "2", "2"]; // 40 → level 3
    const result = scoreScan(instrument, answersFrom(rows));
    expect(result.uncappedLevel).toBe(4);
    expect(result.overallLevel).toBe(4);
    expect(result.capped).toBe(false);
  });

  it("counts answered items, don't know and n.a. included", () => {
    const rows = all("dont_know");
    const result = scoreScan(instrument, answersFrom(rows));
    expect(result.answeredItems).toBe(40);
    expect(result.totalItems).toBe(40);
    expect(result.overall).toBeNull();
  });
});

describe("core items", () => {
  it.each<[AnswerValue, boolean]>([
    ["0", true],
    ["1", true],
    ["2", false],
    ["4", false],
    ["dont_know", false],
    ["not_applicable", false],
  ])("a core item answered %s is flagged: %s", (value, flagged) => {
    const result = scoreScan(instrument, { "d4.1": value, "d4.2": "0" });
    expect(result.flaggedCoreItems.includes("d4.1")).toBe(flagged);
    expect(result.flaggedCoreItems).not.toContain("d4.2");
  });

  it("lists flags in instrument order", () => {
    const result = scoreScan(instrument, { "d6.1": "0", "d1.1": "1", "d5.1": "1" });
    expect(result.flaggedCoreItems).toEqual(["d1.1", "d5.1", "d6.1"]);
  });
});

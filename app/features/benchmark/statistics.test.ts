import { describe, expect, it } from "vitest";
import { mean, median, quantileSorted, shareAtLeast, summarise } from "./statistics";

describe("quantileSorted (type 7)", () => {
  const cases: [number[], number, number | null][] = [
    [[], 0.5, null],
    [[7], 0, 7],
    [[7], 0.5, 7],
    [[7], 1, 7],
    [[1, 2], 0.5, 1.5],
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[1, 2, 3, 4, 5], 0.25, 2],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4, 5], 0.75, 4],
    [[0, 25, 50, 75, 100], 0, 0],
    [[0, 25, 50, 75, 100], 1, 100],
    [[10, 20, 30, 40, 50, 60], 0.25, 22.5],
  ];
  it.each(cases)("%j at %d → %s", (values, p, expected) => {
    expect(quantileSorted(values, p)).toBe(expected);
  });
  it("rejects a p outside 0–1", () => {
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], Number.NaN)).toThrow(RangeError);
  });
});

describe("median and mean", () => {
  it.each([
    [[], null, null],
    [[3, 1, 2], 2, 2],
    [[4, 1, 3, 2], 2.5, 2.5],
    [[null, 5, undefined, Number.NaN, 1], 3, 3],
    [[50, 50, 50, 50, 100], 50, 60],
  ] as [(number | null | undefined)[], number | null, number | null][])("%j → median %s, mean %s", (values, m, avg) => {
    expect(median(values)).toBe(m);
    expect(mean(values)).toBe(avg);
  });
});

describe("summarise", () => {
  it("gives nothing for no numbers", () => {
    expect(summarise([null, undefined])).toBeNull();
  });
  it("sorts unsorted input and leaves out nulls", () => {
    expect(summarise([40, null, 10, 30, 20, 50])).toEqual({ n: 5, min: 10, q1: 20, median: 30, q3: 40, max: 50, mean: 30 });
  });
  it("handles ties and a single value", () => {
    expect(summarise([62.5])).toEqual({ n: 1, min: 62.5, q1: 62.5, median: 62.5, q3: 62.5, max: 62.5, mean: 62.5 });
    expect(summarise([0, 0, 0, 100])).toMatchObject({ q1: 0, median: 0, q3: 25, max: 100, mean: 25 });
  });
});

describe("shareAtLeast", () => {
  it.each([
    [[], { share: null, answered: 0 }],
    [[null, null], { share: null, answered: 0 }],
    [[3, 4, 2, 1], { share: 0.5, answered: 4 }],
    [[3, null, 0, 4, null], { share: 2 / 3, answered: 3 }],
    [[2, 2, 2], { share: 0, answered: 3 }],
  ] as [(number | null)[], { share: number | null; answered: number }][])("%j", (values, expected) => {
    expect(shareAtLeast(values, 3)).toEqual(expected);
  });
});

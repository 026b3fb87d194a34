import { describe, expect, it } from "vitest";
import {
  batchFor,
  groupExperience,
  isShown,
  openAnswersToShow,
  periodOf,
  previousPeriod,
  publishedRows,
  scaleToScore,
  type PulseValue,
} from "./anonymity";

const statements = [
  { key: "a1", dimensionKey: "language" },
  { key: "a2", dimensionKey: "language" },
  { key: "b1", dimensionKey: "onboarding" },
];
const DIMS = ["language", "onboarding", "recognition"];
const rows = (list: Record<string, PulseValue>[], batches?: number[]) =>
  list.map((answers, i) => ({ batch: batches?.[i] ?? Math.floor(i / 5), answers }));

describe("periods and batches", () => {
  it.each([
    ["2026-01-01", "2026-H1"],
    ["2026-06-30", "2026-H1"],
    ["2026-07-01", "2026-H2"],
    ["2026-12-31T23:59:59.000Z", "2026-H2"],
  ])("%s falls in %s", (date, period) => expect(periodOf(date)).toBe(period));

  it.each([
    ["2026-H2", "2026-H1"],
    ["2026-H1", "2025-H2"],
  ])("before %s comes %s", (p, before) => expect(previousPeriod(p)).toBe(before));

  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [9, 1],
    [10, 2],
  ])("with %i answers in the group the next joins batch %i", (n, batch) => expect(batchFor(n)).toBe(batch));

  it.each([
    [4, false],
    [5, true],
    [0, false],
    [4.5, false],
  ])("a group of %s is shown: %s", (n, shown) => expect(isShown(n)).toBe(shown));

  it("publishes complete batches only", () => {
    const r = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2].map((batch, i) => ({ batch, i }));
    expect(publishedRows(r).map((x) => x.i)).toEqual([0, 1, 2, 3, 4]);
    expect(publishedRows(r.slice(0, 4))).toEqual([]);
  });

  it.each([
    [1, 0],
    [2, 25],
    [3, 50],
    [4, 75],
    [5, 100],
  ] as const)("agreement %i is %i on the 0–100 scale", (v, s) => expect(scaleToScore(v)).toBe(s));
});

describe("group experience", () => {
  it("shows nothing for four answers", () => {
    expect(groupExperience(rows(Array(4).fill({ a1: 5, a2: 5, b1: 5 })), statements, DIMS)).toEqual({ shown: false });
  });

  it("a sixth answer does not change what five showed (no differencing a single person)", () => {
    const five = rows(Array(5).fill({ a1: 3, a2: 3, b1: 3 }));
    const six = rows([...Array(5).fill({ a1: 3, a2: 3, b1: 3 }), { a1: 1, a2: 1, b1: 1 }]);
    expect(groupExperience(six, statements, DIMS)).toEqual(groupExperience(five, statements, DIMS));
  });

  it("scores a dimension as the mean of respondents' means; don't know is left out; below five respondents no score", () => {
    const list: Record<string, PulseValue>[] = [
      { a1: 5, a2: 3, b1: "dont_know" }, // language 75
      { a1: 1, a2: "dont_know", b1: "dont_know" }, // language 0
      { a1: 4, a2: 4, b1: 5 }, // language 75
      { a1: 2, a2: 2, b1: 5 }, // language 25
      { a1: "dont_know", a2: 5, b1: 5 }, // language 100
    ];
    const r = groupExperience(rows(list), statements, DIMS);
    expect(r.shown).toBe(true);
    if (!r.shown) return;
    expect(r.respondents).toBe(5);
    expect(r.dimensions).toEqual([
      { key: "language", respondents: 5, score: 55 },
      { key: "onboarding", respondents: 3, score: null },
      { key: "recognition", respondents: 0, score: null },
    ]);
    expect(r.statements.find((s) => s.key === "a1")).toEqual({ key: "a1", respondents: 4, score: null });
    expect(r.statements.find((s) => s.key === "a2")).toEqual({ key: "a2", respondents: 4, score: null });
  });

  it("ignores values outside the scale that somehow got stored", () => {
    const list = Array(5).fill({ a1: 9, a2: 3, b1: 3 }) as Record<string, PulseValue>[];
    const r = groupExperience(rows(list), statements, DIMS);
    expect(r.shown && r.dimensions[0]).toEqual({ key: "language", respondents: 5, score: 50 });
  });
});

describe("open answers", () => {
  const open = (n: number) => Array.from({ length: n }, (_, i) => ({ batch: Math.floor(i / 5), text: `t${i}` }));

  it("hides four and the incomplete batch of nine", () => {
    expect(openAnswersToShow(open(4))).toEqual({ shown: false });
    const nine = openAnswersToShow(open(9));
    expect(nine.shown && nine.texts.slice().sort()).toEqual(["t0", "t1", "t2", "t3", "t4"]);
  });

  it("shuffles them with the random source, not in stored order", () => {
    let seed = 1;
    const rng = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const shown = openAnswersToShow(open(10), rng);
    expect(shown.shown && shown.texts.slice().sort()).toEqual(
      open(10)
        .map((o) => o.text)
        .sort(),
    );
    expect(shown.shown && shown.texts).not.toEqual(open(10).map((o) => o.text));
  });
});

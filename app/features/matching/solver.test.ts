import { describe, expect, it } from "vitest";
import { verifyAssignment } from "./certificate";
import {
  type AssignmentInstance,
  EXACT_LIMIT,
  SolverInputError,
  slotPenalty,
  solveAssignment,
  validateInstance,
} from "./solver";

/** Small deterministic generator (mulberry32) so every failing case can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every assignment by enumeration: the lexicographic optimum (matched, total). */
function bruteForce(instance: AssignmentInstance): { matched: number; total: number } {
  const { scores, capacities, slotPenalties } = instance;
  const n = scores.length;
  const m = capacities.length;
  const load = new Array<number>(m).fill(0);
  let best = { matched: -1, total: -Infinity };
  const visit = (i: number, matched: number, sum: number): void => {
    if (i === n) {
      let total = sum;
      for (let j = 0; j < m; j++) for (let k = 0; k < load[j]!; k++) total -= slotPenalty(slotPenalties, k);
      if (matched > best.matched || (matched === best.matched && total > best.total + 1e-9)) best = { matched, total };
      return;
    }
    visit(i + 1, matched, sum);
    for (let j = 0; j < m; j++) {
      const s = scores[i]![j];
      if (s === null || s === undefined || load[j]! >= capacities[j]!) continue;
      load[j]!++;
      visit(i + 1, matched + 1, sum + s);
      load[j]!--;
    }
  };
  visit(0, 0, 0);
  return best;
}

function randomInstance(seed: number): AssignmentInstance {
  const next = rng(seed);
  const n = 1 + Math.floor(next() * 5);
  const m = 1 + Math.floor(next() * 4);
  const forbidden = next() * 0.7;
  const integer = next() < 0.6;
  const coarse = next() < 0.3;
  const scores = Array.from({ length: n }, () =>
    Array.from({ length: m }, () => {
      if (next() < forbidden) return null;
      if (coarse) return Math.floor(next() * 3);
      return integer ? Math.floor(next() * 41) - 10 : Math.round((next() * 20 - 5) * 1000) / 1000;
    }),
  );
  const capacities = Array.from({ length: m }, () => Math.floor(next() * 3));
  const instance: AssignmentInstance = { scores, capacities };
  if (next() < 0.5) {
    const first = Math.floor(next() * 3);
    instance.slotPenalties = [0, first, first + Math.floor(next() * 4)];
  }
  return instance;
}

/** Solves, compares (matched, total) with brute force and checks the certificate; returns the solver's result. */
function expectOptimalAndCertified(instance: AssignmentInstance, context: string) {
  const result = solveAssignment(instance);
  const expected = bruteForce(instance);
  expect(result.matched, context).toBe(expected.matched);
  expect(result.total, context).toBeCloseTo(expected.total, 6);
  expect(verifyAssignment(instance, result), context).toEqual({ ok: true });
  return result;
}

describe("solveAssignment against brute force", () => {
  it("reaches the lexicographic optimum (matched, then total) with a valid certificate on 600 random instances", () => {
    for (let seed = 1; seed <= 600; seed++) {
      const instance = randomInstance(seed);
      expectOptimalAndCertified(instance, `seed ${seed}: ${JSON.stringify(instance)}`);
    }
  });
});

describe("solveAssignment cases", () => {
  it("is exact and certified when more newcomers than slots and ties everywhere (all slots full, rows dropped)", () => {
    // Rows outnumber slots; coarse tied scores and penalties: the last rows meet only full buddies, where the
    // solver may keep a row's own unmatched arc without a Dijkstra (phase 3 shortcut).
    for (let seed = 1; seed <= 300; seed++) {
      const next = rng(10_000 + seed);
      const n = 3 + Math.floor(next() * 4);
      const m = 1 + Math.floor(next() * 3);
      const scores = Array.from({ length: n }, () =>
        Array.from({ length: m }, () => (next() < 0.2 ? null : 10 * Math.floor(next() * 3))),
      );
      const capacities = Array.from({ length: m }, () => 1 + Math.floor(next() * 2));
      const instance: AssignmentInstance = { scores, capacities, slotPenalties: [0, 3] };
      const context = `seed ${seed}: ${JSON.stringify(instance)}`;
      const result = expectOptimalAndCertified(instance, context);
      expect(solveAssignment(structuredClone(instance)), context).toEqual(result);
    }
  });

  it("prefers one more match over a higher total", () => {
    // Row 0 alone on buddy 0 scores 100; matching both rows scores 1 + 1.
    const instance = {
      scores: [
        [100, 1],
        [1, null],
      ],
      capacities: [1, 1],
    };
    const result = solveAssignment(instance);
    expect(result.pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(result).toMatchObject({ matched: 2, total: 2, unmatched: [] });
  });

  it("leaves the weaker newcomer unmatched when two compete for one buddy", () => {
    const result = solveAssignment({ scores: [[1], [10]], capacities: [1] });
    expect(result.pairs).toEqual([[1, 0]]);
    expect(result.unmatched).toEqual([0]);
    expect(result.total).toBe(10);
  });

  it("reports rows with only forbidden pairs, and buddies of capacity 0, as unmatched", () => {
    const instance = {
      scores: [
        [null, null],
        [5, 7],
        [3, 9],
      ],
      capacities: [1, 0],
    };
    const result = solveAssignment(instance);
    expect(result.pairs).toEqual([[1, 0]]);
    expect(result.unmatched).toEqual([0, 2]);
    expect(verifyAssignment(instance, result)).toEqual({ ok: true });
  });

  it("never uses a forbidden pair, even when every allowed pair scores badly", () => {
    const result = solveAssignment({
      scores: [
        [null, -50],
        [null, null],
      ],
      capacities: [2, 2],
    });
    expect(result.pairs).toEqual([[0, 1]]);
    expect(result.total).toBe(-50);
  });

  it("fills a buddy up to its capacity and no further", () => {
    const instance = {
      scores: [
        [9, 1],
        [9, 1],
        [9, 1],
      ],
      capacities: [2, 5],
    };
    const result = solveAssignment(instance);
    expect(result.pairs).toEqual([
      [0, 0],
      [1, 0],
      [2, 1],
    ]);
    expect(result.total).toBe(19);
  });

  it("spreads newcomers when the slot penalty outweighs the score difference", () => {
    const instance = {
      scores: [
        [10, 8],
        [10, 8],
      ],
      capacities: [2, 2],
      slotPenalties: [0, 3],
    };
    const result = solveAssignment(instance);
    expect(result.pairs).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(result.total).toBe(18);
    expect(solveAssignment({ ...instance, slotPenalties: [0, 1] }).total).toBe(19);
  });

  it("breaks ties by the lowest column index", () => {
    expect(solveAssignment({ scores: [[5, 5, 5]], capacities: [1, 1, 1] }).pairs).toEqual([[0, 0]]);
    expect(
      solveAssignment({
        scores: [
          [5, 5, 5],
          [5, 5, 5],
        ],
        capacities: [1, 1, 1],
      }).pairs,
    ).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(solveAssignment({ scores: [[null, 4, 4]], capacities: [1, 0, 1] }).pairs).toEqual([[0, 2]]);
  });

  it("is deterministic: the same input gives the same output", () => {
    const instance = randomInstance(42);
    expect(solveAssignment(instance)).toEqual(solveAssignment(structuredClone(instance)));
    // Tie-heavy, with capacities and penalties: all three phases of the solver run.
    const next = rng(11);
    const scores = Array.from({ length: 80 }, () =>
      Array.from({ length: 30 }, () => (next() < 0.3 ? null : 10 * Math.floor(next() * 3))),
    );
    const tied = { scores, capacities: Array.from({ length: 30 }, (_, j) => 1 + (j % 3)), slotPenalties: [0, 3, 6] };
    const first = solveAssignment(tied);
    expect(verifyAssignment(tied, first)).toEqual({ ok: true });
    expect(solveAssignment(structuredClone(tied))).toEqual(first);
  });

  it("moves an earlier newcomer to another equally good buddy when a later one needs its buddy", () => {
    // Row 0 first takes buddy 0 (its lowest-index best); row 1 can only use buddy 0, so row 0 moves to buddy 1.
    expect(
      solveAssignment({
        scores: [
          [5, 5],
          [5, null],
        ],
        capacities: [1, 1],
      }).pairs,
    ).toEqual([
      [0, 1],
      [1, 0],
    ]);
    // With a slot penalty, a second newcomer on buddy 0 costs more than moving to the equally good buddy 1.
    expect(
      solveAssignment({
        scores: [
          [7, 7],
          [7, null],
        ],
        capacities: [2, 1],
        slotPenalties: [0, 2],
      }).pairs,
    ).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("reports the total as the exact decimal sum, not a float64 sum of the scores", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in float64; the pairs add up to 0.3.
    const instance = {
      scores: [
        [0.1, null],
        [null, 0.2],
      ],
      capacities: [1, 1],
    };
    expect(solveAssignment(instance).total).toBe(0.3);
    const penalised = { scores: [[1.1], [2.2]], capacities: [2], slotPenalties: [0, 0.3] };
    expect(solveAssignment(penalised).total).toBe(3);
  });

  it("gives a buddy no more slot duals than there are newcomers", () => {
    const result = solveAssignment({ scores: [[5, 3]], capacities: [10_000, 2] });
    expect(result.certificate.slotDuals.map((duals) => duals.length)).toEqual([1, 1]);
  });

  it("handles empty instances", () => {
    expect(solveAssignment({ scores: [], capacities: [] })).toMatchObject({
      pairs: [],
      matched: 0,
      total: 0,
      unmatched: [],
    });
    expect(solveAssignment({ scores: [[], []], capacities: [] })).toMatchObject({ matched: 0, unmatched: [0, 1] });
    const noRows = { scores: [], capacities: [2, 1] };
    expect(verifyAssignment(noRows, solveAssignment(noRows))).toEqual({ ok: true });
  });

  it("solves a medium instance with ties, capacities and penalties, certified", () => {
    const next = rng(7);
    const scores = Array.from({ length: 120 }, () =>
      Array.from({ length: 60 }, () => (next() < 0.5 ? null : Math.floor(next() * 4) * 10)),
    );
    const instance = { scores, capacities: Array.from({ length: 60 }, (_, j) => j % 4), slotPenalties: [0, 2, 5] };
    const result = solveAssignment(instance);
    expect(verifyAssignment(instance, result)).toEqual({ ok: true });
    expect(result.pairs.every(([i, j]) => scores[i]![j] !== null)).toBe(true);
  });
});

describe("input validation", () => {
  const cases: [string, unknown, RegExp][] = [
    ["not an object", [1, 2], /must be an object/],
    ["missing capacities", { scores: [[1]] }, /"capacities" must be an array/],
    ["ragged rows", { scores: [[1, 2], [3]], capacities: [1, 1] }, /scores\[1\] has 1 entries but there are 2 buddies/],
    [
      "negative capacity",
      { scores: [[1]], capacities: [-1] },
      /capacities\[0\] must be an integer ≥ 0 \(at most 10000\), got -1/,
    ],
    ["fractional capacity", { scores: [[1]], capacities: [1.5] }, /capacities\[0\] must be an integer/],
    [
      "string score",
      { scores: [[1, "a"]], capacities: [1, 1] },
      /scores\[0\]\[1\] must be a number between −1000000 and 1000000 with at most 6 decimals, or null \(forbidden\), got "a"/,
    ],
    [
      "huge score",
      { scores: [[1e300]], capacities: [1] },
      /scores\[0\]\[0\] must be a number between −1000000 and 1000000/,
    ],
    // 1 + 5e-17 rounds to 1: such a score cannot be told from 0, so it is refused instead of silently becoming 0.
    [
      "a score of 5e-17",
      { scores: [[0], [5e-17]], capacities: [1] },
      /scores\[1\]\[0\] must be a number .* with at most 6 decimals.* got 5e-17/,
    ],
    [
      "a score with float noise",
      { scores: [[0.1 + 0.2]], capacities: [1] },
      /scores\[0\]\[0\] .* at most 6 decimals.* got 0.30000000000000004/,
    ],
    [
      "a penalty with 7 decimals",
      { scores: [[1]], capacities: [1], slotPenalties: [0.0000001] },
      /slotPenalties\[0\] must be a number between 0 and 1000000 with at most 6 decimals/,
    ],
    ["a misspelt key", { scores: [[1]], capacities: [1], slotPenalty: [0, 5] }, /Unknown key "slotPenalty"/],
    ["decreasing penalties", { scores: [[1]], capacities: [1], slotPenalties: [2, 1] }, /non-decreasing/],
    ["negative penalty", { scores: [[1]], capacities: [1], slotPenalties: [-1] }, /slotPenalties\[0\]/],
  ];
  it.each(cases)(
    "rejects %s with a clear message, in validateInstance and solveAssignment",
    (_name, input, message) => {
      const checked = validateInstance(input);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(message);
      expect(() => solveAssignment(input as AssignmentInstance)).toThrow(SolverInputError);
      expect(() => solveAssignment(input as AssignmentInstance)).toThrow(message);
    },
  );

  it("refuses an instance beyond the exactness limit, naming the limit and the instance's figures", () => {
    // 6-decimal scores spanning ±1e6 and penalties up to 1e6: 373 matchable newcomers are one too many (the
    // certificate tests solve and certify 372).
    const scores = Array.from({ length: 373 }, (_, i) => [i === 0 ? -1_000_000 : i === 1 ? 999_999.999999 : 1_000_000]);
    const instance = { scores, capacities: [373], slotPenalties: [0, 1_000_000] };
    expect(validateInstance(instance).ok).toBe(true);
    expect(() => solveAssignment(instance)).toThrow(SolverInputError);
    expect(() => solveAssignment(instance)).toThrow(
      new RegExp(
        `must be at most 2\\^50 = ${EXACT_LIMIT}, counted in units of 10\\^-6 .* N = 373 newcomers can be matched and R = 3000000000000`,
      ),
    );
    const fits = { ...instance, scores: scores.slice(0, 372), capacities: [372] };
    expect(verifyAssignment(fits, solveAssignment(fits))).toEqual({ ok: true });
  });

  it("accepts a well-formed instance", () => {
    const checked = validateInstance({ scores: [[1, null]], capacities: [1, 0], slotPenalties: [0, 1] });
    expect(checked).toEqual({ ok: true, instance: { scores: [[1, null]], capacities: [1, 0], slotPenalties: [0, 1] } });
  });
});

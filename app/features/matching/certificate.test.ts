import { describe, expect, it } from "vitest";
import { verifyAssignment } from "./certificate";
import { type Assignment, type AssignmentInstance, solveAssignment } from "./solver";

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

/** penalty(k) of an instance, in units of 10^−decimals (the test's own arithmetic, not the solver's). */
function penaltyUnits(instance: AssignmentInstance, k: number, unit: number): number {
  const p = instance.slotPenalties;
  if (!p || p.length === 0) return 0;
  return Math.round(p[Math.min(k, p.length - 1)]! * unit);
}

/** Σ scores − Σ penalties of a list of pairs, in units; exact because every term is an integer below 2^53. */
function totalUnits(instance: AssignmentInstance, pairs: readonly (readonly [number, number])[], unit: number): number {
  const load = new Map<number, number>();
  let total = 0;
  for (const [i, j] of pairs) {
    const l = load.get(j) ?? 0;
    total += Math.round(instance.scores[i]![j]! * unit) - penaltyUnits(instance, l, unit);
    load.set(j, l + 1);
  }
  return total;
}

/** The same certificate on other pairs, with their own correct matched, total and unmatched. */
function withPairs(
  instance: AssignmentInstance,
  base: Assignment,
  pairs: [number, number][],
  unit: number,
): Assignment {
  const matchedRows = new Set(pairs.map(([i]) => i));
  return {
    pairs,
    matched: pairs.length,
    total: totalUnits(instance, pairs, unit) / unit,
    unmatched: instance.scores.map((_, i) => i).filter((i) => !matchedRows.has(i)),
    certificate: structuredClone(base.certificate),
  };
}

/**
 * A feasible assignment exactly one unit worse than `result`: one row moves to a buddy with a free slot where the
 * change in total is −1 unit. Throws when the instance offers no such move (the tests build theirs so it does).
 */
function oneUnitWorse(instance: AssignmentInstance, result: Assignment, unit: number): Assignment {
  const m = instance.capacities.length;
  const load = new Array<number>(m).fill(0);
  for (const [, j] of result.pairs) load[j]!++;
  for (let p = 0; p < result.pairs.length; p++) {
    const [i, j] = result.pairs[p]!;
    const row = instance.scores[i]!;
    const here = Math.round(row[j]! * unit);
    for (let t = 0; t < m; t++) {
      const s = row[t];
      if (t === j || s === null || s === undefined || load[t]! >= instance.capacities[t]!) continue;
      const delta =
        Math.round(s * unit) -
        here -
        penaltyUnits(instance, load[t]!, unit) +
        penaltyUnits(instance, load[j]! - 1, unit);
      if (delta !== -1) continue;
      const pairs = result.pairs.map((pair, q): [number, number] => (q === p ? [i, t] : [pair[0], pair[1]]));
      const worse = withPairs(instance, result, pairs, unit);
      expect(totalUnits(instance, worse.pairs, unit)).toBe(totalUnits(instance, result.pairs, unit) - 1);
      return worse;
    }
  }
  throw new Error("no move one unit worse in this instance");
}

const instance: AssignmentInstance = {
  scores: [
    [9, 4, null],
    [8, 7, 2],
    [null, 6, 5],
    [3, null, 1],
  ],
  capacities: [1, 2, 1],
  slotPenalties: [0, 1],
};

function tampered(change: (a: Assignment) => void): Assignment {
  const copy = structuredClone(solveAssignment(instance));
  change(copy);
  return copy;
}

describe("verifyAssignment", () => {
  it("accepts the solver's optimal assignment", () => {
    const result = solveAssignment(instance);
    expect(result.matched).toBe(4);
    expect(verifyAssignment(instance, result)).toEqual({ ok: true });
  });

  it("rejects a feasible but non-optimal assignment carrying the optimal duals (duality gap)", () => {
    const optimal = solveAssignment(instance);
    // Another full assignment: rows 0→1, 1→0, 2→1, 3→2 (all allowed, capacities respected), total lower.
    const worse = tampered((a) => {
      a.pairs = [
        [0, 1],
        [1, 0],
        [2, 1],
        [3, 2],
      ];
      a.total = 4 + 8 + 6 - 1 + 1;
    });
    expect(worse.total).toBeLessThan(optimal.total);
    const verdict = verifyAssignment(instance, worse);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/duality gap/);
  });

  it("rejects an assignment with fewer matches, even with consistent totals", () => {
    const fewer = tampered((a) => {
      a.pairs = a.pairs.filter(([i]) => i !== 3);
      a.matched = a.pairs.length;
      a.unmatched = [3];
      a.total = solveAssignment({ ...instance, scores: instance.scores.slice(0, 3) }).total;
    });
    const verdict = verifyAssignment(instance, fewer);
    expect(verdict.ok).toBe(false);
  });

  it("rejects a certificate whose match bonus is too small to put matches first", () => {
    // With B = 1, matching row 0 alone (100) beats two matches (1 + 1), and these duals prove exactly that.
    const small: AssignmentInstance = {
      scores: [
        [100, 1],
        [1, null],
      ],
      capacities: [1, 1],
    };
    const fake: Assignment = {
      pairs: [[0, 0]],
      matched: 1,
      total: 100,
      unmatched: [1],
      certificate: { decimals: 0, rowDuals: [99, 0], slotDuals: [[2], [0]], matchBonus: 1 },
    };
    const verdict = verifyAssignment(small, fake);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/matchBonus/);
  });

  const broken: [string, (a: Assignment) => void, RegExp][] = [
    ["a forbidden pair", (a) => (a.pairs[0] = [0, 2]), /forbidden/],
    ["a row twice", (a) => a.pairs.splice(1, 0, [0, 1]), /more than once/],
    ["pairs out of row order", (a) => a.pairs.reverse(), /not sorted/],
    [
      "a buddy over capacity",
      (a) => {
        a.pairs = [
          [0, 0],
          [1, 0],
        ];
        a.matched = 2;
        a.unmatched = [2, 3];
      },
      /capacity/,
    ],
    ["a wrong total", (a) => (a.total += 1), /total/],
    ["a wrong matched count", (a) => (a.matched -= 1), /matched/],
    ["a wrong unmatched list", (a) => a.unmatched.push(2), /unmatched/],
    [
      "a lowered row dual",
      (a) => (a.certificate.rowDuals[1] = a.certificate.rowDuals[1]! - 1),
      /violates its dual constraint|negative/,
    ],
    ["a negative slot dual", (a) => (a.certificate.slotDuals[0]![0] = -1), /negative/],
    ["a missing slot dual", (a) => a.certificate.slotDuals[1]!.pop(), /slotDuals\[1\]/],
    ["a raised dual (gap)", (a) => (a.certificate.rowDuals[0] = a.certificate.rowDuals[0]! + 1), /duality gap/],
    ["a pair outside the instance", (a) => (a.pairs[3] = [3, 7]), /within the instance/],
  ];
  it.each(broken)("rejects %s", (_name, change, reason) => {
    const verdict = verifyAssignment(instance, tampered(change));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });

  it("certifies fractional scores exactly", () => {
    const fractional: AssignmentInstance = {
      scores: [
        [0.1, 0.2, 0.3],
        [0.3, 0.1, 0.2],
        [0.2, 0.3, 0.1],
      ],
      capacities: [1, 1, 1],
    };
    const result = solveAssignment(fractional);
    expect(result.total).toBeCloseTo(0.9, 12);
    expect(verifyAssignment(fractional, result)).toEqual({ ok: true });
  });
});

describe("verifyAssignment is exact on the instances of issue 16", () => {
  it.each([
    [-1_000_000, 248],
    [1_000_000, 498],
    [-1_000_000, 10_000],
    [1_000_000, 10_000],
  ])("certifies a single newcomer scoring %d with a buddy of capacity %d", (score, capacity) => {
    const instance: AssignmentInstance = { scores: [[score]], capacities: [capacity] };
    const result = solveAssignment(instance);
    expect(result).toMatchObject({ pairs: [[0, 0]], matched: 1, total: score });
    expect(verifyAssignment(instance, result)).toEqual({ ok: true });
  });

  it("certifies 4,850 newcomers × 12 buddies whose capacities exceed the number of newcomers, and refuses one point worse", () => {
    const next = rng(4850);
    const n = 4850;
    const scores = Array.from({ length: n }, () => Array.from({ length: 12 }, () => Math.floor(next() * 101)));
    const instance: AssignmentInstance = { scores, capacities: Array.from({ length: 12 }, (_, j) => n + 100 * j) };
    const result = solveAssignment(instance);
    // Room for everyone: every newcomer gets one of their highest-scoring buddies.
    const best = scores.reduce((sum, row) => sum + Math.max(...row), 0);
    expect(result).toMatchObject({ matched: n, total: best });
    expect(verifyAssignment(instance, result)).toEqual({ ok: true });
    const verdict = verifyAssignment(instance, oneUnitWorse(instance, result, 1));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/duality gap is 1 whole points/);
  });

  it("refuses an assignment one point worse than the optimum with 2,000 newcomers and 5,000 slots, carrying the optimal duals", () => {
    // The old tolerance grew with (rows + slots) × rows × score range, so the 2,000 × 5,000 case (5,000
    // buddies of capacity 1) is reproduced here by 50 buddies of capacity 100: the same 7,000 rows and slots,
    // a fiftieth of the cells.
    const next = rng(2);
    const scores = Array.from({ length: 2000 }, () => Array.from({ length: 50 }, () => Math.floor(next() * 101)));
    const instance: AssignmentInstance = { scores, capacities: new Array<number>(50).fill(100) };
    const result = solveAssignment(instance);
    expect(result.matched).toBe(2000);
    expect(verifyAssignment(instance, result)).toEqual({ ok: true });
    const verdict = verifyAssignment(instance, oneUnitWorse(instance, result, 1));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/duality gap is 1 whole points/);
  });

  it("refuses an answer 100 points, or one millionth of a point, worse on a 1 × 3 instance near ±1e6 with large capacities", () => {
    const instance: AssignmentInstance = {
      scores: [[1_000_000, 999_900, -1_000_000]],
      capacities: [10_000, 10_000, 10_000],
    };
    const result = solveAssignment(instance);
    expect(result).toMatchObject({ pairs: [[0, 0]], total: 1_000_000 });
    expect(verifyAssignment(instance, result)).toEqual({ ok: true });
    expect(verifyAssignment(instance, withPairs(instance, result, [[0, 1]], 1)).ok).toBe(false);
    expect(verifyAssignment(instance, withPairs(instance, result, [[0, 2]], 1)).ok).toBe(false);

    const fine: AssignmentInstance = {
      scores: [[1_000_000, 999_999.999999, -1_000_000]],
      capacities: [10_000, 10_000, 10_000],
    };
    const fineResult = solveAssignment(fine);
    expect(fineResult.pairs).toEqual([[0, 0]]);
    expect(verifyAssignment(fine, fineResult)).toEqual({ ok: true });
    const worse = verifyAssignment(fine, oneUnitWorse(fine, fineResult, 1e6));
    expect(worse.ok).toBe(false);
    if (!worse.ok) expect(worse.reason).toMatch(/duality gap is 1 units of 10\^-6/);
  });

  it("does not treat a score of 5e-17 as 0: an answer that ignores it is not certified", () => {
    // The solver refuses this instance (more than 6 decimals, see solver.test.ts). These duals "prove" that row 0
    // is as good as row 1, which holds only if 5e-17 counts as 0 (1 + 5e-17 rounds to 1 in float64).
    const instance: AssignmentInstance = { scores: [[0], [5e-17]], capacities: [1] };
    const claim = (decimals: number, unit: number): Assignment => ({
      pairs: [[0, 0]],
      matched: 1,
      total: 0,
      unmatched: [1],
      certificate: { decimals, rowDuals: [0, 0], slotDuals: [[unit]], matchBonus: unit },
    });
    for (const [decimals, unit] of [
      [0, 1],
      [6, 1e6],
    ] as const) {
      const verdict = verifyAssignment(instance, claim(decimals, unit));
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) {
        expect(verdict.reason).toMatch(
          new RegExp(`scores\\[1\\]\\[0\\] = 5e-17 is not a number with at most ${decimals} decimals`),
        );
      }
    }
  });

  it("refuses a certificate whose unit is coarser than the scores", () => {
    const instance: AssignmentInstance = { scores: [[0.5, 1]], capacities: [1, 1] };
    const result = solveAssignment(instance);
    expect(result.certificate.decimals).toBe(1);
    expect(verifyAssignment(instance, result)).toEqual({ ok: true });
    const coarse = structuredClone(result);
    coarse.certificate = { decimals: 0, rowDuals: [2], slotDuals: [[0], [0]], matchBonus: 1 };
    const verdict = verifyAssignment(instance, coarse);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/scores\[0\]\[0\] = 0.5 is not a number with at most 0 decimals/);
  });
});

describe("verifyAssignment at the solver's exactness limit", () => {
  // 6-decimal scores spanning ±1e6 and penalties up to 1e6: R = 3·10^12 units and the largest |score| + penalty is
  // 2·10^12, so (N + 1)(R + 1) + 2·2·10^12 ≤ 2^50 allows N = 372 matchable newcomers (solver.test.ts checks 373).
  // Row 0 has two buddies of its own, one unit apart; every other row shares buddy 0, which takes them all.
  function limitInstance(n: number): AssignmentInstance {
    const next = rng(n);
    const scores = Array.from({ length: n }, (_, i) => {
      if (i === 0) return [-1_000_000, 1_000_000, 999_999.999999];
      return [i === 1 ? 1_000_000 : Math.round((next() * 2 - 1) * 1e12) / 1e6, null, null];
    });
    return { scores, capacities: [n, 1, 1], slotPenalties: [0, 1_000_000] };
  }

  it("certifies the optimum of 372 newcomers and refuses an assignment one millionth of a point worse", () => {
    const instance = limitInstance(372);
    const result = solveAssignment(instance);
    expect(result.certificate.decimals).toBe(6);
    expect(result.certificate.matchBonus).toBeGreaterThan(2 ** 49);
    // The only choice is row 0's: its own best buddy. Everyone else goes to buddy 0, slots 0 … 370.
    expect(result.pairs[0]).toEqual([0, 1]);
    expect(result.matched).toBe(372);
    const expectedUnits = totalUnits(instance, result.pairs, 1e6);
    const rest = instance.scores.slice(1).reduce((sum, row) => sum + Math.round(row[0]! * 1e6), 0);
    expect(expectedUnits).toBe(1e12 + rest - 370 * 1e12);
    expect(result.total).toBe(expectedUnits / 1e6);
    expect(verifyAssignment(instance, result)).toEqual({ ok: true });
    const worse = verifyAssignment(instance, oneUnitWorse(instance, result, 1e6));
    expect(worse.ok).toBe(false);
    if (!worse.ok) expect(worse.reason).toMatch(/duality gap is 1 units/);
  });
});

/**
 * Every assignment of a small instance, by enumeration, in exact units: the best value (matched, then total) and
 * the best strictly worse one (the smallest possible worsening), each with the pairs of its first occurrence.
 */
function enumerate(instance: AssignmentInstance, unit: number) {
  const { scores, capacities } = instance;
  const n = scores.length;
  const m = capacities.length;
  const units = scores.map((row) => row.map((v) => (v === null ? null : Math.round(v * unit))));
  const prefix = [0];
  for (let k = 0; k < n; k++) prefix.push(prefix[k]! + penaltyUnits(instance, k, unit));
  type Found = { matched: number; total: number; pairs: [number, number][] };
  let best: Found | null = null;
  let second: Found | null = null;
  const better = (a: Found, b: Found | null) =>
    !b || a.matched > b.matched || (a.matched === b.matched && a.total > b.total);
  const same = (a: Found, b: Found) => a.matched === b.matched && a.total === b.total;
  const load = new Array<number>(m).fill(0);
  const chosen: [number, number][] = [];
  const visit = (i: number, sum: number): void => {
    if (i === n) {
      let total = sum;
      for (let j = 0; j < m; j++) total -= prefix[load[j]!]!;
      // The pairs are copied only when this leaf enters the top two (most leaves do not).
      const found = { matched: chosen.length, total, pairs: chosen };
      if (best && same(found, best)) return;
      if (better(found, best)) {
        second = best;
        best = { ...found, pairs: chosen.map((p): [number, number] => [p[0], p[1]]) };
      } else if (better(found, second) && !(second && same(found, second))) {
        second = { ...found, pairs: chosen.map((p): [number, number] => [p[0], p[1]]) };
      }
      return;
    }
    visit(i + 1, sum);
    for (let j = 0; j < m; j++) {
      const s = units[i]![j];
      if (s === null || s === undefined || load[j]! >= capacities[j]!) continue;
      load[j]!++;
      chosen.push([i, j]);
      visit(i + 1, sum + s);
      chosen.pop();
      load[j]!--;
    }
  };
  visit(0, 0);
  return { best: best as Found | null, second: second as Found | null };
}

type Kind = "integers" | "ties" | "3 decimals" | "6 decimals near ±1e6" | "large capacities";
const KINDS: Kind[] = ["integers", "ties", "3 decimals", "6 decimals near ±1e6", "large capacities"];

/** A small random instance of one kind, with its unit (10^decimals of the finest value it may contain). */
function smallInstance(seed: number): { instance: AssignmentInstance; unit: number; kind: Kind } {
  const next = rng(seed);
  const kind = KINDS[seed % KINDS.length]!;
  const n = 1 + Math.floor(next() * 5);
  const m = 1 + Math.floor(next() * 4);
  const forbidden = next() * 0.6;
  const pick = <T>(options: readonly T[]): T => options[Math.floor(next() * options.length)]!;
  const near = [-1_000_000, -999_999.999999, -0.000001, 0, 0.000001, 999_999.999998, 999_999.999999, 1_000_000];
  const score = (): number => {
    switch (kind) {
      case "integers":
        return Math.floor(next() * 41) - 10;
      case "ties":
        return Math.floor(next() * 3);
      case "3 decimals":
        return Math.round((next() * 20 - 5) * 1000) / 1000;
      case "6 decimals near ±1e6":
        return next() < 0.7 ? pick(near) : Math.round((next() * 2 - 1) * 1e12) / 1e6;
      case "large capacities":
        return pick([-1_000_000, -1, 0, 1, 1_000_000]);
    }
  };
  const scores = Array.from({ length: n }, () =>
    Array.from({ length: m }, () => (next() < forbidden ? null : score())),
  );
  const capacity = (): number =>
    kind === "large capacities" || kind === "6 decimals near ±1e6"
      ? pick([0, 1, 2, 248, 10_000])
      : Math.floor(next() * 3);
  const instance: AssignmentInstance = { scores, capacities: Array.from({ length: m }, capacity) };
  const unit = kind === "3 decimals" ? 1e3 : kind === "6 decimals near ±1e6" ? 1e6 : 1;
  if (next() < 0.6) {
    const steps =
      unit === 1e6
        ? [0, 0.000001, 0.5, 999_999.999999, 1_000_000]
        : unit === 1e3
          ? [0, 0.001, 0.25, 2]
          : [0, 1, 3, 1_000_000];
    const penalties = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(steps)).sort((a, b) => a - b);
    instance.slotPenalties = penalties;
  }
  return { instance, unit, kind };
}

describe("verifyAssignment against brute force (property test, 3,000 seeded instances)", () => {
  it("certifies every optimal answer of the solver and refuses every answer worsened by the smallest possible amount", () => {
    const seen = new Map<Kind, number>();
    let worsened = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const { instance, unit, kind } = smallInstance(seed);
      const context = `seed ${seed} (${kind}): ${JSON.stringify(instance)}`;
      const { best, second } = enumerate(instance, unit);
      const result = solveAssignment(instance);
      // Optimal, exactly: the same match count and the same total to the last unit.
      expect(result.matched, context).toBe(best!.matched);
      expect(result.total, context).toBe(best!.total / unit);
      expect(verifyAssignment(instance, result), context).toEqual({ ok: true });
      seen.set(kind, (seen.get(kind) ?? 0) + 1);

      // The next-best assignment (fewer matches, or the highest total below the optimum) with the optimal duals.
      if (second) {
        const s: { pairs: [number, number][] } = second;
        expect(verifyAssignment(instance, withPairs(instance, result, s.pairs, unit)).ok, context).toBe(false);
        worsened++;
      }
      // The optimal pairs claiming one unit less than they add up to.
      const lower = structuredClone(result);
      lower.total = (best!.total - 1) / unit;
      expect(verifyAssignment(instance, lower).ok, context).toBe(false);
      // Duals off by one unit: lowering a positive one breaks a constraint (or the bound), raising one opens a gap.
      const { rowDuals, slotDuals } = result.certificate;
      const positiveRow = rowDuals.findIndex((v) => v > 0);
      if (positiveRow >= 0) {
        const lowered = structuredClone(result);
        lowered.certificate.rowDuals[positiveRow]!--;
        expect(verifyAssignment(instance, lowered).ok, context).toBe(false);
      }
      const positiveSlot = slotDuals.findIndex((duals) => duals.some((v) => v > 0));
      if (positiveSlot >= 0) {
        const lowered = structuredClone(result);
        const duals = lowered.certificate.slotDuals[positiveSlot]!;
        duals[duals.findIndex((v) => v > 0)]!--;
        expect(verifyAssignment(instance, lowered).ok, context).toBe(false);
      }
      if (rowDuals.length > 0) {
        const raised = structuredClone(result);
        raised.certificate.rowDuals[rowDuals.length - 1]!++;
        expect(verifyAssignment(instance, raised).ok, context).toBe(false);
      }
    }
    // Every kind was exercised, and most instances had a worse assignment to refuse.
    for (const kind of KINDS) expect(seen.get(kind)).toBe(600);
    expect(worsened).toBeGreaterThan(2000);
    // About 3 s on an idle development machine; the limit leaves room for a machine shared with other builds.
  }, 30_000);
});

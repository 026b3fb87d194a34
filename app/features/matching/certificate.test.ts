import { describe, expect, it } from "vitest";
import { verifyAssignment } from "./certificate";
import { type Assignment, type AssignmentInstance, solveAssignment } from "./solver";

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
    const small: AssignmentInstance = { scores: [[100, 1], [1, null]], capacities: [1, 1] };
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
        a.pairs = [[0, 0], [1, 0]];
        a.matched = 2;
        a.unmatched = [2, 3];
      },
      /capacity/,
    ],
    ["a wrong total", (a) => (a.total += 1), /total/],
    ["a wrong matched count", (a) => (a.matched -= 1), /matched/],
    ["a wrong unmatched list", (a) => a.unmatched.push(2), /unmatched/],
    ["a lowered row dual", (a) => (a.certificate.rowDuals[1] = a.certificate.rowDuals[1]! - 1), /violates its dual constraint|negative/],
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

  it("accepts fractional scores within the documented tolerance", () => {
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

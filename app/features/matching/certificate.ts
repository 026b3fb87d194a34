// Independent checker of an assignment and its optimality certificate (docs/decisions/030-assignment-solver.md,
// made exact by docs/decisions/035-exact-certificate.md). It trusts nothing from the solver: it re-derives the
// bounds from the instance, recomputes the total and checks every allowed pair against the duals in ONE pass
// over the score matrix — in exact integer arithmetic, so "ok" means optimal and nothing less.
//
// Units: the certificate names its unit, 10^−d of a score point (d = certificate.decimals, 0 … 6). Every score and
// penalty must be a whole number of units: S = score · 10^d, P(k) = penalty(k) · 10^d (penalty as in solver.ts).
// A float64 that is not exactly the float64 of such a decimal (5e-17 with d = 6, say) is refused, not rounded.
//
// Notation: w(i,j,k) = S[i][j] − P(k), B = certificate.matchBonus, u = rowDuals, v = slotDuals, all integers;
// slots of buddy j: k < c_j = min(capacities[j], rows) (the k-th newcomer of a buddy takes slot k, so no
// assignment uses a slot beyond the number of rows); N = min(rows, Σ c_j); R = max w − min w over allowed pairs
// and usable slots.
//
// Conditions checked:
//  1. feasibility — every pair allowed (non-null score), each row at most once, pairs sorted by row, no buddy
//     above its capacity, `unmatched` = the other rows ascending, `matched` = number of pairs, and `total` is the
//     float64 nearest to (Σ S − Σ_j Σ_{k < load_j} P(k)) / 10^d;
//  2. dual feasibility — u ≥ 0, v ≥ 0, and u_i + v_jk ≥ w(i,j,k) + B for every allowed pair and slot
//     (checked as S_ij + max_k(−P(k) − v_jk) ≤ u_i − B, so one look per pair);
//  3. no duality gap — Σu + Σv ≤ B · matched + T (T the total in units). Weak duality bounds every assignment's
//     B · matched' + T' by Σu + Σv, so this one has the largest B · matched + T;
//  4. B large enough — B > (N − 1) · R − min w (and B > 0). Then an assignment with more matches would be worth
//     more than Σu + Σv, so `matched` is the maximum and `total` is the best total for that many matches: the
//     lexicographic optimum.
// Exactness: scores and penalties must be at most 2^40 units and duals and B at most 2^51, all integers. Then each
// number formed in the per-pair check (S + max_k(…) and u − B) stays below 2^53, where float64 integer arithmetic
// is exact; every sum over many terms is exact too (ExactSum). Certificates with larger numbers are refused (the
// solver's never are: its exactness limit keeps them below 2^50).
import { type Assignment, type AssignmentInstance } from "./solver";

export type Verification = { ok: true } | { ok: false; reason: string };

const MAX_DECIMALS = 6;
const UNITS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
const MAX_VALUE_UNITS = 2 ** 40;
const MAX_DUAL = 2 ** 51;

const isIndex = (value: unknown, size: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value < size;

const isDual = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_DUAL;

/**
 * Exact sum of integers of magnitude ≤ 2^51: in float64 while the running sum stays within 2^52 (so each addition
 * is exact), carried over into a BigInt beyond — a BigInt per term would cost more than the sum is worth. A plain
 * function over a Float64Array: timed after a full GC, a small class here made the whole check ~15 % slower.
 */
function exactSum(values: Float64Array, count: number): bigint {
  let big = 0n;
  let small = 0;
  for (let t = 0; t < count; t++) {
    if (small > 2 ** 52 || small < -(2 ** 52)) {
      big += BigInt(small);
      small = 0;
    }
    small += values[t]!;
  }
  return big + BigInt(small);
}

/** `value` in whole units of 1/unit, or null when it is not exactly such a decimal (or too large). */
function toUnits(value: unknown, unit: number): number | null {
  if (typeof value !== "number") return null;
  const units = Math.round(value * unit);
  // units / unit is one correctly rounded division: equal to value exactly when value is that decimal's float64.
  if (units / unit !== value || !(Math.abs(units) <= MAX_VALUE_UNITS)) return null;
  return units;
}

export function verifyAssignment(instance: AssignmentInstance, assignment: Assignment): Verification {
  const scores = instance.scores;
  const capacities = instance.capacities;
  const penalties = instance.slotPenalties ?? [];
  if (!Array.isArray(scores) || !Array.isArray(capacities)) return fail("The instance has no scores or capacities.");
  if (!Array.isArray(penalties)) return fail("slotPenalties is not an array.");
  const n = scores.length;
  const m = capacities.length;
  for (let j = 0; j < m; j++) {
    if (!isIndex(capacities[j], Number.MAX_SAFE_INTEGER)) return fail(`capacities[${j}] is not an integer ≥ 0.`);
  }

  const certificate = typeof assignment === "object" && assignment !== null ? assignment.certificate : undefined;
  if (typeof certificate !== "object" || certificate === null) return fail("The certificate is missing.");
  const { decimals, rowDuals, slotDuals, matchBonus } = certificate;
  if (!isIndex(decimals, MAX_DECIMALS + 1))
    return fail(`certificate.decimals must be an integer from 0 to ${MAX_DECIMALS}.`);
  const unit = UNITS[decimals]!;
  const unitName = decimals === 0 ? "whole points" : `units of 10^-${decimals}`;

  // Penalties of the slots any assignment can use: k < min(max capacity, rows).
  let maxSlots = 0;
  for (let j = 0; j < m; j++) maxSlots = Math.max(maxSlots, Math.min(capacities[j]!, n));
  const penaltyUnits = new Float64Array(maxSlots);
  for (let k = 0; k < maxSlots; k++) {
    const raw = penalties.length === 0 ? 0 : penalties[Math.min(k, penalties.length - 1)];
    const p = toUnits(raw, unit);
    if (p === null || p < 0 || (k > 0 && p < penaltyUnits[k - 1]!)) {
      return fail(`slotPenalties must be ≥ 0, non-decreasing and whole ${unitName} (at most 2^40 of them).`);
    }
    penaltyUnits[k] = p;
  }

  // 1. Feasibility.
  if (!Array.isArray(assignment.pairs)) return fail("The assignment has no pairs.");
  const rowBuddy = new Int32Array(n).fill(-1);
  const load = new Int32Array(m);
  let previousRow = -1;
  for (const pair of assignment.pairs) {
    if (!Array.isArray(pair) || pair.length !== 2 || !isIndex(pair[0], n) || !isIndex(pair[1], m)) {
      return fail(`Pair ${JSON.stringify(pair)} is not [row, column] within the instance.`);
    }
    const [i, j] = pair;
    if (i === previousRow) return fail(`Row ${i} is matched more than once.`);
    if (i < previousRow) return fail(`Pairs are not sorted by row (row ${i} after row ${previousRow}).`);
    previousRow = i;
    const row = scores[i];
    if (!Array.isArray(row) || row.length !== m) return fail(`scores[${i}] does not have one entry per buddy.`);
    if (row[j] === null || row[j] === undefined) return fail(`Pair (${i}, ${j}) is forbidden.`);
    rowBuddy[i] = j;
    load[j] = load[j]! + 1;
    if (load[j]! > capacities[j]!) return fail(`Buddy ${j} has more than its capacity of ${capacities[j]}.`);
  }
  if (assignment.matched !== assignment.pairs.length) {
    return fail(`matched is ${assignment.matched} but there are ${assignment.pairs.length} pairs.`);
  }
  const unmatched = assignment.unmatched;
  if (!Array.isArray(unmatched)) return fail("unmatched is not a list of rows.");
  let u = 0;
  for (let i = 0; i < n; i++) {
    if (rowBuddy[i]! >= 0) continue;
    if (unmatched[u] !== i) return fail(`unmatched should list row ${i} (the rows without a pair, ascending).`);
    u++;
  }
  if (u !== unmatched.length) return fail("unmatched lists rows that do have a pair.");

  if (!Array.isArray(rowDuals) || rowDuals.length !== n) return fail("rowDuals must have one value per row.");
  if (!Array.isArray(slotDuals) || slotDuals.length !== m) return fail("slotDuals must have one list per buddy.");
  if (!isDual(matchBonus) || matchBonus === 0)
    return fail(`matchBonus must be an integer from 1 to 2^51, got ${matchBonus}.`);

  // Per buddy: the slot term of the dual constraint, max_k (−P(k) − v_jk), and Σ v.
  // Every dual, for Σu + Σv.
  const dualTerms = new Float64Array(n + totalSlotsOf(capacities, n));
  let nDualTerms = 0;
  const slotTerm = new Float64Array(m);
  let totalSlots = 0;
  for (let j = 0; j < m; j++) {
    const duals = slotDuals[j];
    const slots = Math.min(capacities[j]!, n);
    if (!Array.isArray(duals) || duals.length !== slots) {
      return fail(`slotDuals[${j}] must have ${slots} values (min(capacity, rows)).`);
    }
    let term = -Infinity;
    for (let k = 0; k < slots; k++) {
      const v = duals[k];
      if (!isDual(v))
        return fail(
          `slotDuals[${j}][${k}] must be an integer from 0 to 2^51 (negative duals are infeasible), got ${v}.`,
        );
      dualTerms[nDualTerms++] = v;
      const t = -penaltyUnits[k]! - v;
      if (t > term) term = t;
    }
    slotTerm[j] = term;
    totalSlots += slots;
  }
  for (let i = 0; i < n; i++) {
    const v = rowDuals[i];
    if (!isDual(v))
      return fail(`rowDuals[${i}] must be an integer from 0 to 2^51 (negative duals are infeasible), got ${v}.`);
    dualTerms[nDualTerms++] = v;
  }

  // 2. The one pass over allowed pairs: the score range, the pairs' scores, and every dual constraint.
  const range = new Float64Array([Infinity, -Infinity]);
  const pairUnits = new Float64Array(n);
  const violation =
    decimals === 0
      ? checkIntegerRows(scores, m, rowBuddy, rowDuals, matchBonus, slotTerm, decimals, range, pairUnits)
      : checkDecimalRows(scores, m, rowBuddy, rowDuals, matchBonus, slotTerm, decimals, range, pairUnits);
  if (violation !== null) return fail(violation);
  const minScore = range[0]!;
  const maxScore = range[1]!;

  const totalTerms = new Float64Array(2 * n);
  let nTotalTerms = 0;
  for (let i = 0; i < n; i++) if (rowBuddy[i]! >= 0) totalTerms[nTotalTerms++] = pairUnits[i]!;
  for (let j = 0; j < m; j++) for (let k = 0; k < load[j]!; k++) totalTerms[nTotalTerms++] = -penaltyUnits[k]!;
  const totalUnits = exactSum(totalTerms, nTotalTerms);
  if (totalUnits > BigInt(Number.MAX_SAFE_INTEGER) || -totalUnits > BigInt(Number.MAX_SAFE_INTEGER)) {
    return fail(`The total, ${totalUnits} ${unitName}, is beyond 2^53.`);
  }
  // Number(totalUnits) is exact below 2^53, so the division rounds once, as the solver's does.
  const expectedTotal = Number(totalUnits) / unit;
  if (assignment.total !== expectedTotal) {
    return fail(`total is ${assignment.total} but the pairs add up to ${expectedTotal} (${totalUnits} ${unitName}).`);
  }

  // 4. B must separate match counts: B > (N − 1) · R − min w, from the instance alone.
  const bonus = BigInt(matchBonus);
  if (minScore <= maxScore) {
    const matchable = BigInt(Math.min(n, totalSlots));
    const minW = BigInt(minScore) - BigInt(penaltyUnits[maxSlots - 1]!);
    const maxW = BigInt(maxScore) - BigInt(penaltyUnits[0]!);
    let required = (matchable - 1n) * (maxW - minW) - minW;
    if (required < 0n) required = 0n;
    if (!(bonus > required)) {
      return fail(
        `matchBonus ${matchBonus} must exceed ${required} ${unitName} for one more match to outweigh any total.`,
      );
    }
  }
  // 3. No duality gap.
  const gap = exactSum(dualTerms, nDualTerms) - (bonus * BigInt(assignment.pairs.length) + totalUnits);
  if (gap > 0n) {
    return fail(`The duality gap is ${gap} ${unitName} (it must be 0): the assignment is not proven optimal.`);
  }
  return { ok: true };
}

/**
 * The per-pair pass for d = 0: scores must be integers. `(s | 0) !== s` sends everything else — fractions,
 * non-numbers, NaN, ±Infinity and integers beyond ±2^31 — to the refusal. Returns the reason, or null.
 */
function checkIntegerRows(
  scores: readonly unknown[],
  m: number,
  rowBuddy: Int32Array,
  rowDuals: readonly number[],
  matchBonus: number,
  slotTerm: Float64Array,
  _decimals: number,
  range: Float64Array,
  pairUnits: Float64Array,
): string | null {
  let minScore = Infinity;
  let maxScore = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const row = scores[i];
    if (!Array.isArray(row) || row.length !== m) return `scores[${i}] does not have one entry per buddy.`;
    // Every allowed pair must satisfy S + slotTerm[j] ≤ u_i − B; both sides are exact integers.
    const limit = rowDuals[i]! - matchBonus;
    for (let j = 0; j < m; j++) {
      const s: unknown = row[j];
      if (s === null) continue;
      if (typeof s !== "number" || (s | 0) !== s) return notInUnits(i, j, s, 0);
      const term = slotTerm[j]!;
      // A buddy with no slot has term −Infinity: it never violates and stays out of the range.
      if (s + term > limit) return violated(i, j, s, term, limit);
      if (s < minScore && term !== -Infinity) minScore = s;
      if (s > maxScore && term !== -Infinity) maxScore = s;
    }
    const own = rowBuddy[i]!;
    if (own >= 0) pairUnits[i] = row[own] as number;
  }
  range[0] = minScore;
  range[1] = maxScore;
  return null;
}

/** The per-pair pass for d > 0: each score converted to units (and refused unless it is exactly a decimal). */
function checkDecimalRows(
  scores: readonly unknown[],
  m: number,
  rowBuddy: Int32Array,
  rowDuals: readonly number[],
  matchBonus: number,
  slotTerm: Float64Array,
  decimals: number,
  range: Float64Array,
  pairUnits: Float64Array,
): string | null {
  const unit = UNITS[decimals]!;
  let minScore = Infinity;
  let maxScore = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const row = scores[i];
    if (!Array.isArray(row) || row.length !== m) return `scores[${i}] does not have one entry per buddy.`;
    const limit = rowDuals[i]! - matchBonus;
    const own = rowBuddy[i]!;
    for (let j = 0; j < m; j++) {
      const value: unknown = row[j];
      if (value === null) continue;
      const s = toUnits(value, unit);
      if (s === null) return notInUnits(i, j, value, decimals);
      const term = slotTerm[j]!;
      if (s + term > limit) return violated(i, j, s, term, limit);
      if (s < minScore && term !== -Infinity) minScore = s;
      if (s > maxScore && term !== -Infinity) maxScore = s;
      if (j === own) pairUnits[i] = s;
    }
  }
  range[0] = minScore;
  range[1] = maxScore;
  return null;
}

function totalSlotsOf(capacities: readonly number[], n: number): number {
  let slots = 0;
  for (const c of capacities) slots += Math.min(c, n);
  return slots;
}

function notInUnits(i: number, j: number, value: unknown, decimals: number): string {
  return `scores[${i}][${j}] = ${String(value)} is not a number with at most ${decimals} decimals within ±2^40 units, as the certificate counts.`;
}

function violated(i: number, j: number, s: number, term: number, limit: number): string {
  const by = BigInt(s) + BigInt(term) - BigInt(limit);
  return `Pair (${i}, ${j}) violates its dual constraint by ${by} units: the duals do not bound every assignment.`;
}

function fail(reason: string): Verification {
  return { ok: false, reason };
}

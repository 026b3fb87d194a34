// Independent checker of an assignment and its optimality certificate (docs/decisions/030-assignment-solver.md).
// It trusts nothing from the solver: it re-derives the bounds from the instance, recomputes the total and
// checks every allowed pair against the duals in ONE pass over the score matrix.
//
// Notation: w(i,j,k) = scores[i][j] − penalty(k) (penalty as in solver.ts), B = certificate.matchBonus,
// u = rowDuals, v = slotDuals, N = min(rows, Σ capacities), R = max w − min w over allowed pairs and usable slots.
//
// Conditions checked:
//  1. feasibility — every pair allowed (non-null score), each row at most once, pairs sorted by row, no buddy
//     above its capacity, `unmatched` = the other rows ascending, `matched` = number of pairs, `total`
//     = Σ scores − Σ_j Σ_{k < load_j} penalty(k) recomputed (within the gap tolerance);
//  2. dual feasibility — u ≥ 0, v ≥ 0, and u_i + v_jk ≥ w(i,j,k) + B for every allowed pair and slot
//     (checked as u_i ≥ s_ij + B + max_k(−penalty(k) − v_jk), so one look per pair);
//  3. no duality gap — Σu + Σv − (B · matched + total) ≤ gapTolerance. Weak duality bounds every assignment's
//     B · matched' + total' by Σu + Σv, so this one has the largest B · matched + total;
//  4. B large enough — B > (N − 1) · R − min w + slack. Then an assignment with more matches would be worth
//     more than Σu + Σv, so `matched` is the maximum and `total` is the best total for that many matches:
//     the lexicographic optimum.
// Floating point: each constraint may miss by ε = 1e-9 · scale, scale = (N − 1)·R + |min w| + R + max|score|
// + max penalty + 1; the gap and the total may miss by slack = ε · (rows + Σ capacities + 1). Integer scores and
// penalties make every solver step exact, so these tolerances only matter for fractional scores.
import { type Assignment, type AssignmentInstance } from "./solver";

export type Verification = { ok: true } | { ok: false; reason: string };

function penaltyAt(penalties: readonly number[] | undefined, k: number): number {
  if (!penalties || penalties.length === 0) return 0;
  return penalties[Math.min(k, penalties.length - 1)]!;
}

const isIndex = (value: unknown, size: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value < size;

const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

export function verifyAssignment(instance: AssignmentInstance, assignment: Assignment): Verification {
  const scores = instance.scores;
  const capacities = instance.capacities;
  const penalties = instance.slotPenalties;
  if (!Array.isArray(scores) || !Array.isArray(capacities)) return fail("The instance has no scores or capacities.");
  const n = scores.length;
  const m = capacities.length;
  for (let j = 0; j < m; j++) {
    if (!isIndex(capacities[j], Number.MAX_SAFE_INTEGER)) return fail(`capacities[${j}] is not an integer ≥ 0.`);
  }
  if (penalties !== undefined) {
    if (!Array.isArray(penalties)) return fail("slotPenalties is not an array.");
    for (let k = 0; k < penalties.length; k++) {
      const p = penalties[k];
      if (!isFiniteNumber(p) || p < 0 || (k > 0 && p < penalties[k - 1]!)) {
        return fail("slotPenalties must be finite, ≥ 0 and non-decreasing.");
      }
    }
  }

  // 1. Feasibility.
  if (typeof assignment !== "object" || assignment === null || !Array.isArray(assignment.pairs)) {
    return fail("The assignment has no pairs.");
  }
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

  const certificate = assignment.certificate;
  if (typeof certificate !== "object" || certificate === null) return fail("The certificate is missing.");
  const { rowDuals, slotDuals, matchBonus } = certificate;
  if (!Array.isArray(rowDuals) || rowDuals.length !== n) return fail("rowDuals must have one value per row.");
  if (!Array.isArray(slotDuals) || slotDuals.length !== m) return fail("slotDuals must have one list per buddy.");
  if (!isFiniteNumber(matchBonus) || matchBonus <= 0) return fail("matchBonus must be a positive number.");

  // Per buddy: the slot term of the dual constraint, max_k (−penalty(k) − v_jk), and Σ v.
  let dualObjective = 0;
  let minDual = 0;
  const slotTerm = new Float64Array(m);
  let totalSlots = 0;
  let maxCapacity = 0;
  for (let j = 0; j < m; j++) {
    const duals = slotDuals[j];
    const capacity = capacities[j]!;
    if (!Array.isArray(duals) || duals.length !== capacity) return fail(`slotDuals[${j}] must have ${capacity} values.`);
    let term = -Infinity;
    for (let k = 0; k < capacity; k++) {
      const v = duals[k];
      if (!isFiniteNumber(v)) return fail(`slotDuals[${j}][${k}] is not a finite number.`);
      if (v < minDual) minDual = v;
      dualObjective += v;
      const t = -penaltyAt(penalties, k) - v;
      if (t > term) term = t;
    }
    slotTerm[j] = term;
    totalSlots += capacity;
    if (capacity > maxCapacity) maxCapacity = capacity;
  }
  for (let i = 0; i < n; i++) {
    const v = rowDuals[i];
    if (!isFiniteNumber(v)) return fail(`rowDuals[${i}] is not a finite number.`);
    if (v < minDual) minDual = v;
    dualObjective += v;
  }

  // 2. The one pass over allowed pairs: recompute the total, the score range, the worst dual violation.
  let total = 0;
  let minScore = Infinity;
  let maxScore = -Infinity;
  let worst = 0;
  let worstI = -1;
  let worstJ = -1;
  const usable = new Uint8Array(m);
  for (let j = 0; j < m; j++) usable[j] = capacities[j]! > 0 ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const row = scores[i];
    if (!Array.isArray(row) || row.length !== m) return fail(`scores[${i}] does not have one entry per buddy.`);
    // Every allowed pair must satisfy s + B + slotTerm[j] ≤ u_i.
    const limit = rowDuals[i]! - matchBonus;
    for (let j = 0; j < m; j++) {
      const s = row[j];
      if (typeof s !== "number") {
        if (s === null) continue;
        return fail(`scores[${i}][${j}] is not a finite number or null.`);
      }
      if (s - s !== 0) return fail(`scores[${i}][${j}] is not a finite number or null.`);
      // A buddy of capacity 0 has slotTerm −Infinity (no slot), so it never violates; it is also left out of the
      // range (checked only when s is a new extreme, which is rare).
      if (s < minScore && usable[j] === 1) minScore = s;
      if (s > maxScore && usable[j] === 1) maxScore = s;
      const violation = s + slotTerm[j]! - limit;
      if (violation > worst) {
        worst = violation;
        worstI = i;
        worstJ = j;
      }
    }
    const own = rowBuddy[i]!;
    if (own >= 0) total += row[own] as number;
  }
  const maxAbs = minScore <= maxScore ? Math.max(Math.abs(minScore), Math.abs(maxScore)) : 0;
  let maxPenalty = 0;
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < load[j]!; k++) total -= penaltyAt(penalties, k);
  }

  // Bounds from the instance alone.
  const matchable = Math.min(n, totalSlots);
  let required = 0;
  let margin = 1;
  if (minScore <= maxScore) {
    const topSlot = Math.min(maxCapacity, n) - 1;
    maxPenalty = penaltyAt(penalties, topSlot);
    const minW = minScore - maxPenalty;
    const spread = maxScore - penaltyAt(penalties, 0) - minW;
    required = Math.max(0, Math.max(0, matchable - 1) * spread - minW);
    margin = Math.max(1, spread);
  }
  const scale = required + margin + maxAbs + maxPenalty + 1;
  const epsilon = 1e-9 * scale;
  const slack = epsilon * (n + totalSlots + 1);

  if (!isFiniteNumber(assignment.total) || Math.abs(assignment.total - total) > slack) {
    return fail(`total is ${assignment.total} but the pairs add up to ${total}.`);
  }
  if (minDual < -epsilon) return fail(`A dual value is negative (${minDual}).`);
  if (worst > epsilon) {
    return fail(`Pair (${worstI}, ${worstJ}) violates its dual constraint by ${worst}: the duals do not bound every assignment.`);
  }
  // 4. B must separate match counts, yet stay small enough for the tolerances to mean something.
  if (!(matchBonus > required + 2 * slack) || matchBonus > 2 * (required + margin) + 1) {
    return fail(`matchBonus ${matchBonus} is outside (${required + 2 * slack}, ${2 * (required + margin) + 1}].`);
  }
  // 3. No duality gap.
  const gap = dualObjective - (matchBonus * assignment.pairs.length + total);
  if (gap > slack) {
    return fail(`The duality gap is ${gap} (tolerance ${slack}): the assignment is not proven optimal.`);
  }
  return { ok: true };
}

function fail(reason: string): Verification {
  return { ok: false, reason };
}

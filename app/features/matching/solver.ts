// Exact capacitated assignment for buddy matching (PRODUCT.md §3, docs/decisions/030-assignment-solver.md).
//
// Objective, lexicographic: first the most newcomers matched, then the highest total, where
//   total = Σ over pairs of scores[row][col]  −  Σ over buddies j of Σ_{k < load_j} penalty(k)
//   penalty(k) = slotPenalties[min(k, len − 1)]   (0 when slotPenalties is absent or empty)
// i.e. a buddy's k-th newcomer (k = 0, 1, 2 …) costs penalty(k); penalties are non-decreasing, so a buddy's
// newcomers always occupy its cheapest slots and the order among them does not matter.
//
// Method: successive shortest augmenting paths (the Jonker–Volgenant / Hungarian family) on the residual graph of
// newcomer rows, buddy nodes with convex slot costs, and one sink, read straight from the score rows (no copy of
// the matrix). Every row may also go to the sink through a private "unmatched" arc whose cost is the match bonus
// B higher than any real pair, which makes "matched count first" exact (B is larger than any possible spread of
// totals, computed from the instance). Each row is augmented once, along a shortest path, in three phases:
//  1. warm start, inside the one pass that validates the matrix: a row whose best buddies (highest score) include
//     one with a free slot at penalty(0) takes the first such buddy — provably a shortest path (see below);
//  2. tight paths: the other rows, by breadth-first search over "equally best" pairs (moving earlier rows to
//     another of their best buddies); when no buddy has a free slot at the current penalty level, all buddy
//     prices rise to the next level at once;
//  3. the rest by a Dijkstra over reduced costs (binary heap on typed arrays), on the full rows — except that when
//     every slot is taken and a bound proves the row's own unmatched arc shortest, the row is dropped at once
//     (dropWithoutSearch) instead of by a Dijkstra that would settle the whole graph to find the same thing.
// The node potentials at the end are the dual values that certificate.ts checks in one pass.
//
// Exactness: everything is counted in integer units of the finest decimal in the instance (scores and penalties
// have at most 6; integer scores are read in place, others from a scaled copy), and the instance must satisfy
// EXACT_LIMIT, so every number formed is an integer below 2^53 and float64 arithmetic on it is exact.
//
// Determinism and ties: every step runs in a fixed order, so equal inputs give equal outputs. Phase 1 goes through
// rows in index order, and a row takes the lowest-index buddy among its highest-scoring ones that still has a slot
// at penalty(0). Phase 2 takes the remaining rows in index order; its search visits a row's best buddies in column
// order and a buddy's rows in slot order, and may move an earlier row to another of its equally good buddies.
// Phase 3 takes what is left in index order; the heap orders buddies by (distance, index), a label is only
// replaced by a strictly shorter one and a path only ends at a strictly better sink (so a row that no path can
// place strictly better keeps its own unmatched arc — which the all-slots-full shortcut decides without a search). So a newcomer with several
// equally good buddies normally gets the lowest column index, unless a later newcomer needs that buddy and the
// first can move to another equally good one; this is not "the lexicographically smallest optimal assignment".
//
// Pure: no IO. Input checking lives in solver-input.ts, the binary heap of phase 3 in index-heap.ts.
import { siftDown, siftUp } from "./index-heap";
import {
  badCell,
  checkHeader,
  decimalsOf,
  isValidScore,
  MAX_ABS_VALUE,
  SolverInputError,
  type AssignmentInstance,
} from "./solver-input";

export {
  decimalsOf,
  MAX_ABS_VALUE,
  MAX_CAPACITY,
  MAX_DECIMALS,
  SolverInputError,
  validateInstance,
} from "./solver-input";
export type { AssignmentInstance } from "./solver-input";

/**
 * Dual solution of the linear programme, in integer units of 10^−decimals of a score point (so S = score ·
 * 10^decimals and P(k) = penalty(k) · 10^decimals are integers):
 *   max Σ (S[i][j] − P(k) + matchBonus) · x[i][j][k]
 *   s.t. Σ_{j,k} x[i][j][k] ≤ 1 per row, Σ_i x[i][j][k] ≤ 1 per slot (j, k < min(capacities[j], rows)), x ≥ 0.
 * Feasible when rowDuals ≥ 0, slotDuals ≥ 0 and rowDuals[i] + slotDuals[j][k] ≥ S[i][j] − P(k) + matchBonus for
 * every allowed pair and slot. Its objective Σ rowDuals + Σ slotDuals bounds every assignment's
 * (matchBonus · matched + total · 10^decimals); an assignment reaching it is optimal (see certificate.ts for why
 * that is the lexicographic optimum). Every number here is an integer, so anyone can check it exactly.
 */
export type Certificate = {
  /** The unit of every other field: 10^−decimals of a score point (the finest decimal in the instance). */
  decimals: number;
  /** u_i, one per newcomer row. */
  rowDuals: number[];
  /** v_jk, one array per buddy with min(capacities[j], rows) entries (no assignment uses a slot beyond that). */
  slotDuals: number[][];
  /** B, the value of one extra match; larger than any spread of totals (checked by certificate.ts). */
  matchBonus: number;
};

export type Assignment = {
  /** [row, column] sorted by row. */
  pairs: [number, number][];
  matched: number;
  /** Σ scores − Σ penalties, exact in units of 10^−decimals, then rounded once to the nearest float64. */
  total: number;
  /** Rows without a buddy, ascending. */
  unmatched: number[];
  certificate: Certificate;
};

/**
 * Exactness limit, in units of the finest decimal: (N + 1) · (R + 1) + 2 · A ≤ 2^50, with N = min(rows,
 * Σ min(capacity, rows)), R = max(score − penalty) − min(score − penalty) over allowed pairs and usable slots, and
 * A = max |score| + the largest penalty in use (of slot min(max capacity, rows) − 1). Then the match bonus and every potential stay below 2^50 and every sum the solver forms below
 * 2^53, so float64 integer arithmetic is exact (derivation in docs/decisions/035). Integer scores of ±1e6 allow
 * hundreds of millions of newcomers; 6-decimal scores spanning ±1e6 with penalties up to 1e6 allow 372.
 */
export const EXACT_LIMIT = 2 ** 50;

/** penalty(k) as defined at the top of this file. */
export function slotPenalty(penalties: readonly number[] | undefined, k: number): number {
  if (!penalties || penalties.length === 0) return 0;
  return penalties[k < penalties.length ? k : penalties.length - 1]!;
}

/**
 * The match bonus B and the bound it must exceed, from the instance's own numbers (shared with the checker).
 * With w = score − penalty over allowed pairs and usable slots, R = max w − min w and N = min(rows, slots):
 * an assignment with one match more is always better once B > (N − 1)·R − min w (see the decision record).
 */
export function matchBonusBounds(
  minScore: number,
  maxScore: number,
  penalties: readonly number[] | undefined,
  rows: number,
  totalSlots: number,
  maxCapacity: number,
): { required: number; margin: number; bonus: number } {
  if (!(minScore <= maxScore) || maxCapacity === 0) return { required: 0, margin: 1, bonus: 1 };
  const minW = minScore - slotPenalty(penalties, maxCapacity - 1);
  const maxW = maxScore - slotPenalty(penalties, 0);
  const spread = maxW - minW;
  const n = Math.min(rows, totalSlots);
  const required = Math.max(0, Math.max(0, n - 1) * spread - minW);
  const margin = Math.max(1, spread);
  return { required, margin, bonus: required + margin };
}

/** Rounds of tight augmenting paths per price level before the remaining rows go on (see phase 2). */
const TIGHT_ROUNDS = 3;

/**
 * The residual graph and its potentials, shared by the phases below. Each phase is its own function so that the
 * engine optimises (and, on a new kind of input, de-optimises) each hot loop on its own.
 */
class Flow {
  /** Usable slots per buddy (capacity capped at the number of rows); slots of buddy j: slotStart[j] … +cap[j]. */
  readonly cap: Int32Array;
  readonly slotStart: Int32Array;
  /** penalty(k) for k = 0 … max capacity. */
  readonly penaltyOf: Float64Array;
  readonly load: Int32Array;
  /** Row in each slot (the first load[j] slots of buddy j are taken), and each row's buddy and slot (−1: none). */
  readonly slotRow: Int32Array;
  readonly rowBuddy: Int32Array;
  readonly rowPos: Int32Array;
  /** Potentials π (the sink keeps 0). */
  readonly rowPot: Float64Array;
  readonly colPot: Float64Array;
  /** Per row, the highest score over usable buddies (−Infinity when none) and the buddies reaching it. */
  readonly rowMax: Float64Array;
  readonly tightStart: Int32Array;
  /** Rows left for a later phase, ascending. */
  readonly deferred: Int32Array;
  /** Predecessor of each buddy on the current search tree: the row it was reached from. */
  readonly colPred: Int32Array;
  /**
   * Results of phase 1: [number of deferred rows, min score, max score] over allowed pairs with usable buddies,
   * and [3] = 1 when the scan stopped at a score with decimals (the caller then solves in scaled units).
   * No field of a Flow is re-assigned after the constructor; results go into typed arrays or are returned.
   */
  readonly scanResult = new Float64Array(4);

  constructor(
    readonly n: number,
    readonly m: number,
    capacities: readonly number[],
    penalties: readonly number[] | undefined,
  ) {
    const cap = Int32Array.from(capacities);
    const slotStart = new Int32Array(m + 1);
    let maxCapacity = 0;
    for (let j = 0; j < m; j++) {
      // A buddy never needs more slots than there are rows.
      if (cap[j]! > n) cap[j] = n;
      slotStart[j + 1] = slotStart[j]! + cap[j]!;
      if (cap[j]! > maxCapacity) maxCapacity = cap[j]!;
    }
    this.cap = cap;
    this.slotStart = slotStart;
    this.penaltyOf = new Float64Array(maxCapacity + 1);
    for (let k = 0; k <= maxCapacity; k++) this.penaltyOf[k] = slotPenalty(penalties, k);
    this.load = new Int32Array(m);
    this.slotRow = new Int32Array(slotStart[m]!).fill(-1);
    this.rowBuddy = new Int32Array(n).fill(-1);
    this.rowPos = new Int32Array(n).fill(-1);
    this.rowPot = new Float64Array(n);
    this.colPot = new Float64Array(m);
    this.rowMax = new Float64Array(n);
    this.tightStart = new Int32Array(n + 1);
    this.deferred = new Int32Array(n);
    this.colPred = new Int32Array(m).fill(-1);
  }

  get maxCapacity(): number {
    return this.penaltyOf.length - 1;
  }

  /** Puts row `row` into the next slot of buddy `j`. */
  place(row: number, j: number): void {
    const pos = this.slotStart[j]! + this.load[j]!;
    this.load[j] = this.load[j]! + 1;
    this.slotRow[pos] = row;
    this.rowPos[row] = pos;
    this.rowBuddy[row] = j;
  }

  /** Moves each row on the predecessor chain ending at buddy j (into slot `pos` there) one step along it. */
  augment(j: number, pos: number, row: number): void {
    const { rowBuddy, rowPos, slotRow, colPred } = this;
    while (row >= 0) {
      const prevBuddy = rowBuddy[row]!;
      const prevPos = rowPos[row]!;
      slotRow[pos] = row;
      rowPos[row] = pos;
      rowBuddy[row] = j;
      if (prevBuddy < 0) break;
      j = prevBuddy;
      pos = prevPos;
      row = colPred[j]!;
    }
  }
}

/**
 * Phase 1, in the one pass over the matrix that also validates every cell (throwing at the first bad one) and
 * finds the score range: each row's maximum over usable buddies, the buddies reaching it, and — greedily, in row
 * order — the first of them that still has a slot at penalty(0), which the row takes. Other rows are deferred.
 * Scores must be integers within ±maxAbs; at the first one with decimals the scan stops and sets scanResult[3].
 */
function scanRows(flow: Flow, scores: readonly (readonly unknown[])[], maxAbs: number): Int32Array {
  // Every property of `flow` is read here, before the long loop: code after it may be compiled on-stack (OSR)
  // while the loop runs, and must not need type feedback that a garbage collection has cleared since.
  const { n, m, cap, load, rowMax, tightStart, deferred, penaltyOf, scanResult: result } = flow;
  const firstPenalty = penaltyOf[0]!;
  // The slots that cost penalty(0): the first `flat` of every buddy.
  let flat = flow.maxCapacity;
  for (let k = 1; k < flat; k++) {
    if (penaltyOf[k] !== firstPenalty) {
      flat = k;
      break;
    }
  }
  const flatCap = new Int32Array(m);
  for (let j = 0; j < m; j++) flatCap[j] = Math.min(cap[j]!, flat);
  // Each row's best buddies, rows one after another (tightStart); grown when full.
  let tight = new Int32Array(4 * n + 16);
  let tightEnd = 0;
  let nDeferred = 0;
  let minScore = Infinity;
  let maxScore = -Infinity;
  for (let i = 0; i < n; i++) {
    const row = scores[i]!;
    const first = tightEnd;
    let best = -Infinity;
    let arg = -1;
    for (let j = 0; j < m; j++) {
      const v = row[j];
      if (v === null) continue;
      // One int32 conversion tells the common case (an integer score within ±2^31) from everything else.
      if (typeof v !== "number" || (v | 0) !== v || v > maxAbs || v < -maxAbs) {
        if (typeof v !== "number" || !(v >= -maxAbs && v <= maxAbs)) throw new SolverInputError(badCell(i, j, v));
        if (!Number.isInteger(v)) {
          result[3] = 1;
          return tight;
        }
      }
      // Cells at or above the row's running maximum are rare, so capacities are only looked up for them.
      if (v >= best && cap[j]! > 0) {
        if (v > best) {
          best = v;
          arg = -1;
          tightEnd = first;
        }
        if (tightEnd === tight.length) {
          const grown = new Int32Array(2 * tight.length);
          grown.set(tight);
          tight = grown;
        }
        tight[tightEnd++] = j;
        if (arg < 0 && load[j]! < flatCap[j]!) arg = j;
      }
      if (v < minScore && cap[j]! > 0) minScore = v;
    }
    rowMax[i] = best;
    tightStart[i + 1] = tightEnd;
    if (best > maxScore) maxScore = best;
    if (arg >= 0) flow.place(i, arg);
    else if (tightEnd > first) deferred[nDeferred++] = i;
  }
  result[0] = nDeferred;
  result[1] = minScore;
  result[2] = maxScore;
  return tight;
}

/**
 * Phase 2: breadth-first tight augmenting paths for the deferred rows, in row order. Within a round a buddy is
 * looked at once (by the first search that reaches it), so a round costs at most one look per remembered pair;
 * a row that finds no path waits for the next round. When no buddy has a free slot at the current price level
 * any more, every buddy's price rises to the next penalty level at once (π_j = −level, the matched rows' π shifted
 * alike): every reduced cost stays ≥ 0 and the next slots become tight. Rows still without a path go to phase 3.
 */
function tightPaths(flow: Flow, tight: Int32Array, deferredRows: number, topScore: number): number {
  const { n, m, cap, load, slotStart, slotRow, penaltyOf, rowMax, rowBuddy, rowPot, colPot, colPred, deferred } = flow;
  const { tightStart } = flow;
  const queue = new Int32Array(n);
  const seen = new Int32Array(m);
  let nDeferred = deferredRows;
  let level = penaltyOf[0]!;
  let stamp = 0;
  while (nDeferred > 0) {
    // Buddies with a free slot at this level: once there are none, no tight path exists at this level, so the
    // rest of the rows wait for the next level without a search (a failing search would look at every pair).
    let free = 0;
    for (let j = 0; j < m; j++) {
      const l = load[j]!;
      if (l < cap[j]! && penaltyOf[l] === level) free++;
    }
    for (let round = 0; round < TIGHT_ROUNDS && nDeferred > 0 && free > 0; round++) {
      stamp++;
      let kept = 0;
      for (let d = 0; d < nDeferred; d++) {
        const r = deferred[d]!;
        if (free === 0) {
          deferred[kept++] = r;
          continue;
        }
        let head = 0;
        let tail = 0;
        queue[tail++] = r;
        let found = -1;
        search: while (head < tail) {
          const i = queue[head++]!;
          for (let t = tightStart[i]!, end = tightStart[i + 1]!; t < end; t++) {
            const j = tight[t]!;
            if (seen[j] === stamp) continue;
            seen[j] = stamp;
            colPred[j] = i;
            const l = load[j]!;
            if (l < cap[j]! && penaltyOf[l] === level) {
              found = j;
              break search;
            }
            for (let s = slotStart[j]!, e = s + l; s < e; s++) queue[tail++] = slotRow[s]!;
          }
        }
        if (found < 0) {
          deferred[kept++] = r;
          continue;
        }
        const pos = slotStart[found]! + load[found]!;
        const l = load[found]! + 1;
        load[found] = l;
        if (!(l < cap[found]! && penaltyOf[l] === level)) free--;
        flow.augment(found, pos, colPred[found]!);
        rowPot[r] = -(topScore - rowMax[r]! + level);
      }
      if (kept === nDeferred) break;
      nDeferred = kept;
    }
    if (nDeferred === 0) break;
    // The next level: the cheapest free slot of any buddy, unless one is still free at this level.
    let next = Infinity;
    for (let j = 0; j < m; j++) {
      const l = load[j]!;
      if (l < cap[j]! && penaltyOf[l]! < next) next = penaltyOf[l]!;
    }
    if (!(next > level) || next === Infinity) break;
    level = next;
    colPot.fill(-level);
    for (let i = 0; i < n; i++) if (rowBuddy[i]! >= 0) rowPot[i] = -(topScore - rowMax[i]! + level);
  }
  colPred.fill(-1);
  return nDeferred;
}

/** Dijkstra state for phase 3, reset after each search through the touched list. */
class Search {
  readonly colDist: Float64Array;
  /** 0 unseen, 1 in the heap, 2 settled; buddies of capacity 0 stay 2, so they are never labelled. */
  readonly colState: Uint8Array;
  readonly rowDist: Float64Array;
  readonly touchedCols: Int32Array;
  readonly settledCols: Int32Array;
  readonly settledRows: Int32Array;
  /** Binary heap of buddies ordered by (distance, index). */
  readonly heap: Int32Array;
  readonly heapPos: Int32Array;

  constructor(n: number, m: number, cap: Int32Array) {
    this.colDist = new Float64Array(m).fill(Infinity);
    this.colState = new Uint8Array(m);
    for (let j = 0; j < m; j++) if (cap[j] === 0) this.colState[j] = 2;
    this.rowDist = new Float64Array(n);
    this.touchedCols = new Int32Array(m);
    this.settledCols = new Int32Array(m);
    this.settledRows = new Int32Array(n);
    this.heap = new Int32Array(m);
    this.heapPos = new Int32Array(m);
  }
}

/**
 * Phase 3 for one row r: a Dijkstra over reduced costs on the full rows, then the potential update and the
 * augmentation along the shortest path (to a free slot, or ending in some row's unmatched arc).
 */
function shortestPath(
  flow: Flow,
  search: Search,
  scores: readonly (readonly (number | null)[])[],
  r: number,
  maxScore: number,
  dummyCost: number,
): void {
  const { m, cap, load, slotStart, slotRow, penaltyOf, rowPot, colPot, colPred, rowBuddy, rowPos } = flow;
  const { colDist, colState, rowDist, touchedCols, settledCols, settledRows, heap, heapPos } = search;
  let touched = 0;
  let heapSize = 0;
  let nSettledCols = 0;
  let nSettledRows = 0;
  // Best way to the sink so far: the row's own unmatched arc.
  let best = dummyCost + rowPot[r]!;
  let endCol = -1;
  let endRow = r;
  let endPred = -1;
  rowDist[r] = 0;
  settledRows[nSettledRows++] = r;
  let scanned = 0;
  for (;;) {
    if (scanned < nSettledRows) {
      // Relax the pair arcs of the next settled row, in column order. A buddy with a free slot offers a way to
      // the sink at once (found at relaxation time, so it wins a tie against exploring taken buddies); a buddy
      // is labelled only while its label can still beat the best way to the sink.
      const i = settledRows[scanned++]!;
      const di = rowDist[i]!;
      // Every label from here on is ≥ di: once the sink is that close, the search is over.
      if (best <= di) break;
      const base = di + rowPot[i]!;
      const row = scores[i]!;
      for (let j = 0; j < m; j++) {
        const v = row[j];
        if (v === null) continue;
        if (colState[j] === 2) continue; // settled (this includes row i's own buddy) or capacity 0
        const arc = base + (maxScore - (v as number));
        const nd = arc - colPot[j]!;
        if (nd >= best) continue;
        const l = load[j]!;
        if (l < cap[j]!) {
          // nd ≤ toSink since penalty(l) + π_j ≥ 0.
          const toSink = arc + penaltyOf[l]!;
          if (toSink < best) {
            best = toSink;
            endCol = j;
            endRow = -1;
            endPred = i;
            // Reduced costs are ≥ 0: nothing reached from here can be shorter than di, and ties keep the first.
            if (toSink <= di) break;
          }
          // (An empty buddy has π_j = −penalty(0), so toSink = nd and it is never labelled.)
          if (nd >= best) continue;
        }
        if (colState[j] === 0) {
          colState[j] = 1;
          touchedCols[touched++] = j;
          colDist[j] = nd;
          colPred[j] = i;
          heap[heapSize] = j;
          heapPos[j] = heapSize;
          heapSize++;
          siftUp(heap, heapPos, colDist, heapSize - 1);
        } else if (nd < colDist[j]!) {
          colDist[j] = nd;
          colPred[j] = i;
          siftUp(heap, heapPos, colDist, heapPos[j]!);
        }
      }
      continue;
    }
    if (heapSize === 0) break;
    const j = heap[0]!;
    const dj = colDist[j]!;
    if (dj >= best) break;
    heapSize--;
    if (heapSize > 0) {
      heap[0] = heap[heapSize]!;
      heapPos[heap[0]!] = 0;
      siftDown(heap, heapPos, colDist, 0, heapSize);
    }
    colState[j] = 2;
    settledCols[nSettledCols++] = j;
    // Rows already on this buddy follow at the same distance (their pair arcs are tight); scanned next.
    for (let s = slotStart[j]!, end = s + load[j]!; s < end; s++) {
      const row = slotRow[s]!;
      rowDist[row] = dj;
      settledRows[nSettledRows++] = row;
      const unmatch = dj + dummyCost + rowPot[row]!;
      if (unmatch < best) {
        best = unmatch;
        endCol = -1;
        endRow = row;
      }
    }
  }

  // Update potentials so every residual arc keeps a non-negative reduced cost. Every settled node is at most
  // `best` away (a node is settled only while nearer than the sink, and the sink is never nearer than the row
  // being scanned), so potentials only go down.
  for (let k = 0; k < nSettledCols; k++) {
    const j = settledCols[k]!;
    colPot[j] = colPot[j]! + colDist[j]! - best;
  }
  for (let k = 0; k < nSettledRows; k++) {
    const row = settledRows[k]!;
    rowPot[row] = rowPot[row]! + rowDist[row]! - best;
  }

  // Augment along the predecessor chain.
  if (endCol >= 0) {
    const pos = slotStart[endCol]! + load[endCol]!;
    load[endCol] = load[endCol]! + 1;
    flow.augment(endCol, pos, endPred);
  } else if (endRow !== r) {
    // endRow gives up its buddy to the path and stays unmatched for good.
    const j = rowBuddy[endRow]!;
    const pos = rowPos[endRow]!;
    rowBuddy[endRow] = -1;
    rowPos[endRow] = -1;
    flow.augment(j, pos, colPred[j]!);
  }

  for (let k = 0; k < touched; k++) {
    const c = touchedCols[k]!;
    colState[c] = 0;
    colDist[c] = Infinity;
    colPred[c] = -1;
  }
}

/**
 * Phase 3 shortcut for row r when no buddy has a free slot: every augmenting path then ends in some matched row
 * q's unmatched arc, so in reduced costs it is at least  first + dummyCost + π_q  long, where `first` is r's
 * cheapest arc to a buddy (reduced), while r's own unmatched arc is  dummyCost + π_r  long. When
 * first + min_q π_q ≥ π_r, no path is strictly shorter, so the Dijkstra would keep r's own arc (ties keep it) —
 * but it would settle every node nearer than that, typically the whole graph. Instead r stays unmatched and the
 * potentials move as a valid (not the Dijkstra's) update: π_r = −dummyCost, and every buddy and every matched
 * row goes down by δ = dummyCost + π_r − first. Arcs between them keep their reduced costs, r's arcs to buddies
 * stay ≥ 0 (δ is just enough for the cheapest), reverse slot arcs only grow, there is no free-slot arc, and a
 * matched row's unmatched arc keeps  dummyCost + π_q − δ = π_q − π_r + first ≥ 0  by the bound. Returns false
 * (nothing changed) when the shortcut does not apply.
 */
function dropWithoutSearch(
  flow: Flow,
  scores: readonly (readonly (number | null)[])[],
  r: number,
  maxScore: number,
  dummyCost: number,
): boolean {
  const { n, m, cap, load, rowPot, colPot, rowBuddy } = flow;
  for (let j = 0; j < m; j++) if (load[j]! < cap[j]!) return false;
  let minPot = Infinity;
  for (let i = 0; i < n; i++) if (rowBuddy[i]! >= 0 && rowPot[i]! < minPot) minPot = rowPot[i]!;
  const own = rowPot[r]!;
  const row = scores[r]!;
  let first = Infinity;
  for (let j = 0; j < m; j++) {
    const v = row[j];
    if (v === null || cap[j] === 0) continue;
    const d = maxScore - (v as number) + own - colPot[j]!;
    if (d < first) first = d;
  }
  if (!(first + minPot >= own)) return false;
  const delta = Math.max(0, dummyCost + own - first);
  rowPot[r] = -dummyCost;
  if (delta > 0) {
    for (let j = 0; j < m; j++) if (cap[j]! > 0) colPot[j] = colPot[j]! - delta;
    for (let i = 0; i < n; i++) if (rowBuddy[i]! >= 0) rowPot[i] = rowPot[i]! - delta;
  }
  return true;
}

/** 10^d for d = 0 … MAX_DECIMALS, exactly. */
const UNITS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

export function solveAssignment(instance: AssignmentInstance): Assignment {
  const header = checkHeader(instance);
  if (header) throw new SolverInputError(header);
  const penalties = instance.slotPenalties ?? [];
  let decimals = 0;
  for (const p of penalties) decimals = Math.max(decimals, decimalsOf(p));
  if (decimals === 0) {
    // The common case, integer scores: read in place.
    const result = solveInUnits(instance.scores, instance.capacities, penalties, 0);
    if (result) return result;
  }
  // Some score or penalty has decimals: count in units of the finest one, on a scaled copy of the rows.
  const scores = instance.scores;
  for (let i = 0; i < scores.length; i++) {
    const row = scores[i]!;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null) continue;
      if (!isValidScore(v)) throw new SolverInputError(badCell(i, j, v));
      const d = decimalsOf(v);
      if (d > decimals) decimals = d;
    }
  }
  const unit = UNITS[decimals]!;
  const scaled = scores.map((row) => row.map((v) => (v === null ? null : Math.round(v * unit))));
  const result = solveInUnits(
    scaled,
    instance.capacities,
    penalties.map((p) => Math.round(p * unit)),
    decimals,
  );
  if (!result) throw new Error("unreachable: a scaled score is not an integer");
  return result;
}

/**
 * The exactness bound of EXACT_LIMIT for the instance, in units; 0 when no pair is usable. Integer inputs keep
 * the products exact below 2^53, and anything above that is far above the limit anyway.
 */
function exactnessBound(minScore: number, maxScore: number, penaltyOf: Float64Array, rows: number, totalSlots: number) {
  if (!(minScore <= maxScore)) return { bound: 0, matchable: 0, range: 0 };
  const topPenalty = penaltyOf[penaltyOf.length - 2]!;
  const range = maxScore - penaltyOf[0]! - (minScore - topPenalty);
  const matchable = Math.min(rows, totalSlots);
  const largest = Math.max(Math.abs(minScore), Math.abs(maxScore)) + topPenalty;
  return { bound: (matchable + 1) * (range + 1) + 2 * largest, matchable, range };
}

function tooLarge(bound: number, matchable: number, range: number, decimals: number): string {
  const unit = decimals === 0 ? "whole points" : `units of 10^-${decimals} (the finest decimal in the input)`;
  return (
    `The instance is too large to solve exactly: (N + 1) × (R + 1) + 2 × (largest |score| + largest penalty in use) ` +
    `must be at most 2^50 = ${EXACT_LIMIT}, counted in ${unit}, but N = ${matchable} newcomers can be matched and ` +
    `R = ${range} is the range of score − penalty, which gives ${bound}. Use fewer decimals, a narrower range of ` +
    `scores or penalties, or fewer newcomers per run.`
  );
}

/**
 * The solve proper, on integer scores and penalties counted in units of 10^−decimals. Returns null when a score
 * turns out to have decimals (only possible when decimals = 0 and the rows are the caller's).
 */
function solveInUnits(
  scores: readonly (readonly (number | null)[])[],
  capacities: readonly number[],
  penalties: readonly number[],
  decimals: number,
): Assignment | null {
  const n = scores.length;
  const m = capacities.length;
  const flow = new Flow(n, m, capacities, penalties);
  const tight = scanRows(flow, scores, MAX_ABS_VALUE * UNITS[decimals]!);
  if (flow.scanResult[3] === 1) return null;
  const scanDeferred = flow.scanResult[0]!;
  const minScore = flow.scanResult[1]!;
  const topScore = flow.scanResult[2]!;

  const totalSlots = flow.slotStart[m]!;
  const { bound, matchable, range } = exactnessBound(minScore, topScore, flow.penaltyOf, n, totalSlots);
  if (bound > EXACT_LIMIT) throw new SolverInputError(tooLarge(bound, matchable, range, decimals));
  const { bonus } = matchBonusBounds(minScore, topScore, penalties, n, totalSlots, flow.maxCapacity);
  const maxScore = Number.isFinite(topScore) ? topScore : 0;
  // Costs (minimised): a real pair costs maxScore − score ≥ 0, a slot penalty(k), the unmatched arc dummyCost.
  // dummyCost − (pair + slot) = bonus + score − penalty: the LP weight of that pair.
  const dummyCost = bonus + maxScore;

  // Potentials π (the sink keeps π = 0): the reduced cost c + π_a − π_b of every arc a→b of the residual graph
  // stays ≥ 0 after every step. Buddies start at −penalty(0) and potentials only go down, so −π_j ≥ penalty(0)
  // for every buddy throughout; a row not yet augmented has π = 0.
  //
  // Why the warm start (phases 1 and 2) is exact: while every buddy has π_j = −level, every path to the sink
  // from a row r not yet augmented is at least  L_r = maxScore − rowMax_r + level  long (its first arc alone
  // costs maxScore − score − π_j ≥ L_r), and a path that goes to one of r's maximal buddies and then only along
  // tight arcs (reduced cost 0: a matched row on its maximal buddy, then to another maximal buddy of that row) to
  // a free slot costing `level` has exactly that length. So it is a shortest augmenting path; every other node
  // is at least L_r away, so the Dijkstra's potential update would change only π_r, to −L_r.
  const { rowBuddy, rowPot, rowMax, tightStart, penaltyOf } = flow;
  const firstPenalty = penaltyOf[0]!;
  flow.colPot.fill(-firstPenalty);
  for (let i = 0; i < n; i++) {
    if (rowBuddy[i]! >= 0) rowPot[i] = -(maxScore - rowMax[i]! + firstPenalty);
    else if (tightStart[i + 1] === tightStart[i]) rowPot[i] = -dummyCost; // no usable pair: only its unmatched arc
  }
  const nDeferred = scanDeferred > 0 ? tightPaths(flow, tight, scanDeferred, maxScore) : 0;

  // Phase 3: the remaining rows, in row order, each by a Dijkstra — unless every slot is taken and a bound shows
  // that the row's own unmatched arc is a shortest path (see dropWithoutSearch).
  if (nDeferred > 0) {
    const search = new Search(n, m, flow.cap);
    for (let d = 0; d < nDeferred; d++) {
      const r = flow.deferred[d]!;
      if (!dropWithoutSearch(flow, scores, r, maxScore, dummyCost)) {
        shortestPath(flow, search, scores, r, maxScore, dummyCost);
      }
    }
  }

  return finish(scores, n, m, flow.cap, rowBuddy, rowPot, flow.colPot, bonus, maxScore, penaltyOf, decimals);
}

function finish(
  scores: readonly (readonly (number | null)[])[],
  n: number,
  m: number,
  cap: Int32Array,
  rowBuddy: Int32Array,
  rowPot: Float64Array,
  colPot: Float64Array,
  bonus: number,
  maxScore: number,
  penaltyOf: Float64Array,
  decimals: number,
): Assignment {
  const pairs: [number, number][] = [];
  const unmatched: number[] = [];
  const load = new Int32Array(m);
  // In units: integers far below 2^53, so the sum is exact; the one division below rounds it once.
  let totalUnits = 0;
  const rowDuals = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const j = rowBuddy[i]!;
    rowDuals[i] = Math.max(0, rowPot[i]! + bonus + maxScore);
    if (j < 0) {
      unmatched.push(i);
      continue;
    }
    pairs.push([i, j]);
    totalUnits += scores[i]![j]!;
    totalUnits -= penaltyOf[load[j]!]!;
    load[j] = load[j]! + 1;
  }
  const slotDuals: number[][] = [];
  for (let j = 0; j < m; j++) {
    const w = -colPot[j]!;
    // cap[j] is the capacity capped at the number of rows.
    const duals = new Array<number>(cap[j]!);
    for (let k = 0; k < cap[j]!; k++) duals[k] = Math.max(0, w - penaltyOf[k]!);
    slotDuals.push(duals);
  }
  const total = totalUnits / UNITS[decimals]!;
  return {
    pairs,
    matched: pairs.length,
    total,
    unmatched,
    certificate: { decimals, rowDuals, slotDuals, matchBonus: bonus },
  };
}

// A matching run's plan, computed from the pool alone: score every pair, solve exactly (with HR's pins and the
// slots pending proposals hold), verify the certificate and build the rows HR previews. Pure: the pool is loaded
// and the plan stored by runs.server.ts (decision 032, 063, 122, 125).
import { verifyAssignment } from "./certificate";
import {
  SLOT_PENALTIES,
  evaluatePair,
  type BuddyFacts,
  type Contribution,
  type HardRule,
  type NewcomerFacts,
  type PairVerdict,
  type WeightLevels,
} from "./criteria";
import { pairFit } from "./fit";
import { solveAssignment, type AssignmentInstance } from "./solver";

/** A newcomer the run is for, with the buddy of their pending proposal and the buddies they may never get. */
export type PoolNewcomer = {
  id: number;
  name: string;
  departmentId: number | null;
  facts: NewcomerFacts;
  pendingBuddyId: number | null;
  forbiddenBuddyIds: ReadonlySet<number>;
};
export type PoolBuddy = { id: number; name: string; facts: BuddyFacts };
/** Everything a run needs, as loaded from the database at one moment; buddies in profile-id order. */
export type MatchingPool = {
  newcomers: PoolNewcomer[];
  buddies: PoolBuddy[];
  rules: { requireTraining: boolean; requireSameSite: boolean };
  today: string;
  departments: { id: number; name: string; siteName: string | null }[];
};

/** `score`: the solver's raw points (ranking inside this run only); `fit`: the pair's 0–100 fit shown to people. */
export type Option = { buddyId: number; buddyName: string; score: number; fit: number; contributions: Contribution[] };
export type Choice = { buddyId: number; buddyName: string; score: number; fit: number };
/** How many allowed buddies a run keeps per newcomer for HR's override list (best first). */
export const OVERRIDE_OPTIONS = 20;
export type RunRow = {
  newcomerId: number;
  newcomerName: string;
  department: string | null;
  chosen: (Option & { pinned: boolean; kept: boolean }) | null;
  alternatives: Option[];
  /** the best allowed buddies (at most OVERRIDE_OPTIONS, plus the chosen one), for the override list */
  allowed: Choice[];
  allowedCount: number;
  /** why a newcomer without a buddy has none: counts per hard rule, or "taken" when every allowed buddy is in use */
  reasons: { rule: HardRule | "taken"; count: number }[];
  pendingBuddyId: number | null;
};
/** `best`: when HR pinned pairs, the same run solved without the pins, to say what the pins cost. */
export type RunResult = { rows: RunRow[]; buddyCount: number; best?: { matched: number; total: number } | null };

/** What a run stores: its rows, the certificate's verdict and the totals (and, with pins, the unpinned best). */
export type RunPlan = {
  rows: RunRow[];
  buddyIds: number[];
  certificate: { ok: boolean; reason: string | null };
  matched: number;
  total: number;
  best: { matched: number; total: number } | null;
};

/** HR's pins: newcomer id (as a string key, as stored) → the buddy id HR chose. */
export type Pins = Record<string, number>;

/** The verdict for newcomer `i` and buddy `j` of the pool, under the organisation's rules and these weights. */
export function pairVerdicts(pool: MatchingPool, levels: WeightLevels): (i: number, j: number) => PairVerdict {
  const { newcomers, buddies, rules, today } = pool;
  return (i, j) => {
    const n = newcomers[i]!;
    const buddyId = buddies[j]!.id;
    return evaluatePair(
      n.facts,
      buddies[j]!.facts,
      {
        requireTraining: rules.requireTraining,
        requireSameSite: rules.requireSameSite,
        today,
        forbiddenPair: n.forbiddenBuddyIds.has(buddyId),
        keep: n.pendingBuddyId === buddyId,
      },
      levels,
    );
  };
}

/**
 * Plans a run. `only`: a run for one newcomer (decision 075) still sees everyone's pending proposals (they hold
 * their buddies' slots); the others' rows take no part in the solve and are not returned.
 */
export function planRun(pool: MatchingPool, levels: WeightLevels, pins: Pins, only: number | null = null): RunPlan {
  const { newcomers, buddies } = pool;
  const verdict = pairVerdicts(pool, levels);
  const outside = (i: number) => only != null && newcomers[i]!.id !== only;
  const deps = new Map(pool.departments.map((d) => [d.id, d]));
  const colOf = new Map(buddies.map((b, j) => [b.id, j]));

  // One pass over all pairs keeps only numbers; explanations are recomputed for the few pairs shown.
  const reasonCounts: Map<HardRule, number>[] = [];
  const base: (number | null)[][] = newcomers.map((_, i) => {
    const row: (number | null)[] = new Array(buddies.length);
    const reasons = new Map<HardRule, number>();
    for (let j = 0; j < buddies.length; j++) {
      const v = verdict(i, j);
      if (v.allowed) row[j] = v.score;
      else {
        row[j] = null;
        reasons.set(v.rule, (reasons.get(v.rule) ?? 0) + 1);
      }
    }
    reasonCounts.push(reasons);
    return row;
  });
  const solveWith = (pinsNow: Pins) => {
    const scores = newcomers.map((n, i) => {
      const row = base[i]!.slice();
      if (outside(i) && n.pendingBuddyId == null) row.fill(null);
      const pin = pinsNow[String(n.id)];
      const pinnedCol = pin != null ? (colOf.get(pin) ?? -1) : -1;
      if (pinnedCol >= 0 && row[pinnedCol] != null)
        for (let j = 0; j < row.length; j++) if (j !== pinnedCol) row[j] = null;
      return row;
    });
    // A pending proposal holds its buddy's slot (decision 063): the buddy has been asked and may accept any
    // moment, so a new run must not hand that slot to someone else. Its row leaves the solve, its slot is used.
    // HR frees it only by overriding that row (a pin), which withdraws the proposal when the run is sent.
    const held = new Map<number, number>();
    const heldPerBuddy = new Array<number>(buddies.length).fill(0);
    newcomers.forEach((n, i) => {
      if (n.pendingBuddyId == null || pinsNow[String(n.id)] != null) return;
      const j = colOf.get(n.pendingBuddyId);
      if (j == null || base[i]![j] == null) return;
      held.set(i, j);
      heldPerBuddy[j]!++;
      scores[i]!.fill(null);
    });
    const instance: AssignmentInstance = {
      scores,
      capacities: buddies.map((b, j) => Math.max(0, b.facts.capacity - b.facts.load - heldPerBuddy[j]!)),
      slotPenalties: SLOT_PENALTIES,
    };
    const assignment = solveAssignment(instance);
    let heldTotal = 0;
    for (const [i, j] of held) heldTotal += base[i]![j] ?? 0;
    return { instance, assignment, held, matched: assignment.matched + held.size, total: assignment.total + heldTotal };
  };
  const solved = solveWith(pins);
  const { instance, assignment, held } = solved;
  const check = verifyAssignment(instance, assignment);
  // With pins the certificate proves the best assignment *given* them; the same solve without pins says what
  // they cost (decision 122).
  const best = Object.keys(pins).length ? solveWith({}) : null;
  const chosenCol = new Map<number, number>([...assignment.pairs.map(([i, j]): [number, number] => [i, j]), ...held]);

  const option = (i: number, j: number): Option => {
    const v = verdict(i, j);
    return {
      buddyId: buddies[j]!.id,
      buddyName: buddies[j]!.name,
      score: v.allowed ? v.score : 0,
      fit: v.allowed ? pairFit(v.contributions, levels) : 0,
      contributions: v.allowed ? v.contributions : [],
    };
  };
  const allRows: RunRow[] = newcomers.map((n, i) => {
    // Allowed columns before pinning, best first (ties by buddy id).
    const ranked: { j: number; score: number }[] = [];
    base[i]!.forEach((score, j) => {
      if (score != null) ranked.push({ j, score });
    });
    const scoreOf = (j: number) => base[i]![j] ?? 0;
    ranked.sort((a, b) => b.score - a.score || buddies[a.j]!.id - buddies[b.j]!.id);
    const col = chosenCol.get(i);
    const chosen = col != null ? option(i, col) : null;
    const reasons: RunRow["reasons"] = chosen ? [] : [...reasonCounts[i]!].map(([rule, count]) => ({ rule, count }));
    if (!chosen && ranked.length) reasons.push({ rule: "taken", count: ranked.length });
    const shortlist = ranked.slice(0, OVERRIDE_OPTIONS);
    if (col != null && !shortlist.some((r) => r.j === col)) shortlist.push({ j: col, score: scoreOf(col) });
    const dep = n.departmentId ? deps.get(n.departmentId) : undefined;
    return {
      newcomerId: n.id,
      newcomerName: n.name,
      department: dep ? `${dep.name}${dep.siteName ? ` (${dep.siteName})` : ""}` : null,
      chosen: chosen
        ? { ...chosen, pinned: pins[String(n.id)] === chosen.buddyId, kept: n.pendingBuddyId === chosen.buddyId }
        : null,
      alternatives: ranked
        .filter((r) => r.j !== col)
        .slice(0, 3)
        .map((r) => option(i, r.j)),
      allowed: shortlist.map((r) => {
        const o = option(i, r.j);
        return { buddyId: o.buddyId, buddyName: o.buddyName, score: o.score, fit: o.fit };
      }),
      allowedCount: ranked.length,
      reasons,
      pendingBuddyId: n.pendingBuddyId,
    };
  });
  const certificate = check.ok ? { ok: true, reason: null } : { ok: false, reason: check.reason };
  const buddyIds = buddies.map((b) => b.id);
  if (only != null) {
    const rows = allRows.filter((r) => r.newcomerId === only);
    const onlyRowBest = (b: NonNullable<typeof best>) => {
      const i = newcomers.findIndex((n) => n.id === only);
      const j = b.held.get(i) ?? b.assignment.pairs.find(([r]) => r === i)?.[1];
      return j == null ? { matched: 0, total: 0 } : { matched: 1, total: base[i]![j] ?? 0 };
    };
    return {
      rows,
      buddyIds,
      certificate,
      matched: rows.filter((r) => r.chosen).length,
      total: rows.reduce((sum, r) => sum + (r.chosen?.score ?? 0), 0),
      best: best ? onlyRowBest(best) : null,
    };
  }
  return {
    rows: allRows,
    buddyIds,
    certificate,
    matched: solved.matched,
    total: solved.total,
    best: best ? { matched: best.matched, total: best.total } : null,
  };
}

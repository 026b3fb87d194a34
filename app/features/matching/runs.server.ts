// Matching runs: snapshot the waiting newcomers and the buddies, score every pair, solve exactly, verify the
// certificate, let HR pin pairs (lock / override), then send the proposals. Decision 032.
import { and, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { users } from "@db/schema";
import { buddyProfiles, matches, matchingRuns, matchingWeights, newcomerRecords, type MatchingRun } from "@db/schema-matching";
import { audit, auditNewcomerView } from "~/utils/audit.server";
import { getEnv } from "~/utils/env.server";
import { getDb, nowIso } from "~/utils/db.server";
import { notifyNow } from "~/features/notifications/notify.server";
import type { OrgUser } from "~/utils/permissions.server";
import type { CurrentUser } from "~/utils/session.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import { auditMissingId } from "~/utils/tenancy.server";
import { verifyAssignment } from "./certificate";
import { DEFAULT_WEIGHTS, SLOT_PENALTIES, evaluatePair, normaliseWeights, type Contribution, type HardRule, type WeightLevels } from "./criteria";
import { overrideCost, pairFit, type OverrideCost } from "./fit";
import { solveAssignment, type AssignmentInstance } from "./solver";
import {
  buddyFacts,
  buddyLoads,
  departmentChoices,
  forbiddenPairMap,
  newcomerFacts,
  organisationRules,
  refreshMatchStates,
  todayIso,
  trainedUserIds,
} from "./store.server";

/** Days a buddy has to answer a proposal: MATCH_PROPOSAL_DAYS through the environment schema. */
export function proposalDays(): number {
  return getEnv().MATCH_PROPOSAL_DAYS;
}

// ——— Weights ————————————————————————————————————————————————————————————————————————

export function currentWeights(organisationId: number): { version: number; levels: WeightLevels } {
  const row = getDb()
    .select()
    .from(matchingWeights)
    .where(eq(matchingWeights.organisationId, organisationId))
    .orderBy(desc(matchingWeights.version))
    .get();
  if (!row) return { version: 0, levels: { ...DEFAULT_WEIGHTS } };
  return { version: row.version, levels: normaliseWeights(JSON.parse(row.levels)) };
}

export function saveWeights(actor: OrgUser, levels: WeightLevels): Outcome<{ version: number }> {
  const { organisationId } = actor;
  const version = currentWeights(organisationId).version + 1;
  getDb()
    .insert(matchingWeights)
    .values({ organisationId, version, levels: JSON.stringify(levels), createdByUserId: actor.id })
    .run();
  audit({ actorUserId: actor.id, organisationId, action: "matching.weights", entityType: "matching_weights", entityId: version });
  return ok({ version });
}

// ——— Runs ———————————————————————————————————————————————————————————————————————————

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

type Snapshot = {
  rows: RunRow[];
  buddyIds: number[];
  certificate: { ok: boolean; reason: string | null };
  matched: number;
  total: number;
  best: { matched: number; total: number } | null;
};

/** Newcomers a run is for: not erased, no accepted or active match, not completed. */
function runNewcomers(organisationId: number) {
  const db = getDb();
  const records = db
    .select()
    .from(newcomerRecords)
    .where(and(eq(newcomerRecords.organisationId, organisationId), isNull(newcomerRecords.erasedAt)))
    .all();
  const settled = new Set<number>();
  const pending = new Map<number, number>();
  for (const m of db
    .select({ newcomerId: matches.newcomerId, buddyId: matches.buddyId, status: matches.status })
    .from(matches)
    .where(eq(matches.organisationId, organisationId))
    .all()) {
    if (m.status === "accepted" || m.status === "active" || m.status === "completed") settled.add(m.newcomerId);
    if (m.status === "proposed") pending.set(m.newcomerId, m.buddyId);
  }
  return records.filter((r) => !settled.has(r.id)).map((r) => ({ record: r, pendingBuddyId: pending.get(r.id) ?? null }));
}

/** Everything the criteria need, loaded once; `verdict(i, j)` evaluates one pair. */
function scoring(organisationId: number, levels: WeightLevels) {
  const db = getDb();
  const newcomers = runNewcomers(organisationId);
  const buddies = db
    .select({ profile: buddyProfiles, name: users.name })
    .from(buddyProfiles)
    .innerJoin(users, eq(users.id, buddyProfiles.userId))
    .where(and(eq(buddyProfiles.organisationId, organisationId), eq(users.status, "active")))
    .orderBy(buddyProfiles.id)
    .all();
  const loads = buddyLoads(organisationId);
  const trained = trainedUserIds(buddies.map((b) => b.profile.userId));
  const forbidden = forbiddenPairMap(organisationId);
  const rules = organisationRules(organisationId);
  const today = todayIso();
  const buddyFactsList = buddies.map((b) => buddyFacts(b.profile, loads.get(b.profile.id) ?? 0, trained.has(b.profile.userId)));
  const newcomerFactsList = newcomers.map((n) => newcomerFacts(n.record));
  const none = new Set<number>();
  const forbiddenFor = newcomers.map((n) => forbidden.get(n.record.id) ?? none);
  const verdict = (i: number, j: number) => {
    const n = newcomers[i]!;
    const buddyId = buddies[j]!.profile.id;
    return evaluatePair(
      newcomerFactsList[i]!,
      buddyFactsList[j]!,
      { requireTraining: rules.requireTraining, requireSameSite: rules.requireSameSite, today, forbiddenPair: forbiddenFor[i]!.has(buddyId), keep: n.pendingBuddyId === buddyId },
      levels,
    );
  };
  return { newcomers, buddies, buddyFactsList, verdict };
}

function compute(organisationId: number, levels: WeightLevels, pins: Record<string, number>, only: number | null = null): Snapshot {
  const { newcomers, buddies, buddyFactsList, verdict } = scoring(organisationId, levels);
  // A run for one newcomer still sees everyone's pending proposals (they hold their buddies' slots below); the
  // others' rows just take no part in the solve and are not shown.
  const outside = (i: number) => only != null && newcomers[i]!.record.id !== only;
  const deps = new Map(departmentChoices(organisationId).map((d) => [d.id, d]));
  const colOf = new Map(buddies.map((b, j) => [b.profile.id, j]));

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
  const solveWith = (pinsNow: Record<string, number>) => {
    const scores = newcomers.map((n, i) => {
      const row = base[i]!.slice();
      if (outside(i) && n.pendingBuddyId == null) row.fill(null);
      const pin = pinsNow[String(n.record.id)];
      const pinnedCol = pin != null ? (colOf.get(pin) ?? -1) : -1;
      if (pinnedCol >= 0 && row[pinnedCol] != null) for (let j = 0; j < row.length; j++) if (j !== pinnedCol) row[j] = null;
      return row;
    });
    // A pending proposal holds its buddy's slot (decision 063): the buddy has been asked and may accept any
    // moment, so a new run must not hand that slot to someone else. Its row leaves the solve, its slot is used.
    // HR frees it only by overriding that row (a pin), which withdraws the proposal when the run is sent.
    const held = new Map<number, number>();
    const heldPerBuddy = new Array<number>(buddies.length).fill(0);
    newcomers.forEach((n, i) => {
      if (n.pendingBuddyId == null || pinsNow[String(n.record.id)] != null) return;
      const j = colOf.get(n.pendingBuddyId);
      if (j == null || base[i]![j] == null) return;
      held.set(i, j);
      heldPerBuddy[j]!++;
      scores[i]!.fill(null);
    });
    const instance: AssignmentInstance = {
      scores,
      capacities: buddyFactsList.map((f, j) => Math.max(0, f.capacity - f.load - heldPerBuddy[j]!)),
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
      buddyId: buddies[j]!.profile.id,
      buddyName: buddies[j]!.name,
      score: v.allowed ? v.score : 0,
      fit: v.allowed ? pairFit(v.contributions, levels) : 0,
      contributions: v.allowed ? v.contributions : [],
    };
  };
  const allRows: RunRow[] = newcomers.map(({ record, pendingBuddyId }, i) => {
    // Allowed columns before pinning, best first (ties by buddy id).
    const ranked: { j: number; score: number }[] = [];
    base[i]!.forEach((score, j) => {
      if (score != null) ranked.push({ j, score });
    });
    const scoreOf = (j: number) => base[i]![j] ?? 0;
    ranked.sort((a, b) => b.score - a.score || buddies[a.j]!.profile.id - buddies[b.j]!.profile.id);
    const col = chosenCol.get(i);
    const chosen = col != null ? option(i, col) : null;
    const reasons: RunRow["reasons"] = chosen ? [] : [...reasonCounts[i]!].map(([rule, count]) => ({ rule, count }));
    if (!chosen && ranked.length) reasons.push({ rule: "taken", count: ranked.length });
    const shortlist = ranked.slice(0, OVERRIDE_OPTIONS);
    if (col != null && !shortlist.some((r) => r.j === col)) shortlist.push({ j: col, score: scoreOf(col) });
    const dep = record.departmentId ? deps.get(record.departmentId) : undefined;
    return {
      newcomerId: record.id,
      newcomerName: record.name,
      department: dep ? `${dep.name}${dep.siteName ? ` (${dep.siteName})` : ""}` : null,
      chosen: chosen ? { ...chosen, pinned: pins[String(record.id)] === chosen.buddyId, kept: pendingBuddyId === chosen.buddyId } : null,
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
      pendingBuddyId,
    };
  });
  const onlyRowBest = (b: NonNullable<typeof best>) => {
    const i = newcomers.findIndex((n) => n.record.id === only);
    const j = b.held.get(i) ?? b.assignment.pairs.find(([r]) => r === i)?.[1];
    return j == null ? { matched: 0, total: 0 } : { matched: 1, total: base[i]![j] ?? 0 };
  };
  if (only != null) {
    const rows = allRows.filter((r) => r.newcomerId === only);
    return {
      rows,
      buddyIds: buddies.map((b) => b.profile.id),
      certificate: check.ok ? { ok: true, reason: null } : { ok: false, reason: check.reason },
      matched: rows.filter((r) => r.chosen).length,
      total: rows.reduce((sum, r) => sum + (r.chosen?.score ?? 0), 0),
      best: best ? onlyRowBest(best) : null,
    };
  }
  return {
    rows: allRows,
    buddyIds: buddies.map((b) => b.profile.id),
    certificate: check.ok ? { ok: true, reason: null } : { ok: false, reason: check.reason },
    matched: solved.matched,
    total: solved.total,
    best: best ? { matched: best.matched, total: best.total } : null,
  };
}

function store(
  runId: number | null,
  organisationId: number,
  actor: CurrentUser,
  weights: { version: number; levels: WeightLevels },
  pins: Record<string, number>,
  only: number | null = null,
  snap: Snapshot = compute(organisationId, weights.levels, pins, only),
): number {
  const values = {
    organisationId,
    onlyNewcomerId: only,
    weightsVersion: weights.version,
    weightsLevels: JSON.stringify(weights.levels),
    pins: JSON.stringify(pins),
    result: JSON.stringify({ rows: snap.rows, buddyCount: snap.buddyIds.length, best: snap.best } satisfies RunResult),
    matched: snap.matched,
    total: snap.total,
    certificateOk: snap.certificate.ok,
    certificateReason: snap.certificate.reason,
    updatedAt: nowIso(),
  };
  if (runId == null) {
    return getDb()
      .insert(matchingRuns)
      .values({ ...values, createdByUserId: actor.id })
      .returning({ id: matchingRuns.id })
      .get().id;
  }
  getDb().update(matchingRuns).set(values).where(eq(matchingRuns.id, runId)).run();
  return runId;
}

export function startRun(actor: OrgUser): Outcome<{ id: number }> {
  const { organisationId } = actor;
  refreshMatchStates();
  // One computation: the snapshot says whether anyone is waiting and is what gets stored.
  const weights = currentWeights(organisationId);
  const snap = compute(organisationId, weights.levels, {});
  if (snap.rows.length === 0) return fail("conflict", "matching.nobodyWaiting");
  const id = store(null, organisationId, actor, weights, {}, null, snap);
  audit({ actorUserId: actor.id, organisationId, action: "matching.run", entityType: "matching_run", entityId: id });
  return ok({ id });
}

/** The newcomer a decline or expiry notice is about, in the user's own organisation; null for any other id. */
function waitingNewcomer(user: OrgUser, newcomerId: number) {
  const record = getDb()
    .select({ id: newcomerRecords.id, name: newcomerRecords.name })
    .from(newcomerRecords)
    .where(and(eq(newcomerRecords.id, newcomerId), eq(newcomerRecords.organisationId, user.organisationId), isNull(newcomerRecords.erasedAt)))
    .get();
  if (!record) {
    auditMissingId({ id: user.id, organisationId: user.organisationId }, "newcomer_record", newcomerId);
    return null;
  }
  return { ...record, waiting: runNewcomers(user.organisationId).some((n) => n.record.id === newcomerId) };
}

/** The page behind HR's decline/expiry notice: who it is about and whether a run for them can start. */
export function viewRematch(user: OrgUser, input: { newcomerId: number }): Outcome<{ newcomerId: number; name: string; waiting: boolean }> {
  refreshMatchStates();
  const found = waitingNewcomer(user, input.newcomerId);
  if (!found) return fail("not_found", "errors.notFound");
  return ok({ newcomerId: found.id, name: found.name, waiting: found.waiting });
}

/** Starts a matching run limited to one newcomer (decision 075); HR previews and sends it like any run. */
export function rematchNewcomer(user: OrgUser, input: { newcomerId: number }): Outcome<{ runId: number }> {
  refreshMatchStates();
  const found = waitingNewcomer(user, input.newcomerId);
  if (!found) return fail("not_found", "errors.notFound");
  if (!found.waiting) return fail("conflict", "notifications.rematch.notWaiting", { params: { newcomer: found.name } });
  const runId = store(null, user.organisationId, user, currentWeights(user.organisationId), {}, found.id);
  audit({ actorUserId: user.id, organisationId: user.organisationId, action: "matching.run", entityType: "matching_run", entityId: runId, detail: { newcomerId: found.id } });
  return ok({ runId });
}

export type RunView = Omit<MatchingRun, "result" | "pins" | "weightsLevels"> & { result: RunResult; pins: Record<string, number>; weightsLevels: WeightLevels };

function runRow(organisationId: number, runId: number): MatchingRun | undefined {
  return getDb()
    .select()
    .from(matchingRuns)
    .where(and(eq(matchingRuns.id, runId), eq(matchingRuns.organisationId, organisationId)))
    .get();
}

export function getRun(organisationId: number, runId: number): RunView | null {
  const run = runRow(organisationId, runId);
  if (!run) return null;
  return {
    ...run,
    result: JSON.parse(run.result) as RunResult,
    pins: JSON.parse(run.pins) as Record<string, number>,
    weightsLevels: normaliseWeights(JSON.parse(run.weightsLevels)),
  };
}

/** The organisation's run, or null after writing the probe entry for an id that is not theirs (decision 060). */
function ownRun(actor: CurrentUser, organisationId: number, runId: number): RunView | null {
  const run = getRun(organisationId, runId);
  if (!run) auditMissingId({ id: actor.id, organisationId }, "matching_run", runId);
  return run;
}

/**
 * The run page: one `matching_run.viewed` entry naming every newcomer in the snapshot. `pinCost`: with HR's
 * pins, what they cost against the best assignment without them (null without pins).
 */
export function viewRun(actor: CurrentUser, organisationId: number, runId: number): (RunView & { pinCost: OverrideCost | null }) | null {
  const run = ownRun(actor, organisationId, runId);
  if (!run) return null;
  auditNewcomerView({ id: actor.id, organisationId }, { action: "matching_run.viewed", entityType: "matching_run", entityId: runId, newcomerIds: run.result.rows.map((r) => r.newcomerId) });
  const pinCost = run.result.best ? overrideCost(run.result.best, { total: run.total, matched: run.matched }, run.weightsLevels) : null;
  return { ...run, pinCost };
}

/** Lock (pin the proposed buddy), override (pin another allowed buddy) or release a pin; then solve again. */
export function pinPair(actor: CurrentUser, organisationId: number, runId: number, newcomerId: number, buddyId: number | null): Outcome {
  const run = ownRun(actor, organisationId, runId);
  if (!run) return fail("not_found", "errors.notFound");
  if (run.status !== "draft") return fail("conflict", "matching.runNotDraft");
  const row = run.result.rows.find((r) => r.newcomerId === newcomerId);
  if (!row) return fail("not_found", "errors.notFound");
  const pins = { ...run.pins };
  if (buddyId == null) delete pins[String(newcomerId)];
  else {
    if (!row.allowed.some((o) => o.buddyId === buddyId)) return fail("invalid", "matching.buddyNotAllowed");
    pins[String(newcomerId)] = buddyId;
  }
  store(runId, organisationId, actor, { version: run.weightsVersion, levels: run.weightsLevels }, pins, run.onlyNewcomerId);
  audit({ actorUserId: actor.id, organisationId, action: buddyId == null ? "matching.unpin" : "matching.pin", entityType: "matching_run", entityId: runId, detail: { newcomerId, buddyId } });
  return ok();
}

export function discardRun(actor: CurrentUser, organisationId: number, runId: number): Outcome {
  const run = ownRun(actor, organisationId, runId);
  if (!run) return fail("not_found", "errors.notFound");
  if (run.status !== "draft") return fail("conflict", "matching.runNotDraft");
  getDb().update(matchingRuns).set({ status: "discarded", updatedAt: nowIso() }).where(eq(matchingRuns.id, runId)).run();
  audit({ actorUserId: actor.id, organisationId, action: "matching.discard", entityType: "matching_run", entityId: runId });
  return ok();
}

/** Statuses that take one of a buddy's slots: a proposal waiting for an answer counts as much as a match. */
const SLOT_USING = ["proposed", "accepted", "active"] as const;

/** Thrown inside the send transaction to roll it back when a buddy would get more than their capacity. */
class CapacityExceeded extends Error {}

type Outgoing = { matchId: number; buddyUserId: number; buddyEmail: string; buddyName: string; newcomerName: string; deadline: string };

/**
 * Sends the run's proposals. The pairs are checked again against the world as it is now (a buddy may have
 * accepted someone else since the preview); a stale run is refused and HR runs again.
 */
export async function sendRun(actor: CurrentUser, organisationId: number, runId: number, now = new Date()): Promise<Outcome<{ sent: number }>> {
  refreshMatchStates(now);
  const run = ownRun(actor, organisationId, runId);
  if (!run) return fail("not_found", "errors.notFound");
  if (run.status !== "draft") return fail("conflict", "matching.runNotDraft");
  // Every chosen pair must still be allowed now (no solve needed for that).
  const now_ = scoring(organisationId, run.weightsLevels);
  const rowOf = new Map(now_.newcomers.map((n, i) => [n.record.id, i]));
  const colOf = new Map(now_.buddies.map((b, j) => [b.profile.id, j]));
  const capacityOf = new Map(now_.buddies.map((b) => [b.profile.id, b.profile.capacity]));
  const wanted = run.result.rows.filter((r) => r.chosen);
  for (const row of wanted) {
    const i = rowOf.get(row.newcomerId);
    const j = colOf.get(row.chosen!.buddyId);
    if (i == null || j == null || !now_.verdict(i, j).allowed) return fail("conflict", "matching.runStale");
  }
  const db = getDb();
  const deadline = new Date(now.getTime() + proposalDays() * 86_400_000).toISOString();
  const at = now.toISOString();
  const created: number[] = [];
  const receiving = new Set<number>();
  let outcome: "sent" | "notDraft" | "full";
  try {
    outcome = db.transaction(
      (tx) => {
        // Two HR users sending at once: only the first send of a draft goes through.
        const status = tx.select({ status: matchingRuns.status }).from(matchingRuns).where(eq(matchingRuns.id, runId)).get()?.status;
        if (status !== "draft") return "notDraft";
        // A newcomer the run left without a buddy (the pending pair is no longer allowed, or HR overrode it
        // and the pin failed) loses the old proposal too: the run decides for every row it shows.
        for (const row of run.result.rows) {
          if (row.chosen || row.pendingBuddyId == null) continue;
          tx.update(matches)
            .set({ status: "withdrawn", respondedAt: at })
            .where(and(eq(matches.newcomerId, row.newcomerId), eq(matches.status, "proposed")))
            .run();
        }
        for (const row of wanted) {
          const chosen = row.chosen!;
          const pending = tx
            .select({ id: matches.id, buddyId: matches.buddyId })
            .from(matches)
            .where(and(eq(matches.newcomerId, row.newcomerId), eq(matches.status, "proposed")))
            .get();
          // The proposal carries the run's own numbers, so preview, proposal and match pages show one fit.
          const shown = { score: pairFit(chosen.contributions, run.weightsLevels), explanation: JSON.stringify(chosen.contributions.filter((c) => c.key !== "keep")) };
          if (pending?.buddyId === chosen.buddyId) {
            tx.update(matches).set({ locked: chosen.pinned, kept: true, ...shown }).where(eq(matches.id, pending.id)).run();
            continue;
          }
          if (pending) tx.update(matches).set({ status: "withdrawn", respondedAt: at }).where(eq(matches.id, pending.id)).run();
          const m = tx
            .insert(matches)
            .values({
              organisationId,
              runId,
              newcomerId: row.newcomerId,
              buddyId: chosen.buddyId,
              status: "proposed",
              ...shown,
              locked: chosen.pinned,
              proposedAt: at,
              deadline,
            })
            .returning({ id: matches.id })
            .get();
          created.push(m.id);
          receiving.add(chosen.buddyId);
        }
        // Capacity counts pending proposals as used slots (decision 063): checked on the state this transaction
        // leaves behind, under the write lock, for every buddy who gets a new proposal.
        if (receiving.size) {
          const used = tx
            .select({ buddyId: matches.buddyId, n: sql<number>`count(*)` })
            .from(matches)
            .where(and(inArray(matches.buddyId, [...receiving]), inArray(matches.status, [...SLOT_USING])))
            .groupBy(matches.buddyId)
            .all();
          // Capacities come from the profiles `scoring` loaded above; only the slot counts need the lock.
          if (used.some((u) => u.n > (capacityOf.get(u.buddyId) ?? 0))) throw new CapacityExceeded();
        }
        tx.update(matchingRuns).set({ status: "sent", sentAt: at, updatedAt: at }).where(eq(matchingRuns.id, runId)).run();
        tx.update(matchingRuns)
          .set({ status: "discarded", updatedAt: at })
          .where(and(eq(matchingRuns.organisationId, organisationId), eq(matchingRuns.status, "draft"), ne(matchingRuns.id, runId)))
          .run();
        return "sent";
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (!(error instanceof CapacityExceeded)) throw error;
    outcome = "full";
  }
  if (outcome === "notDraft") return fail("conflict", "matching.runNotDraft");
  if (outcome === "full") return fail("conflict", "matching.runFull");
  audit({ actorUserId: actor.id, organisationId, action: "matching.send", entityType: "matching_run", entityId: runId, detail: { proposals: created.length } });
  if (created.length) {
    const outgoing: Outgoing[] = db
      .select({ matchId: matches.id, buddyUserId: users.id, buddyEmail: users.email, buddyName: users.name, newcomerName: newcomerRecords.name, deadline: matches.deadline })
      .from(matches)
      .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
      .innerJoin(users, eq(users.id, buddyProfiles.userId))
      .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
      .where(inArray(matches.id, created))
      .all();
    // The buddies hear of it through the outbox: the request does not wait for SMTP.
    notifyNow(
      outgoing.map((m) => ({ key: `proposal-received:${m.matchId}`, kind: "proposal_received", userId: m.buddyUserId, params: { newcomer: m.newcomerName, deadlineAt: m.deadline }, link: `/me/buddy/proposals/${m.matchId}` })),
      organisationId,
    );
  }
  return ok({ sent: created.length });
}

export function listRuns(organisationId: number) {
  return getDb()
    .select({
      id: matchingRuns.id,
      status: matchingRuns.status,
      createdAt: matchingRuns.createdAt,
      sentAt: matchingRuns.sentAt,
      matched: matchingRuns.matched,
      certificateOk: matchingRuns.certificateOk,
      weightsVersion: matchingRuns.weightsVersion,
    })
    .from(matchingRuns)
    .where(eq(matchingRuns.organisationId, organisationId))
    .orderBy(desc(matchingRuns.id))
    .limit(10)
    .all();
}

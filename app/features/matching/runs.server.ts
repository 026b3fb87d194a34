// Matching runs: snapshot the waiting newcomers and the buddies, score every pair, solve exactly, verify the
// certificate, let HR pin pairs (lock / override), then send the proposals. Decision 032.
import { and, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { users } from "@db/schema";
import {
  buddyProfiles,
  matches,
  matchingRuns,
  matchingWeights,
  newcomerRecords,
  type MatchingRun,
} from "@db/schema-matching";
import { audit, auditNewcomerView } from "~/utils/audit.server";
import { getEnv } from "~/utils/env.server";
import { getDb, nowIso } from "~/utils/db.server";
import { notifyNow } from "~/features/notifications/notify.server";
import type { OrgUser } from "~/utils/permissions.server";
import type { CurrentUser } from "~/utils/session.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import { auditMissingId } from "~/utils/tenancy.server";
import { DEFAULT_WEIGHTS, normaliseWeights, type WeightLevels } from "./criteria";
import { overrideCost, pairFit, type OverrideCost } from "./fit";
import { pairVerdicts, planRun, type MatchingPool, type Pins, type RunPlan, type RunResult } from "./run-plan";
import { readStored, StoredPinsSchema, StoredRunResultSchema } from "./run-stored";
import type { RunAction } from "./matching.schema";
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
  audit({
    actorUserId: actor.id,
    organisationId,
    action: "matching.weights",
    entityType: "matching_weights",
    entityId: version,
  });
  return ok({ version });
}

// ——— Runs ———————————————————————————————————————————————————————————————————————————

export { OVERRIDE_OPTIONS } from "./run-plan";
export type { Choice, Option, RunResult, RunRow } from "./run-plan";

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
  return records
    .filter((r) => !settled.has(r.id))
    .map((r) => ({ record: r, pendingBuddyId: pending.get(r.id) ?? null }));
}

/** The run's pool as the database holds it now: waiting newcomers, active buddies with their loads, rules. */
function loadMatchingPool(organisationId: number): MatchingPool {
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
  const none = new Set<number>();
  return {
    newcomers: newcomers.map(({ record, pendingBuddyId }) => ({
      id: record.id,
      name: record.name,
      departmentId: record.departmentId,
      facts: newcomerFacts(record),
      pendingBuddyId,
      forbiddenBuddyIds: forbidden.get(record.id) ?? none,
    })),
    buddies: buddies.map((b) => ({
      id: b.profile.id,
      name: b.name,
      facts: buddyFacts(b.profile, loads.get(b.profile.id) ?? 0, trained.has(b.profile.userId)),
    })),
    rules: organisationRules(organisationId),
    today: todayIso(),
    departments: departmentChoices(organisationId),
  };
}

/** Writes a run's plan: a new draft (runId null) or the draft it replaces after a pin; returns the run's id. */
function saveRunPlan(
  runId: number | null,
  organisationId: number,
  actor: CurrentUser,
  weights: { version: number; levels: WeightLevels },
  pins: Pins,
  only: number | null,
  snap: RunPlan,
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
  const plan = planRun(loadMatchingPool(organisationId), weights.levels, {});
  if (plan.rows.length === 0) return fail("conflict", "matching.nobodyWaiting");
  const id = saveRunPlan(null, organisationId, actor, weights, {}, null, plan);
  audit({ actorUserId: actor.id, organisationId, action: "matching.run", entityType: "matching_run", entityId: id });
  return ok({ id });
}

/** The newcomer a decline or expiry notice is about, in the user's own organisation; null for any other id. */
function waitingNewcomer(user: OrgUser, newcomerId: number) {
  const record = getDb()
    .select({ id: newcomerRecords.id, name: newcomerRecords.name })
    .from(newcomerRecords)
    .where(
      and(
        eq(newcomerRecords.id, newcomerId),
        eq(newcomerRecords.organisationId, user.organisationId),
        isNull(newcomerRecords.erasedAt),
      ),
    )
    .get();
  if (!record) {
    auditMissingId({ id: user.id, organisationId: user.organisationId }, "newcomer_record", newcomerId);
    return null;
  }
  return { ...record, waiting: runNewcomers(user.organisationId).some((n) => n.record.id === newcomerId) };
}

/** The page behind HR's decline/expiry notice: who it is about and whether a run for them can start. */
export function viewRematch(
  user: OrgUser,
  input: { newcomerId: number },
): Outcome<{ newcomerId: number; name: string; waiting: boolean }> {
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
  const weights = currentWeights(user.organisationId);
  const plan = planRun(loadMatchingPool(user.organisationId), weights.levels, {}, found.id);
  const runId = saveRunPlan(null, user.organisationId, user, weights, {}, found.id, plan);
  audit({
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: "matching.run",
    entityType: "matching_run",
    entityId: runId,
    detail: { newcomerId: found.id },
  });
  return ok({ runId });
}

export type RunView = Omit<MatchingRun, "result" | "pins" | "weightsLevels"> & {
  result: RunResult;
  pins: Record<string, number>;
  weightsLevels: WeightLevels;
};

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
    result: readStored(StoredRunResultSchema, run.result, `matching run ${run.id} result`),
    pins: readStored(StoredPinsSchema, run.pins, `matching run ${run.id} pins`),
    weightsLevels: normaliseWeights(JSON.parse(run.weightsLevels)),
  };
}

/** The organisation's run, or null after writing the probe entry for an id that is not theirs (decision 060). */
function ownRun(actor: OrgUser, runId: number): RunView | null {
  const run = getRun(actor.organisationId, runId);
  if (!run) auditMissingId({ id: actor.id, organisationId: actor.organisationId }, "matching_run", runId);
  return run;
}

/**
 * The run page: one `matching_run.viewed` entry naming every newcomer in the snapshot. `pinCost`: with HR's
 * pins, what they cost against the best assignment without them (null without pins).
 */
export function viewRun(
  actor: OrgUser,
  { runId }: { runId: number },
): Outcome<{ run: RunView & { pinCost: OverrideCost | null }; days: number }> {
  const run = ownRun(actor, runId);
  if (!run) return fail("not_found", "errors.notFound");
  auditNewcomerView(
    { id: actor.id, organisationId: actor.organisationId },
    {
      action: "matching_run.viewed",
      entityType: "matching_run",
      entityId: runId,
      newcomerIds: run.result.rows.map((r) => r.newcomerId),
    },
  );
  const pinCost = run.result.best
    ? overrideCost(run.result.best, { total: run.total, matched: run.matched }, run.weightsLevels)
    : null;
  return ok({ run: { ...run, pinCost }, days: proposalDays() });
}

/** What a change to a run did, for the page to say so. */
export type RunChanged = { done: "sent"; sent: number } | { done: "discarded" } | { done: "pinned" };

/** The run page's one use case: HR sends, discards, pins or unpins in the run of their own organisation. */
export async function changeRun(actor: OrgUser, input: { runId: number } & RunAction): Promise<Outcome<RunChanged>> {
  const { runId } = input;
  switch (input.intent) {
    case "send": {
      const sent = await sendRun(actor, runId);
      return sent.ok ? ok({ done: "sent" as const, sent: sent.value.sent }) : sent;
    }
    case "discard": {
      const discarded = discardRun(actor, runId);
      return discarded.ok ? ok({ done: "discarded" as const }) : discarded;
    }
    case "pin":
    case "unpin": {
      const pinned = pinPair(actor, runId, input.newcomerId, input.intent === "pin" ? (input.buddyId ?? null) : null);
      return pinned.ok ? ok({ done: "pinned" as const }) : pinned;
    }
  }
}

/** Lock (pin the proposed buddy), override (pin another allowed buddy) or release a pin; then solve again. */
function pinPair(actor: OrgUser, runId: number, newcomerId: number, buddyId: number | null): Outcome {
  const { organisationId } = actor;
  const run = ownRun(actor, runId);
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
  const plan = planRun(loadMatchingPool(organisationId), run.weightsLevels, pins, run.onlyNewcomerId);
  saveRunPlan(
    runId,
    organisationId,
    actor,
    { version: run.weightsVersion, levels: run.weightsLevels },
    pins,
    run.onlyNewcomerId,
    plan,
  );
  audit({
    actorUserId: actor.id,
    organisationId,
    action: buddyId == null ? "matching.unpin" : "matching.pin",
    entityType: "matching_run",
    entityId: runId,
    detail: { newcomerId, buddyId },
  });
  return ok();
}

function discardRun(actor: OrgUser, runId: number): Outcome {
  const { organisationId } = actor;
  const run = ownRun(actor, runId);
  if (!run) return fail("not_found", "errors.notFound");
  if (run.status !== "draft") return fail("conflict", "matching.runNotDraft");
  getDb()
    .update(matchingRuns)
    .set({ status: "discarded", updatedAt: nowIso() })
    .where(eq(matchingRuns.id, runId))
    .run();
  audit({
    actorUserId: actor.id,
    organisationId,
    action: "matching.discard",
    entityType: "matching_run",
    entityId: runId,
  });
  return ok();
}

/** Statuses that take one of a buddy's slots: a proposal waiting for an answer counts as much as a match. */
const SLOT_USING = ["proposed", "accepted", "active"] as const;

/** Thrown inside the send transaction to roll it back when a buddy would get more than their capacity. */
class CapacityExceeded extends Error {}

type Outgoing = {
  matchId: number;
  buddyUserId: number;
  buddyEmail: string;
  buddyName: string;
  newcomerName: string;
  deadline: string;
};

/**
 * Sends the run's proposals. The pairs are checked again against the world as it is now (a buddy may have
 * accepted someone else since the preview); a stale run is refused and HR runs again.
 */
async function sendRun(actor: OrgUser, runId: number, now = new Date()): Promise<Outcome<{ sent: number }>> {
  const { organisationId } = actor;
  refreshMatchStates(now);
  const run = ownRun(actor, runId);
  if (!run) return fail("not_found", "errors.notFound");
  if (run.status !== "draft") return fail("conflict", "matching.runNotDraft");
  // Every chosen pair must still be allowed now (no solve needed for that).
  const pool = loadMatchingPool(organisationId);
  const verdict = pairVerdicts(pool, run.weightsLevels);
  const rowOf = new Map(pool.newcomers.map((n, i) => [n.id, i]));
  const colOf = new Map(pool.buddies.map((b, j) => [b.id, j]));
  const capacityOf = new Map(pool.buddies.map((b) => [b.id, b.facts.capacity]));
  const wanted = run.result.rows.filter((r) => r.chosen);
  for (const row of wanted) {
    const i = rowOf.get(row.newcomerId);
    const j = colOf.get(row.chosen!.buddyId);
    if (i == null || j == null || !verdict(i, j).allowed) return fail("conflict", "matching.runStale");
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
        const status = tx
          .select({ status: matchingRuns.status })
          .from(matchingRuns)
          .where(eq(matchingRuns.id, runId))
          .get()?.status;
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
          const shown = {
            score: pairFit(chosen.contributions, run.weightsLevels),
            explanation: JSON.stringify(chosen.contributions.filter((c) => c.key !== "keep")),
          };
          if (pending?.buddyId === chosen.buddyId) {
            tx.update(matches)
              .set({ locked: chosen.pinned, kept: true, ...shown })
              .where(eq(matches.id, pending.id))
              .run();
            continue;
          }
          if (pending)
            tx.update(matches).set({ status: "withdrawn", respondedAt: at }).where(eq(matches.id, pending.id)).run();
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
          // Capacities come from the profiles the pool loaded above; only the slot counts need the lock.
          if (used.some((u) => u.n > (capacityOf.get(u.buddyId) ?? 0))) throw new CapacityExceeded();
        }
        tx.update(matchingRuns)
          .set({ status: "sent", sentAt: at, updatedAt: at })
          .where(eq(matchingRuns.id, runId))
          .run();
        tx.update(matchingRuns)
          .set({ status: "discarded", updatedAt: at })
          .where(
            and(
              eq(matchingRuns.organisationId, organisationId),
              eq(matchingRuns.status, "draft"),
              ne(matchingRuns.id, runId),
            ),
          )
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
  audit({
    actorUserId: actor.id,
    organisationId,
    action: "matching.send",
    entityType: "matching_run",
    entityId: runId,
    detail: { proposals: created.length },
  });
  if (created.length) {
    const outgoing: Outgoing[] = db
      .select({
        matchId: matches.id,
        buddyUserId: users.id,
        buddyEmail: users.email,
        buddyName: users.name,
        newcomerName: newcomerRecords.name,
        deadline: matches.deadline,
      })
      .from(matches)
      .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
      .innerJoin(users, eq(users.id, buddyProfiles.userId))
      .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
      .where(inArray(matches.id, created))
      .all();
    // The buddies hear of it through the outbox: the request does not wait for SMTP.
    notifyNow(
      outgoing.map((m) => ({
        key: `proposal-received:${m.matchId}`,
        kind: "proposal_received",
        userId: m.buddyUserId,
        params: { newcomer: m.newcomerName, deadlineAt: m.deadline },
        link: `/me/buddy/proposals/${m.matchId}`,
      })),
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

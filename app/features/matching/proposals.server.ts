// Proposals and matches: the buddy accepts or declines; HR ends a match. Capacity is re-checked inside the
// accepting transaction (immediate: it takes the write lock before reading), so two accepts never exceed it.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { users } from "@db/schema";
import { buddyProfiles, checkIns, forbiddenPairs, matches, newcomerRecords } from "@db/schema-matching";
import { audit, auditNewcomerView } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { notifyNow } from "~/features/notifications/notify.server";
import type { OrgUser } from "~/utils/permissions.server";
import { auditMissingId } from "~/utils/tenancy.server";
import { createCheckIns, listCheckIns, overdueCheckIns } from "./checkins.server";
import { listNewcomers } from "./newcomers.server";
import type { Contribution, LanguageSkill, Profession, Shift } from "./criteria";
import { effectiveStatus } from "./match-status";
import { departmentChoices, parseList, refreshMatchStates, todayIso } from "./store.server";
import { fail, ok, type Outcome } from "~/utils/use-case";

export type MatchCard = {
  id: number;
  status: string;
  deadline: string;
  proposedAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
  reason: string | null;
  score: number;
  explanation: Contribution[];
  newcomer: {
    name: string;
    profession: Profession;
    department: string | null;
    startDate: string;
    dutchLevel: string;
    languages: LanguageSkill[];
    shifts: Shift[];
    erased: boolean;
  };
  newcomerId: number;
  buddyName: string;
  buddyUserId: number;
  organisationId: number;
};

/** Matches as cards, each with its status as of `now` (match-status.ts), written or not. */
function loadMatches(where: ReturnType<typeof and>, now = new Date()): MatchCard[] {
  const rows = getDb()
    .select({ m: matches, n: newcomerRecords, buddyName: users.name, buddyUserId: users.id })
    .from(matches)
    .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
    .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
    .innerJoin(users, eq(users.id, buddyProfiles.userId))
    .where(where)
    .orderBy(desc(matches.proposedAt), desc(matches.id))
    .all();
  const deps = new Map<number, Map<number, string>>();
  const depName = (orgId: number, id: number | null) => {
    if (id == null) return null;
    if (!deps.has(orgId))
      deps.set(
        orgId,
        new Map(departmentChoices(orgId).map((d) => [d.id, `${d.name}${d.siteName ? ` (${d.siteName})` : ""}`])),
      );
    return deps.get(orgId)!.get(id) ?? null;
  };
  return rows.map(({ m, n, buddyName, buddyUserId }) => ({
    id: m.id,
    status: effectiveStatus({ status: m.status, deadline: m.deadline, startDate: n.startDate }, now),
    deadline: m.deadline,
    proposedAt: m.proposedAt,
    acceptedAt: m.acceptedAt,
    endedAt: m.endedAt,
    reason: m.reason,
    score: m.score,
    explanation: parseList<Contribution>(m.explanation),
    newcomer: {
      name: n.name,
      profession: n.profession as Profession,
      department: depName(n.organisationId, n.departmentId),
      startDate: n.startDate,
      dutchLevel: n.dutchLevel,
      languages: parseList<LanguageSkill>(n.languages),
      shifts: parseList<Shift>(n.shifts),
      erased: n.erasedAt != null,
    },
    newcomerId: m.newcomerId,
    buddyName,
    buddyUserId,
    organisationId: m.organisationId,
  }));
}

/** The signed-in employee's proposals and matches as a buddy. */
export function buddyOverview(user: OrgUser) {
  refreshMatchStates();
  const profile = getDb()
    .select({ id: buddyProfiles.id })
    .from(buddyProfiles)
    .where(eq(buddyProfiles.userId, user.id))
    .get();
  if (!profile) return { hasProfile: false, proposals: [], current: [], past: [] };
  const all = loadMatches(and(eq(matches.buddyId, profile.id), eq(matches.organisationId, user.organisationId)));
  if (all.length)
    auditNewcomerView(user, {
      action: "matches.viewed",
      entityType: "buddy_overview",
      entityId: profile.id,
      newcomerIds: all.map((m) => m.newcomerId),
    });
  return {
    hasProfile: true,
    proposals: all.filter((m) => m.status === "proposed"),
    current: all.filter((m) => m.status === "accepted" || m.status === "active"),
    past: all.filter((m) => !["proposed", "accepted", "active"].includes(m.status)),
  };
}

/** One match as its buddy sees it: 404 for another organisation, 403 for a colleague's proposal. */
export function matchForBuddy(
  user: OrgUser,
  { matchId }: { matchId: number },
): Outcome<{ match: MatchCard; checkIns: ReturnType<typeof listCheckIns> }> {
  refreshMatchStates();
  const match = loadMatches(and(eq(matches.id, matchId)))[0];
  if (!match || match.organisationId !== user.organisationId) {
    auditMissingId(user, "match", matchId, match ? match.organisationId : undefined);
    return fail("not_found", "errors.notFound");
  }
  if (match.buddyUserId !== user.id) return fail("forbidden", "matching.notYours");
  auditNewcomerView(user, {
    action: "match.viewed",
    entityType: "match",
    entityId: matchId,
    newcomerIds: [match.newcomerId],
  });
  return ok({ match, checkIns: listCheckIns(matchId) });
}

export function matchForHr(
  actor: OrgUser,
  { matchId }: { matchId: number },
): { match: MatchCard; checkIns: ReturnType<typeof listCheckIns> } | null {
  const { organisationId } = actor;
  refreshMatchStates();
  const viewer = { id: actor.id, organisationId };
  const match = loadMatches(and(eq(matches.id, matchId), eq(matches.organisationId, organisationId)))[0];
  if (!match) {
    auditMissingId(viewer, "match", matchId);
    return null;
  }
  auditNewcomerView(viewer, {
    action: "match.viewed",
    entityType: "match",
    entityId: matchId,
    newcomerIds: [match.newcomerId],
  });
  return { match, checkIns: listCheckIns(matchId) };
}

export function acceptProposal(user: OrgUser, { matchId }: { matchId: number }, now = new Date()): Outcome {
  const db = getDb();
  const outcome = db.transaction(
    (tx): Outcome => {
      const row = tx
        .select({
          m: matches,
          buddyUserId: buddyProfiles.userId,
          capacity: buddyProfiles.capacity,
          startDate: newcomerRecords.startDate,
        })
        .from(matches)
        .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
        .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
        .where(eq(matches.id, matchId))
        .get();
      if (!row || row.m.organisationId !== user.organisationId) return fail("not_found", "errors.notFound");
      if (row.buddyUserId !== user.id) return fail("forbidden", "matching.notYours");
      if (row.m.status !== "proposed")
        return fail("conflict", row.m.status === "expired" ? "matching.proposalExpired" : "matching.alreadyAnswered");
      if (row.m.deadline < now.toISOString()) return fail("conflict", "matching.proposalExpired");
      const committed = tx
        .select({ id: matches.id })
        .from(matches)
        .where(and(eq(matches.buddyId, row.m.buddyId), inArray(matches.status, ["accepted", "active"])))
        .all().length;
      if (committed >= row.capacity) return fail("conflict", "matching.capacityUsed");
      const taken = tx
        .select({ id: matches.id })
        .from(matches)
        .where(and(eq(matches.newcomerId, row.m.newcomerId), inArray(matches.status, ["accepted", "active"])))
        .get();
      if (taken) return fail("conflict", "matching.newcomerTaken");
      const today = todayIso(now);
      tx.update(matches)
        .set({
          status: row.startDate <= today ? "active" : "accepted",
          acceptedAt: now.toISOString(),
          respondedAt: now.toISOString(),
        })
        .where(eq(matches.id, matchId))
        .run();
      createCheckIns(tx, matchId, row.startDate, today);
      return ok();
    },
    { behavior: "immediate" },
  );
  if (outcome.ok)
    audit({
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "match.accept",
      entityType: "match",
      entityId: matchId,
    });
  else if (outcome.reason === "not_found") auditMissingId(user, "match", matchId);
  return outcome;
}

/** Accepts, then tells the newcomer (when they have an account) who their buddy is, through the outbox. */
export async function acceptProposalAndNotify(user: OrgUser, { matchId }: { matchId: number }): Promise<Outcome> {
  const result = acceptProposal(user, { matchId });
  if (!result.ok) return result;
  const row = getDb()
    .select({ newcomerUserId: newcomerRecords.userId, newcomerName: newcomerRecords.name, firstDue: checkIns.dueDate })
    .from(matches)
    .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
    .leftJoin(checkIns, and(eq(checkIns.matchId, matches.id), eq(checkIns.key, "week1")))
    .where(eq(matches.id, matchId))
    .get();
  if (row?.newcomerUserId) {
    notifyNow(
      [
        {
          key: `buddy-accepted:${matchId}`,
          kind: "buddy_accepted",
          userId: row.newcomerUserId,
          params: { buddy: user.name, newcomer: row.newcomerName, ...(row.firstDue ? { dueDate: row.firstDue } : {}) },
          link: "/newcomer",
          ...(row.firstDue ? { calendar: { date: row.firstDue, uid: `checkin-${matchId}-week1` } } : {}),
        },
      ],
      user.organisationId,
    );
  }
  return result;
}

export function declineProposal(
  user: OrgUser,
  { matchId, reason }: { matchId: number; reason: string },
  now = new Date(),
): Outcome {
  const outcome = getDb().transaction(
    (tx): Outcome => {
      const row = tx
        .select({ m: matches, buddyUserId: buddyProfiles.userId })
        .from(matches)
        .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
        .where(eq(matches.id, matchId))
        .get();
      if (!row || row.m.organisationId !== user.organisationId) return fail("not_found", "errors.notFound");
      if (row.buddyUserId !== user.id) return fail("forbidden", "matching.notYours");
      if (row.m.status !== "proposed")
        return fail("conflict", row.m.status === "expired" ? "matching.proposalExpired" : "matching.alreadyAnswered");
      if (row.m.deadline < now.toISOString()) return fail("conflict", "matching.proposalExpired");
      tx.update(matches)
        .set({ status: "declined", reason, respondedAt: now.toISOString() })
        .where(eq(matches.id, matchId))
        .run();
      tx.insert(forbiddenPairs)
        .values({
          organisationId: row.m.organisationId,
          newcomerId: row.m.newcomerId,
          buddyId: row.m.buddyId,
          reason: "declined",
        })
        .onConflictDoNothing()
        .run();
      return ok();
    },
    { behavior: "immediate" },
  );
  if (outcome.ok)
    audit({
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "match.decline",
      entityType: "match",
      entityId: matchId,
    });
  else if (outcome.reason === "not_found") auditMissingId(user, "match", matchId);
  return outcome;
}

export function endMatch(
  actor: OrgUser,
  { matchId, ...input }: { matchId: number; outcome: "completed" | "stopped"; reason: string; doNotRematch: boolean },
  now = new Date(),
): Outcome {
  const outcome = getDb().transaction(
    (tx): Outcome => {
      const m = tx.select().from(matches).where(eq(matches.id, matchId)).get();
      if (!m || m.organisationId !== actor.organisationId) return fail("not_found", "errors.notFound");
      if (m.status !== "active" && m.status !== "accepted") return fail("conflict", "matching.matchNotActive");
      tx.update(matches)
        .set({
          status: input.outcome,
          reason: input.reason,
          doNotRematch: input.doNotRematch,
          endedAt: now.toISOString(),
        })
        .where(eq(matches.id, matchId))
        .run();
      if (input.doNotRematch) {
        tx.insert(forbiddenPairs)
          .values({
            organisationId: m.organisationId,
            newcomerId: m.newcomerId,
            buddyId: m.buddyId,
            reason: "do_not_rematch",
          })
          .onConflictDoNothing()
          .run();
      }
      return ok();
    },
    { behavior: "immediate" },
  );
  if (outcome.ok)
    audit({
      actorUserId: actor.id,
      organisationId: actor.organisationId,
      action: `match.${input.outcome}`,
      entityType: "match",
      entityId: matchId,
    });
  else if (outcome.reason === "not_found") auditMissingId(actor, "match", matchId);
  return outcome;
}

/**
 * HR's matching page as one view: newcomers waiting, proposals, running and answered matches, overdue check-ins;
 * one `matching.viewed` entry naming every newcomer on the page (decision 060).
 */
export function viewMatchingOverview(actor: OrgUser) {
  const { organisationId } = actor;
  // The one write of this page (it used to run in both reads below).
  refreshMatchStates();
  const overview = hrMatchOverview(organisationId);
  const waiting = listNewcomers(organisationId).filter((n) => n.state === "waiting");
  const overdue = overdueCheckIns(organisationId);
  const overdueNewcomers = overdue.length
    ? getDb()
        .select({ newcomerId: matches.newcomerId })
        .from(matches)
        .where(inArray(matches.id, [...new Set(overdue.map((o) => o.matchId))]))
        .all()
        .map((m) => m.newcomerId)
    : [];
  const newcomerIds = [
    ...waiting.map((n) => n.id),
    ...[...overview.proposals, ...overview.running, ...overview.answered].map((m) => m.newcomerId),
    ...overdueNewcomers,
  ];
  auditNewcomerView(
    { id: actor.id, organisationId },
    { action: "matching.viewed", entityType: "matching_overview", newcomerIds },
  );
  return { waiting, ...overview, overdue };
}

/** HR's overview: proposals waiting for an answer and the matches running now, with their next check-in. */
export function hrMatchOverview(organisationId: number) {
  const all = loadMatches(
    and(
      eq(matches.organisationId, organisationId),
      inArray(matches.status, ["proposed", "accepted", "active", "declined", "expired"]),
    ),
  );
  const running = all.filter((m) => m.status === "accepted" || m.status === "active");
  const next = new Map<number, string>();
  if (running.length) {
    for (const c of getDb()
      .select({ matchId: checkIns.matchId, dueDate: checkIns.dueDate, doneAt: checkIns.doneAt })
      .from(checkIns)
      .where(
        inArray(
          checkIns.matchId,
          running.map((m) => m.id),
        ),
      )
      .orderBy(asc(checkIns.dueDate))
      .all()) {
      if (!c.doneAt && !next.has(c.matchId)) next.set(c.matchId, c.dueDate);
    }
  }
  return {
    proposals: all.filter((m) => m.status === "proposed"),
    running: running.map((m) => ({ ...m, nextCheckIn: next.get(m.id) ?? null })),
    answered: all.filter((m) => m.status === "declined" || m.status === "expired").slice(0, 10),
  };
}

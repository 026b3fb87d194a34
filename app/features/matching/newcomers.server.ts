// Newcomer records kept by HR: list, view, create, change, export, erase. Every view and change is audited.
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { memberships, users } from "@db/schema";
import { buddyProfiles, checkIns, matches, newcomerRecords, type NewcomerRecord } from "@db/schema-matching";
import { newcomerCheckInNotes } from "@db/schema-pulse";
import { audit, auditNewcomerView } from "~/utils/audit.server";
import { getDb, nowIso } from "~/utils/db.server";
import type { OrgUser } from "~/utils/permissions.server";
import type { CurrentUser } from "~/utils/session.server";
import { auditMissingId } from "~/utils/tenancy.server";
import type { Gender, Interest, LanguageSkill, Profession, Shift } from "./criteria";
import { wipeAccount } from "~/features/people/people.server";
import { eraseTrajectoryIn } from "~/features/trajectories/trajectories.server";
import type { EraseNewcomerInput, NewcomerInput } from "./matching.schema";
import { effectiveStatus, isStarting } from "./match-status";
import {
  departmentChoices,
  departmentInOrganisation,
  parseInterests,
  parseList,
  refreshMatchStates,
  todayIso,
} from "./store.server";
import { fail, ok, type Outcome } from "~/utils/use-case";

export type NewcomerState = "waiting" | "proposed" | "matched" | "ended" | "erased";

export type NewcomerRow = {
  id: number;
  name: string;
  profession: Profession;
  department: string | null;
  startDate: string;
  dutchLevel: string;
  state: NewcomerState;
  buddyName: string | null;
  createdAt: string;
};

function stateOf(record: NewcomerRecord, statuses: string[]): NewcomerState {
  if (record.erasedAt) return "erased";
  if (statuses.includes("accepted") || statuses.includes("active")) return "matched";
  if (statuses.includes("proposed")) return "proposed";
  // A completed match ends the programme; after a stopped one the newcomer waits for a new buddy.
  if (statuses.includes("completed")) return "ended";
  return "waiting";
}

/** The organisation's newcomers with their state; a read only (statuses as of now: match-status.ts). */
export function listNewcomers(organisationId: number, now = new Date()): NewcomerRow[] {
  const db = getDb();
  const records = db
    .select()
    .from(newcomerRecords)
    .where(eq(newcomerRecords.organisationId, organisationId))
    .orderBy(asc(newcomerRecords.startDate), asc(newcomerRecords.id))
    .all();
  const deps = new Map(departmentChoices(organisationId).map((d) => [d.id, d]));
  const ms = db
    .select({
      newcomerId: matches.newcomerId,
      status: matches.status,
      deadline: matches.deadline,
      startDate: newcomerRecords.startDate,
      buddyName: users.name,
    })
    .from(matches)
    .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
    .innerJoin(users, eq(users.id, buddyProfiles.userId))
    .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
    .where(eq(matches.organisationId, organisationId))
    .all()
    .map((m) => ({ ...m, status: effectiveStatus(m, now) }));
  return records.map((r) => {
    const mine = ms.filter((m) => m.newcomerId === r.id);
    const current =
      mine.find((m) => m.status === "active" || m.status === "accepted") ?? mine.find((m) => m.status === "proposed");
    const dep = r.departmentId ? deps.get(r.departmentId) : undefined;
    return {
      id: r.id,
      name: r.name,
      profession: r.profession as Profession,
      department: dep ? `${dep.name}${dep.siteName ? ` (${dep.siteName})` : ""}` : null,
      startDate: r.startDate,
      dutchLevel: r.dutchLevel,
      state: stateOf(
        r,
        mine.map((m) => m.status),
      ),
      buddyName: current?.buddyName ?? null,
      createdAt: r.createdAt,
    };
  });
}

/** HR's newcomer list as a page: the rows, and one audit entry naming every record on it (decision 060). */
export function viewNewcomerList(actor: OrgUser): NewcomerRow[] {
  const { organisationId } = actor;
  refreshMatchStates();
  const rows = listNewcomers(organisationId);
  auditNewcomerView(
    { id: actor.id, organisationId },
    { action: "newcomers.viewed", entityType: "newcomer_list", newcomerIds: rows.map((r) => r.id) },
  );
  return rows;
}

export type NewcomerDetail = {
  record: Omit<NewcomerRecord, "languages" | "shifts" | "interests" | "profession" | "buddyGenderPreference"> & {
    profession: Profession;
    languages: LanguageSkill[];
    shifts: Shift[];
    interests: Interest[];
    buddyGenderPreference: Gender | null;
    accountEmail: string | null;
  };
  state: NewcomerState;
  history: {
    id: number;
    status: string;
    buddyName: string;
    proposedAt: string;
    acceptedAt: string | null;
    endedAt: string | null;
    reason: string | null;
  }[];
};

/** The organisation's record, or undefined after writing the probe entry for an id that is not theirs. */
function recordOf(actor: CurrentUser, organisationId: number, id: number): NewcomerRecord | undefined {
  const record = getDb()
    .select()
    .from(newcomerRecords)
    .where(and(eq(newcomerRecords.id, id), eq(newcomerRecords.organisationId, organisationId)))
    .get();
  if (!record) auditMissingId({ id: actor.id, organisationId }, "newcomer_record", id);
  return record;
}

/** The record page: one `newcomer.view` entry per view. */
export function getNewcomer(actor: OrgUser, input: { id: number }): NewcomerDetail | null {
  const { organisationId } = actor;
  const { id } = input;
  const detail = loadNewcomer(actor, organisationId, id);
  if (detail)
    auditNewcomerView(
      { id: actor.id, organisationId },
      { action: "newcomer.view", entityType: "newcomer_record", entityId: id, newcomerIds: [id] },
    );
  return detail;
}

function loadNewcomer(actor: CurrentUser, organisationId: number, id: number): NewcomerDetail | null {
  refreshMatchStates();
  const record = recordOf(actor, organisationId, id);
  if (!record) return null;
  const db = getDb();
  const account = record.userId
    ? db.select({ email: users.email }).from(users).where(eq(users.id, record.userId)).get()
    : undefined;
  const history = db
    .select({
      id: matches.id,
      status: matches.status,
      buddyName: users.name,
      proposedAt: matches.proposedAt,
      acceptedAt: matches.acceptedAt,
      endedAt: matches.endedAt,
      reason: matches.reason,
    })
    .from(matches)
    .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
    .innerJoin(users, eq(users.id, buddyProfiles.userId))
    .where(eq(matches.newcomerId, id))
    .orderBy(desc(matches.proposedAt), desc(matches.id))
    .all();
  return {
    record: {
      ...record,
      profession: record.profession as Profession,
      languages: parseList<LanguageSkill>(record.languages),
      shifts: parseList<Shift>(record.shifts),
      interests: parseInterests(record.interests),
      buddyGenderPreference: (record.buddyGenderPreference as Gender | null) ?? null,
      accountEmail: account?.email ?? null,
    },
    state: stateOf(
      record,
      history.map((h) => h.status),
    ),
    history,
  };
}

/** Newcomer accounts of the organisation that no record points at yet (plus the one this record uses). */
export function linkableAccounts(
  organisationId: number,
  keepUserId: number | null = null,
): { id: number; name: string; email: string }[] {
  const db = getDb();
  const linked = new Set(
    db
      .select({ userId: newcomerRecords.userId })
      .from(newcomerRecords)
      .where(eq(newcomerRecords.organisationId, organisationId))
      .all()
      .map((r) => r.userId)
      .filter((u): u is number => u != null && u !== keepUserId),
  );
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "newcomer")))
    .orderBy(asc(users.name))
    .all()
    .filter((u) => !linked.has(u.id));
}

function checkRefs(
  organisationId: number,
  input: NewcomerInput,
  keepUserId: number | null,
): Outcome<{ siteId: number | null }> {
  const dep = departmentInOrganisation(organisationId, input.departmentId);
  if (!dep) return fail("invalid", "common.formErrors", { fields: { departmentId: ["validation.unknownDepartment"] } });
  if (input.userId != null && !linkableAccounts(organisationId, keepUserId).some((a) => a.id === input.userId)) {
    return fail("invalid", "common.formErrors", { fields: { userId: ["matching.accountNotLinkable"] } });
  }
  return ok({ siteId: dep.siteId });
}

function values(input: NewcomerInput, siteId: number | null) {
  return {
    name: input.name,
    userId: input.userId,
    profession: input.profession,
    departmentId: input.departmentId,
    siteId,
    startDate: input.startDate,
    dutchLevel: input.dutchLevel,
    languages: JSON.stringify(input.languages),
    shifts: JSON.stringify(input.shifts),
    interests: JSON.stringify(input.interests),
    buddyGenderPreference: input.buddyGenderPreference,
    recognitionStatus: input.recognitionStatus,
    notes: input.notes,
  };
}

export function createNewcomer(actor: OrgUser, input: NewcomerInput): Outcome<{ id: number }> {
  const { organisationId } = actor;
  const refs = checkRefs(organisationId, input, null);
  if (!refs.ok) return refs;
  const row = getDb()
    .insert(newcomerRecords)
    .values({ organisationId, createdByUserId: actor.id, ...values(input, refs.value.siteId) })
    .returning({ id: newcomerRecords.id })
    .get();
  audit({
    actorUserId: actor.id,
    organisationId,
    action: "newcomer.create",
    entityType: "newcomer_record",
    entityId: row.id,
  });
  return ok({ id: row.id });
}

/** `input`: the record's id (from the URL, checked against the organisation here) and the parsed form. */
export function updateNewcomer(actor: OrgUser, { id, ...input }: NewcomerInput & { id: number }): Outcome {
  const { organisationId } = actor;
  const record = recordOf(actor, organisationId, id);
  if (!record) return fail("not_found", "errors.notFound");
  if (record.erasedAt) return fail("conflict", "matching.recordErased");
  const refs = checkRefs(organisationId, input, record.userId);
  if (!refs.ok) return refs;
  const next = values(input, refs.value.siteId);
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    (k) => String(next[k] ?? "") !== String(record[k] ?? ""),
  );
  getDb()
    .update(newcomerRecords)
    .set({ ...next, updatedAt: nowIso() })
    .where(eq(newcomerRecords.id, id))
    .run();
  audit({
    actorUserId: actor.id,
    organisationId,
    action: "newcomer.update",
    entityType: "newcomer_record",
    entityId: id,
    detail: { fields: changed },
  });
  return ok();
}

/** Everything the portal holds about one newcomer, for a data-subject request. */
export function exportNewcomer(actor: OrgUser, input: { id: number }): Record<string, unknown> | null {
  const { organisationId } = actor;
  const { id } = input;
  // The export is its own view: one `newcomer.export` entry, not a record view on top.
  const detail = loadNewcomer(actor, organisationId, id);
  if (!detail) return null;
  const matchIds = detail.history.map((h) => h.id);
  const notes = matchIds.length
    ? getDb()
        .select({
          matchId: checkIns.matchId,
          key: checkIns.key,
          dueDate: checkIns.dueDate,
          doneAt: checkIns.doneAt,
          note: checkIns.note,
        })
        .from(checkIns)
        .where(inArray(checkIns.matchId, matchIds))
        .all()
    : [];
  auditNewcomerView(
    { id: actor.id, organisationId },
    { action: "newcomer.export", entityType: "newcomer_record", entityId: id, newcomerIds: [id] },
  );
  return { exportedAt: nowIso(), record: detail.record, matches: detail.history, checkIns: notes };
}

/**
 * Erasure removes every personal field and note but keeps the row, its dates and its match statuses, so the
 * anonymous counts (registered, matched, days to match) stay right. The newcomer's own login account, when the
 * record is linked to one, is erased in the same transaction (decision 062): a record without a name next to an
 * account that still carries it would erase nothing. The input type makes the confirmation part of the call.
 */
export function eraseNewcomer(
  actor: OrgUser,
  input: EraseNewcomerInput & { id: number },
): Outcome<{ accountErased: boolean }> {
  const { organisationId } = actor;
  const { id } = input;
  const record = recordOf(actor, organisationId, id);
  if (!record) return fail("not_found", "errors.notFound");
  if (record.erasedAt) return fail("conflict", "matching.recordErased");
  const at = nowIso();
  const db = getDb();
  const accountId = db.transaction(
    (tx): number | null => {
      // Only the organisation's own newcomer account is erased with the record; anything else is just unlinked.
      const account = record.userId
        ? tx
            .select({ id: users.id, email: users.email, status: users.status })
            .from(users)
            .innerJoin(memberships, eq(memberships.userId, users.id))
            .where(
              and(
                eq(users.id, record.userId),
                eq(memberships.organisationId, organisationId),
                eq(memberships.role, "newcomer"),
              ),
            )
            .get()
        : undefined;
      tx.update(newcomerRecords)
        .set({
          name: "—",
          userId: null,
          languages: "[]",
          shifts: "[]",
          interests: "[]",
          buddyGenderPreference: null,
          notes: null,
          recognitionStatus: "not_started",
          erasedAt: at,
          updatedAt: at,
        })
        .where(eq(newcomerRecords.id, id))
        .run();
      const ids = tx
        .select({ id: matches.id })
        .from(matches)
        .where(eq(matches.newcomerId, id))
        .all()
        .map((m) => m.id);
      if (ids.length) {
        tx.update(matches).set({ explanation: "[]", reason: null }).where(inArray(matches.id, ids)).run();
        tx.update(checkIns).set({ note: null }).where(inArray(checkIns.matchId, ids)).run();
        // The newcomer's own notes on those check-ins (docs/decisions/082).
        const checkInIds = tx
          .select({ id: checkIns.id })
          .from(checkIns)
          .where(inArray(checkIns.matchId, ids))
          .all()
          .map((c) => c.id);
        if (checkInIds.length)
          tx.delete(newcomerCheckInNotes).where(inArray(newcomerCheckInNotes.checkInId, checkInIds)).run();
        // An open proposal about an erased person is withdrawn; active matches are stopped.
        tx.update(matches)
          .set({ status: "withdrawn", respondedAt: at })
          .where(and(inArray(matches.id, ids), eq(matches.status, "proposed")))
          .run();
        tx.update(matches)
          .set({ status: "stopped", endedAt: at })
          .where(and(inArray(matches.id, ids), inArray(matches.status, ["accepted", "active"])))
          .run();
      }
      // The route goes too; only its anonymous figures stay (docs/decisions/110).
      eraseTrajectoryIn(tx, id);
      if (!account || account.status === "erased") return null;
      wipeAccount(tx, account.id, account.email);
      return account.id;
    },
    { behavior: "immediate" },
  );
  audit({
    actorUserId: actor.id,
    organisationId,
    action: "newcomer.erase",
    entityType: "newcomer_record",
    entityId: id,
    detail: { accountErased: accountId != null },
  });
  if (accountId != null)
    audit({
      actorUserId: actor.id,
      organisationId,
      action: "user.erased",
      entityType: "user",
      entityId: accountId,
      detail: { newcomerRecordId: id },
    });
  return ok({ accountErased: accountId != null });
}

/** What a signed-in newcomer sees: their buddy and the check-in dates. */
/** A read only: the newcomer's page also shows the journey, whose use case writes due status changes once. */
export function newcomerOwnView(userId: number, now = new Date()) {
  const db = getDb();
  const record = db
    .select()
    .from(newcomerRecords)
    .where(and(eq(newcomerRecords.userId, userId), isNull(newcomerRecords.erasedAt)))
    .get();
  if (!record) return null;
  const match = db
    .select({
      id: matches.id,
      status: matches.status,
      acceptedAt: matches.acceptedAt,
      buddyName: users.name,
      buddyEmail: users.email,
    })
    .from(matches)
    .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
    .innerJoin(users, eq(users.id, buddyProfiles.userId))
    .where(and(eq(matches.newcomerId, record.id), inArray(matches.status, ["accepted", "active"])))
    .get();
  const checks = match
    ? db
        .select({ key: checkIns.key, dueDate: checkIns.dueDate, doneAt: checkIns.doneAt })
        .from(checkIns)
        .where(eq(checkIns.matchId, match.id))
        .orderBy(asc(checkIns.dueDate))
        .all()
    : [];
  return {
    startDate: record.startDate,
    match: match
      ? {
          ...match,
          status: match.status === "accepted" && isStarting(record.startDate, todayIso(now)) ? "active" : match.status,
        }
      : null,
    checkIns: checks,
  };
}

// Check-ins of an active match: week 1, week 6, month 3, month 6 after the start; the buddy logs a short note.
import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";
import { users } from "@db/schema";
import { buddyProfiles, CHECKIN_KEYS, checkIns, matches, newcomerRecords } from "@db/schema-matching";
import { audit } from "~/utils/audit.server";
import { getDb, nowIso, type Tx as Writer } from "~/utils/db.server";
import type { CurrentUser } from "~/utils/session.server";
import { auditMissingId } from "~/utils/tenancy.server";
import { todayIso } from "./store.server";
import { fail, ok, type Outcome } from "~/utils/use-case";

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Due dates counted from the later of the start date and the acceptance. */
export function checkInDueDates(startDate: string, acceptedOn: string): Record<(typeof CHECKIN_KEYS)[number], string> {
  const base = startDate > acceptedOn ? startDate : acceptedOn;
  return { week1: addDays(base, 7), week6: addDays(base, 42), month3: addMonths(base, 3), month6: addMonths(base, 6) };
}

export function createCheckIns(tx: Writer, matchId: number, startDate: string, acceptedOn: string): void {
  const due = checkInDueDates(startDate, acceptedOn);
  for (const key of CHECKIN_KEYS)
    tx.insert(checkIns).values({ matchId, key, dueDate: due[key] }).onConflictDoNothing().run();
}

export function listCheckIns(matchId: number) {
  return getDb()
    .select({
      id: checkIns.id,
      key: checkIns.key,
      dueDate: checkIns.dueDate,
      doneAt: checkIns.doneAt,
      note: checkIns.note,
    })
    .from(checkIns)
    .where(eq(checkIns.matchId, matchId))
    .orderBy(asc(checkIns.dueDate))
    .all();
}

/** The buddy of the match logs a check-in; a check-in already logged can be corrected. */
export function logCheckIn(
  user: CurrentUser,
  { matchId, key, note }: { matchId: number; key: (typeof CHECKIN_KEYS)[number]; note: string },
): Outcome {
  const db = getDb();
  const match = db
    .select({
      id: matches.id,
      status: matches.status,
      buddyUserId: buddyProfiles.userId,
      organisationId: matches.organisationId,
    })
    .from(matches)
    .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
    .where(eq(matches.id, matchId))
    .get();
  if (!match || match.organisationId !== user.organisationId) {
    auditMissingId(user, "match", matchId, match ? match.organisationId : undefined);
    return fail("not_found", "errors.notFound");
  }
  if (match.buddyUserId !== user.id) return fail("forbidden", "matching.notYours");
  if (match.status !== "active" && match.status !== "accepted") return fail("conflict", "matching.matchNotActive");
  const updated = db
    .update(checkIns)
    .set({ note, doneAt: nowIso(), doneByUserId: user.id })
    .where(and(eq(checkIns.matchId, matchId), eq(checkIns.key, key)))
    .returning({ id: checkIns.id })
    .get();
  if (!updated) return fail("not_found", "errors.notFound");
  audit({
    actorUserId: user.id,
    organisationId: match.organisationId,
    action: "checkin.log",
    entityType: "match",
    entityId: matchId,
    detail: { key },
  });
  return ok();
}

export type OverdueCheckIn = {
  matchId: number;
  key: (typeof CHECKIN_KEYS)[number];
  dueDate: string;
  newcomerName: string;
  buddyName: string;
};

export function overdueCheckIns(organisationId: number, today = todayIso()): OverdueCheckIn[] {
  return getDb()
    .select({
      matchId: checkIns.matchId,
      key: checkIns.key,
      dueDate: checkIns.dueDate,
      newcomerName: newcomerRecords.name,
      buddyName: users.name,
    })
    .from(checkIns)
    .innerJoin(matches, eq(matches.id, checkIns.matchId))
    .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
    .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
    .innerJoin(users, eq(users.id, buddyProfiles.userId))
    .where(
      and(
        eq(matches.organisationId, organisationId),
        inArray(matches.status, ["accepted", "active"]),
        isNull(checkIns.doneAt),
        lt(checkIns.dueDate, today),
      ),
    )
    .orderBy(asc(checkIns.dueDate))
    .all();
}

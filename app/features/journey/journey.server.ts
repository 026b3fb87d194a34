// The newcomer's journey (docs/decisions/082): start date, buddy with their own introduction, check-ins with
// the newcomer's own note or a request to talk (the buddy sees both, HR does not), the pulse, newcomer modules.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { users } from "@db/schema";
import { buddyProfiles, checkIns, matches, newcomerRecords } from "@db/schema-matching";
import { buddyIntroductions, newcomerCheckInNotes } from "@db/schema-pulse";
import { listModulesForUser } from "~/features/modules/learning.server";
import { pulseInvitationsDue } from "~/features/pulse/pulse.server";
import { refreshMatchStates } from "~/features/matching/store.server";
import { audit } from "~/utils/audit.server";
import { getDb, nowIso } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import type { OrgUser } from "~/utils/permissions.server";
import { fail, ok, type Outcome } from "~/utils/use-case";

export const NEWCOMER_AUDIENCE = "newcomers";

function ownActiveMatch(userId: number) {
  return getDb()
    .select({
      id: matches.id,
      status: matches.status,
      buddyId: matches.buddyId,
      buddyName: users.name,
      buddyEmail: users.email,
    })
    .from(matches)
    .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
    .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
    .innerJoin(users, eq(users.id, buddyProfiles.userId))
    .where(
      and(
        eq(newcomerRecords.userId, userId),
        isNull(newcomerRecords.erasedAt),
        inArray(matches.status, ["accepted", "active"]),
      ),
    )
    .get();
}

export function newcomerJourney(user: OrgUser, locale: Locale) {
  refreshMatchStates();
  const db = getDb();
  const record = db
    .select({ startDate: newcomerRecords.startDate })
    .from(newcomerRecords)
    .where(
      and(
        eq(newcomerRecords.userId, user.id),
        eq(newcomerRecords.organisationId, user.organisationId),
        isNull(newcomerRecords.erasedAt),
      ),
    )
    .get();
  const match = record ? ownActiveMatch(user.id) : undefined;
  const introduction = match
    ? (db
        .select({ text: buddyIntroductions.text })
        .from(buddyIntroductions)
        .where(eq(buddyIntroductions.buddyProfileId, match.buddyId))
        .get()?.text ?? null)
    : null;
  const checks = match
    ? db
        .select({
          id: checkIns.id,
          key: checkIns.key,
          dueDate: checkIns.dueDate,
          doneAt: checkIns.doneAt,
          note: newcomerCheckInNotes.note,
          wantsToTalk: newcomerCheckInNotes.wantsToTalk,
        })
        .from(checkIns)
        .leftJoin(newcomerCheckInNotes, eq(newcomerCheckInNotes.checkInId, checkIns.id))
        .where(eq(checkIns.matchId, match.id))
        .orderBy(asc(checkIns.dueDate))
        .all()
        .map((c) => ({ ...c, wantsToTalk: Boolean(c.wantsToTalk) }))
    : [];
  const { assigned, other } = listModulesForUser(user, locale);
  const modules = [...assigned, ...other]
    .filter((m) => m.audience.includes(NEWCOMER_AUDIENCE))
    .map((m) => ({
      key: m.key,
      title: m.title,
      summary: m.summary,
      status: m.status,
      durationMinutes: m.durationMinutes,
    }));
  const pulse = pulseInvitationsDue(user.id)[0] ?? null;
  return {
    startDate: record?.startDate ?? null,
    hasRecord: Boolean(record),
    buddy: match ? { name: match.buddyName, email: match.buddyEmail, introduction } : null,
    checkIns: checks,
    pulse: pulse ? { moment: pulse.moment, closesOn: pulse.closesOn } : null,
    modules,
  };
}

/** The newcomer writes their own short note on a check-in of their own running match, or asks to talk. */
export function saveNewcomerNote(
  user: OrgUser,
  input: { checkInId: number; note: string; wantsToTalk: boolean },
): Outcome {
  const match = ownActiveMatch(user.id);
  if (!match) return fail("not_found", "errors.notFound");
  const db = getDb();
  const check = db
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(and(eq(checkIns.id, input.checkInId), eq(checkIns.matchId, match.id)))
    .get();
  if (!check) return fail("not_found", "errors.notFound");
  const values = { note: input.note || null, wantsToTalk: input.wantsToTalk, updatedAt: nowIso() };
  db.insert(newcomerCheckInNotes)
    .values({ checkInId: check.id, ...values })
    .onConflictDoUpdate({ target: newcomerCheckInNotes.checkInId, set: values })
    .run();
  audit({
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: "checkin.newcomer_note",
    entityType: "match",
    entityId: match.id,
    detail: { fields: ["note", "wantsToTalk"] },
  });
  return ok();
}

/** What the buddy of a match sees of the newcomer's own notes. Empty for anyone else. */
export function newcomerNotesForBuddy(user: OrgUser, matchId: number) {
  const db = getDb();
  const match = db
    .select({ id: matches.id })
    .from(matches)
    .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
    .where(
      and(eq(matches.id, matchId), eq(buddyProfiles.userId, user.id), eq(matches.organisationId, user.organisationId)),
    )
    .get();
  if (!match) return [];
  return db
    .select({ key: checkIns.key, note: newcomerCheckInNotes.note, wantsToTalk: newcomerCheckInNotes.wantsToTalk })
    .from(newcomerCheckInNotes)
    .innerJoin(checkIns, eq(checkIns.id, newcomerCheckInNotes.checkInId))
    .where(eq(checkIns.matchId, match.id))
    .orderBy(asc(checkIns.dueDate))
    .all();
}

export function buddyIntroduction(user: OrgUser): { hasProfile: boolean; text: string | null } {
  const db = getDb();
  const profile = db
    .select({ id: buddyProfiles.id })
    .from(buddyProfiles)
    .where(and(eq(buddyProfiles.userId, user.id), eq(buddyProfiles.organisationId, user.organisationId)))
    .get();
  if (!profile) return { hasProfile: false, text: null };
  return {
    hasProfile: true,
    text:
      db
        .select({ text: buddyIntroductions.text })
        .from(buddyIntroductions)
        .where(eq(buddyIntroductions.buddyProfileId, profile.id))
        .get()?.text ?? null,
  };
}

export function saveBuddyIntroduction(user: OrgUser, input: { text: string }): Outcome {
  const db = getDb();
  const profile = db
    .select({ id: buddyProfiles.id })
    .from(buddyProfiles)
    .where(and(eq(buddyProfiles.userId, user.id), eq(buddyProfiles.organisationId, user.organisationId)))
    .get();
  if (!profile) return fail("not_found", "errors.notFound");
  const values = { text: input.text, updatedAt: nowIso() };
  db.insert(buddyIntroductions)
    .values({ buddyProfileId: profile.id, ...values })
    .onConflictDoUpdate({ target: buddyIntroductions.buddyProfileId, set: values })
    .run();
  audit({
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: "buddy.introduction",
    entityType: "buddy_profile",
    entityId: profile.id,
  });
  return ok();
}

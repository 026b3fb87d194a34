// Shared reads of the matching tables: facts for the criteria, loads, training, lazy status changes.
import { and, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { departments, organisations, sites, users } from "@db/schema";
import { forbiddenPairs, matches, newcomerRecords, type BuddyProfile, type NewcomerRecord } from "@db/schema-matching";
import { moduleCompletions } from "@db/schema-modules";
import { getDb } from "~/utils/db.server";
import { dueChanges } from "./match-status";
import {
  isInterest,
  type BuddyFacts,
  type CefrLevel,
  type Gender,
  type Interest,
  type LanguageSkill,
  type NewcomerFacts,
  type Profession,
  type Shift,
} from "./criteria";

export const BUDDY_MODULE_KEY = "being-a-buddy";
export const COMMITTED = ["accepted", "active"] as const;

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function parseList<T>(json: string | null | undefined): T[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

/** Stored interests, only those still offered: anything else (such as the dropped "faith") is neither shown nor scored. */
export function parseInterests(json: string | null | undefined): Interest[] {
  return parseList<unknown>(json).filter(isInterest);
}

export function newcomerFacts(r: NewcomerRecord): NewcomerFacts {
  return {
    organisationId: r.organisationId,
    siteId: r.siteId,
    departmentId: r.departmentId,
    profession: r.profession as Profession,
    dutchLevel: r.dutchLevel as CefrLevel,
    languages: parseList<LanguageSkill>(r.languages),
    shifts: parseList<Shift>(r.shifts),
    interests: parseInterests(r.interests),
    buddyGenderPreference: (r.buddyGenderPreference as Gender | null) ?? null,
  };
}

export function buddyFacts(b: BuddyProfile, load: number, trained: boolean): BuddyFacts {
  return {
    organisationId: b.organisationId,
    siteId: b.siteId,
    departmentId: b.departmentId,
    profession: b.profession as Profession,
    dutchLevel: b.dutchLevel as CefrLevel,
    languages: parseList<LanguageSkill>(b.languages),
    shifts: parseList<Shift>(b.shifts),
    interests: parseInterests(b.interests),
    gender: (b.gender as Gender | null) ?? null,
    status: b.status,
    pausedUntil: b.pausedUntil,
    capacity: b.capacity,
    load,
    trained,
    yearsInOrganisation: b.yearsInOrganisation,
    ownNewcomerExperience: b.ownNewcomerExperience,
  };
}

export function organisationRules(organisationId: number): { requireTraining: boolean; requireSameSite: boolean } {
  const org = getDb()
    .select({ requireTraining: organisations.requireBuddyTraining, requireSameSite: organisations.requireSameSite })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
  return { requireTraining: org?.requireTraining ?? true, requireSameSite: org?.requireSameSite ?? false };
}

/** Accepted + active matches per buddy profile. */
export function buddyLoads(organisationId: number): Map<number, number> {
  const rows = getDb()
    .select({ buddyId: matches.buddyId, n: sql<number>`count(*)` })
    .from(matches)
    .where(and(eq(matches.organisationId, organisationId), inArray(matches.status, [...COMMITTED])))
    .groupBy(matches.buddyId)
    .all();
  return new Map(rows.map((r) => [r.buddyId, r.n]));
}

export function trainedUserIds(userIds: number[]): Set<number> {
  if (userIds.length === 0) return new Set();
  const rows = getDb()
    .select({ userId: moduleCompletions.userId })
    .from(moduleCompletions)
    .where(and(inArray(moduleCompletions.userId, userIds), eq(moduleCompletions.moduleKey, BUDDY_MODULE_KEY)))
    .all();
  return new Set(rows.map((r) => r.userId));
}

/** newcomer id → buddy profile ids that pair is forbidden with */
export function forbiddenPairMap(organisationId: number): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const r of getDb()
    .select({ n: forbiddenPairs.newcomerId, b: forbiddenPairs.buddyId })
    .from(forbiddenPairs)
    .where(eq(forbiddenPairs.organisationId, organisationId))
    .all()) {
    let set = out.get(r.n);
    if (!set) out.set(r.n, (set = new Set()));
    set.add(r.b);
  }
  return out;
}

/**
 * Writes the status changes that depend only on the clock (rules: match-status.ts): proposals past their
 * deadline expire (and the pair is forbidden from then on); accepted matches become active on the start date.
 * Called once by the use cases that need the written state (a run, a send, a page that shows matches) and on
 * the scheduler's tick; reads in between show `effectiveStatus`.
 */
export function refreshMatchStates(now = new Date()): void {
  const db = getDb();
  const nowIso = now.toISOString();
  const open = (tx: Pick<typeof db, "select">) =>
    tx
      .select({
        id: matches.id,
        status: matches.status,
        deadline: matches.deadline,
        startDate: newcomerRecords.startDate,
        organisationId: matches.organisationId,
        newcomerId: matches.newcomerId,
        buddyId: matches.buddyId,
      })
      .from(matches)
      .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
      // The index narrows the candidates (decision 098: this runs on busy pages); the rules decide.
      .where(
        or(
          and(eq(matches.status, "proposed"), lt(matches.deadline, nowIso)),
          and(eq(matches.status, "accepted"), lte(newcomerRecords.startDate, todayIso(now))),
        ),
      )
      .all();
  // Reads stay reads: the write lock is only taken when something is due.
  const probe = dueChanges(open(db), now);
  if (probe.expire.length === 0 && probe.start.length === 0) return;
  db.transaction(
    (tx) => {
      const due = dueChanges(open(tx), now);
      for (const m of due.expire) {
        tx.update(matches).set({ status: "expired", respondedAt: nowIso }).where(eq(matches.id, m.id)).run();
        tx.insert(forbiddenPairs)
          .values({ organisationId: m.organisationId, newcomerId: m.newcomerId, buddyId: m.buddyId, reason: "expired" })
          .onConflictDoNothing()
          .run();
      }
      for (const m of due.start) tx.update(matches).set({ status: "active" }).where(eq(matches.id, m.id)).run();
    },
    { behavior: "immediate" },
  );
}

export type DepartmentOption = { id: number; name: string; siteId: number | null; siteName: string | null };

export function departmentChoices(organisationId: number): DepartmentOption[] {
  return getDb()
    .select({ id: departments.id, name: departments.name, siteId: departments.siteId, siteName: sites.name })
    .from(departments)
    .leftJoin(sites, eq(sites.id, departments.siteId))
    .where(eq(departments.organisationId, organisationId))
    .orderBy(sites.name, departments.name)
    .all();
}

export function departmentInOrganisation(organisationId: number, departmentId: number): DepartmentOption | undefined {
  return departmentChoices(organisationId).find((d) => d.id === departmentId);
}

export function userLocale(userId: number): "nl" | "en" {
  const row = getDb().select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get();
  return row?.locale ?? "nl";
}

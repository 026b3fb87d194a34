// Buddy profiles: an employee opts in (and changes or pauses their profile); HR sees every buddy's load.
import { and, asc, eq, inArray } from "drizzle-orm";
import { users } from "@db/schema";
import { buddyProfiles, matches, type BuddyProfile } from "@db/schema-matching";
import { audit } from "~/utils/audit.server";
import { getDb, nowIso } from "~/utils/db.server";
import type { CurrentUser } from "~/utils/session.server";
import type { Gender, Interest, LanguageSkill, Profession, Shift } from "./criteria";
import type { BuddyProfileInput } from "./matching.schema";
import {
  buddyLoads,
  departmentChoices,
  departmentInOrganisation,
  parseInterests,
  parseList,
  refreshMatchStates,
  trainedUserIds,
} from "./store.server";
import { fail, ok, type Outcome } from "~/utils/use-case";

export type OwnProfile = Omit<BuddyProfile, "languages" | "shifts" | "interests" | "profession" | "gender"> & {
  profession: Profession;
  languages: LanguageSkill[];
  shifts: Shift[];
  interests: Interest[];
  gender: Gender | null;
};

export function getOwnProfile(userId: number): { profile: OwnProfile | null; trained: boolean } {
  const row = getDb().select().from(buddyProfiles).where(eq(buddyProfiles.userId, userId)).get();
  const trained = trainedUserIds([userId]).has(userId);
  if (!row) return { profile: null, trained };
  return {
    profile: {
      ...row,
      profession: row.profession as Profession,
      languages: parseList<LanguageSkill>(row.languages),
      shifts: parseList<Shift>(row.shifts),
      interests: parseInterests(row.interests),
      gender: (row.gender as Gender | null) ?? null,
    },
    trained,
  };
}

export function saveOwnProfile(user: CurrentUser & { organisationId: number }, input: BuddyProfileInput): Outcome {
  const dep = departmentInOrganisation(user.organisationId, input.departmentId);
  if (!dep) return fail("invalid", "common.formErrors", { fields: { departmentId: ["validation.unknownDepartment"] } });
  const db = getDb();
  const existing = db.select().from(buddyProfiles).where(eq(buddyProfiles.userId, user.id)).get();
  if (existing && existing.organisationId !== user.organisationId) return fail("forbidden", "errors.forbidden");
  const load = existing ? (buddyLoads(user.organisationId).get(existing.id) ?? 0) : 0;
  if (input.capacity < load)
    return fail("invalid", "common.formErrors", { fields: { capacity: ["matching.capacityBelowLoad"] } });
  const values = {
    profession: input.profession,
    departmentId: input.departmentId,
    siteId: dep.siteId,
    dutchLevel: input.dutchLevel,
    languages: JSON.stringify(input.languages),
    shifts: JSON.stringify(input.shifts),
    interests: JSON.stringify(input.interests),
    gender: input.gender,
    capacity: input.capacity,
    yearsInOrganisation: input.yearsInOrganisation,
    ownNewcomerExperience: input.ownNewcomerExperience,
    status: input.status,
    pausedUntil: input.pausedUntil,
  };
  if (existing) {
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter(
      (k) => String(values[k] ?? "") !== String(existing[k] ?? ""),
    );
    db.update(buddyProfiles)
      .set({ ...values, updatedAt: nowIso() })
      .where(eq(buddyProfiles.id, existing.id))
      .run();
    audit({
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "buddy_profile.update",
      entityType: "buddy_profile",
      entityId: existing.id,
      detail: { fields: changed },
    });
  } else {
    const row = db
      .insert(buddyProfiles)
      .values({ organisationId: user.organisationId, userId: user.id, ...values })
      .returning({ id: buddyProfiles.id })
      .get();
    audit({
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "buddy_profile.create",
      entityType: "buddy_profile",
      entityId: row.id,
    });
  }
  return ok();
}

export type BuddyLoadRow = {
  id: number;
  name: string;
  profession: Profession;
  department: string | null;
  status: BuddyProfile["status"];
  pausedUntil: string | null;
  capacity: number;
  load: number;
  pending: number;
  trained: boolean;
};

export function listBuddies(organisationId: number): BuddyLoadRow[] {
  refreshMatchStates();
  const db = getDb();
  const rows = db
    .select({ profile: buddyProfiles, name: users.name })
    .from(buddyProfiles)
    .innerJoin(users, eq(users.id, buddyProfiles.userId))
    .where(eq(buddyProfiles.organisationId, organisationId))
    .orderBy(asc(users.name))
    .all();
  const loads = buddyLoads(organisationId);
  const trained = trainedUserIds(rows.map((r) => r.profile.userId));
  const pending = new Map<number, number>();
  const ids = rows.map((r) => r.profile.id);
  if (ids.length) {
    for (const m of db
      .select({ buddyId: matches.buddyId })
      .from(matches)
      .where(and(inArray(matches.buddyId, ids), eq(matches.status, "proposed")))
      .all())
      pending.set(m.buddyId, (pending.get(m.buddyId) ?? 0) + 1);
  }
  const deps = new Map(departmentChoices(organisationId).map((d) => [d.id, d]));
  return rows.map(({ profile, name }) => {
    const dep = profile.departmentId ? deps.get(profile.departmentId) : undefined;
    return {
      id: profile.id,
      name,
      profession: profile.profession as Profession,
      department: dep ? `${dep.name}${dep.siteName ? ` (${dep.siteName})` : ""}` : null,
      status: profile.status,
      pausedUntil: profile.pausedUntil,
      capacity: profile.capacity,
      load: loads.get(profile.id) ?? 0,
      pending: pending.get(profile.id) ?? 0,
      trained: trained.has(profile.userId),
    };
  });
}

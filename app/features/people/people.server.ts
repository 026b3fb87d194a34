import { and, asc, count, eq, inArray, isNull, like, or, type SQL } from "drizzle-orm";
import {
  departments,
  invitations,
  memberships,
  organisations,
  passwordResets,
  sessions,
  users,
  type Role,
  type UserStatus,
} from "@db/schema";
import { recoveryCodes, secondFactors, signInChallenges } from "@db/schema-auth";
import { buddyProfiles, matches, newcomerRecords } from "@db/schema-matching";
import { moduleProgress } from "@db/schema-modules";
import { ssoIdentities } from "@db/schema-sso";
import { audit } from "~/utils/audit.server";
import { getDb, type Tx } from "~/utils/db.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import { endSessionsOfUser } from "~/utils/session.server";
import { auditMissingId } from "~/utils/tenancy.server";

export const PAGE_SIZE = 25;

type Actor = { id: number; organisationId: number | null };
export type Scope = { organisationId: number } | "all";

export type PersonRow = {
  id: number;
  name: string;
  email: string;
  status: UserStatus;
  lastLoginAt: string | null;
  role: Role;
  organisationId: number | null;
  organisationName: string | null;
  organisationKind: "care_provider" | "partner" | null;
  departmentName: string | null;
  secondFactor: boolean;
};

/** Users with role and organisation; HR passes its own organisation as scope, admins "all". */
export function listPeople(actor: Actor, scope: Scope, options: { search?: string; page?: number } = {}) {
  const db = getDb();
  const conditions: SQL[] = [];
  if (scope !== "all") conditions.push(eq(memberships.organisationId, scope.organisationId));
  const search = options.search?.trim().toLowerCase();
  if (search) {
    const pattern = `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const match = or(like(users.email, pattern), like(users.name, pattern));
    if (match) conditions.push(match);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const total =
    db.select({ n: count() }).from(users).innerJoin(memberships, eq(memberships.userId, users.id)).where(where).get()
      ?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const rows: PersonRow[] = db
    .select({
      secondFactorConfirmedAt: secondFactors.confirmedAt,
      id: users.id,
      name: users.name,
      email: users.email,
      status: users.status,
      lastLoginAt: users.lastLoginAt,
      role: memberships.role,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      departmentName: departments.name,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .leftJoin(secondFactors, eq(secondFactors.userId, users.id))
    .where(where)
    .orderBy(asc(organisations.name), asc(users.name))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all()
    .map(({ secondFactorConfirmedAt, ...row }) => ({ ...row, secondFactor: secondFactorConfirmedAt != null }));
  audit({
    actorUserId: actor.id,
    organisationId: scope === "all" ? null : scope.organisationId,
    action: scope === "all" ? "users.viewed" : "people.viewed",
    entityType: "user_list",
    detail: { page, count: rows.length },
  });
  return { rows, total, page, pages };
}

function findInScope(actor: Actor, userId: number, scope: Scope) {
  const row = getDb()
    .select({
      id: users.id,
      status: users.status,
      role: memberships.role,
      organisationId: memberships.organisationId,
      kind: organisations.kind,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(users.id, userId))
    .get();
  if (!row || (scope !== "all" && row.organisationId !== scope.organisationId)) {
    auditMissingId(actor, "user", userId, row ? row.organisationId : undefined);
    return null;
  }
  return row;
}

const ROLES_BY_KIND: Record<"care_provider" | "partner" | "platform", readonly Role[]> = {
  care_provider: ["hr", "employee", "newcomer"],
  partner: ["partner"],
  platform: ["admin"],
};

export function changeRole(actor: Actor, userId: number, role: Role, scope: Scope): Outcome {
  if (userId === actor.id) return fail("invalid", "validation.cannotChangeSelf");
  const target = findInScope(actor, userId, scope);
  if (!target) return fail("not_found", "errors.notFound");
  if (!ROLES_BY_KIND[target.kind ?? "platform"].includes(role)) {
    return fail("invalid", "validation.organisationKindMismatch");
  }
  getDb().update(memberships).set({ role }).where(eq(memberships.userId, userId)).run();
  // A new role means new permissions: sign the person in again.
  endSessionsOfUser(userId);
  audit({
    actorUserId: actor.id,
    organisationId: target.organisationId,
    action: "user.role_changed",
    entityType: "user",
    entityId: userId,
    detail: { from: target.role, to: role },
  });
  return ok();
}

export function setUserStatus(actor: Actor, userId: number, status: "active" | "deactivated", scope: Scope): Outcome {
  if (userId === actor.id) return fail("invalid", "validation.cannotChangeSelf");
  const target = findInScope(actor, userId, scope);
  if (!target) return fail("not_found", "errors.notFound");
  // HR manages colleagues and newcomers, not other HR leads: that stays with the platform admin.
  if (scope !== "all" && target.role === "hr") return fail("invalid", "validation.roleNotAllowed");
  if (target.status === "erased") return fail("conflict", "admin.erasedIsFinal");
  getDb().update(users).set({ status }).where(eq(users.id, userId)).run();
  if (status === "deactivated") endSessionsOfUser(userId);
  audit({
    actorUserId: actor.id,
    organisationId: target.organisationId,
    action: status === "deactivated" ? "user.deactivated" : "user.reactivated",
    entityType: "user",
    entityId: userId,
  });
  return ok();
}

/** What an erased person is called wherever their name was shown (scan answers, audit log, matches). */
const ERASED_NAME = "—";
const OPEN_MATCH_STATUSES = ["proposed", "accepted", "active"] as const;

/**
 * The account part of an erasure, inside the caller's immediate transaction: name, e-mail, password, language
 * and last sign-in are wiped and the status becomes final; sessions (so the person is signed out at once), reset
 * links, the link to a provider identity (single sign-on), pending invitations to the address, reading progress and the buddy profile's personal fields go; a
 * newcomer record stops pointing at the account. Also used when HR erases a newcomer record (decision 062).
 */
export function wipeAccount(tx: Tx, userId: number, email: string): void {
  tx.update(users)
    .set({
      name: ERASED_NAME,
      email: `erased-${userId}@erased.invalid`,
      passwordHash: null,
      locale: null,
      lastLoginAt: null,
      status: "erased",
    })
    .where(eq(users.id, userId))
    .run();
  tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  tx.delete(passwordResets).where(eq(passwordResets.userId, userId)).run();
  tx.delete(secondFactors).where(eq(secondFactors.userId, userId)).run();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.delete(signInChallenges).where(eq(signInChallenges.userId, userId)).run();
  // The provider's issuer + subject identify the person too; without the link a later sign-in cannot reach the
  // erased row (it would start afresh, as a new person).
  tx.delete(ssoIdentities).where(eq(ssoIdentities.userId, userId)).run();
  tx.delete(invitations)
    .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt)))
    .run();
  tx.delete(moduleProgress).where(eq(moduleProgress.userId, userId)).run();
  tx.update(buddyProfiles)
    .set({
      status: "inactive",
      profession: "",
      languages: "[]",
      shifts: "[]",
      interests: "[]",
      gender: null,
      pausedUntil: null,
    })
    .where(eq(buddyProfiles.userId, userId))
    .run();
  tx.update(newcomerRecords).set({ userId: null }).where(eq(newcomerRecords.userId, userId)).run();
}

/**
 * Erases a deactivated person's personal data for good (right to erasure): name, e-mail, password, language
 * and last sign-in are wiped; sessions, reset links, pending invitations to the address, reading progress and
 * the buddy profile's personal fields go. The row stays, so scan answers, completed modules and the audit log
 * keep their anonymous counts and references. Refused while the person is a buddy in an open match.
 */
export function erasePerson(actor: Actor, userId: number, scope: Scope): Outcome {
  if (userId === actor.id) return fail("invalid", "validation.cannotChangeSelf");
  const target = findInScope(actor, userId, scope);
  if (!target) return fail("not_found", "errors.notFound");
  if (scope !== "all" && target.role === "hr") return fail("invalid", "validation.roleNotAllowed");
  const outcome = getDb().transaction(
    (tx): Outcome => {
      const user = tx
        .select({ status: users.status, email: users.email })
        .from(users)
        .where(eq(users.id, userId))
        .get();
      if (!user) return fail("not_found", "errors.notFound");
      if (user.status === "erased") return fail("conflict", "admin.erasedIsFinal");
      if (user.status !== "deactivated") return fail("conflict", "admin.eraseNeedsDeactivation");
      const open = tx
        .select({ id: matches.id })
        .from(matches)
        .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
        .where(and(eq(buddyProfiles.userId, userId), inArray(matches.status, [...OPEN_MATCH_STATUSES])))
        .get();
      if (open) return fail("conflict", "admin.eraseOpenMatches");
      wipeAccount(tx, userId, user.email);
      return ok();
    },
    { behavior: "immediate" },
  );
  if (outcome.ok)
    audit({
      actorUserId: actor.id,
      organisationId: target.organisationId,
      action: "user.erased",
      entityType: "user",
      entityId: userId,
    });
  return outcome;
}

export function organisationOptions() {
  return getDb()
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .orderBy(asc(organisations.name))
    .all();
}

export function departmentOptions(organisationId?: number) {
  const db = getDb();
  const query = db
    .select({
      id: departments.id,
      name: departments.name,
      organisationId: departments.organisationId,
      organisationName: organisations.name,
    })
    .from(departments)
    .innerJoin(organisations, eq(organisations.id, departments.organisationId));
  return (organisationId == null ? query : query.where(eq(departments.organisationId, organisationId)))
    .orderBy(asc(organisations.name), asc(departments.name))
    .all();
}

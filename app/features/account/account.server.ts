import { desc, eq } from "drizzle-orm";
import { auditLog, memberships, organisations, departments, users } from "@db/schema";
import { ssoIdentities } from "@db/schema-sso";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { trajectoryForExport } from "~/features/trajectories/trajectories.server";

export function setUserLocale(userId: number, locale: Locale): void {
  getDb().update(users).set({ locale }).where(eq(users.id, userId)).run();
}

export function updateProfile(
  user: { id: number; organisationId: number | null },
  input: { name: string; locale: Locale },
): void {
  getDb().update(users).set({ name: input.name, locale: input.locale }).where(eq(users.id, user.id)).run();
  audit({
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: "user.profile_updated",
    entityType: "user",
    entityId: user.id,
    detail: { fields: ["name", "locale"] },
  });
}

/** Everything the portal holds about the signed-in person, for a GDPR access request. */
export function exportMyData(user: { id: number; organisationId: number | null }) {
  const db = getDb();
  const profile = db
    .select({
      email: users.email,
      name: users.name,
      locale: users.locale,
      status: users.status,
      createdAt: users.createdAt,
      lastLoginAt: users.lastLoginAt,
      role: memberships.role,
      organisation: organisations.name,
      department: departments.name,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(eq(users.id, user.id))
    .get();
  const activity = db
    .select({ at: auditLog.at, action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId })
    .from(auditLog)
    .where(eq(auditLog.actorUserId, user.id))
    .orderBy(desc(auditLog.at))
    .limit(1000)
    .all();
  audit({
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: "user.exported",
    entityType: "user",
    entityId: user.id,
  });
  // A newcomer's own route to work at their level (docs/decisions/110); null for everyone else.
  const trajectory = trajectoryForExport(user);
  // The provider identity the account is linked to (issuer and subject); tokens are never part of an export.
  const singleSignOn = db
    .select({
      issuer: ssoIdentities.issuer,
      subject: ssoIdentities.subject,
      linkedAt: ssoIdentities.createdAt,
      lastSignInAt: ssoIdentities.lastSignInAt,
    })
    .from(ssoIdentities)
    .where(eq(ssoIdentities.userId, user.id))
    .all();
  return { exportedAt: new Date().toISOString(), profile, activity, trajectory, singleSignOn };
}

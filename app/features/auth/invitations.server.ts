import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { departments, invitations, memberships, organisations, users, type Role } from "@db/schema";
import { audit } from "~/utils/audit.server";
import { hashPassword, hashToken, newToken } from "~/utils/crypto.server";
import { getDb } from "~/utils/db.server";
import { getEnv, publicUrl } from "~/utils/env.server";
import { formatDate, translate, type Locale } from "~/utils/i18n";
import { afterPassword, type AfterPassword } from "./second-factor.server";
import { enqueueMail, wakeOutbox } from "~/features/notifications/outbox.server";
import { ssoRequiredForInvitation } from "~/features/sso/sso-store.server";
import { fail, ok, type Outcome } from "~/utils/use-case";

export type InviteInput = {
  email: string;
  name: string;
  role: Role;
  organisationId: number | null;
  departmentId: number | null;
  locale: Locale;
};

export type Inviter = { id: number; name: string; organisationId: number | null };

function roleFitsOrganisation(role: Role, kind: "care_provider" | "partner" | null): boolean {
  if (role === "admin") return kind === null;
  if (role === "partner") return kind === "partner";
  return kind === "care_provider";
}

/**
 * Checks the invitation against the data, re-issues a pending one of the same organisation for the address,
 * and e-mails the link. Invitations belong to the organisation that sends them (issue 11, finding 10): an
 * invitation never touches another organisation's invitations, and whether the address has an account
 * elsewhere is not told to the inviter — that invitation is stored and mailed like any other and simply cannot
 * be accepted (decision 053).
 */
export async function createInvitation(
  inviter: Inviter,
  input: InviteInput,
  now = new Date(),
): Promise<Outcome<{ invitationId: number }>> {
  const db = getDb();
  const env = getEnv();
  const existing = db
    .select({ id: users.id, organisationId: memberships.organisationId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, input.email))
    .get();
  // Only the inviter's own people (all of them for the platform admin) may be named as already there.
  const inviterSeesAll = inviter.organisationId == null;
  if (existing && (inviterSeesAll || existing.organisationId === inviter.organisationId)) {
    return fail("invalid", "common.formErrors", { fields: { email: ["validation.emailTaken"] } });
  }
  const organisation =
    input.organisationId == null
      ? null
      : (db.select().from(organisations).where(eq(organisations.id, input.organisationId)).get() ?? null);
  if (input.organisationId != null && !organisation)
    return fail("invalid", "common.formErrors", { fields: { organisationId: ["validation.invalidChoice"] } });
  if (input.role !== "admin" && !organisation)
    return fail("invalid", "common.formErrors", { fields: { organisationId: ["validation.organisationRequired"] } });
  if (!roleFitsOrganisation(input.role, organisation?.kind ?? null)) {
    return fail("invalid", "common.formErrors", { fields: { role: ["validation.organisationKindMismatch"] } });
  }
  if (input.departmentId != null) {
    const department = db.select().from(departments).where(eq(departments.id, input.departmentId)).get();
    if (!department || department.organisationId !== organisation?.id) {
      return fail("invalid", "common.formErrors", { fields: { departmentId: ["validation.unknownDepartment"] } });
    }
  }

  const { token, tokenHash } = newToken();
  const expires = new Date(now.getTime() + env.INVITATION_DAYS * 86_400_000);
  const sameOrganisation = organisation
    ? eq(invitations.organisationId, organisation.id)
    : isNull(invitations.organisationId);
  // The invitation, its audit entries and its mail commit together (decision 073): no invitation without its
  // mail, and no mail for an invitation that was rolled back.
  const invitationId = db.transaction((tx) => {
    const replaced = tx
      .update(invitations)
      .set({ revokedAt: now.toISOString() })
      .where(
        and(
          eq(invitations.email, input.email),
          sameOrganisation,
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id })
      .all();
    const id = tx
      .insert(invitations)
      .values({
        tokenHash,
        email: input.email,
        name: input.name,
        role: input.role,
        locale: input.locale,
        organisationId: organisation?.id ?? null,
        departmentId: input.departmentId,
        invitedByUserId: inviter.id,
        expiresAt: expires.toISOString(),
      })
      .returning({ id: invitations.id })
      .get().id;
    for (const r of replaced) {
      audit({
        actorUserId: inviter.id,
        organisationId: organisation?.id ?? null,
        action: "invitation.superseded",
        entityType: "invitation",
        entityId: r.id,
        detail: { by: id },
      });
    }
    audit({
      actorUserId: inviter.id,
      organisationId: organisation?.id ?? null,
      action: "invitation.created",
      entityType: "invitation",
      entityId: id,
      detail: { role: input.role },
    });
    enqueueMail(
      {
        eventKey: `invitation:${id}`,
        kind: "invitation",
        organisationId: organisation?.id ?? null,
        locale: input.locale,
        sensitive: true,
        to: input.email,
        subject: translate(input.locale, "mail.inviteSubject"),
        text: translate(input.locale, "mail.inviteBody", {
          name: input.name,
          inviter: inviter.name,
          role: translate(input.locale, `roles.${input.role}`),
          organisation: organisation ? ` (${organisation.name})` : "",
          link: `${publicUrl()}/invite/${token}`,
          expires: formatDate(input.locale, expires, true),
        }),
      },
      tx,
    );
    return id;
  });
  wakeOutbox();
  return ok({ invitationId });
}

export function findPendingInvitation(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const db = getDb();
  const row = db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      locale: invitations.locale,
      organisationId: invitations.organisationId,
      departmentId: invitations.departmentId,
      organisationName: organisations.name,
      inviterName: users.name,
    })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now.toISOString()),
      ),
    )
    .get();
  return row ?? null;
}

export function addressHasAccount(email: string): boolean {
  return Boolean(getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get());
}

/** Whether the invitee must sign in through the organisation's provider instead of choosing a password. */
export function invitationNeedsSso(invitation: { email: string; organisationId: number | null }): boolean {
  return ssoRequiredForInvitation(invitation.email, invitation.organisationId) !== null;
}

/** Creates the account from a pending invitation; the link works once. */
/** Refusals: `gone` (the link is unknown, used, revoked or expired), `forbidden` (the organisation signs in through SSO). */
export async function acceptInvitation(
  input: { token: string; password: string },
  now = new Date(),
): Promise<Outcome<{ userId: number; next: AfterPassword }>> {
  const { token, password } = input;
  const pending = findPendingInvitation(token, now);
  if (!pending) {
    audit({ actorUserId: null, action: "auth.token_rejected", entityType: "invitation" });
    return fail("gone", "auth.tokenInvalid");
  }
  // No portal password in an organisation that requires SSO: the invitation is accepted at the first sign-in there.
  const ssoOrganisation = ssoRequiredForInvitation(pending.email, pending.organisationId);
  if (ssoOrganisation !== null) {
    audit({
      actorUserId: null,
      organisationId: ssoOrganisation,
      action: "auth.password_refused_sso",
      entityType: "invitation",
      entityId: pending.id,
      detail: { step: "invitation" },
    });
    return fail("forbidden", "sso.inviteRefused");
  }
  const passwordHash = await hashPassword(password);
  const db = getDb();
  const userId = db.transaction(
    (tx) => {
      const fresh = tx.select().from(invitations).where(eq(invitations.id, pending.id)).get();
      if (!fresh || fresh.acceptedAt || fresh.revokedAt) return null;
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, pending.email)).get()) return null;
      const user = tx
        .insert(users)
        .values({
          email: pending.email,
          name: pending.name,
          passwordHash,
          locale: pending.locale,
          passwordChangedAt: now.toISOString(),
        })
        .returning({ id: users.id })
        .get();
      tx.insert(memberships)
        .values({
          userId: user.id,
          role: pending.role,
          organisationId: pending.organisationId,
          departmentId: pending.departmentId,
        })
        .run();
      tx.update(invitations).set({ acceptedAt: now.toISOString() }).where(eq(invitations.id, pending.id)).run();
      return user.id;
    },
    { behavior: "immediate" },
  );
  if (userId == null) return fail("gone", "auth.tokenInvalid");
  audit({
    actorUserId: userId,
    organisationId: pending.organisationId,
    action: "invitation.accepted",
    entityType: "invitation",
    entityId: pending.id,
  });
  // A role that requires a second factor enrols it before the first session (outside demo mode).
  return ok({
    userId,
    next: afterPassword({ id: userId, role: pending.role, organisationId: pending.organisationId }, null, now),
  });
}

export type InvitationRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisationName: string | null;
  createdAt: string;
  expiresAt: string;
};

/** Pending invitations; scoped to one organisation when `organisationId` is given. */
export function listPendingInvitations(scope: { organisationId: number } | "all", now = new Date()): InvitationRow[] {
  const conditions = [
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now.toISOString()),
  ];
  if (scope !== "all") conditions.push(eq(invitations.organisationId, scope.organisationId));
  return getDb()
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      organisationName: organisations.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(...conditions))
    .orderBy(desc(invitations.createdAt))
    .all();
}

/** Revokes a pending invitation inside the given scope; another organisation's id is simply not found. */
export function revokeInvitation(
  actor: Inviter,
  invitationId: number,
  scope: { organisationId: number } | "all",
): boolean {
  const db = getDb();
  const conditions = [eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)];
  if (scope !== "all") conditions.push(eq(invitations.organisationId, scope.organisationId));
  const result = db
    .update(invitations)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(...conditions))
    .run();
  if (result.changes === 0) return false;
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: "invitation.revoked",
    entityType: "invitation",
    entityId: invitationId,
  });
  return true;
}

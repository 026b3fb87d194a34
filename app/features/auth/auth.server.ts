import { eq } from "drizzle-orm";
import { memberships, passwordResets, users } from "@db/schema";
import { audit } from "~/utils/audit.server";
import { dummyPasswordHash, hashPassword, hashToken, newToken, verifyPassword } from "~/utils/crypto.server";
import { getDb } from "~/utils/db.server";
import { getEnv, publicUrl } from "~/utils/env.server";
import { formatDate, translate, type Locale } from "~/utils/i18n";
import { enqueueMail, wakeOutbox } from "~/features/notifications/outbox.server";
import { endSessionsOfUser } from "~/utils/session.server";
import { auditRateLimited, clearAttempts, releaseAttempts, reserveAttempts } from "./attempts.server";
import { afterPassword, type AfterPassword } from "./second-factor.server";
import { accountIdForEmail, ssoRequiredForDomain, ssoRequiredForMember } from "~/features/sso/sso-store.server";
import { fail, ok, type Outcome } from "~/utils/use-case";

function auditSsoRequired(step: "password" | "password_reset", userId: number | null, organisationId: number): void {
  audit({
    actorUserId: userId,
    organisationId,
    action: "auth.password_refused_sso",
    entityType: "user",
    entityId: userId,
    detail: { step },
  });
}

function attemptKeys(email: string, ip: string): { account: string; ip: string } {
  return { account: `account:${hashToken(email)}`, ip: `ip:${ip}` };
}

/**
 * Checks e-mail and password. Unknown e-mail and wrong password get the same answer and take
 * the same time; attempts are counted per account and per IP address, and taken before the check.
 * Refusals: `unauthenticated` (wrong or unknown), `forbidden` (this account signs in through its organisation),
 * `too_many` (the rate limit).
 */
export async function signIn(
  input: { email: string; password: string; ip: string; redirectTo?: string | null },
  now = new Date(),
): Promise<Outcome<{ next: AfterPassword }>> {
  const env = getEnv();
  const db = getDb();
  const keys = attemptKeys(input.email, input.ip);

  // An address in a domain of an organisation that requires SSO is sent there before any password is checked
  // (the domain is public through the SSO form); the break-glass account goes on (decision 108).
  const early = accountIdForEmail(input.email);
  const byDomain = ssoRequiredForDomain(input.email, early?.id ?? null);
  if (byDomain !== null) {
    auditSsoRequired("password", early?.id ?? null, byDomain);
    return fail("forbidden", "sso.passwordRefused");
  }

  const reserved = reserveAttempts(
    [
      { key: keys.account, max: env.LOGIN_MAX_PER_ACCOUNT },
      { key: keys.ip, max: env.LOGIN_MAX_PER_IP },
    ],
    now,
  );
  if (!reserved.ok) {
    auditRateLimited("password", reserved.key, null);
    return fail("too_many", "auth.rateLimited");
  }

  const row = db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      status: users.status,
      role: memberships.role,
      organisationId: memberships.organisationId,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, input.email))
    .get();
  const valid = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), input.password);

  if (!row || !valid || !row.passwordHash || row.status !== "active") {
    // The reservation stays: it is the failure's record.
    audit({
      actorUserId: row?.id ?? null,
      organisationId: row?.organisationId ?? null,
      action: "auth.login_failed",
      entityType: "user",
      entityId: row?.id ?? null,
    });
    return fail("unauthenticated", "auth.invalidCredentials");
  }

  // One commit, not two: every commit is an fsync on the thread that answers requests (decision 098).
  db.transaction(() => {
    releaseAttempts(reserved.ids);
    clearAttempts(keys.account);
  });
  // A member whose address is outside the domains learns it only with the right password: no oracle for others.
  const byMembership = ssoRequiredForMember(row.id, row.organisationId);
  if (byMembership !== null) {
    auditSsoRequired("password", row.id, byMembership);
    return fail("forbidden", "sso.passwordRefused");
  }
  return ok({
    next: afterPassword(
      { id: row.id, role: row.role, organisationId: row.organisationId },
      input.redirectTo ?? null,
      now,
    ),
  });
}

/**
 * Always behaves the same whether the account exists, so it cannot be used to probe e-mail addresses: one
 * lookup and one committed transaction either way, and the mail goes out later through the outbox.
 */
export async function requestPasswordReset(
  email: string,
  locale: Locale,
  now = new Date(),
): Promise<{ ssoRequired: boolean }> {
  const env = getEnv();
  const db = getDb();
  const user = db.select().from(users).where(eq(users.email, email)).get();
  // The domain's organisation signs in through its provider: say so (the domain is public); nothing is sent.
  const byDomain = ssoRequiredForDomain(email, user?.id ?? null);
  if (byDomain !== null) {
    db.transaction(() => auditSsoRequired("password_reset", user?.id ?? null, byDomain));
    return { ssoRequired: true };
  }
  const member = user ? accountIdForEmail(email) : null;
  const byMembership = user && member ? ssoRequiredForMember(user.id, member.organisationId) : null;
  if (!user || user.status !== "active" || byMembership !== null) {
    // A member outside the domains gets the answer an unknown address gets: the page must not tell who works where.
    db.transaction(() =>
      byMembership !== null
        ? auditSsoRequired("password_reset", user?.id ?? null, byMembership)
        : audit({ actorUserId: null, action: "auth.password_reset_unknown", entityType: "user" }),
    );
    return { ssoRequired: false };
  }
  const { token, tokenHash } = newToken();
  const expires = new Date(now.getTime() + env.PASSWORD_RESET_MINUTES * 60_000);
  const mailLocale = user.locale ?? locale;
  db.transaction((tx) => {
    const resetId = tx
      .insert(passwordResets)
      .values({ tokenHash, userId: user.id, expiresAt: expires.toISOString() })
      .returning({ id: passwordResets.id })
      .get().id;
    audit({ actorUserId: user.id, action: "auth.password_reset_requested", entityType: "user", entityId: user.id });
    enqueueMail(
      {
        eventKey: `password-reset:${resetId}`,
        kind: "password_reset",
        userId: user.id,
        to: user.email,
        locale: mailLocale,
        sensitive: true,
        subject: translate(mailLocale, "mail.resetSubject"),
        text: translate(mailLocale, "mail.resetBody", {
          name: user.name,
          link: `${publicUrl()}/reset-password/${token}`,
          expires: formatDate(mailLocale, expires, true),
        }),
      },
      tx,
    );
  });
  wakeOutbox();
  return { ssoRequired: false };
}

export function findValidPasswordReset(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = getDb()
    .select({
      id: passwordResets.id,
      userId: passwordResets.userId,
      expiresAt: passwordResets.expiresAt,
      usedAt: passwordResets.usedAt,
      email: users.email,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)))
    .get();
  if (!row || row.usedAt || row.expiresAt <= now.toISOString()) return null;
  return row;
}

/** A reset link of someone whose organisation requires SSO sets no password (the break-glass account's does). */
export function resetNeedsSso(reset: { email: string; userId: number }): boolean {
  return ssoOrganisationForReset(reset) !== null;
}

function ssoOrganisationForReset(reset: { email: string; userId: number }): number | null {
  const member = accountIdForEmail(reset.email);
  return (
    ssoRequiredForDomain(reset.email, reset.userId) ??
    ssoRequiredForMember(reset.userId, member?.organisationId ?? null)
  );
}

/** Refusals: `gone` (the link is unknown, used or expired), `forbidden` (the organisation signs in through SSO). */
export async function resetPassword(
  input: { token: string; password: string },
  now = new Date(),
): Promise<Outcome<{ email: string }>> {
  const { token, password } = input;
  const reset = findValidPasswordReset(token, now);
  if (!reset) {
    audit({ actorUserId: null, action: "auth.token_rejected", entityType: "password_reset" });
    return fail("gone", "auth.tokenInvalid");
  }
  // A link sent before the organisation switched to SSO no longer sets a password.
  const ssoOrganisation = ssoOrganisationForReset(reset);
  if (ssoOrganisation !== null) {
    auditSsoRequired("password_reset", reset.userId, ssoOrganisation);
    return fail("forbidden", "sso.resetRefused");
  }
  const passwordHash = await hashPassword(password);
  const db = getDb();
  const done = db.transaction(
    (tx) => {
      // Re-check inside the write lock: two tabs using the same link must not both succeed.
      const fresh = tx
        .select({ usedAt: passwordResets.usedAt })
        .from(passwordResets)
        .where(eq(passwordResets.id, reset.id))
        .get();
      if (!fresh || fresh.usedAt) return false;
      tx.update(passwordResets).set({ usedAt: now.toISOString() }).where(eq(passwordResets.userId, reset.userId)).run();
      tx.update(users)
        .set({ passwordHash, passwordChangedAt: now.toISOString() })
        .where(eq(users.id, reset.userId))
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
  if (!done) return fail("gone", "auth.tokenInvalid");
  endSessionsOfUser(reset.userId);
  audit({ actorUserId: reset.userId, action: "auth.password_reset", entityType: "user", entityId: reset.userId });
  return ok({ email: reset.email });
}

/** A member of an organisation that requires SSO (not the break-glass account) has no portal password to change. */
export function passwordChangeNeedsSso(user: { id: number; email: string; organisationId: number | null }): boolean {
  return (ssoRequiredForDomain(user.email, user.id) ?? ssoRequiredForMember(user.id, user.organisationId)) !== null;
}

export async function changePassword(
  user: { id: number; sessionId: string; organisationId: number | null },
  input: { current: string; password: string },
): Promise<Outcome> {
  const db = getDb();
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, input.current))) {
    return fail("invalid", "common.formErrors", { fields: { current: ["validation.wrongPassword"] } });
  }
  const passwordHash = await hashPassword(input.password);
  db.update(users)
    .set({ passwordHash, passwordChangedAt: new Date().toISOString() })
    .where(eq(users.id, user.id))
    .run();
  endSessionsOfUser(user.id, user.sessionId);
  audit({
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: "auth.password_changed",
    entityType: "user",
    entityId: user.id,
  });
  return ok();
}

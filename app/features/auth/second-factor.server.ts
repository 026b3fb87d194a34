// The second factor: enrolment, the sign-in step between password and session, disabling and the admin's reset.
// Decisions 050 (storage) and 051 (flow).
import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { memberships, organisations, users, type Role } from "@db/schema";
import { recoveryCodes, secondFactors, signInChallenges } from "@db/schema-auth";
import { audit } from "~/utils/audit.server";
import { hashPassword, hashToken, newToken, verifyPassword } from "~/utils/crypto.server";
import { getDb } from "~/utils/db.server";
import { getEnv, isDemo } from "~/utils/env.server";
import { seal, unseal } from "~/utils/secret-box.server";
import { endSessionsOfUser } from "~/utils/session.server";
import { auditRateLimited, clearAttempts, releaseAttempts, reserveAttempts } from "./attempts.server";
import {
  formatRecoveryCode,
  RECOVERY_CODE_COUNT,
  recoveryCodeFromBytes,
  secondFactorPolicy,
  type SecondFactorCode,
  type SecondFactorPolicy,
} from "./second-factor";
import { fail, ok, type Failure, type Outcome } from "~/utils/use-case";

const ISSUER = "Newcomer-Proof Portal";
const PERIOD = 30;
// One step either side: a phone clock a little off still works, a code stays valid at most ~90 seconds.
const WINDOW = 1;
export const CHALLENGE_MINUTES = 10;

type Person = { id: number; organisationId: number | null };

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

const sealContext = (userId: number) => `totp:${userId}`;

function accountOf(userId: number) {
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      passwordHash: users.passwordHash,
      role: memberships.role,
      organisationId: memberships.organisationId,
      requireHrSecondFactor: organisations.requireHrSecondFactor,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(users.id, userId))
    .get();
}

export function policyFor(userId: number): SecondFactorPolicy {
  const account = accountOf(userId);
  if (!account) return "optional";
  return secondFactorPolicy(
    account.role,
    account.organisationId == null ? null : { requireHrSecondFactor: Boolean(account.requireHrSecondFactor) },
  );
}

export type SecondFactorStatus = {
  enrolled: boolean;
  pending: boolean;
  policy: SecondFactorPolicy;
  recoveryCodesLeft: number;
};

export function secondFactorStatus(userId: number): SecondFactorStatus {
  const db = getDb();
  const factor = db
    .select({ confirmedAt: secondFactors.confirmedAt })
    .from(secondFactors)
    .where(eq(secondFactors.userId, userId))
    .get();
  const left = db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .all().length;
  return {
    enrolled: Boolean(factor?.confirmedAt),
    pending: Boolean(factor && !factor.confirmedAt),
    policy: policyFor(userId),
    recoveryCodesLeft: left,
  };
}

/** A fresh secret waiting for its first code; replaces an earlier unconfirmed one, never a confirmed factor. */
export function startEnrolment(user: Person): Outcome {
  const db = getDb();
  const secret = new Secret({ size: 20 }).base32;
  const done = db.transaction(
    (tx) => {
      const existing = tx
        .select({ confirmedAt: secondFactors.confirmedAt })
        .from(secondFactors)
        .where(eq(secondFactors.userId, user.id))
        .get();
      if (existing?.confirmedAt) return false;
      tx.delete(secondFactors).where(eq(secondFactors.userId, user.id)).run();
      tx.insert(secondFactors)
        .values({ userId: user.id, secretSealed: seal(secret, sealContext(user.id)) })
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
  if (!done) return fail("invalid", "secondFactor.alreadyOn");
  audit({
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: "auth.second_factor_enrolment_started",
    entityType: "user",
    entityId: user.id,
  });
  return ok();
}

export type EnrolmentDisplay = { secret: string; uri: string; qrDataUri: string };

/** What the enrolment page shows: only while the factor is unconfirmed. A confirmed secret is never shown again. */
export async function pendingEnrolment(userId: number): Promise<EnrolmentDisplay | null> {
  const db = getDb();
  const factor = db
    .select()
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), isNull(secondFactors.confirmedAt)))
    .get();
  const account = accountOf(userId);
  if (!factor || !account) return null;
  const secret = unseal(factor.secretSealed, sealContext(userId));
  if (!secret) return null;
  const uri = totpFor(secret, account.email).toString();
  // SVG made on the server and shown as an image: no script, and the CSP already allows data: images.
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    secret: secret.replace(/(.{4})/g, "$1 ").trim(),
    uri,
    qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

type CodeCheck = "ok" | "wrong" | "replayed";

/**
 * Checks a six-digit code against the user's factor inside one immediate transaction, so one code is accepted
 * once: the accepted 30-second step is stored, and a code of that step or an earlier one is refused.
 */
function checkTotp(userId: number, code: string, confirmed: boolean, now: Date): CodeCheck {
  return getDb().transaction(
    (tx): CodeCheck => {
      const factor = tx.select().from(secondFactors).where(eq(secondFactors.userId, userId)).get();
      if (!factor || Boolean(factor.confirmedAt) !== confirmed) return "wrong";
      const secret = unseal(factor.secretSealed, sealContext(userId));
      if (!secret) return "wrong";
      const delta = TOTP.validate({
        token: code,
        secret: Secret.fromBase32(secret),
        algorithm: "SHA1",
        digits: 6,
        period: PERIOD,
        timestamp: now.getTime(),
        window: WINDOW,
      });
      if (delta === null) return "wrong";
      const step = TOTP.counter({ period: PERIOD, timestamp: now.getTime() }) + delta;
      if (factor.lastUsedStep != null && step <= factor.lastUsedStep) return "replayed";
      tx.update(secondFactors)
        .set({ lastUsedStep: step, ...(confirmed ? {} : { confirmedAt: now.toISOString() }) })
        .where(eq(secondFactors.userId, userId))
        .run();
      return "ok";
    },
    { behavior: "immediate" },
  );
}

/** Uses up one recovery code: argon2 is awaited, so the code is marked used by a conditional update. */
async function useRecoveryCode(userId: number, code: string, now: Date): Promise<boolean> {
  const db = getDb();
  const unused = db
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .all();
  const matches = await Promise.all(unused.map((row) => verifyPassword(row.codeHash, code)));
  const hit = unused.find((_, i) => matches[i]);
  if (!hit) return false;
  const result = db
    .update(recoveryCodes)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(recoveryCodes.id, hit.id), isNull(recoveryCodes.usedAt)))
    .run();
  return result.changes === 1;
}

async function newRecoveryCodes(userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFromBytes(randomBytes(10)));
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  const db = getDb();
  db.transaction((tx) => {
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    tx.insert(recoveryCodes)
      .values(hashes.map((codeHash) => ({ userId, codeHash })))
      .run();
  });
  return codes.map(formatRecoveryCode);
}

/**
 * Every code check (sign-in, enrolment, disabling) takes an attempt first, per user and per IP, under the same
 * limits as the password step; a wrong code is a logged security event.
 */
async function guardedCheck(
  user: Person,
  ip: string,
  check: () => Promise<boolean> | boolean,
  context: "sign_in" | "enrol" | "disable",
  now: Date,
): Promise<{ ok: true } | { ok: false; reason: "invalid" | "rate_limited" }> {
  const env = getEnv();
  const accountKey = `2fa:${user.id}`;
  const reserved = reserveAttempts(
    [
      { key: accountKey, max: env.LOGIN_MAX_PER_ACCOUNT },
      { key: `ip:${ip}`, max: env.LOGIN_MAX_PER_IP },
    ],
    now,
  );
  if (!reserved.ok) {
    auditRateLimited("second_factor", reserved.key === accountKey ? `2fa:user-${user.id}` : reserved.key, user);
    return { ok: false, reason: "rate_limited" };
  }
  if (!(await check())) {
    audit({
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "auth.second_factor_failed",
      entityType: "user",
      entityId: user.id,
      detail: { context },
    });
    return { ok: false, reason: "invalid" };
  }
  releaseAttempts(reserved.ids);
  clearAttempts(accountKey);
  return { ok: true };
}

/** A refused code as a Failure: a wrong code belongs to the code field, too many attempts to the whole form. */
function codeRefused(reason: "invalid" | "rate_limited", field: "code" = "code"): Failure {
  return reason === "invalid"
    ? fail("invalid", "secondFactor.codeWrong", { fields: { [field]: ["secondFactor.codeWrong"] } })
    : fail("too_many", "auth.rateLimited");
}

async function checkCode(userId: number, code: SecondFactorCode, now: Date): Promise<boolean> {
  if (code.kind === "totp") return checkTotp(userId, code.code, true, now) === "ok";
  return useRecoveryCode(userId, code.code, now);
}

/** Confirms a pending factor with its first code and hands out the ten recovery codes, shown this once. */
export async function confirmEnrolment(
  user: Person & { sessionId?: string },
  input: { code: string; ip: string },
  now = new Date(),
): Promise<Outcome<{ recoveryCodes: string[] }>> {
  const status = secondFactorStatus(user.id);
  if (!status.pending) return fail("gone", "secondFactor.notPending");
  const checked = await guardedCheck(
    user,
    input.ip,
    () => checkTotp(user.id, input.code, false, now) === "ok",
    "enrol",
    now,
  );
  if (!checked.ok) return codeRefused(checked.reason);
  const codes = await newRecoveryCodes(user.id);
  // Sessions opened before the second factor existed end; the one enrolling stays.
  if (user.sessionId) endSessionsOfUser(user.id, user.sessionId);
  else endSessionsOfUser(user.id);
  audit({
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: "auth.second_factor_enabled",
    entityType: "user",
    entityId: user.id,
  });
  return ok({ recoveryCodes: codes });
}

/**
 * Needs the password and a current code; refused where the role or organisation requires a second factor. A wrong
 * password or code (and too many attempts) is a field error; the others are about the whole form.
 */
export async function disableSecondFactor(
  user: Person,
  input: { password: string; code: SecondFactorCode; ip: string },
  now = new Date(),
): Promise<Outcome> {
  const status = secondFactorStatus(user.id);
  if (!status.enrolled) return fail("invalid", "secondFactor.notOn");
  if (status.policy === "required") return fail("invalid", "secondFactor.requiredCannotDisable");
  const account = accountOf(user.id);
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.password))) {
    audit({
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "auth.second_factor_failed",
      entityType: "user",
      entityId: user.id,
      detail: { context: "disable_password" },
    });
    return fail("invalid", "validation.wrongPassword", { fields: { password: ["validation.wrongPassword"] } });
  }
  const checked = await guardedCheck(user, input.ip, () => checkCode(user.id, input.code, now), "disable", now);
  if (!checked.ok) {
    return checked.reason === "invalid"
      ? codeRefused("invalid")
      : fail("too_many", "auth.rateLimited", { fields: { code: ["auth.rateLimited"] } });
  }
  removeFactor(user.id);
  audit({
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: "auth.second_factor_disabled",
    entityType: "user",
    entityId: user.id,
  });
  return ok();
}

function removeFactor(userId: number): void {
  getDb().transaction((tx) => {
    tx.delete(secondFactors).where(eq(secondFactors.userId, userId)).run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    tx.delete(signInChallenges).where(eq(signInChallenges.userId, userId)).run();
  });
}

/** The admin's reset for a lost phone: the factor and codes go, sessions end; a required factor is asked for again at the next sign-in. */
export function resetSecondFactor(admin: Person, userId: number): Outcome {
  if (admin.id === userId) return fail("invalid", "validation.cannotChangeSelf");
  const target = accountOf(userId);
  if (!target) return fail("not_found", "errors.notFound");
  const factor = getDb()
    .select({ userId: secondFactors.userId })
    .from(secondFactors)
    .where(eq(secondFactors.userId, userId))
    .get();
  if (!factor) return fail("invalid", "secondFactor.notOn");
  removeFactor(userId);
  endSessionsOfUser(userId);
  audit({
    actorUserId: admin.id,
    organisationId: target.organisationId,
    action: "auth.second_factor_reset",
    entityType: "user",
    entityId: userId,
  });
  return ok();
}

// ——— The sign-in step ———————————————————————————————————————————————————————————————

export type AfterPassword =
  | { step: "done"; userId: number; role: Role; offerSecondFactor: boolean }
  | { step: "second_factor"; challengeToken: string };

/**
 * Decides what follows a correct password. A confirmed factor is always asked for. A required but missing
 * factor is enrolled before any session exists — except in demo mode, where the demo accounts stay usable as
 * printed and enrolment is only offered.
 */
export function afterPassword(
  user: { id: number; role: Role; organisationId: number | null },
  redirectTo: string | null,
  now = new Date(),
): AfterPassword {
  const status = secondFactorStatus(user.id);
  if (status.enrolled)
    return { step: "second_factor", challengeToken: createChallenge(user.id, "verify", redirectTo, now) };
  if (status.policy === "required" && !isDemo()) {
    startEnrolment(user);
    return { step: "second_factor", challengeToken: createChallenge(user.id, "enrol", redirectTo, now) };
  }
  recordSignIn(user, null, now);
  return { step: "done", userId: user.id, role: user.role, offerSecondFactor: status.policy === "required" };
}

export function recordSignIn(user: Person, method: "totp" | "recovery" | null, now = new Date()): void {
  getDb().update(users).set({ lastLoginAt: now.toISOString() }).where(eq(users.id, user.id)).run();
  audit({
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: "auth.login",
    entityType: "user",
    entityId: user.id,
    ...(method ? { detail: { secondFactor: method } } : {}),
  });
}

function createChallenge(userId: number, purpose: "verify" | "enrol", redirectTo: string | null, now: Date): string {
  const db = getDb();
  const { token, tokenHash } = newToken();
  const iso = now.toISOString();
  db.delete(signInChallenges).where(lt(signInChallenges.expiresAt, iso)).run();
  // One pending sign-in per user: a new password entry replaces the earlier one.
  db.delete(signInChallenges).where(eq(signInChallenges.userId, userId)).run();
  db.insert(signInChallenges)
    .values({
      id: tokenHash,
      userId,
      purpose,
      redirectTo,
      createdAt: iso,
      expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
    })
    .run();
  return token;
}

export type PendingSignIn = {
  challengeId: string;
  userId: number;
  role: Role;
  organisationId: number | null;
  purpose: "verify" | "enrol";
  redirectTo: string | null;
};

export function findChallenge(token: string | null, now = new Date()): PendingSignIn | null {
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const db = getDb();
  const row = db
    .select({
      challengeId: signInChallenges.id,
      userId: signInChallenges.userId,
      purpose: signInChallenges.purpose,
      redirectTo: signInChallenges.redirectTo,
      expiresAt: signInChallenges.expiresAt,
      status: users.status,
      role: memberships.role,
      organisationId: memberships.organisationId,
    })
    .from(signInChallenges)
    .innerJoin(users, eq(users.id, signInChallenges.userId))
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(signInChallenges.id, hashToken(token)))
    .get();
  if (!row) return null;
  if (row.expiresAt <= now.toISOString() || row.status !== "active") {
    db.delete(signInChallenges).where(eq(signInChallenges.id, row.challengeId)).run();
    return null;
  }
  return {
    challengeId: row.challengeId,
    userId: row.userId,
    role: row.role,
    organisationId: row.organisationId,
    purpose: row.purpose,
    redirectTo: row.redirectTo,
  };
}

/** Ends the half-signed-in state once: a second request with the same challenge finds nothing. */
function consumeChallenge(challengeId: string): boolean {
  return getDb().delete(signInChallenges).where(eq(signInChallenges.id, challengeId)).run().changes === 1;
}

export type SignedInByCode = { userId: number; role: Role; redirectTo: string | null; recoveryCodes: string[] | null };

/**
 * The second step of a sign-in: a code (or recovery code), or the first code of a required enrolment. No user
 * yet: the challenge token (from the browser's cookie) says whose sign-in it is. `gone` when the challenge expired.
 */
export async function completeChallenge(
  input: { token: string | null; code: SecondFactorCode; ip: string },
  now = new Date(),
): Promise<Outcome<SignedInByCode>> {
  const { code, ip } = input;
  const pending = findChallenge(input.token, now);
  if (!pending) return fail("gone", "secondFactor.challengeExpired");
  const user = { id: pending.userId, organisationId: pending.organisationId };
  let recovery: string[] | null = null;
  if (pending.purpose === "enrol") {
    if (code.kind !== "totp") return codeRefused("invalid");
    const enrolled = await confirmEnrolment(user, { code: code.code, ip }, now);
    if (!enrolled.ok) return enrolled;
    recovery = enrolled.value.recoveryCodes;
  } else {
    const checked = await guardedCheck(user, ip, () => checkCode(pending.userId, code, now), "sign_in", now);
    if (!checked.ok) return codeRefused(checked.reason);
  }
  if (!consumeChallenge(pending.challengeId)) return fail("gone", "secondFactor.challengeExpired");
  recordSignIn(user, code.kind, now);
  return ok({ userId: pending.userId, role: pending.role, redirectTo: pending.redirectTo, recoveryCodes: recovery });
}

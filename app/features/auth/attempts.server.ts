// Sign-in attempts, counted per key ("account:<hash>", "ip:<addr>", "2fa:<user id>", "sso-start:ip:<addr>",
// "sso-callback:ip:<addr>") in login_attempts.
import { and, asc, count, eq, gte, inArray, lt } from "drizzle-orm";
import { loginAttempts } from "@db/schema";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

/**
 * Takes one attempt for every key, or none: in one immediate transaction the recent attempts are counted and,
 * when every key is under its limit, a row is written for each. The reservation happens before the (slow,
 * awaited) password or code check, so concurrent requests cannot all pass the count first (issue 11, finding 8).
 * A successful check gives its reservation back with `releaseAttempts`.
 */
export function reserveAttempts(
  limits: { key: string; max: number }[],
  now = new Date(),
): { ok: true; ids: number[] } | { ok: false; key: string } {
  const env = getEnv();
  const windowStart = new Date(now.getTime() - env.LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const at = now.toISOString();
  return getDb().transaction(
    (tx): { ok: true; ids: number[] } | { ok: false; key: string } => {
      for (const { key, max } of limits) {
        const used =
          tx
            .select({ n: count() })
            .from(loginAttempts)
            .where(and(eq(loginAttempts.key, key), gte(loginAttempts.at, windowStart)))
            .get()?.n ?? 0;
        if (used >= max) return { ok: false, key };
      }
      tx.delete(loginAttempts).where(lt(loginAttempts.at, windowStart)).run();
      const ids = tx
        .insert(loginAttempts)
        .values(limits.map(({ key }) => ({ key, at })))
        .returning({ id: loginAttempts.id })
        .all()
        .map((r) => r.id);
      return { ok: true, ids };
    },
    { behavior: "immediate" },
  );
}

export function releaseAttempts(ids: number[]): void {
  if (ids.length) getDb().delete(loginAttempts).where(inArray(loginAttempts.id, ids)).run();
}

/**
 * Gives back one attempt of a key whose success is only known in a later request (a sign-in with the
 * organisation: the start is reserved, the callback that completes it gives one back). Nothing when none is left.
 */
export function releaseOneAttempt(key: string): void {
  const db = getDb();
  const oldest = db
    .select({ id: loginAttempts.id })
    .from(loginAttempts)
    .where(eq(loginAttempts.key, key))
    .orderBy(asc(loginAttempts.id))
    .limit(1)
    .get();
  if (oldest) db.delete(loginAttempts).where(eq(loginAttempts.id, oldest.id)).run();
}

/** A refused attempt is a security event: logged without the e-mail address (a hash prefix of the key only). */
export function auditRateLimited(
  step: "password" | "second_factor" | "sso_start" | "sso_callback",
  key: string,
  user: { id: number; organisationId: number | null } | null,
): void {
  const byIp = key.startsWith("ip:") || key.includes(":ip:");
  audit({
    actorUserId: user?.id ?? null,
    organisationId: user?.organisationId ?? null,
    action: "auth.rate_limited",
    entityType: "login",
    entityId: byIp ? "ip" : key.slice(key.indexOf(":") + 1, key.indexOf(":") + 13),
    detail: { step, limit: byIp ? "ip" : "account" },
  });
}

/** Forgets a key's attempts after a complete success. */
export function clearAttempts(key: string): void {
  getDb().delete(loginAttempts).where(eq(loginAttempts.key, key)).run();
}

// Issue 11, finding 8: the per-account sign-in limit holds when the attempts arrive at the same time.
import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions } from "@db/schema";
import * as login from "~/routes/login";
import { getDb } from "~/utils/db.server";
import { call, DEMO_PASSWORD, post, seeded, userId } from "../support/requests";

// All requests come from one test address; the per-IP limit is not what these tests are about.
const ipLimit = process.env.LOGIN_MAX_PER_IP;
process.env.LOGIN_MAX_PER_IP = "1000";
afterAll(() => {
  if (ipLimit === undefined) delete process.env.LOGIN_MAX_PER_IP;
  else process.env.LOGIN_MAX_PER_IP = ipLimit;
});

beforeAll(seeded);

function rateLimitEntriesSince(id: number) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "auth.rate_limited"), gt(auditLog.id, id)))
    .all();
}

function lastAuditId(): number {
  return getDb().select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id).all().at(-1)?.id ?? 0;
}

describe("the per-account sign-in limit under concurrency", () => {
  it("lets 5 of 40 simultaneous attempts be checked, answers 429 to the other 35, and the right password among them does not sign in", async () => {
    const email = "bram.jacobs@zas.example";
    const before = lastAuditId();
    const attempts = Array.from({ length: 40 }, (_, i) =>
      post("/login", { email, password: i === 39 ? DEMO_PASSWORD : `wrong-password-${i}` }),
    );
    const results = await Promise.all(attempts.map((request) => call(login.action, request)));
    const statuses = results.map((r) => r.status);

    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    expect(results[39]?.status).toBe(429);
    expect(results[39]?.body).toMatchObject({ formError: "auth.rateLimited" });
    expect(results.some((r) => (r.headers.get("Set-Cookie") ?? "").includes("portal_session="))).toBe(false);
    expect(
      getDb()
        .select()
        .from(sessions)
        .where(eq(sessions.userId, userId(email)))
        .all(),
    ).toEqual([]);

    // Every refusal is a security event in the audit log, without the address itself.
    const logged = rateLimitEntriesSince(before);
    expect(logged).toHaveLength(35);
    expect(logged.every((e) => !JSON.stringify(e).includes(email))).toBe(true);

    // The limit still holds afterwards, for the right password too.
    const later = await call(login.action, post("/login", { email, password: DEMO_PASSWORD }));
    expect(later.status).toBe(429);
  });

  it("still counts sequential failures and lets the right password in below the limit", async () => {
    const email = "eva.vandamme@zas.example";
    for (let i = 0; i < 4; i++)
      expect((await call(login.action, post("/login", { email, password: `nope-nope-${i}` }))).status).toBe(401);
    const ok = await call(login.action, post("/login", { email, password: DEMO_PASSWORD }));
    expect(ok.status).toBe(302);
    // A success clears the account's count: five fresh failures are allowed again before the lock.
    for (let i = 0; i < 5; i++)
      expect((await call(login.action, post("/login", { email, password: `nope-again-${i}` }))).status).toBe(401);
    expect((await call(login.action, post("/login", { email, password: DEMO_PASSWORD }))).status).toBe(429);
  });
});

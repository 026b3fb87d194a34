// The second factor in demo mode (issue 11): optional accounts, the sign-in step, recovery codes, limits, reset.
import { and, eq, gt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions } from "@db/schema";
import { recoveryCodes, secondFactors } from "@db/schema-auth";
import * as accountSecondFactor from "~/routes/account_.second-factor";
import * as adminUsers from "~/routes/admin.users";
import * as hrPeople from "~/routes/hr.people";
import * as login from "~/routes/login";
import * as secondStep from "~/routes/login_.second-factor";
import * as me from "~/routes/me._index";
import { getDb } from "~/utils/db.server";
import { getCurrentUser } from "~/utils/session.server";
import { call, cookieFor, DEMO_PASSWORD, get, post, seeded, userId } from "../support/requests";
import { cookieValue, enrolFromAccount, passwordStep, totp } from "../support/second-factor";

beforeAll(seeded);

// Each enrolment hashes ten recovery codes with argon2, and a recovery code is checked against up to ten:
// slow on a busy machine, so these tests get more time than the default (nothing here waits on the clock).

const lastAuditId = () => getDb().select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id).all().at(-1)?.id ?? 0;
const auditSince = (id: number, action: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), gt(auditLog.id, id)))
    .all();

describe("enrolment from the account page", () => {
  it("shows a QR code and key while pending, hands out ten recovery codes once, and never shows or stores the key readably", async () => {
    const email = "lieve.maes@zas.example";
    const cookie = cookieFor(email);
    await call(accountSecondFactor.action, post("/account/second-factor", { intent: "start" }, cookie));
    const pending = await call(accountSecondFactor.loader, get("/account/second-factor", cookie));
    const enrolment = (pending.body as { enrolment: { secret: string; uri: string; qrDataUri: string } }).enrolment;
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Newcomer-Proof%20Portal:lieve\.maes%40zas\.example\?/);
    const svg = Buffer.from(enrolment.qrDataUri.replace("data:image/svg+xml;base64,", ""), "base64").toString();
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);

    const wrong = await call(
      accountSecondFactor.action,
      post(
        "/account/second-factor",
        { intent: "confirm", code: "000000" === totp(enrolment.secret) ? "111111" : "000000" },
        cookie,
      ),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ errors: { code: ["secondFactor.codeWrong"] } });

    const confirmed = await call(
      accountSecondFactor.action,
      post("/account/second-factor", { intent: "confirm", code: totp(enrolment.secret) }, cookie),
    );
    expect(confirmed.status).toBe(200);
    const codes = (confirmed.body as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);

    const after = await call(accountSecondFactor.loader, get("/account/second-factor", cookie));
    expect(after.body).toMatchObject({ enrolment: null, status: { enrolled: true, recoveryCodesLeft: 10 } });
    expect(JSON.stringify(after.body)).not.toContain(enrolment.secret.replace(/ /g, "").slice(0, 8));

    const id = userId(email);
    const stored = getDb().select().from(secondFactors).where(eq(secondFactors.userId, id)).get();
    expect(stored?.secretSealed).toMatch(/^v1\./);
    expect(stored?.secretSealed).not.toContain(enrolment.secret.replace(/ /g, ""));
    const hashes = getDb().select().from(recoveryCodes).where(eq(recoveryCodes.userId, id)).all();
    expect(hashes).toHaveLength(10);
    for (const row of hashes) expect(row.codeHash).toMatch(/^\$argon2id\$/);
  }, 60_000);

  it("refuses a malformed code with a translated message and changes nothing", async () => {
    const cookie = cookieFor("mariam.tesfaye@zas.example");
    await call(accountSecondFactor.action, post("/account/second-factor", { intent: "start" }, cookie));
    const bad = await call(
      accountSecondFactor.action,
      post("/account/second-factor", { intent: "confirm", code: "12ab" }, cookie),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: { code: ["secondFactor.codeInvalid"] } });
    const page = await call(accountSecondFactor.loader, get("/account/second-factor", cookie));
    expect(page.body).toMatchObject({ status: { enrolled: false, pending: true } });
  }, 60_000);
});

describe("signing in with a second factor", () => {
  it("asks for the code after the password, and until then there is no session", async () => {
    const email = "tom.peeters@zas.example";
    const { secret } = await enrolFromAccount(cookieFor(email));
    getDb()
      .delete(sessions)
      .where(eq(sessions.userId, userId(email)))
      .run();

    const challenge = await passwordStep(email);
    // The half-signed-in state is not a session: no row, and its cookie opens nothing.
    expect(
      getDb()
        .select()
        .from(sessions)
        .where(eq(sessions.userId, userId(email)))
        .all(),
    ).toEqual([]);
    const token = challenge.split("=")[1] ?? "";
    expect(getCurrentUser(get("/me", `portal_session=${token}`))).toBeNull();
    const meWithChallenge = await call(me.loader, get("/me", challenge));
    expect(meWithChallenge.status).toBe(302);
    expect(meWithChallenge.location).toMatch(/^\/login/);

    const page = await call(secondStep.loader, get("/login/second-factor", challenge));
    expect(page.body).toMatchObject({ mode: "verify", enrolment: null });

    const before = lastAuditId();
    const wrong = await call(
      secondStep.action,
      post("/login/second-factor", { code: totp(secret, 1) === "123456" ? "654321" : "123456" }, challenge),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ fieldErrors: { code: ["secondFactor.codeWrong"] } });
    expect(auditSince(before, "auth.second_factor_failed")).toHaveLength(1);

    // The next period's code (the enrolment used this one's).
    const code = totp(secret, 1);
    const ok = await call(secondStep.action, post("/login/second-factor", { code }, challenge));
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/me");
    const session = cookieValue(ok.headers.get("Set-Cookie"), "portal_session");
    expect(getCurrentUser(get("/me", session ?? ""))?.email).toBe(email);

    // The challenge is used up, and the same code does not work twice.
    const again = await call(secondStep.action, post("/login/second-factor", { code }, challenge));
    expect(again.status).toBe(302);
    expect(again.location).toBe("/login?notice=secondFactor.challengeExpired");
    const replay = await call(secondStep.action, post("/login/second-factor", { code }, await passwordStep(email)));
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ fieldErrors: { code: ["secondFactor.codeWrong"] } });
  }, 60_000);

  it("accepts each recovery code once", async () => {
    const email = "an.wouters@zas.example";
    const { recoveryCodes: codes } = await enrolFromAccount(cookieFor(email));
    const first = await call(
      secondStep.action,
      post("/login/second-factor", { code: codes[3]?.toLowerCase() ?? "" }, await passwordStep(email)),
    );
    expect(first.status).toBe(302);
    const reused = await call(
      secondStep.action,
      post("/login/second-factor", { code: codes[3] ?? "" }, await passwordStep(email)),
    );
    expect(reused.status).toBe(400);
    const status = await call(accountSecondFactor.loader, get("/account/second-factor", cookieFor(email)));
    expect(status.body).toMatchObject({ status: { recoveryCodesLeft: 9 } });
  }, 60_000);

  it("limits the second step like the first, also for simultaneous attempts, and logs the refusals", async () => {
    const email = "youssef.elamrani@zas.example";
    const { secret } = await enrolFromAccount(cookieFor(email));
    const challenge = await passwordStep(email);
    const before = lastAuditId();
    const right = totp(secret, 1);
    const wrongCodes = [
      "000000",
      "111111",
      "222222",
      "333333",
      "444444",
      "555555",
      "666666",
      "777777",
      "888888",
      "999999",
    ].filter((c) => c !== right && c !== totp(secret) && c !== totp(secret, 2));
    const results = await Promise.all(
      wrongCodes.slice(0, 8).map((code) => call(secondStep.action, post("/login/second-factor", { code }, challenge))),
    );
    expect(results.filter((r) => r.status === 400)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(3);
    const blocked = await call(secondStep.action, post("/login/second-factor", { code: right }, challenge));
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ formError: "auth.rateLimited" });
    const limited = auditSince(before, "auth.rate_limited");
    expect(limited).toHaveLength(4);
    expect(limited.every((e) => e.detail?.includes('"step":"second_factor"'))).toBe(true);
    expect(auditSince(before, "auth.second_factor_failed")).toHaveLength(5);
  }, 60_000);
});

describe("the sealed key", () => {
  it("does not work when copied onto another account's row", async () => {
    const { secret } = await enrolFromAccount(cookieFor("bram.jacobs@zas.example"));
    const sealed = getDb()
      .select()
      .from(secondFactors)
      .where(eq(secondFactors.userId, userId("bram.jacobs@zas.example")))
      .get();
    const victim = "nieuwkomer@zas.example";
    getDb()
      .insert(secondFactors)
      .values({
        userId: userId(victim),
        secretSealed: sealed?.secretSealed ?? "",
        confirmedAt: new Date().toISOString(),
      })
      .run();
    const result = await call(
      secondStep.action,
      post("/login/second-factor", { code: totp(secret, 1) }, await passwordStep(victim)),
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ fieldErrors: { code: ["secondFactor.codeWrong"] } });
  }, 60_000);
});

describe("turning the second factor off", () => {
  it("needs the password and a current code", async () => {
    const email = "diversiteit@zas.example";
    const cookie = cookieFor(email);
    const { secret } = await enrolFromAccount(cookie);
    const code = totp(secret, 1);
    const noPassword = await call(
      accountSecondFactor.action,
      post("/account/second-factor", { intent: "disable", password: "not the password", code }, cookie),
    );
    expect(noPassword.status).toBe(400);
    expect(noPassword.body).toMatchObject({ errors: { password: ["validation.wrongPassword"] } });
    const noCode = await call(
      accountSecondFactor.action,
      post("/account/second-factor", { intent: "disable", password: DEMO_PASSWORD, code: "" }, cookie),
    );
    expect(noCode.status).toBe(400);
    expect(noCode.body).toMatchObject({ errors: { code: ["validation.required"] } });

    const off = await call(
      accountSecondFactor.action,
      post("/account/second-factor", { intent: "disable", password: DEMO_PASSWORD, code }, cookie),
    );
    expect(off.status).toBe(302);
    expect(off.location).toBe("/account/second-factor?notice=secondFactor.disabled");
    const signIn = await call(login.action, post("/login", { email, password: DEMO_PASSWORD }));
    expect(signIn.location).toBe("/hr");
  }, 60_000);
});

describe("demo mode and the admin", () => {
  it("lets the demo admin sign in as printed, and offers enrolment", async () => {
    const result = await call(login.action, post("/login", { email: "admin@portal.example", password: DEMO_PASSWORD }));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/admin");
    const page = await call(
      accountSecondFactor.loader,
      get("/account/second-factor", cookieFor("admin@portal.example")),
    );
    expect(page.body).toMatchObject({ demo: true, status: { policy: "required", enrolled: false } });
  }, 60_000);

  it("lets an admin reset a user's second factor, logged in the user's organisation; HR cannot", async () => {
    const email = "verpleegkundige@zas.example";
    const own = cookieFor(email);
    await enrolFromAccount(own);
    const target = String(userId(email));

    const byHr = await call(
      hrPeople.action,
      post("/hr/people", { intent: "resetSecondFactor", userId: target }, cookieFor("hr@zas.example")),
    );
    expect(byHr.status).toBe(403);

    const before = lastAuditId();
    const reset = await call(
      adminUsers.action,
      post("/admin/users", { intent: "resetSecondFactor", userId: target }, cookieFor("admin@portal.example")),
    );
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ notice: "secondFactor.adminResetDone" });
    const [entry] = auditSince(before, "auth.second_factor_reset");
    expect(entry).toMatchObject({
      entityId: target,
      actorUserId: userId("admin@portal.example"),
      organisationId: getCurrentUser(get("/", cookieFor("hr@zas.example")))?.organisationId,
    });
    expect(getCurrentUser(get("/me", own))).toBeNull();
    const signIn = await call(login.action, post("/login", { email, password: DEMO_PASSWORD }));
    expect(signIn.location).toBe("/me");
  }, 60_000);
});

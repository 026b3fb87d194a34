// Issue 11, findings 3, 5, 6 and 15: hostile input reaches real actions and loaders through real Requests.
import fs from "node:fs";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actionItems, auditLog, scans, sessions, users } from "@db/schema";
import { buddyProfiles } from "@db/schema-matching";
import { moduleAssignments, moduleProgress } from "@db/schema-modules";
import { loader as comparisonLoader } from "~/routes/partner.benchmark";
import * as hrModules from "~/routes/hr.modules._index";
import * as hrPeople from "~/routes/hr.people";
import * as hrScans from "~/routes/hr.scans._index";
import * as language from "~/routes/language";
import * as login from "~/routes/login";
import * as buddyProfile from "~/routes/me.buddy.profile";
import * as readModule from "~/routes/me.modules.$key._index";
import * as scanActions from "~/routes/hr.scans.$scanId_.actions";
import { getDb } from "~/utils/db.server";
import { recordSecurityEvent } from "~/utils/security-events.server";
import { buildBenchmarkWorld } from "../support/benchmark-world";
import { call, cookieFor, DEMO_PASSWORD, get, post, seeded, userId } from "../support/requests";

const db = () => getDb();
const HR = "hr@zas.example";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await seeded();
});

describe("redirect targets a header cannot carry (finding 3)", () => {
  const HOSTILE = ["/hr\r\nSet-Cookie: evil=1", "/hr\u0000", "/hr\u2028", "/h\u0101r", "/\t/evil.example"];

  it.each(HOSTILE)(
    "sign-in with redirectTo %j signs in with a cookie and goes home, one session row",
    async (redirectTo) => {
      const sessionsOf = () =>
        db()
          .select({ n: count() })
          .from(sessions)
          .where(eq(sessions.userId, userId(HR)))
          .get()!.n;
      const before = sessionsOf();
      const result = await call(login.action, post("/login", { email: HR, password: DEMO_PASSWORD, redirectTo }));
      expect(result.status).toBe(302);
      expect(result.location).toBe("/hr");
      const cookie = (result.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      expect(cookie).toMatch(/portal_session=.+/);
      expect(sessionsOf()).toBe(before + 1);
      // The cookie the browser got is the session that was written: the login page now sends it home.
      expect((await call(login.loader, get("/login", cookie))).location).toBe("/hr");
    },
  );

  it("keeps a safe same-site target", async () => {
    const result = await call(
      login.action,
      post("/login", { email: HR, password: DEMO_PASSWORD, redirectTo: "/hr/scans?x=%C3%A9" }),
    );
    expect(result.location).toBe("/hr/scans?x=%C3%A9");
  });

  it("the language switch with redirectTo U+2028 sets the language and goes to the start page", async () => {
    const cookie = cookieFor("verpleegkundige@zas.example");
    const result = await call(language.action, post("/language", { locale: "en", redirectTo: "/me\u2028" }, cookie));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    expect(result.headers.get("set-cookie")).toMatch(/^lang=en;/);
    expect(
      db()
        .select({ locale: users.locale })
        .from(users)
        .where(eq(users.id, userId("verpleegkundige@zas.example")))
        .get()?.locale,
    ).toBe("en");
  });

  it("assigning a module with redirectTo CR/LF stores it once and returns to the modules page with the notice", async () => {
    const hr = cookieFor(HR);
    const dueDate = inDays(21);
    const stored = () =>
      db()
        .select({ n: count() })
        .from(moduleAssignments)
        .where(and(eq(moduleAssignments.moduleKey, "trauma-and-wellbeing"), eq(moduleAssignments.dueDate, dueDate)))
        .get()!.n;
    expect(stored()).toBe(0);
    const result = await call(
      hrModules.action,
      post(
        "/hr/modules?index",
        {
          intent: "assign",
          moduleKey: "trauma-and-wellbeing",
          departmentId: "all",
          dueDate,
          redirectTo: "/hr/scans\r\nX: y",
        },
        hr,
      ),
    );
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/hr\/modules\?notice=/);
    expect(stored()).toBe(1);
  });
});

describe("methods the forms never use (finding 5)", () => {
  it.each(["PUT", "PATCH", "DELETE"])("%s with a form body does not start a scan: 405", async (method) => {
    const body = new URLSearchParams({ period: "2033", start: "empty" });
    const request = new Request("http://portal.test/hr/scans?index", {
      method,
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieFor(HR), "Accept-Language": "en" },
    });
    const result = await call(hrScans.action, request);
    expect(result.status).toBe(405);
    expect(result.headers.get("allow")).toBe("POST");
    expect(result.body).toBe("This action is not possible here.");
    expect(db().select({ n: count() }).from(scans).where(eq(scans.period, "2033")).get()!.n).toBe(0);
  });

  it("a JSON post is a translated 415 and a cut-off multipart post a 400, before the action looks at it", async () => {
    const cookie = cookieFor(HR);
    const json = await call(
      hrScans.action,
      new Request("http://portal.test/hr/scans?index", {
        method: "POST",
        body: '{"period":"2033"}',
        headers: { "Content-Type": "application/json", Cookie: cookie },
      }),
    );
    expect(json.status).toBe(415);
    expect(json.body).toContain("Het portaal aanvaardt alleen wat zijn eigen formulieren versturen");
    const multipart = await call(
      hrScans.action,
      new Request("http://portal.test/hr/scans?index", {
        method: "POST",
        body: '--xyz\r\nContent-Disposition: form-data; name="period"\r\n\r\n2033',
        headers: { "Content-Type": "multipart/form-data; boundary=xyz", Cookie: cookie },
      }),
    );
    expect(multipart.status).toBe(400);
    expect(db().select({ n: count() }).from(scans).where(eq(scans.period, "2033")).get()!.n).toBe(0);
  });
});

describe("impossible values are refused, not stored (finding 6)", () => {
  it("an action-plan due date of 2026-02-30 is a field error and no action is stored", async () => {
    const hr = cookieFor(HR);
    const scanId = db().select({ id: scans.id }).from(scans).where(eq(scans.status, "submitted")).all()[0]!.id;
    const actionsBefore = db().select({ n: count() }).from(actionItems).get()!.n;
    const result = await call(
      scanActions.action,
      post(
        `/hr/scans/${scanId}/actions`,
        {
          intent: "addAction",
          dimensionKey: "language",
          itemKey: "language.2",
          action: "Taalcoach inplannen",
          owner: "Karim Bouzid",
          dueDate: "2026-02-30",
        },
        hr,
      ),
      { scanId: String(scanId) },
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ errors: { dueDate: ["scan.errors.date"] } });
    expect(db().select({ n: count() }).from(actionItems).get()!.n).toBe(actionsBefore);
  });

  it("a buddy's empty 'years in the organisation' asks for a value instead of storing 0", async () => {
    const email = "eva.vandamme@zas.example";
    const profile = () =>
      db()
        .select({ years: buddyProfiles.yearsInOrganisation, departmentId: buddyProfiles.departmentId })
        .from(buddyProfiles)
        .where(eq(buddyProfiles.userId, userId(email)))
        .get()!;
    const before = profile();
    const result = await call(
      buddyProfile.action,
      post(
        "/me/buddy/profile",
        {
          profession: "nurse",
          departmentId: String(before.departmentId),
          dutchLevel: "C2",
          capacity: "2",
          yearsInOrganisation: "",
          status: "active",
          lang0code: "en",
          lang0level: "C1",
        },
        cookieFor(email),
      ),
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ errors: { yearsInOrganisation: ["validation.required"] } });
    expect(profile().years).toBe(before.years);
  });

  it('a module section="" marks nothing read', async () => {
    const email = "verpleegkundige@zas.example";
    const progress = () =>
      db()
        .select({ read: moduleProgress.sectionsRead })
        .from(moduleProgress)
        .where(and(eq(moduleProgress.userId, userId(email)), eq(moduleProgress.moduleKey, "bias-in-selection")))
        .get()?.read ?? null;
    const before = progress();
    const result = await call(
      readModule.action,
      post("/me/modules/bias-in-selection?index", { section: "" }, cookieFor(email)),
      { key: "bias-in-selection" },
    );
    expect(result.status).toBe(400);
    expect(progress()).toBe(before);
  });

  it.each(["0x10", "1e3", "00001", "1.0", " 12"])("HR's user id %j is a 400, nobody is deactivated", async (raw) => {
    const activeBefore = db().select({ n: count() }).from(users).where(eq(users.status, "active")).get()!.n;
    const result = await call(
      hrPeople.action,
      post("/hr/people", { intent: "deactivate", userId: raw, confirm: "yes" }, cookieFor(HR)),
    );
    expect(result.status).toBe(400);
    expect(db().select({ n: count() }).from(users).where(eq(users.status, "active")).get()!.n).toBe(activeBefore);
  });
});

describe("no pseudonym secret to leak (finding 15)", () => {
  // Decision 042 dropped pseudonymous rows, so there is no pseudonym secret left that could be public or computed.
  it("the comparison carries no pseudonyms, and the demo keeps no pseudonym secret", async () => {
    buildBenchmarkWorld(getDb());
    const result = await call(comparisonLoader, get("/partner/benchmark", cookieFor("onderzoek@thomasmore.example")));
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.body)).not.toMatch(/pseudonym/i);
    const dataDir = path.dirname(path.resolve(process.env.DATABASE_PATH ?? ""));
    expect(fs.existsSync(path.join(dataDir, "pseudonym-secret"))).toBe(false);
  });
});

describe("security events in the audit log", () => {
  it("writes at most 60 a minute, then one entry with the number left out", () => {
    const entries = (action: string) =>
      db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)).get()!.n;
    const start = 10_000_000_000_000;
    const written = Array.from({ length: 65 }, () =>
      recordSecurityEvent(
        { action: "security.cross_site_refused", path: "/hr/people", detail: { method: "POST", origin: "null" } },
        start,
      ),
    );
    expect(written.filter(Boolean)).toHaveLength(60);
    expect(entries("security.cross_site_refused")).toBe(60);
    expect(entries("security.events_dropped")).toBe(0);
    expect(
      recordSecurityEvent(
        { action: "security.cross_site_refused", path: "/login", detail: { method: "POST", origin: "null" } },
        start + 60_000,
      ),
    ).toBe(true);
    const dropped = db()
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, "security.events_dropped"))
      .all();
    expect(dropped.map((d) => JSON.parse(d.detail ?? "{}"))).toEqual([{ count: 5 }]);
  });
});

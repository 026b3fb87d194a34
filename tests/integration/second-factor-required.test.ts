// The second factor outside demo mode (issue 11): required for admin and partner, for HR when its organisation
// says so; a required factor is enrolled before any session exists.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { organisations, sessions } from "@db/schema";
import * as accountSecondFactor from "~/routes/account_.second-factor";
import * as adminHome from "~/routes/admin._index";
import * as adminOrganisation from "~/routes/admin.organisations.$id";
import * as adminUsers from "~/routes/admin.users";
import * as invite from "~/routes/invite.$token";
import * as login from "~/routes/login";
import * as secondStep from "~/routes/login_.second-factor";
import { getDb } from "~/utils/db.server";
import { getCurrentUser } from "~/utils/session.server";
import { linkIn, mailbox } from "../support/mail";
import { call, cookieFor, DEMO_PASSWORD, get, post, seeded, userId } from "../support/requests";
import { cookieValue, passwordStep, totp } from "../support/second-factor";

// Read once, at the first request: this file runs the portal as a real deployment would.
process.env.PORTAL_MODE = "production";

beforeAll(seeded);

// Each enrolment hashes ten recovery codes with argon2, and a recovery code is checked against up to ten:
// slow on a busy machine, so these tests get more time than the default (nothing here waits on the clock).

type Enrolment = { mode: string; enrolment: { secret: string } | null };

/** Password, then the forced enrolment page, then its first code: returns the new session cookie and the key. */
async function signInAndEnrol(email: string): Promise<{ session: string; secret: string; recoveryCodes: string[] }> {
  const challenge = await passwordStep(email);
  const page = await call(secondStep.loader, get("/login/second-factor", challenge));
  const body = page.body as Enrolment;
  expect(body.mode).toBe("enrol");
  const secret = body.enrolment?.secret ?? "";
  const done = await call(secondStep.action, post("/login/second-factor", { code: totp(secret) }, challenge));
  expect(done.status).toBe(200);
  const session = cookieValue(done.headers.get("Set-Cookie"), "portal_session") ?? "";
  return { session, secret, recoveryCodes: (done.body as { recoveryCodes: string[] }).recoveryCodes };
}

describe("a required second factor", () => {
  it("is enrolled at the admin's first sign-in, before any session exists", async () => {
    const email = "admin@portal.example";
    const challenge = await passwordStep(email);
    expect(
      getDb()
        .select()
        .from(sessions)
        .where(eq(sessions.userId, userId(email)))
        .all(),
    ).toEqual([]);
    const admin = await call(adminHome.loader, get("/admin", challenge));
    expect(admin.status).toBe(302);
    expect(admin.location).toMatch(/^\/login/);

    const page = await call(secondStep.loader, get("/login/second-factor", challenge));
    const secret = (page.body as Enrolment).enrolment?.secret ?? "";
    const done = await call(secondStep.action, post("/login/second-factor", { code: totp(secret) }, challenge));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      next: "/admin",
      recoveryCodes: expect.arrayContaining([expect.stringMatching(/^\w{5}-\w{5}$/)]),
    });
    const session = cookieValue(done.headers.get("Set-Cookie"), "portal_session") ?? "";
    expect(getCurrentUser(get("/admin", session))?.email).toBe(email);

    // From now on the admin signs in with a code, and cannot switch the factor off.
    const refused = await call(
      accountSecondFactor.action,
      post("/account/second-factor", { intent: "disable", password: DEMO_PASSWORD, code: totp(secret, 1) }, session),
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ formError: "secondFactor.requiredCannotDisable" });
    const next = await call(secondStep.loader, get("/login/second-factor", await passwordStep(email)));
    expect(next.body).toMatchObject({ mode: "verify" });
  }, 60_000);

  it("is required of partner accounts", async () => {
    const { session } = await signInAndEnrol("onderzoek@thomasmore.example");
    expect(getCurrentUser(get("/partner", session))?.role).toBe("partner");
  }, 60_000);

  it("is required of HR once the admin ticks it for the organisation, and not of HR elsewhere", async () => {
    const adminCookie = cookieFor("admin@portal.example");
    const zuyderland = getDb()
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Zuyderland Medisch Centrum"))
      .get();
    if (!zuyderland) throw new Error("Zuyderland missing");
    // Every box ticked: an unticked box is finding 7 of issue 11, fixed and tested on its own.
    const fields = {
      intent: "update",
      kind: zuyderland.kind,
      name: zuyderland.name,
      country: zuyderland.country,
      sector: zuyderland.sector,
      sizeBand: zuyderland.sizeBand,
      benchmarkConsent: "on",
      requireBuddyTraining: "on",
      requireSameSite: "on",
      requireHrSecondFactor: "on",
    };
    const saved = await call(
      adminOrganisation.action,
      post(`/admin/organisations/${zuyderland.id}`, fields, adminCookie),
      { id: String(zuyderland.id) },
    );
    expect(saved.status).toBe(200);

    const { session } = await signInAndEnrol("hr@zuyderland.example");
    expect(getCurrentUser(get("/hr", session))?.email).toBe("hr@zuyderland.example");
    const elsewhere = await call(login.action, post("/login", { email: "hr@zas.example", password: DEMO_PASSWORD }));
    expect(elsewhere.location).toBe("/hr");
  }, 60_000);

  it("is enrolled right after an invited partner sets a password, not after a session", async () => {
    const partnerOrg = getDb().select().from(organisations).where(eq(organisations.kind, "partner")).get();
    const sent = await call(
      adminUsers.action,
      post(
        "/admin/users",
        {
          intent: "invite",
          name: "Ruben Aerts",
          email: "ruben.aerts@partner.example",
          role: "partner",
          organisationId: String(partnerOrg?.id),
          locale: "nl",
        },
        cookieFor("admin@portal.example"),
      ),
    );
    expect(sent.status).toBe(200);
    const mail = await mailbox().waitFor((m) => m.to.includes("ruben.aerts@partner.example"));
    const token = new URL(linkIn(mail.text, "/invite/")).pathname.split("/").pop() ?? "";
    const accepted = await call(
      invite.action,
      post(`/invite/${token}`, { password: "schelde en maas 2026", confirm: "schelde en maas 2026" }),
      { token },
    );
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe("/login/second-factor");
    expect(cookieValue(accepted.headers.get("Set-Cookie"), "portal_session")).toBeNull();
    const challenge = cookieValue(accepted.headers.get("Set-Cookie"), "portal_signin") ?? "";
    const page = await call(secondStep.loader, get("/login/second-factor", challenge));
    expect(page.body).toMatchObject({ mode: "enrol" });
  }, 60_000);
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "@db/schema";
import * as adminUsers from "~/routes/admin.users";
import * as forgot from "~/routes/forgot-password";
import * as hrPeople from "~/routes/hr.people";
import * as invite from "~/routes/invite.$token";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as reset from "~/routes/reset-password.$token";
import { getDb } from "~/utils/db.server";
import { getCurrentUser } from "~/utils/session.server";
import { linkIn, mailbox } from "../support/mail";
import { call, cookieFor, DEMO_PASSWORD, get, post, seeded, userId } from "../support/requests";

beforeAll(seeded);

function sessionCookie(setCookie: string | null): string {
  return (setCookie ?? "").split(";")[0] ?? "";
}

describe("sign in", () => {
  it("signs in with the right password, with a fresh HttpOnly session cookie, and lands on the role's home", async () => {
    const result = await call(login.action, post("/login", { email: "HR@zas.example ", password: DEMO_PASSWORD }));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/hr");
    const setCookie = result.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^portal_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+/);
    const user = getCurrentUser(get("/hr", sessionCookie(setCookie)));
    expect(user?.email).toBe("hr@zas.example");
    expect(user?.role).toBe("hr");
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    const unknown = await call(
      login.action,
      post("/login", { email: "nobody@zas.example", password: "whatever-password" }),
    );
    const wrong = await call(
      login.action,
      post("/login", { email: "an.wouters@zas.example", password: "wrong-password-here" }),
    );
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toMatchObject({ formError: "auth.invalidCredentials" });
    expect(wrong.body).toMatchObject({ formError: "auth.invalidCredentials" });
  });

  it("refuses malformed input with field errors and a 400", async () => {
    const result = await call(login.action, post("/login", { email: "not-an-email", password: "" }));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      fieldErrors: { email: ["validation.email"], password: ["validation.required"] },
    });
  });

  it("locks an account after 5 failures, even for the right password, and says so", async () => {
    const email = "tom.peeters@zas.example";
    for (let i = 0; i < 5; i++) {
      const r = await call(login.action, post("/login", { email, password: `wrong-password-${i}` }));
      expect(r.status).toBe(401);
    }
    const blocked = await call(login.action, post("/login", { email, password: DEMO_PASSWORD }));
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ formError: "auth.rateLimited" });
  });

  it("only redirects to paths on this site after sign-in", async () => {
    const evil = await call(
      login.action,
      post("/login", { email: "lieve.maes@zas.example", password: DEMO_PASSWORD, redirectTo: "//evil.example/x" }),
    );
    expect(evil.location).toBe("/me");
    const good = await call(
      login.action,
      post("/login", { email: "lieve.maes@zas.example", password: DEMO_PASSWORD, redirectTo: "/account" }),
    );
    expect(good.location).toBe("/account");
  });
});

describe("sessions", () => {
  it("end after the idle time and after the absolute lifetime", () => {
    const cookie = cookieFor("bram.jacobs@zas.example");
    const request = get("/me", cookie);
    expect(getCurrentUser(request)).not.toBeNull();
    const afterIdle = new Date(Date.now() + 121 * 60_000);
    expect(getCurrentUser(request, afterIdle)).toBeNull();
    // The expired row is gone, so the cookie stays useless.
    expect(getCurrentUser(request)).toBeNull();

    const second = get("/me", cookieFor("bram.jacobs@zas.example"));
    let now = Date.now();
    // Active every hour still ends at the absolute limit (12 h).
    for (let hour = 1; hour < 12; hour++) {
      now += 3_600_000;
      expect(getCurrentUser(second, new Date(now))).not.toBeNull();
    }
    expect(getCurrentUser(second, new Date(now + 3_600_000))).toBeNull();
  });

  it("are deleted on logout", async () => {
    const cookie = cookieFor("eva.vandamme@zas.example");
    const result = await call(logout.action, post("/logout", {}, cookie));
    expect(result.status).toBe(302);
    expect(result.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(getCurrentUser(get("/me", cookie))).toBeNull();
  });

  it("all end when an admin deactivates the user", async () => {
    const victim = cookieFor("daan.smeets@zuyderland.example");
    const admin = cookieFor("admin@portal.example");
    const result = await call(
      adminUsers.action,
      post(
        "/admin/users",
        { intent: "deactivate", userId: String(userId("daan.smeets@zuyderland.example")), confirm: "yes" },
        admin,
      ),
    );
    expect(result.status).toBe(200);
    expect(getCurrentUser(get("/me", victim))).toBeNull();
    const relogin = await call(
      login.action,
      post("/login", { email: "daan.smeets@zuyderland.example", password: DEMO_PASSWORD }),
    );
    expect(relogin.status).toBe(401);
  });
});

describe("invitations by e-mail", () => {
  it("lets an admin invite an HR lead who sets a password from the mailed link, once", async () => {
    const admin = cookieFor("admin@portal.example");
    const zuyderland = getCurrentUser(get("/", cookieFor("hr@zuyderland.example")))?.organisationId;
    const sent = await call(
      adminUsers.action,
      post(
        "/admin/users",
        {
          intent: "invite",
          name: "Anouk Visser",
          email: "anouk.visser@zuyderland.example",
          role: "hr",
          organisationId: String(zuyderland),
          locale: "nl",
        },
        admin,
      ),
    );
    expect(sent.status).toBe(200);
    const mail = await mailbox().waitFor((m) => m.to.includes("anouk.visser@zuyderland.example"));
    expect(mail.subject).toBe("Uitnodiging voor het Newcomer-Proof Portal");
    const link = linkIn(mail.text, "/invite/");
    const token = new URL(link).pathname.split("/").pop() ?? "";

    const page = await call(invite.loader, get(`/invite/${token}`), { token });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      invitation: { name: "Anouk Visser", role: "hr", organisationName: "Zuyderland Medisch Centrum" },
    });

    const weak = await call(
      invite.action,
      post(`/invite/${token}`, { password: "wachtwoord123", confirm: "wachtwoord123" }),
      { token },
    );
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ fieldErrors: { password: ["validation.passwordTooCommon"] } });

    const accepted = await call(
      invite.action,
      post(`/invite/${token}`, { password: "heerlen aan de geleenbeek", confirm: "heerlen aan de geleenbeek" }),
      { token },
    );
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe("/hr");
    const user = getCurrentUser(get("/hr", sessionCookie(accepted.headers.get("Set-Cookie"))));
    expect(user).toMatchObject({ email: "anouk.visser@zuyderland.example", role: "hr", organisationId: zuyderland });

    const reused = await call(
      invite.action,
      post(`/invite/${token}`, { password: "heerlen aan de geleenbeek", confirm: "heerlen aan de geleenbeek" }),
      { token },
    );
    expect(reused.status).toBe(410);
    const reusedPage = await call(invite.loader, get(`/invite/${token}`), { token });
    expect(reusedPage.status).toBe(410);
  });

  it("lets HR invite only employees and newcomers, only into its own organisation", async () => {
    const hr = cookieFor("hr@zas.example");
    const asAdmin = await call(
      hrPeople.action,
      post("/hr/people", { intent: "invite", name: "X", email: "x@zas.example", role: "admin" }, hr),
    );
    expect(asAdmin.status).toBe(400);
    expect(asAdmin.body).toMatchObject({ errors: { role: ["validation.roleNotAllowed"] } });

    const zuyderlandDept = getDb().query.departments.findFirst({ where: (d, { eq: e }) => e(d.name, "Neurologie") });
    const foreign = await call(
      hrPeople.action,
      post(
        "/hr/people",
        {
          intent: "invite",
          name: "Y",
          email: "y@zas.example",
          role: "employee",
          departmentId: String((await zuyderlandDept)?.id),
        },
        hr,
      ),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ errors: { departmentId: ["validation.unknownDepartment"] } });

    const ok = await call(
      hrPeople.action,
      post(
        "/hr/people",
        { intent: "invite", name: "Nadia Karimi", email: "nadia.karimi@zas.example", role: "newcomer", locale: "en" },
        hr,
      ),
    );
    expect(ok.status).toBe(200);
    const mail = await mailbox().waitFor((m) => m.to.includes("nadia.karimi@zas.example"));
    expect(mail.subject).toBe("Invitation to the Newcomer-Proof Portal");
  });

  it("does not let HR revoke another organisation's invitation", async () => {
    const zuyderlandHr = cookieFor("hr@zuyderland.example");
    await call(
      hrPeople.action,
      post(
        "/hr/people",
        { intent: "invite", name: "Lisa Vos", email: "lisa.vos@zuyderland.example", role: "employee" },
        zuyderlandHr,
      ),
    );
    const invitationId = getDb().query.invitations.findFirst({
      where: (i, { eq: e }) => e(i.email, "lisa.vos@zuyderland.example"),
    });
    const id = String((await invitationId)?.id);
    const zasHr = cookieFor("hr@zas.example");
    const attempt = await call(hrPeople.action, post("/hr/people", { intent: "revoke", invitationId: id }, zasHr));
    expect(attempt.status).toBe(404);
    const still = await getDb().query.invitations.findFirst({
      where: (i, { eq: e }) => e(i.email, "lisa.vos@zuyderland.example"),
    });
    expect(still?.revokedAt).toBeNull();
  });
});

describe("password reset", () => {
  it("mails a single-use link, sets the new password and ends the user's other sessions", async () => {
    const email = "an.wouters@zas.example";
    const oldSession = cookieFor(email);
    const unknown = await call(forgot.action, post("/forgot-password", { email: "nobody@nowhere.example" }));
    const known = await call(forgot.action, post("/forgot-password", { email }));
    expect(unknown.body).toEqual(known.body);

    const mail = await mailbox().waitFor((m) => m.to.includes(email) && m.subject.includes("wachtwoord"));
    const token = new URL(linkIn(mail.text, "/reset-password/")).pathname.split("/").pop() ?? "";
    const mismatch = await call(
      reset.action,
      post(`/reset-password/${token}`, { password: "een nieuw lang wachtwoord", confirm: "iets anders" }),
      { token },
    );
    expect(mismatch.status).toBe(400);
    const done = await call(
      reset.action,
      post(`/reset-password/${token}`, { password: "een nieuw lang wachtwoord", confirm: "een nieuw lang wachtwoord" }),
      { token },
    );
    expect(done.status).toBe(302);
    expect(getCurrentUser(get("/me", oldSession))).toBeNull();

    const again = await call(
      reset.action,
      post(`/reset-password/${token}`, { password: "nog een ander wachtwoord", confirm: "nog een ander wachtwoord" }),
      { token },
    );
    expect(again.status).toBe(410);
    const signIn = await call(login.action, post("/login", { email, password: "een nieuw lang wachtwoord" }));
    expect(signIn.status).toBe(302);
  });

  it("stores argon2id hashes, never the password", () => {
    const row = getDb().select().from(users).where(eq(users.email, "hr@zas.example")).get();
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const sessionRow = getDb().select().from(sessions).limit(1).get();
    expect(sessionRow?.id).toMatch(/^[0-9a-f]{64}$/);
  });
});

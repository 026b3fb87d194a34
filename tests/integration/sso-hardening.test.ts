// Issue 15, the review's gaps in single sign-on: no portal password for the people of an organisation that
// requires SSO (invitation, reset link), erasure takes the provider identity with it, and starting a sign-in
// (and its callback) is rate-limited, so nobody can make the server talk to a provider without end.
import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, loginAttempts, organisations, passwordResets, users } from "@db/schema";
import { ssoConfigurations, ssoDomains, ssoIdentities, ssoLoginStates } from "@db/schema-sso";
import { secretContext } from "~/features/sso/sso-store.server";
import * as account from "~/routes/account";
import * as accountExport from "~/routes/account.export";
import * as hrPeople from "~/routes/hr.people";
import * as invite from "~/routes/invite.$token";
import * as ssoCallback from "~/routes/login_.sso_.callback";
import * as ssoStart from "~/routes/login_.sso";
import * as resetPassword from "~/routes/reset-password.$token";
import { hashToken } from "~/utils/crypto.server";
import { getDb } from "~/utils/db.server";
import { translate } from "~/utils/i18n";
import { seal } from "~/utils/secret-box.server";
import { call, cookieFor, DEMO_PASSWORD, get, post, seeded, userId } from "../support/requests";
import { createCareOrganisation } from "../support/factories";
import { freePort } from "../support/server";

let zasId: number;
let issuer: string;
const servers: http.Server[] = [];

/** A "provider" that answers every discovery with garbage: each request it counts is one the portal made. */
async function garbageProvider() {
  const counter = { hits: 0, issuer: "" };
  const server = http.createServer((_req, res) => {
    counter.hits += 1;
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end('{"issuer": 12');
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  servers.push(server);
  counter.issuer = `http://127.0.0.1:${port}`;
  return counter;
}

/** Stored as a save would have stored it while the provider still answered (a save checks discovery first). */
function configure(organisationId: number, providerIssuer: string, domain: string, breakGlassUserId: number | null) {
  const db = getDb();
  db.insert(ssoConfigurations)
    .values({
      organisationId,
      issuer: providerIssuer,
      clientId: "portal",
      clientSecretSealed: seal("secret", secretContext(organisationId)),
      requireSso: breakGlassUserId !== null,
      breakGlassUserId,
    })
    .run();
  db.insert(ssoDomains).values({ domain, organisationId }).run();
}

beforeAll(async () => {
  await seeded();
  zasId =
    getDb().select().from(organisations).where(eq(organisations.name, "ZAS Ziekenhuis aan de Stroom")).get()?.id ?? 0;
  issuer = (await garbageProvider()).issuer;
  configure(zasId, issuer, "zas.example", userId("hr@zas.example"));
});

afterAll(() => {
  for (const server of servers) server.close();
});

/** A loader or action called from one client address (each test its own, so limits do not leak between tests). */
async function from(
  ip: string,
  fn: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown,
  request: Request,
  params: Record<string, string> = {},
) {
  return call(fn, request, params, { clientIp: ip });
}

function insertInvitation(email: string, token: string, organisationId = zasId) {
  getDb()
    .insert(invitations)
    .values({
      tokenHash: hashToken(token),
      email,
      name: "Nieuwe Collega",
      organisationId,
      role: "employee",
      locale: "nl",
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    })
    .run();
}

describe("an organisation that requires SSO: no portal password for its people", () => {
  it("sends an invitee to 'sign in with your organisation' instead of asking for a password", async () => {
    const token = "invite-sso-required-0001";
    insertInvitation("nieuwe.collega@zas.example", token);
    const page = await call(invite.loader, get(`/invite/${token}`), { token });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ ssoRequired: true, invitation: { email: "nieuwe.collega@zas.example" } });
    expect(translate("nl", "sso.inviteThroughOrganisation", { organisation: "ZAS" })).toMatch(/geen wachtwoord/);
    expect(translate("en", "sso.inviteThroughOrganisation", { organisation: "ZAS" })).toMatch(/no portal password/);
  });

  it("refuses a password posted straight to the invitation: 403, no account, the invitation still open", async () => {
    const token = "invite-sso-required-0002";
    insertInvitation("tweede.collega@zas.example", token);
    const refused = await call(
      invite.action,
      post(`/invite/${token}`, { password: "Een-heel-goed-wachtwoord-42", confirm: "Een-heel-goed-wachtwoord-42" }),
      { token },
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ formError: "sso.inviteRefused" });
    expect(getDb().select().from(users).where(eq(users.email, "tweede.collega@zas.example")).get()).toBeUndefined();
    expect(
      getDb()
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashToken(token)))
        .get()?.acceptedAt,
    ).toBeNull();
  });

  it("shows a reset link of an SSO member the explanation, not a form, and refuses a posted password", async () => {
    const member = userId("nieuwkomer@zas.example");
    const before = getDb()
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, member))
      .get()?.passwordHash;
    const token = "reset-sso-required-00001";
    getDb()
      .insert(passwordResets)
      .values({
        tokenHash: hashToken(token),
        userId: member,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
      .run();
    const page = await call(resetPassword.loader, get(`/reset-password/${token}`), { token });
    expect(page.status).toBe(403);
    expect(page.body).toMatchObject({ valid: true, ssoRequired: true });
    const refused = await call(
      resetPassword.action,
      post(`/reset-password/${token}`, {
        password: "Een-heel-goed-wachtwoord-42",
        confirm: "Een-heel-goed-wachtwoord-42",
      }),
      { token },
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ formError: "sso.resetRefused" });
    expect(
      getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, member)).get()?.passwordHash,
    ).toBe(before);
  });

  it("still lets the break-glass account follow a reset link", async () => {
    const token = "reset-break-glass-000001";
    getDb()
      .insert(passwordResets)
      .values({
        tokenHash: hashToken(token),
        userId: userId("hr@zas.example"),
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
      .run();
    const page = await call(resetPassword.loader, get(`/reset-password/${token}`), { token });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ valid: true, ssoRequired: false });
  });

  it("offers a member no password change on the account page, and refuses a posted one", async () => {
    const member = userId("nieuwkomer@zas.example");
    const before = getDb()
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, member))
      .get()?.passwordHash;
    const cookie = cookieFor("nieuwkomer@zas.example");
    const page = await call(account.loader, get("/account", cookie));
    expect(page.body).toMatchObject({ passwordThroughOrganisation: true });
    const refused = await call(
      account.action,
      post(
        "/account",
        {
          intent: "password",
          current: DEMO_PASSWORD,
          password: "Een-heel-goed-wachtwoord-42",
          confirm: "Een-heel-goed-wachtwoord-42",
        },
        cookie,
      ),
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ formError: "sso.accountNoPassword" });
    expect(
      getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, member)).get()?.passwordHash,
    ).toBe(before);
    expect(translate("nl", "sso.accountNoPassword")).toMatch(/organisatie/);
    // The break-glass account keeps its password and may change it.
    expect((await call(account.loader, get("/account", cookieFor("hr@zas.example")))).body).toMatchObject({
      passwordThroughOrganisation: false,
    });
  });

  it("leaves invitations of organisations without SSO alone", async () => {
    const zuyderland =
      getDb().select().from(organisations).where(eq(organisations.name, "Zuyderland Medisch Centrum")).get()?.id ?? 0;
    const token = "invite-no-sso-0000000001";
    insertInvitation("iemand@zuyderland.example", token, zuyderland);
    const page = await call(invite.loader, get(`/invite/${token}`), { token });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ ssoRequired: false });
  });
});

describe("erasing a person with a linked provider identity", () => {
  it("puts the identity's issuer (no tokens) in the person's own export, and erasure deletes the identity row", async () => {
    const db = getDb();
    const tom = userId("tom.peeters@zas.example");
    db.insert(ssoIdentities)
      .values({
        organisationId: zasId,
        issuer,
        subject: "subject-of-tom-0001",
        userId: tom,
        lastSignInAt: new Date().toISOString(),
      })
      .run();

    const exported = await call(accountExport.loader, get("/account/export", cookieFor("tom.peeters@zas.example")));
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ singleSignOn: [{ issuer, subject: "subject-of-tom-0001" }] });
    expect(JSON.stringify(exported.body)).not.toMatch(/idToken|id_token|Sealed|secret/i);

    const hr = cookieFor("hr@zas.example");
    expect(
      (
        await call(
          hrPeople.action,
          post("/hr/people", { intent: "deactivate", userId: String(tom), confirm: "yes" }, hr),
        )
      ).status,
    ).toBe(200);
    const erased = await call(
      hrPeople.action,
      post("/hr/people", { intent: "erase", userId: String(tom), confirm: "yes" }, hr),
    );
    expect(erased.status).toBe(200);
    expect(db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, tom)).all()).toEqual([]);
    expect(db.select().from(ssoIdentities).where(eq(ssoIdentities.subject, "subject-of-tom-0001")).all()).toEqual([]);
  });
});

describe("rate limit on starting a sign-in with the organisation", () => {
  it("lets at most LOGIN_MAX_PER_IP starts through from one address, also in parallel, then a translated 429", async () => {
    const ip = "198.51.100.21";
    const max = 30;
    const answers = await Promise.all(
      Array.from({ length: max + 8 }, () =>
        from(ip, ssoStart.action, post("/login/sso", { email: "someone@zas.example" })),
      ),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(8);
    expect(answers.filter((a) => a.status !== 429).every((a) => a.status === 503)).toBe(true);
    expect(limited[0]?.body).toMatchObject({ formError: "sso.errors.tooManyStarts", formErrorParams: { minutes: 15 } });
    expect(translate("nl", "sso.errors.tooManyStarts", { minutes: 15 })).toMatch(/15 minuten/);
    expect(translate("en", "sso.errors.tooManyStarts", { minutes: 15 })).toMatch(/15 minutes/);
    expect(getDb().select().from(ssoLoginStates).all()).toEqual([]);
    // Another address is not held up by the first.
    expect(
      (await from("198.51.100.22", ssoStart.action, post("/login/sso", { email: "someone@zas.example" }))).status,
    ).toBe(503);
  });

  it("asks a provider that does not answer sensibly once for a burst of starts from many addresses, not once per start", async () => {
    const provider = await garbageProvider();
    const { organisation } = createCareOrganisation();
    configure(organisation.id, provider.issuer, "burst.example", null);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        from(`198.51.100.${40 + i}`, ssoStart.action, post("/login/sso", { email: "someone@burst.example" })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([503, 503, 503, 503, 503, 503]);
    expect(answers[0]?.body).toMatchObject({ formError: "sso.errors.providerUnavailable" });
    expect(
      (await from("198.51.100.50", ssoStart.action, post("/login/sso", { email: "other@burst.example" }))).status,
    ).toBe(503);
    expect(provider.hits).toBe(1);
  });

  it("limits failed callbacks from one address too, with a translated 429", async () => {
    const ip = "198.51.100.31";
    const answers = await Promise.all(
      Array.from({ length: 34 }, (_, i) =>
        from(
          ip,
          ssoCallback.loader,
          get(
            `/login/sso/callback?code=abc&state=state-that-was-never-issued-${i}`,
            `portal_sso=state-that-was-never-issued-${i}`,
          ),
        ),
      ),
    );
    expect(answers.filter((a) => a.status === 429)).toHaveLength(4);
    expect(answers.filter((a) => a.status === 400)).toHaveLength(30);
    expect(answers.find((a) => a.status === 429)?.body).toMatchObject({ formError: "sso.errors.tooManyStarts" });
    expect(
      getDb()
        .select()
        .from(loginAttempts)
        .all()
        .filter((r) => r.key.endsWith(ip)).length,
    ).toBe(30);
  });
});

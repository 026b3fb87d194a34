// Single sign-on against a real OpenID Connect provider on localhost (issue 15): configuration checked by
// discovery, the code flow with PKCE, tokens verified (issuer, audience, nonce, expiry, signature), single-use
// state, just-in-time accounts, linking, and SSO required with a break-glass account.
import http from "node:http";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departments, invitations, memberships, organisations, sessions, users } from "@db/schema";
import { ssoConfigurations, ssoDomains, ssoLoginStates } from "@db/schema-sso";
import * as adminSso from "~/routes/admin.organisations.$id_.sso";
import * as forgotPassword from "~/routes/forgot-password";
import * as login from "~/routes/login";
import * as ssoCallback from "~/routes/login_.sso_.callback";
import * as ssoStart from "~/routes/login_.sso";
import * as logout from "~/routes/logout";
import { getDb } from "~/utils/db.server";
import { getCurrentUser } from "~/utils/session.server";
import { startOidcProvider, type TestProvider } from "../support/oidc-provider";
import { call, cookieFor, DEMO_PASSWORD, get, post, seeded, userId } from "../support/requests";
import { freePort } from "../support/server";
import { signInAtProvider } from "../support/sso-browser";

const CALLBACK = "http://portal.test/login/sso/callback";
const PASSWORD = "provider-password-1";
let provider: TestProvider;
let zasId: number;
let zuyderlandId: number;
let admin: string;

const person = (login: string, email: string, extra: Record<string, unknown> = {}) => ({
  login,
  password: PASSWORD,
  claims: { email, email_verified: true, name: login, ...extra },
});

beforeAll(async () => {
  await seeded();
  provider = await startOidcProvider({
    redirectUris: [CALLBACK],
    postLogoutRedirectUris: ["http://portal.test/login"],
    users: [
      person("nurse", "fatima.nurse@zas.example", { name: "Fatima El Idrissi", department: "Geriatrie" }),
      person("unknown-department", "pieter.new@zas.example", { department: "Afdeling die niet bestaat" }),
      person("invitee", "invitee@zas.example"),
      person("jonas", "verpleegkundige@zas.example"),
      person("amal", "nieuwkomer@zas.example"),
      person("tamper", "tamper.target@zas.example"),
      person("outsider", "someone@elsewhere.example"),
      person("unverified", "unverified@zas.example", { email_verified: false }),
    ],
  });
  const db = getDb();
  zasId = db.select().from(organisations).where(eq(organisations.name, "ZAS Ziekenhuis aan de Stroom")).get()?.id ?? 0;
  zuyderlandId =
    db.select().from(organisations).where(eq(organisations.name, "Zuyderland Medisch Centrum")).get()?.id ?? 0;
  admin = cookieFor("admin@portal.example");
});

afterAll(async () => {
  await provider?.stop();
});

function settings(fields: Record<string, string> = {}) {
  return {
    intent: "save",
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    domains: "zas.example",
    departmentClaim: "department",
    ...fields,
  };
}

async function save(organisationId: number, fields: Record<string, string>, cookie = admin) {
  return call(adminSso.action, post(`/admin/organisations/${organisationId}/sso`, fields, cookie), {
    id: String(organisationId),
  });
}

/** Starts at the portal, signs in at the provider, and returns the callback as the browser would call it. */
async function throughProvider(email: string, login: string) {
  const started = await call(ssoStart.action, post("/login/sso", { email }));
  expect(started.status).toBe(200);
  const url = (started.body as { url: string }).url;
  const stateCookie = (started.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
  const callbackUrl = await signInAtProvider(url, login, PASSWORD, CALLBACK);
  return { callbackUrl, stateCookie };
}

async function callBack(callbackUrl: string, stateCookie: string) {
  const path = callbackUrl.slice("http://portal.test".length);
  return call(ssoCallback.loader, get(path, stateCookie));
}

function sessionFrom(response: { headers: Headers }): string {
  const line = response.headers
    .getSetCookie()
    .find((c) => c.startsWith("portal_session=") && !c.startsWith("portal_session=;"));
  return line?.split(";")[0] ?? "";
}

const account = (email: string) =>
  getDb()
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      role: memberships.role,
      organisationId: memberships.organisationId,
      departmentId: memberships.departmentId,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, email))
    .get();

describe("configuring single sign-on", () => {
  it("refuses an issuer that does not answer, and saves nothing", async () => {
    const port = await freePort();
    const refused = await save(zasId, settings({ issuer: `http://127.0.0.1:${port}` }));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errors: { issuer: ["sso.validation.issuerUnreachable"] } });
    expect(getDb().select().from(ssoConfigurations).all()).toEqual([]);
    expect(getDb().select().from(ssoDomains).all()).toEqual([]);
  });

  it("refuses an issuer that answers garbage, and saves nothing", async () => {
    const garbage = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end('{"issuer": "http://somewhere.else", "authorization_endpoint": 12');
    });
    const port = await freePort();
    await new Promise<void>((resolve) => garbage.listen(port, "127.0.0.1", resolve));
    try {
      const refused = await save(zasId, settings({ issuer: `http://127.0.0.1:${port}` }));
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ errors: { issuer: ["sso.validation.issuerGarbage"] } });
      expect(getDb().select().from(ssoConfigurations).all()).toEqual([]);
    } finally {
      garbage.close();
    }
  });

  it("refuses plain http to another machine, bad domains, and anyone but the admin", async () => {
    expect((await save(zasId, settings({ issuer: "http://login.example.org" }))).body).toMatchObject({
      errors: { issuer: ["sso.validation.issuerHttps"] },
    });
    expect((await save(zasId, settings({ domains: "zas example; <script>" }))).status).toBe(400);
    const hr = await save(zasId, settings(), cookieFor("hr@zas.example"));
    expect(hr.status).toBe(403);
    const foreign = await save(999_999, settings());
    expect(foreign.status).toBe(404);
    expect(getDb().select().from(ssoConfigurations).all()).toEqual([]);
  });

  it("saves a provider that answers, with its secret sealed", async () => {
    const saved = await save(zasId, settings());
    expect(saved.status).toBe(200);
    const row = getDb().select().from(ssoConfigurations).where(eq(ssoConfigurations.organisationId, zasId)).get();
    expect(row?.issuer).toBe(provider.issuer);
    expect(row?.clientSecretSealed).toMatch(/^v1\./);
    expect(row?.clientSecretSealed).not.toContain(provider.clientSecret);
    expect(getDb().select().from(ssoDomains).all()).toEqual([{ domain: "zas.example", organisationId: zasId }]);
  });

  it("refuses a domain another organisation already claims, and changes nothing there", async () => {
    const refused = await save(zuyderlandId, settings({ domains: "zuyderland.example\nzas.example" }));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      formError: "sso.errors.domainTaken",
      formErrorParams: { domain: "zas.example" },
    });
    expect(
      getDb().select().from(ssoConfigurations).where(eq(ssoConfigurations.organisationId, zuyderlandId)).get(),
    ).toBeUndefined();
    expect(getDb().select().from(ssoDomains).all()).toEqual([{ domain: "zas.example", organisationId: zasId }]);
  });
});

describe("signing in with the organisation", () => {
  it("answers an unknown domain with a translated 404 and keeps no state", async () => {
    const refused = await call(ssoStart.action, post("/login/sso", { email: "someone@unknown.example" }));
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ formError: "sso.errors.unknownDomain" });
    expect(getDb().select().from(ssoLoginStates).all()).toEqual([]);
  });

  it("creates a nurse just in time, as employee in the department her claim names, without a password", async () => {
    const { callbackUrl, stateCookie } = await throughProvider("fatima.nurse@zas.example", "nurse");
    const done = await callBack(callbackUrl, stateCookie);
    expect(done.status).toBe(302);
    expect(done.location).toBe("/me");
    const created = account("fatima.nurse@zas.example");
    const geriatrie = getDb()
      .select()
      .from(departments)
      .where(and(eq(departments.organisationId, zasId), eq(departments.name, "Geriatrie")))
      .get();
    expect(created).toMatchObject({
      role: "employee",
      organisationId: zasId,
      departmentId: geriatrie?.id,
      passwordHash: null,
    });
    expect(getCurrentUser(get("/me", sessionFrom(done)))?.email).toBe("fatima.nurse@zas.example");

    // The same state a second time: refused, and no second session.
    const before = getDb()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, created?.id ?? 0))
      .all().length;
    const replay = await callBack(callbackUrl, stateCookie);
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ formError: "sso.errors.stateUnknown" });
    expect(
      getDb()
        .select()
        .from(sessions)
        .where(eq(sessions.userId, created?.id ?? 0))
        .all().length,
    ).toBe(before);
  });

  it("signs a returning person in as the same account", async () => {
    const first = account("fatima.nurse@zas.example");
    const { callbackUrl, stateCookie } = await throughProvider("fatima.nurse@zas.example", "nurse");
    const done = await callBack(callbackUrl, stateCookie);
    expect(done.status).toBe(302);
    expect(getCurrentUser(get("/me", sessionFrom(done)))?.id).toBe(first?.id);
  });

  it("puts a new person whose department claim is unknown in no department (no default set)", async () => {
    const { callbackUrl, stateCookie } = await throughProvider("pieter.new@zas.example", "unknown-department");
    expect((await callBack(callbackUrl, stateCookie)).status).toBe(302);
    expect(account("pieter.new@zas.example")).toMatchObject({ organisationId: zasId, departmentId: null });
  });

  it("accepts an invitation of the organisation: the invited role and department, and the invitation is used", async () => {
    const sociale = getDb()
      .select()
      .from(departments)
      .where(and(eq(departments.organisationId, zasId), eq(departments.name, "Sociale dienst")))
      .get();
    const invitation = getDb()
      .insert(invitations)
      .values({
        tokenHash: "invite-sso-test",
        email: "invitee@zas.example",
        name: "Invited Person",
        organisationId: zasId,
        departmentId: sociale?.id ?? null,
        role: "hr",
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .returning({ id: invitations.id })
      .get();
    const { callbackUrl, stateCookie } = await throughProvider("invitee@zas.example", "invitee");
    const done = await callBack(callbackUrl, stateCookie);
    expect(done.location).toBe("/hr");
    expect(account("invitee@zas.example")).toMatchObject({
      role: "hr",
      organisationId: zasId,
      departmentId: sociale?.id,
      passwordHash: null,
    });
    expect(
      getDb().select().from(invitations).where(eq(invitations.id, invitation.id)).get()?.acceptedAt,
    ).not.toBeNull();
  });

  it("links an existing account of the organisation by its address and removes its portal password", async () => {
    const before = account("verpleegkundige@zas.example");
    expect(before?.passwordHash).toBeTruthy();
    const { callbackUrl, stateCookie } = await throughProvider("verpleegkundige@zas.example", "jonas");
    const done = await callBack(callbackUrl, stateCookie);
    expect(done.status).toBe(302);
    expect(getCurrentUser(get("/me", sessionFrom(done)))?.id).toBe(before?.id);
    expect(account("verpleegkundige@zas.example")?.passwordHash).toBeNull();
  });

  it("refuses an address outside the organisation's domains, or one the provider calls unverified", async () => {
    for (const [email, login] of [
      ["fatima.nurse@zas.example", "outsider"],
      ["unverified@zas.example", "unverified"],
    ] as const) {
      const { callbackUrl, stateCookie } = await throughProvider(email, login);
      const refused = await callBack(callbackUrl, stateCookie);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ formError: "sso.errors.addressOutsideDomains" });
    }
    expect(account("someone@elsewhere.example")).toBeUndefined();
    expect(account("unverified@zas.example")).toBeUndefined();
  });
});

describe("tokens the portal must refuse", () => {
  const cases: [string, (claims: Record<string, unknown>) => Record<string, unknown>][] = [
    ["a wrong issuer", (c) => ({ ...c, iss: "http://localhost:1/evil" })],
    ["a wrong audience", (c) => ({ ...c, aud: "some-other-client" })],
    [
      "an expired token",
      (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }),
    ],
    ["a wrong nonce", (c) => ({ ...c, nonce: "not-the-nonce-we-sent" })],
  ];
  for (const [what, change] of cases) {
    it(`refuses ${what}: 403, no account, no session`, async () => {
      const { callbackUrl, stateCookie } = await throughProvider("tamper.target@zas.example", "tamper");
      provider.tamper(change);
      try {
        const refused = await callBack(callbackUrl, stateCookie);
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ formError: "sso.errors.tokenInvalid" });
        expect(sessionFrom(refused)).toBe("");
      } finally {
        provider.tamper(null);
      }
      expect(account("tamper.target@zas.example")).toBeUndefined();
    });
  }

  it("refuses a token signed with a key the provider does not publish", async () => {
    const { callbackUrl, stateCookie } = await throughProvider("tamper.target@zas.example", "tamper");
    provider.forgeSignature(true);
    try {
      const refused = await callBack(callbackUrl, stateCookie);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ formError: "sso.errors.tokenInvalid" });
    } finally {
      provider.forgeSignature(false);
    }
    expect(account("tamper.target@zas.example")).toBeUndefined();
  });

  it("accepts the same person once the provider behaves (the refusals above were the tampering)", async () => {
    const { callbackUrl, stateCookie } = await throughProvider("tamper.target@zas.example", "tamper");
    expect((await callBack(callbackUrl, stateCookie)).status).toBe(302);
  });
});

describe("the callback with bad input", () => {
  it("answers missing, garbage and doubled parameters, a foreign state and a provider error with a translated 4xx", async () => {
    const { stateCookie } = await throughProvider("fatima.nurse@zas.example", "nurse");
    const state = stateCookie.split("=")[1] ?? "";
    const cases: [string, string | undefined, number, string][] = [
      ["/login/sso/callback", stateCookie, 400, "sso.errors.badCallback"],
      ["/login/sso/callback?code=abc", stateCookie, 400, "sso.errors.badCallback"],
      [`/login/sso/callback?code=a%20b&state=${state}`, stateCookie, 400, "sso.errors.badCallback"],
      [`/login/sso/callback?code=a&code=b&state=${state}`, stateCookie, 400, "sso.errors.badCallback"],
      [`/login/sso/callback?code=abc&state=${state}`, undefined, 400, "sso.errors.stateUnknown"],
      ["/login/sso/callback?code=abc&state=someone-elses-state-value", stateCookie, 400, "sso.errors.stateUnknown"],
      [`/login/sso/callback?error=access_denied&state=${state}`, stateCookie, 403, "sso.errors.providerRefused"],
      [`/login/sso/callback?code=abc&state=${state}`, stateCookie, 400, "sso.errors.stateUnknown"],
    ];
    const sessionsBefore = getDb().select().from(sessions).all().length;
    for (const [path, cookie, status, message] of cases) {
      const response = await call(ssoCallback.loader, get(path, cookie));
      expect(response.status, path).toBe(status);
      expect(response.body, path).toMatchObject({ formError: message });
    }
    expect(getDb().select().from(sessions).all().length).toBe(sessionsBefore);
  });

  it("answers a start form without a valid address with 400 and keeps no state", async () => {
    const before = getDb().select().from(ssoLoginStates).all().length;
    const refused = await call(ssoStart.action, post("/login/sso", { email: "not an address" }));
    expect(refused.status).toBe(400);
    expect(getDb().select().from(ssoLoginStates).all().length).toBe(before);
  });
});

describe("an organisation that requires SSO", () => {
  beforeAll(async () => {
    const refused = await save(zasId, settings({ clientSecret: "", requireSso: "on" }));
    expect(refused.body).toMatchObject({ errors: { breakGlassUserId: ["sso.validation.breakGlassRequired"] } });
    const saved = await save(
      zasId,
      settings({ clientSecret: "", requireSso: "on", breakGlassUserId: String(userId("hr@zas.example")) }),
    );
    expect(saved.status).toBe(200);
  });

  it("refuses password sign-in and password reset for its members, with the explanation", async () => {
    const refused = await call(
      login.action,
      post("/login", { email: "nieuwkomer@zas.example", password: DEMO_PASSWORD }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ formError: "sso.passwordRefused" });
    expect(sessionFrom(refused)).toBe("");
    const reset = await call(forgotPassword.action, post("/forgot-password", { email: "nieuwkomer@zas.example" }));
    expect(reset.status).toBe(403);
    expect(reset.body).toMatchObject({ formError: "sso.resetRefused" });
  });

  it("still lets the break-glass account in with its password", async () => {
    const done = await call(login.action, post("/login", { email: "hr@zas.example", password: DEMO_PASSWORD }));
    expect(done.status).toBe(302);
    expect(done.location).toBe("/hr");
  });

  it("leaves other organisations' password sign-in alone", async () => {
    const done = await call(login.action, post("/login", { email: "hr@zuyderland.example", password: DEMO_PASSWORD }));
    expect(done.status).toBe(302);
  });

  it("signs an SSO session out at the provider too (RP-initiated logout)", async () => {
    const { callbackUrl, stateCookie } = await throughProvider(
      "amal-at-provider@zas.example".replace("amal-at-provider", "nieuwkomer"),
      "amal",
    );
    const done = await callBack(callbackUrl, stateCookie);
    const session = sessionFrom(done);
    expect(getCurrentUser(get("/newcomer", session))?.email).toBe("nieuwkomer@zas.example");
    const out = await call(logout.action, post("/logout", {}, session));
    expect(out.status).toBe(200);
    const providerUrl = new URL((out.body as { providerUrl: string }).providerUrl);
    expect(providerUrl.origin).toBe(provider.issuer);
    expect(providerUrl.searchParams.get("id_token_hint")).toBeTruthy();
    expect(getCurrentUser(get("/newcomer", session))).toBeNull();
  });
});

// The whole route × role matrix over real HTTP against the production server.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn } from "../support/mail";
import { signIn, startServer, type RunningServer } from "../support/server";

type Role = "anonymous" | "admin" | "partner" | "hr" | "employee" | "newcomer";
const LOGINS: Record<Exclude<Role, "anonymous">, string> = {
  admin: "admin@portal.example",
  partner: "onderzoek@thomasmore.example",
  hr: "hr@zas.example",
  employee: "verpleegkundige@zas.example",
  newcomer: "nieuwkomer@zas.example",
};
const ROLES: Role[] = ["anonymous", "admin", "partner", "hr", "employee", "newcomer"];

let server: RunningServer;
const cookies: Partial<Record<Role, string>> = {};
let ids: Record<string, number>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer();
  for (const role of Object.keys(LOGINS) as (keyof typeof LOGINS)[]) cookies[role] = await signIn(server, LOGINS[role]);
  const zuyderlandHr = await signIn(server, "hr@zuyderland.example");
  await fetch(`${server.url}/hr/people`, {
    method: "POST",
    headers: { Cookie: zuyderlandHr, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      intent: "invite",
      name: "Joep Huls",
      email: "joep.huls@zuyderland.example",
      role: "employee",
    }),
  });
  const db = new Database(server.databasePath, { readonly: true });
  const one = (sql: string) => (db.prepare(sql).get() as { id: number }).id;
  ids = {
    zas: one("select id from organisations where name like 'ZAS%'"),
    zuyderlandEmployee: one("select id from users where email = 'iris.janssen@zuyderland.example'"),
    zuyderlandInvitationId: one("select id from invitations where email = 'joep.huls@zuyderland.example'"),
    zasScan: one(
      "select s.id from scans s join organisations o on o.id = s.organisation_id where o.name like 'ZAS%' and s.status = 'submitted'",
    ),
    zuyderlandScan: one(
      "select s.id from scans s join organisations o on o.id = s.organisation_id where o.name like 'Zuyderland%'",
    ),
    zasNewcomer: one(
      "select n.id from newcomer_records n join organisations o on o.id = n.organisation_id where o.name like 'ZAS%'",
    ),
    zuyderlandNewcomer: one(
      "select n.id from newcomer_records n join organisations o on o.id = n.organisation_id where o.name like 'Zuyderland%'",
    ),
    zasMatch: one(
      "select m.id from matches m join organisations o on o.id = m.organisation_id where o.name like 'ZAS%' and m.status = 'active'",
    ),
    ownProposal: one(
      "select m.id from matches m join buddy_profiles b on b.id = m.buddy_id join users u on u.id = b.user_id where u.email = 'verpleegkundige@zas.example' and m.status = 'proposed'",
    ),
    zasDraftScan: one(
      "select s.id from scans s join organisations o on o.id = s.organisation_id where o.name like 'ZAS%' and s.status = 'draft'",
    ),
  };
  db.close();

  // Live tokens and a matching run, so the actions behind them get as far as reading the body.
  await fetch(`${server.url}/hr/people`, {
    method: "POST",
    headers: { Cookie: cookies.hr ?? "", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      intent: "invite",
      name: "Matrix Invitee",
      email: "matrix.invitee@zas.example",
      role: "employee",
    }),
  });
  tokens.invite =
    new URL(
      linkIn((await server.mail.waitFor((m) => m.to.includes("matrix.invitee@zas.example"))).text, "/invite/"),
    ).pathname.split("/")[2] ?? "";
  await fetch(`${server.url}/forgot-password`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "email=nieuwkomer%40zas.example",
  });
  tokens.reset =
    new URL(
      linkIn(
        (
          await server.mail.waitFor(
            (m) => m.to.includes("nieuwkomer@zas.example") && m.text.includes("/reset-password/"),
          )
        ).text,
        "/reset-password/",
      ),
    ).pathname.split("/")[2] ?? "";
  const run = await fetch(`${server.url}/hr/matching?index`, {
    method: "POST",
    headers: { Cookie: cookies.hr ?? "", "Content-Type": "application/x-www-form-urlencoded" },
    body: "intent=run",
    redirect: "manual",
  });
  ids.run = Number(/\/hr\/matching\/runs\/(\d+)/.exec(run.headers.get("location") ?? "")?.[1]);
  expect(ids.run).toBeGreaterThan(0);
});

afterAll(async () => {
  await server?.stop();
});

async function request(role: Role, path: string, form?: Record<string, string>) {
  const headers: Record<string, string> = {};
  const cookie = cookies[role];
  if (cookie) headers.Cookie = cookie;
  if (form) headers["Content-Type"] = "application/x-www-form-urlencoded";
  const response = await fetch(`${server.url}${path}`, {
    method: form ? "POST" : "GET",
    headers,
    body: form ? new URLSearchParams(form) : undefined,
    redirect: "manual",
  });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get("location") };
}

// Expected outcome per role: a status, or "login" for a redirect to the sign-in page.
type Cell = number | "login";
const only = (allowed: Role[], ok: Cell = 200): Record<Role, Cell> =>
  Object.fromEntries(ROLES.map((r) => [r, r === "anonymous" ? "login" : allowed.includes(r) ? ok : 403])) as Record<
    Role,
    Cell
  >;

const PAGES: [string, Record<Role, Cell>][] = [
  ["/admin", only(["admin"])],
  ["/admin/organisations", only(["admin"])],
  ["/admin/organisations/new", only(["admin"])],
  ["/admin/organisations/{zas}", only(["admin"])],
  ["/admin/users", only(["admin"])],
  ["/admin/audit", only(["admin"])],
  ["/admin/mailbox", only(["admin"])],
  ["/partner", only(["partner"])],
  ["/hr", only(["hr"])],
  ["/hr/people", only(["hr"])],
  ["/hr/import", only(["hr"])],
  ["/admin/organisations/{zas}/import", only(["admin"])],
  ["/import-template?format=csv&lang=nl", only(["hr", "admin"])],
  ["/hr/organisation", only(["hr"])],
  ["/me", only(["employee"])],
  ["/newcomer", only(["newcomer"])],
  ["/pulse", only(["newcomer", "employee"])],
  ["/hr/pulse", only(["hr"])],
  ["/partner/pulse", only(["partner", "admin"])],
  ["/me/buddy/introduction", only(["employee"])],
  ["/admin/indicators", only(["admin"])],
  ["/admin/indicators/export", only(["admin"])],
  ["/partner/benchmark", only(["partner"])],
  ["/partner/benchmark/export", only(["partner"])],
  ["/partner/indicators", only(["partner"])],
  ["/partner/indicators/export", only(["partner"])],
  ["/hr/scans", only(["hr"])],
  ["/hr/scans/{zasScan}", only(["hr"])],
  ["/hr/scans/{zasScan}/results", only(["hr"])],
  ["/hr/scans/{zasScan}/actions", only(["hr"])],
  ["/hr/scans/{zasScan}/report", only(["hr"])],
  ["/hr/scans/{zasScan}/export.csv", only(["hr"])],
  ["/hr/scans/{zasScan}/export.json", only(["hr"])],
  ["/hr/scans/{zasScan}/export.xlsx", only(["hr"])],
  ["/hr/scans/{zuyderlandScan}", only(["hr"], 404)],
  ["/hr/scans/{zuyderlandScan}/results", only(["hr"], 404)],
  ["/hr/scans/{zuyderlandScan}/actions", only(["hr"], 404)],
  ["/hr/scans/{zuyderlandScan}/export.csv", only(["hr"], 404)],
  ["/hr/benchmark", only(["hr"])],
  ["/hr/modules", only(["hr"])],
  // Per-person completion exists for modules the organisation assigned; others are not found.
  ["/hr/modules/intercultural-communication", only(["hr"])],
  ["/hr/modules/being-a-buddy", only(["hr"], 404)],
  ["/hr/modules/export", only(["hr"])],
  ["/hr/newcomers", only(["hr"])],
  ["/hr/newcomers/new", only(["hr"])],
  ["/hr/newcomers/{zasNewcomer}", only(["hr"])],
  ["/hr/newcomers/{zasNewcomer}/export", only(["hr"])],
  ["/hr/newcomers/{zuyderlandNewcomer}", only(["hr"], 404)],
  ["/hr/newcomers/{zuyderlandNewcomer}/export", only(["hr"], 404)],
  ["/hr/matching", only(["hr"])],
  ["/hr/matching/matches/{zasMatch}", only(["hr"])],
  ["/hr/buddies", only(["hr"])],
  // HR staff take modules too (several are written for HR).
  ["/me/modules", only(["hr", "employee", "newcomer"])],
  ["/me/modules/being-a-buddy", only(["hr", "employee", "newcomer"])],
  ["/me/modules/being-a-buddy/check", only(["hr", "employee", "newcomer"])],
  ["/me/buddy", only(["employee"])],
  ["/me/buddy/profile", only(["employee"])],
  ["/me/buddy/proposals/{ownProposal}", only(["employee"])],
  // The demo's active match is Lieve's: a colleague's match is refused with a message (decision 033).
  ["/me/buddy/matches/{zasMatch}", only(["employee"], 403)],
  ["/account", only(["admin", "partner", "hr", "employee", "newcomer"])],
  ["/account/export", only(["admin", "partner", "hr", "employee", "newcomer"])],
  ["/account/second-factor", only(["admin", "partner", "hr", "employee", "newcomer"])],
];

describe("route × role matrix (GET)", () => {
  for (const [template, expected] of PAGES) {
    for (const role of ROLES) {
      it(`${role} → ${template} is ${expected[role]}`, async () => {
        const path = template.replace(/\{(\w+)\}/g, (_, key: string) => String(ids[key]));
        const result = await request(role, path);
        if (expected[role] === "login") {
          expect(result.status).toBe(302);
          expect(result.location).toMatch(/^\/login\?redirectTo=/);
        } else {
          expect(result.status).toBe(expected[role]);
        }
      });
    }
  }
});

describe("unknown and foreign ids", () => {
  it.each([
    ["/admin/organisations/999999", 404],
    ["/admin/organisations/abc", 404],
    ["/admin/organisations/1e3", 404],
    ["/does-not-exist", 404],
  ])("admin GET %s → %i", async (path, status) => {
    expect((await request("admin", path)).status).toBe(status);
  });

  it("HR cannot deactivate another organisation's user: 404 and nothing changes", async () => {
    const result = await request("hr", "/hr/people", {
      intent: "deactivate",
      userId: String(ids.zuyderlandEmployee),
      confirm: "yes",
    });
    expect(result.status).toBe(404);
    const db = new Database(server.databasePath, { readonly: true });
    const row = db.prepare("select status from users where id = ?").get(ids.zuyderlandEmployee) as { status: string };
    db.close();
    expect(row.status).toBe("active");
  });

  it("HR of another organisation gets 404 for ZAS's scan, newcomer and match, and nothing of their content", async () => {
    const zuyderlandHr = await signIn(server, "hr@zuyderland.example");
    for (const path of [
      `/hr/scans/${ids.zasScan}/results`,
      `/hr/newcomers/${ids.zasNewcomer}`,
      `/hr/matching/matches/${ids.zasMatch}`,
      `/hr/newcomers/${ids.zasNewcomer}/export`,
    ]) {
      const response = await fetch(`${server.url}${path}`, { headers: { Cookie: zuyderlandHr }, redirect: "manual" });
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("Amal");
    }
  });

  it("HR cannot revoke another organisation's invitation", async () => {
    const result = await request("hr", "/hr/people", {
      intent: "revoke",
      invitationId: String(ids.zuyderlandInvitationId),
    });
    expect(result.status).toBe(404);
  });

  it.each([
    ["employee", "/hr/people", 403],
    ["partner", "/admin/users", 403],
    ["newcomer", "/admin/organisations/new", 403],
    ["anonymous", "/admin/users", 302],
  ] as const)("%s POST %s → %i", async (role, path, status) => {
    const result = await request(role, path, { intent: "deactivate", userId: "1", confirm: "yes" });
    expect(result.status).toBe(status);
  });

  it("answers malformed ids and intents with 400, not 500", async () => {
    expect(
      (await request("admin", "/admin/users", { intent: "deactivate", userId: "abc", confirm: "yes" })).status,
    ).toBe(400);
    expect((await request("admin", "/admin/users", { intent: "explode" })).status).toBe(400);
    expect(
      (await request("admin", `/admin/organisations/${ids.zas}`, { intent: "update", name: "", country: "FR" })).status,
    ).toBe(400);
  });
});

describe("security headers and limits", () => {
  it("sends a nonce CSP that matches the page's scripts, and the usual headers", async () => {
    const response = await fetch(`${server.url}/login`);
    const html = await response.text();
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("'unsafe-inline' 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("x-powered-by")).toBeNull();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = (await fetch(`${server.url}/login`)).headers.get("content-security-policy");
    expect(second).not.toBe(csp);
  });

  it("refuses an oversized form with a translated 413 and a cross-site post with 403", async () => {
    const big = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "en" },
      body: `email=${"a".repeat(300_000)}`,
    });
    expect(big.status).toBe(413);
    expect(await big.text()).toMatch(/too large/i);
    const crossSite = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      body: "email=a%40b.c&password=x",
    });
    expect(crossSite.status).toBe(403);
  });

  it("answers /healthz with ok after a database query", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

// Every action, with the role that may use it: what its forms never send must be refused before it acts.
const ACTIONS: [file: string, path: string, role: Role | "signOut"][] = [
  ["login.tsx", "/login", "anonymous"],
  ["forgot-password.tsx", "/forgot-password", "anonymous"],
  ["reset-password.$token.tsx", "/reset-password/{reset}", "anonymous"],
  ["invite.$token.tsx", "/invite/{invite}", "anonymous"],
  ["language.tsx", "/language", "anonymous"],
  ["logout.tsx", "/logout", "signOut"],
  ["account.tsx", "/account", "hr"],
  ["admin.organisations.new.tsx", "/admin/organisations/new", "admin"],
  ["admin.organisations.$id.tsx", "/admin/organisations/{zas}", "admin"],
  ["admin.users.tsx", "/admin/users", "admin"],
  ["hr.people.tsx", "/hr/people", "hr"],
  ["hr.import.tsx", "/hr/import", "hr"],
  ["admin.organisations.$id_.import.tsx", "/admin/organisations/{zas}/import", "admin"],
  ["hr.scans._index.tsx", "/hr/scans?index", "hr"],
  ["hr.scans.$scanId.tsx", "/hr/scans/{zasDraftScan}", "hr"],
  ["hr.scans.$scanId_.answers.ts", "/hr/scans/{zasDraftScan}/answers", "hr"],
  ["hr.scans.$scanId_.actions.tsx", "/hr/scans/{zasScan}/actions", "hr"],
  ["hr.modules._index.tsx", "/hr/modules?index", "hr"],
  ["hr.newcomers.new.tsx", "/hr/newcomers/new", "hr"],
  ["hr.newcomers.$id.tsx", "/hr/newcomers/{zasNewcomer}", "hr"],
  ["hr.newcomers.$id_.trajectory.tsx", "/hr/newcomers/{zasNewcomer}/trajectory", "hr"],
  ["hr.newcomers.trajectories.tsx", "/hr/newcomers/trajectories", "hr"],
  ["hr.matching._index.tsx", "/hr/matching?index", "hr"],
  ["hr.matching.runs.$id.tsx", "/hr/matching/runs/{run}", "hr"],
  ["hr.matching.matches.$id.tsx", "/hr/matching/matches/{zasMatch}", "hr"],
  ["hr.matching.rematch.$id.tsx", "/hr/matching/rematch/{zasNewcomer}", "hr"],
  ["me.modules.$key._index.tsx", "/me/modules/being-a-buddy?index", "employee"],
  ["me.modules.$key.check.tsx", "/me/modules/being-a-buddy/check", "employee"],
  ["me.buddy.profile.tsx", "/me/buddy/profile", "employee"],
  ["me.buddy.proposals.$id.tsx", "/me/buddy/proposals/{ownProposal}", "employee"],
  ["me.buddy.matches.$id.tsx", "/me/buddy/matches/{zasMatch}", "employee"],
  ["login_.second-factor.tsx", "/login/second-factor", "anonymous"],
  ["account_.second-factor.tsx", "/account/second-factor", "hr"],
  ["hr.pulse.tsx", "/hr/pulse", "hr"],
  ["me.buddy.introduction.tsx", "/me/buddy/introduction", "employee"],
  ["newcomer._index.tsx", "/newcomer?index", "newcomer"],
  ["pulse.tsx", "/pulse", "newcomer"],
  ["admin.outbox.tsx", "/admin/outbox", "admin"],
  ["notifications.preferences.tsx", "/notifications/preferences", "hr"],
  ["unsubscribe.$token.tsx", "/unsubscribe/not-a-token", "anonymous"],
  ["login_.sso.tsx", "/login/sso", "anonymous"],
  ["admin.organisations.$id_.sso.tsx", "/admin/organisations/{zas}/sso", "admin"],
];

// What a form post would change, minus sessions (every signed-in request touches its own) and security events.
function fingerprint(): string {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    const hash = createHash("sha256");
    const tables = (
      db
        .prepare(
          "select name from sqlite_master where type = 'table' and name not in ('sessions', 'sqlite_sequence') order by name",
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    for (const table of tables) {
      const where = table === "audit_log" ? " where action not like 'security.%'" : "";
      hash
        .update(table)
        .update(JSON.stringify(db.prepare(`select * from "${table}"${where} order by rowid`).raw().all()));
    }
    return hash.digest("hex");
  } finally {
    db.close();
  }
}

const FORM =
  "intent=update&period=2031&email=hr%40zas.example&password=Nieuwkomer-demo-2026&locale=en&name=Matrix&reason=because";
type Variant = { name: string; method: string; headers: Record<string, string>; body: string | Blob; status: number };
const VARIANTS: Variant[] = [
  {
    name: "a JSON body",
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ intent: "update", period: "2031" }),
    status: 415,
  },
  { name: "a text/plain body", method: "POST", headers: { "Content-Type": "text/plain" }, body: FORM, status: 415 },
  { name: "a body without Content-Type", method: "POST", headers: {}, body: new Blob([FORM]), status: 415 },
  {
    name: "a broken multipart body",
    method: "POST",
    headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
    body: "this is not multipart",
    status: 400,
  },
  {
    name: "PUT with a form",
    method: "PUT",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: FORM,
    status: 405,
  },
  {
    name: "PATCH with a form",
    method: "PATCH",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: FORM,
    status: 405,
  },
  {
    name: "DELETE with a form",
    method: "DELETE",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: FORM,
    status: 405,
  },
  {
    name: "Origin: null",
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "null" },
    body: FORM,
    status: 403,
  },
];

describe("every action refuses what its forms never send (non-form bodies, other methods, Origin: null)", () => {
  let before: string;
  let signOutCookie = "";
  beforeAll(async () => {
    signOutCookie = await signIn(server, "hr@zas.example");
    before = fingerprint();
  });

  it("the table covers every route module that has an action", () => {
    const withAction = fs
      .readdirSync("app/routes")
      .filter((file) => /export (async )?function action\b/.test(fs.readFileSync(`app/routes/${file}`, "utf8")))
      // The splat route (decision 164) reads no body: it answers every address no other route knows with 404, below.
      .filter((file) => file !== "$.tsx")
      .sort();
    expect(ACTIONS.map(([file]) => file).sort()).toEqual(withAction);
  });

  it("an address no route knows refuses every variant with a 4xx (404 where the method is one a form uses)", async () => {
    for (const variant of VARIANTS) {
      const response = await fetch(`${server.url}/hr/no-such-page`, {
        method: variant.method,
        headers: { ...variant.headers, Cookie: cookies.hr ?? "" },
        body: variant.body,
        redirect: "manual",
      });
      await response.arrayBuffer();
      expect([variant.name, response.status >= 400 && response.status < 500]).toEqual([variant.name, true]);
      if (variant.method === "POST" && variant.status === 415)
        expect([variant.name, response.status]).toEqual([variant.name, 404]);
    }
  });

  for (const [, template, role] of ACTIONS) {
    for (const variant of VARIANTS) {
      it(`${role} ${variant.method} ${template} with ${variant.name} → ${variant.status}`, async () => {
        const path = template.replace(/\{(\w+)\}/g, (_, key: string) => tokens[key] ?? String(ids[key]));
        const cookie = role === "signOut" ? signOutCookie : cookies[role];
        const response = await fetch(`${server.url}${path}`, {
          method: variant.method,
          headers: { ...variant.headers, "Accept-Language": "en", ...(cookie ? { Cookie: cookie } : {}) },
          body: variant.body,
          redirect: "manual",
        });
        // What the page shows, without the page's message catalogue (JSON data in the document, decision 140).
        const text = (await response.text()).replace(/<script id="portal-messages"[^>]*>[\s\S]*?<\/script>/, "");
        expect(response.status).toBe(variant.status);
        expect(text).not.toMatch(/Unexpected Server Error|Internal Server Error|Something went wrong/);
      });
    }
  }

  it("changed nothing: no row written, the sign-out session still signed in", async () => {
    expect(fingerprint()).toBe(before);
    const account = await fetch(`${server.url}/account`, { headers: { Cookie: signOutCookie }, redirect: "manual" });
    expect(account.status).toBe(200);
  });

  it("says why in the caller's language", async () => {
    for (const [language, text] of [
      ["en", "The portal only accepts what its own forms send"],
      ["nl", "Het portaal aanvaardt alleen wat zijn eigen formulieren versturen"],
    ] as const) {
      const response = await fetch(`${server.url}/hr/scans?index`, {
        method: "POST",
        headers: { Cookie: cookies.hr ?? "", "Content-Type": "application/json", "Accept-Language": language },
        body: "{}",
      });
      expect(response.status).toBe(415);
      expect(await response.text()).toContain(text);
    }
  });

  it("DELETE /hr/scans with a form does not start a scan", async () => {
    const response = await fetch(`${server.url}/hr/scans?index`, {
      method: "DELETE",
      headers: { Cookie: cookies.hr ?? "", "Content-Type": "application/x-www-form-urlencoded" },
      body: "period=2032&start=empty",
      redirect: "manual",
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
    const db = new Database(server.databasePath, { readonly: true });
    const row = db.prepare("select count(*) as n from scans where period = '2032'").get() as { n: number };
    db.close();
    expect(row.n).toBe(0);
  });

  it("writes each refused Origin: null to the audit log as a security event", () => {
    const db = new Database(server.databasePath, { readonly: true });
    const rows = db
      .prepare("select entity_id as path, detail from audit_log where action = 'security.cross_site_refused'")
      .all() as { path: string; detail: string }[];
    db.close();
    const refusedNull = new Set(rows.filter((r) => JSON.parse(r.detail).origin === "null").map((r) => r.path));
    for (const [, template] of ACTIONS) {
      const path = template
        .replace(/\{(\w+)\}/g, (_, key: string) => tokens[key] ?? String(ids[key]))
        .replace(/\?.*$/, "");
      expect(refusedNull, path).toContain(path);
    }
  });
});

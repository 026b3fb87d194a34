// The whole route × role matrix over real HTTP against the production server.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
let ids: { zas: number; zuyderlandEmployee: number; zuyderlandInvitationId: number };

beforeAll(async () => {
  server = await startServer();
  for (const role of Object.keys(LOGINS) as (keyof typeof LOGINS)[]) cookies[role] = await signIn(server, LOGINS[role]);
  const zuyderlandHr = await signIn(server, "hr@zuyderland.example");
  await fetch(`${server.url}/hr/people`, {
    method: "POST",
    headers: { Cookie: zuyderlandHr, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "invite", name: "Joep Huls", email: "joep.huls@zuyderland.example", role: "employee" }),
  });
  const db = new Database(server.databasePath, { readonly: true });
  const one = (sql: string) => (db.prepare(sql).get() as { id: number }).id;
  ids = {
    zas: one("select id from organisations where name like 'ZAS%'"),
    zuyderlandEmployee: one("select id from users where email = 'iris.janssen@zuyderland.example'"),
    zuyderlandInvitationId: one("select id from invitations where email = 'joep.huls@zuyderland.example'"),
  };
  db.close();
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
  Object.fromEntries(ROLES.map((r) => [r, r === "anonymous" ? "login" : allowed.includes(r) ? ok : 403])) as Record<Role, Cell>;

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
  ["/hr/organisation", only(["hr"])],
  ["/me", only(["employee"])],
  ["/newcomer", only(["newcomer"])],
  ["/account", only(["admin", "partner", "hr", "employee", "newcomer"])],
  ["/account/export", only(["admin", "partner", "hr", "employee", "newcomer"])],
];

describe("route × role matrix (GET)", () => {
  for (const [template, expected] of PAGES) {
    for (const role of ROLES) {
      it(`${role} → ${template} is ${expected[role]}`, async () => {
        const path = template.replace("{zas}", String(ids.zas));
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
    const result = await request("hr", "/hr/people", { intent: "deactivate", userId: String(ids.zuyderlandEmployee) });
    expect(result.status).toBe(404);
    const db = new Database(server.databasePath, { readonly: true });
    const row = db.prepare("select status from users where id = ?").get(ids.zuyderlandEmployee) as { status: string };
    db.close();
    expect(row.status).toBe("active");
  });

  it("HR cannot revoke another organisation's invitation", async () => {
    const result = await request("hr", "/hr/people", { intent: "revoke", invitationId: String(ids.zuyderlandInvitationId) });
    expect(result.status).toBe(404);
  });

  it.each([
    ["employee", "/hr/people", 403],
    ["partner", "/admin/users", 403],
    ["newcomer", "/admin/organisations/new", 403],
    ["anonymous", "/admin/users", 302],
  ] as const)("%s POST %s → %i", async (role, path, status) => {
    const result = await request(role, path, { intent: "deactivate", userId: "1" });
    expect(result.status).toBe(status);
  });

  it("answers malformed ids and intents with 400, not 500", async () => {
    expect((await request("admin", "/admin/users", { intent: "deactivate", userId: "abc" })).status).toBe(400);
    expect((await request("admin", "/admin/users", { intent: "explode" })).status).toBe(400);
    expect((await request("admin", `/admin/organisations/${ids.zas}`, { intent: "update", name: "", country: "FR" })).status).toBe(400);
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

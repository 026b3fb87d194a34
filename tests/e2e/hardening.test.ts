// Issue 11 over real HTTP and in Chromium: the admin's organisation form with its checkboxes off, broken
// addresses and odd methods, hand-made ?_data= requests.
import Database from "better-sqlite3";
import http from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, login, newContext, signedInPage } from "../support/browser";
import { signIn, startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Flags = { benchmark_consent: number; require_buddy_training: number; require_same_site: number };
function flags(name: string): Flags | undefined {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return db
      .prepare("select benchmark_consent, require_buddy_training, require_same_site from organisations where name = ?")
      .get(name) as Flags | undefined;
  } finally {
    db.close();
  }
}

function rawRequest(
  method: string,
  target: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}${target}`, { method, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

async function setBox(page: Page, label: RegExp, checked: boolean) {
  const box = page.getByLabel(label);
  if (checked) await box.check();
  else await box.uncheck();
}

describe("admin organisation form with checkboxes unticked (finding 7)", () => {
  it("without JavaScript: creates an organisation with every box off", async () => {
    const page = await signedInPage(browser, server.url, "admin@portal.example", { javaScriptEnabled: false });
    const context = page.context();
    await page.goto(`${server.url}/admin/organisations/new`);
    await page.getByLabel("Naam", { exact: true }).fill("Woonzorg De Linde");
    await setBox(page, /^Mag met naam verschijnen/, false);
    await setBox(page, /^Buddy's moeten de module/, false);
    await setBox(page, /^Buddy en nieuwkomer werken op dezelfde locatie/, false);
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.waitForURL(/\/admin\/organisations\/\d+\?notice=/);
    expect(await page.getByText("Organisatie aangemaakt.").count()).toBeGreaterThan(0);
    expect(flags("Woonzorg De Linde")).toEqual({
      benchmark_consent: 0,
      require_buddy_training: 0,
      require_same_site: 0,
    });
    await context.close();
  });

  it("with JavaScript: edits an organisation to every box off and back on", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, server.url, "admin@portal.example");
    await page.goto(`${server.url}/admin/organisations/new`);
    await page.getByLabel("Naam", { exact: true }).fill("Thuiszorg Het Anker");
    await setBox(page, /^Mag met naam verschijnen/, true);
    await setBox(page, /^Buddy en nieuwkomer werken op dezelfde locatie/, true);
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.waitForURL(/\/admin\/organisations\/\d+\?notice=/);
    expect(flags("Thuiszorg Het Anker")).toEqual({
      benchmark_consent: 1,
      require_buddy_training: 1,
      require_same_site: 1,
    });

    await setBox(page, /^Mag met naam verschijnen/, false);
    await setBox(page, /^Buddy's moeten de module/, false);
    await setBox(page, /^Buddy en nieuwkomer werken op dezelfde locatie/, false);
    await page.getByRole("button", { name: "Opslaan" }).first().click();
    await page.getByText("Wijzigingen opgeslagen.").first().waitFor();
    expect(flags("Thuiszorg Het Anker")).toEqual({
      benchmark_consent: 0,
      require_buddy_training: 0,
      require_same_site: 0,
    });
    await expectAccessible(page);
    await context.close();
  });
});

describe("broken addresses and odd methods (finding 4)", () => {
  it.each(["/hr/scans/%", "/%E0%A4%A", "/build/%", "/hr/scans/%ZZ"])(
    "GET %s → 400 with a translated message",
    async (target) => {
      const cookie = await signIn(server, "hr@zas.example");
      for (const [language, text] of [
        ["en", "This web address is not valid"],
        ["nl", "Dit webadres is ongeldig"],
      ] as const) {
        const response = await fetch(`${server.url}${target}`, {
          headers: { Cookie: cookie, "Accept-Language": language },
        });
        expect(response.status).toBe(400);
        expect(await response.text()).toContain(text);
      }
    },
  );

  it.each([
    ["TRACE", 405],
    ["OPTIONS", 405],
    ["PROPFIND", 501],
    ["PURGE", 501],
  ] as const)("%s / → %i with a translated message, never a 500", async (method, status) => {
    // fetch() refuses to send TRACE, so this goes through node:http.
    const response = await rawRequest(method, "/login", { "Accept-Language": "en" });
    expect(response.status).toBe(status);
    if (status === 405) expect(response.headers.allow).toBe("GET, HEAD, POST");
    expect(response.body).toMatch(status === 405 ? /not possible here/ : /does not know this kind of request/);
  });
});

describe("?_data= requests made by hand (finding 15)", () => {
  it("naming a route the address does not serve: 400 and a translated message, not 'Unexpected Server Error'", async () => {
    const cookie = await signIn(server, "hr@zas.example");
    for (const routeId of ["routes/login", "routes/admin._index", "routes/does-not-exist"]) {
      const response = await fetch(`${server.url}/hr/scans?_data=${encodeURIComponent(routeId)}`, {
        headers: { Cookie: cookie, "Accept-Language": "en" },
      });
      expect(response.status, routeId).toBe(400);
      expect(await response.json()).toEqual({
        message: "This address does not belong to the data you asked for. Nothing was loaded.",
      });
    }
  });

  it("naming the route the address serves still answers its data", async () => {
    const cookie = await signIn(server, "hr@zas.example");
    const response = await fetch(`${server.url}/hr/scans?_data=${encodeURIComponent("routes/hr.scans._index")}`, {
      headers: { Cookie: cookie },
    });
    expect(response.status).toBe(200);
  });
});

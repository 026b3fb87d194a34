// Foundation journeys in headless Chromium: sign-in per role, access limits, invitation, language.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, login, newContext, signedInPage } from "../support/browser";
import { linkIn } from "../support/mail";
import { startServer, type RunningServer } from "../support/server";
import { SWEEP_LOGINS, SWEEP_PAGES, type SweepRole } from "../support/sweep";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// Each role's menu, in order: every place in it must open (200) and pass axe.
const HOMES = [
  [
    "admin@portal.example",
    "/admin",
    [
      "/admin",
      "/admin/organisations",
      "/admin/users",
      "/admin/audit",
      "/admin/indicators",
      "/admin/outbox",
      "/admin/mailbox",
      "/account",
    ],
  ],
  [
    "onderzoek@thomasmore.example",
    "/partner",
    ["/partner", "/partner/benchmark", "/partner/indicators", "/partner/pulse", "/account"],
  ],
  [
    "hr@zas.example",
    "/hr",
    [
      "/hr",
      "/hr/scans",
      "/hr/modules",
      "/hr/newcomers",
      "/hr/matching",
      "/hr/buddies",
      "/hr/pulse",
      "/hr/benchmark",
      "/hr/people",
      "/hr/import",
      "/hr/organisation",
      "/account",
    ],
  ],
  ["verpleegkundige@zas.example", "/me", ["/me", "/me/modules", "/me/buddy", "/account"]],
  ["nieuwkomer@zas.example", "/newcomer", ["/newcomer", "/me/modules", "/account"]],
] as const;

describe("each role", () => {
  for (const [email, home, menu] of HOMES) {
    const role = (Object.keys(SWEEP_LOGINS) as Exclude<SweepRole, "public">[]).find((r) => SWEEP_LOGINS[r] === email);
    if (!role) throw new Error(`${email} is no sweep account`);
    it(`${email} signs in, lands on ${home}, and every place in their menu opens and passes axe`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await expectAccessible(page);
      await login(page, server.url, email);
      expect(new URL(page.url()).pathname).toBe(home);
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Welkom|Welcome/);
      await expectAccessible(page);
      const links = page.getByRole("navigation", { name: /^(Hoofdnavigatie|Main navigation)$/ }).getByRole("link");
      const paths = (await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")))) as string[];
      expect(paths).toEqual([...menu]);
      // Every other place in the menu opens for this session with one main heading. Their axe, width, title and
      // wording checks are the screen sweep's (tests/e2e/sweep-<role>.test.ts: every page at 1280 and 390 px in
      // both languages), so here the pages are asked for over HTTP with the browser's own cookie (decision 196).
      const cookie = (await context.cookies(server.url)).map((c) => `${c.name}=${c.value}`).join("; ");
      for (const path of paths.slice(1)) {
        const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
        expect(response.status, path).toBe(200);
        expect((await response.text()).match(/<h1[\s>]/g), path).toHaveLength(1);
        expect(
          SWEEP_PAGES[role].map((p) => p.path),
          path,
        ).toContain(path);
      }
      await context.close();
    });
  }
});

describe("limits", () => {
  it("an employee who opens an admin page gets a translated 403 page, and nothing of the admin's", async () => {
    const page = await signedInPage(browser, server.url, "verpleegkundige@zas.example");
    const context = page.context();
    const response = await page.goto(`${server.url}/admin/users`);
    expect(response?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Geen toegang");
    expect(await page.content()).not.toContain("hr@zas.example");
    await expectAccessible(page);
    const hr = await page.goto(`${server.url}/hr/people`);
    expect(hr?.status()).toBe(403);
    await context.close();
  });

  it("a signed-out visitor is sent to sign in, and comes back to the page after", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/hr/organisation`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel("E-mailadres").fill("hr@zas.example");
    await page.getByLabel("Wachtwoord", { exact: true }).fill("Nieuwkomer-demo-2026");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.waitForURL(`${server.url}/hr/organisation`);
    await page.getByRole("heading", { level: 1, name: "Onze organisatie" }).waitFor();
    await context.close();
  });

  it("shows a translated message for a wrong password, without JavaScript too", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel("E-mailadres").fill("hr@zas.example");
    await page.getByLabel("Wachtwoord", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/horen niet bij elkaar/);
    await expectAccessible(page);
    await context.close();
  });
});

describe("invitation", () => {
  it("HR invites a colleague, who sets a password from the e-mailed link and is signed in", async () => {
    const page = await signedInPage(browser, server.url, "hr@zas.example");
    const context = page.context();
    await page.goto(`${server.url}/hr/people`);
    await page.getByLabel("Naam", { exact: true }).fill("Femke Lambrechts");
    await page.getByLabel("E-mailadres", { exact: true }).fill("femke.lambrechts@zas.example");
    await page.getByLabel("Rol", { exact: true }).selectOption("employee");
    await page.getByLabel("Afdeling").selectOption({ label: "Geriatrie" });
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("femke.lambrechts@zas.example");
    await expectAccessible(page);
    await context.close();

    const mail = await server.mail.waitFor(
      (m) => m.to.includes("femke.lambrechts@zas.example") && m.text.includes("/invite/"),
    );
    const link = linkIn(mail.text, "/invite/");
    expect(link.startsWith(server.url)).toBe(true);

    const invited = await newContext(browser);
    const invitedPage = await invited.newPage();
    await invitedPage.goto(link);
    expect(await invitedPage.getByRole("heading", { level: 1 }).textContent()).toContain("Welkom");
    await expectAccessible(invitedPage);
    await invitedPage.getByLabel("Wachtwoord", { exact: true }).fill("kort");
    await invitedPage.getByLabel("Herhaal het wachtwoord").fill("kort");
    await invitedPage.getByRole("button", { name: "Account activeren" }).click();
    await expect(invitedPage.getByText("minstens 12 tekens hebben").textContent()).resolves.toBeTruthy();
    await invitedPage.getByLabel("Wachtwoord", { exact: true }).fill("de schelde stroomt naar zee");
    await invitedPage.getByLabel("Herhaal het wachtwoord").fill("de schelde stroomt naar zee");
    await invitedPage.getByRole("button", { name: "Account activeren" }).click();
    await invitedPage.waitForURL(`${server.url}/me`);
    await invitedPage.getByRole("heading", { level: 1, name: "Welkom, Femke Lambrechts" }).waitFor();

    // The link works once.
    const again = await invitedPage.goto(link);
    expect(again?.status()).toBe(410);
    await invited.close();
  });
});

describe("language", () => {
  it("switches between Dutch and English and remembers the choice", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, server.url, "hr@zas.example");
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(await page.getByRole("link", { name: "People" }).count()).toBe(1);
    await page.goto(`${server.url}/hr/organisation`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Our organisation");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Overschakelen naar Nederlands" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "nl");
    await context.close();
  });

  it("follows the browser's language for a visitor who has not chosen", async () => {
    const context = await newContext(browser, { locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await context.close();
  });
});

describe("phone", () => {
  it("HR's people page fits a phone screen without sideways scrolling of the page", async () => {
    const page = await signedInPage(browser, server.url, "hr@zas.example", { mobile: true });
    const context = page.context();
    await page.goto(`${server.url}/hr/people`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await context.close();
  });
});

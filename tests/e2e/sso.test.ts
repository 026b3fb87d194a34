// Single sign-on in headless Chromium (issue 15): the admin sets up ZAS's provider (a real oidc-provider on
// localhost), then a nurse signs in through the provider's login page and lands on her home in the department
// her claim names. axe on every new page: the sign-in page with its SSO part, the SSO page, the admin's settings,
// the callback's refusal.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, login, newContext } from "../support/browser";
import { startOidcProvider, type TestProvider } from "../support/oidc-provider";
import { signIn, startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let provider: TestProvider;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  provider = await startOidcProvider({
    redirectUris: [`${server.url}/login/sso/callback`],
    postLogoutRedirectUris: [`${server.url}/login`],
    users: [
      {
        login: "nadia",
        password: "ward-password-7",
        claims: {
          email: "nadia.benali@zas.example",
          email_verified: true,
          name: "Nadia Benali",
          department: "Geriatrie",
        },
      },
      {
        login: "sanne",
        password: "ward-password-8",
        claims: { email: "sanne.jacobs@zas.example", email_verified: true, name: "S. Jacobs" },
      },
    ],
  });
});

afterAll(async () => {
  await provider?.stop();
  await browser?.close();
  await server?.stop();
});

describe("single sign-on", () => {
  it("the admin sets up the provider, and a nurse signs in through it and lands in her department", async () => {
    const adminContext = await newContext(browser);
    const adminPage = await adminContext.newPage();
    adminPage.setDefaultTimeout(20_000);
    await login(adminPage, server.url, "admin@portal.example");
    await adminPage.goto(`${server.url}/admin/organisations`);
    await adminPage.getByRole("link", { name: "ZAS Ziekenhuis aan de Stroom" }).first().click();
    await adminPage.getByRole("link", { name: "Aanmelden via de organisatie (SSO)" }).click();
    await adminPage.getByRole("heading", { level: 1, name: "Aanmelden via de organisatie" }).waitFor();
    await expectAccessible(adminPage);

    // A provider that does not answer: refused with a translated message, nothing saved.
    await adminPage.getByLabel("Issuer").fill("http://127.0.0.1:9/");
    await adminPage.getByLabel("Client-id").fill(provider.clientId);
    await adminPage.getByLabel("Clientgeheim").fill(provider.clientSecret);
    await adminPage.getByLabel("E-maildomeinen van de organisatie").fill("zas.example");
    await adminPage.getByLabel(/Claim met de afdeling/).fill("department");
    await adminPage.getByRole("button", { name: "Controleren en opslaan" }).click();
    await adminPage.getByText("Deze issuer antwoordt niet").waitFor();
    await expectAccessible(adminPage);

    await adminPage.getByLabel("Issuer").fill(provider.issuer);
    await adminPage.getByLabel("Clientgeheim").fill(provider.clientSecret);
    await adminPage.getByRole("button", { name: "Controleren en opslaan" }).click();
    await adminPage.getByText("Opgeslagen. Het aanmeldsysteem antwoordde").waitFor();
    await expectAccessible(adminPage);
    await adminContext.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/login`);
    await page.getByRole("heading", { level: 2, name: "Met het account van je organisatie" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("E-mail van je werk").fill("nadia.benali@zas.example");
    await page.getByRole("button", { name: "Verder met je organisatie" }).click();

    // The provider's own login page, on another origin.
    await page.waitForURL((url) => url.origin === provider.issuer);
    await expect(page.getByLabel("Username").inputValue()).resolves.toBe("nadia.benali@zas.example");
    await page.getByLabel("Username").fill("nadia");
    await page.getByLabel("Password").fill("ward-password-7");
    await page.getByRole("button", { name: "Sign in at the provider" }).click();

    await page.waitForURL(`${server.url}/me`);
    await page.getByRole("heading", { level: 1, name: /Nadia Benali/ }).waitFor();
    await page.getByText("Afdeling Geriatrie").waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("the SSO page and the callback's refusal are translated and accessible, also on a phone", async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/login/sso`);
    await page.getByRole("heading", { level: 1, name: "Aanmelden met je organisatie" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("E-mail van je werk").fill("iemand@onbekend.example");
    await page.getByRole("button", { name: "Verder met je organisatie" }).click();
    await page.getByText("Geen enkele organisatie in het portaal").waitFor();
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const response = await page.goto(`${server.url}/login/sso/callback?code=x`);
    expect(response?.status()).toBe(400);
    await page.getByText("Dit adres is geen volledig antwoord").waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("an invitee of an organisation that requires SSO is sent to her organisation, not asked for a password", async () => {
    const db = new Database(server.databasePath);
    const zas = db.prepare("SELECT id FROM organisations WHERE name = ?").get("ZAS Ziekenhuis aan de Stroom") as {
      id: number;
    };
    const hrId = (db.prepare("SELECT id FROM users WHERE email = ?").get("hr@zas.example") as { id: number }).id;
    const newcomerId = (
      db.prepare("SELECT id FROM users WHERE email = ?").get("nieuwkomer@zas.example") as { id: number }
    ).id;
    const post = async (path: string, cookie: string, fields: Record<string, string>) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
        redirect: "manual",
      });
    // The admin requires SSO for ZAS (the HR lead is the break-glass account); HR invites a new colleague.
    const saved = await post(`/admin/organisations/${zas.id}/sso`, await signIn(server, "admin@portal.example"), {
      intent: "save",
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      domains: "zas.example",
      departmentClaim: "department",
      requireSso: "on",
      breakGlassUserId: String(hrId),
    });
    expect(saved.status).toBe(200);
    const invited = await post("/hr/people", await signIn(server, "hr@zas.example"), {
      intent: "invite",
      email: "sanne.jacobs@zas.example",
      name: "Sanne Jacobs",
      role: "employee",
      locale: "nl",
    });
    expect(invited.status).toBe(200);
    const mail = await server.mail.waitFor(
      (m) => m.to.includes("sanne.jacobs@zas.example") && m.text.includes("/invite/"),
      60_000,
    );
    const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0] ?? "";
    expect(link).not.toBe("");

    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(link);
    await page.getByText("Je hebt dus geen wachtwoord voor het portaal nodig").waitFor();
    expect(await page.locator('input[type="password"]').count()).toBe(0);
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expect(page.getByLabel("E-mail van je werk").inputValue()).resolves.toBe("sanne.jacobs@zas.example");
    await page.getByRole("button", { name: "Verder met je organisatie" }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByLabel("Username").fill("sanne");
    await page.getByLabel("Password").fill("ward-password-8");
    await page.getByRole("button", { name: "Sign in at the provider" }).click();
    // The invitation is accepted at this first sign-in: her name as HR typed it, and no portal password.
    await page.waitForURL(`${server.url}/me`);
    await page.getByRole("heading", { level: 1, name: /Sanne Jacobs/ }).waitFor();
    const sanne = db
      .prepare("SELECT password_hash AS passwordHash FROM users WHERE email = ?")
      .get("sanne.jacobs@zas.example") as { passwordHash: string | null };
    expect(sanne.passwordHash).toBeNull();

    // A reset link sent before the switch shows the explanation instead of a password form.
    const token = "e2e-reset-link-before-sso-1";
    db.prepare("INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (?, ?, ?)").run(
      createHash("sha256").update(token).digest("hex"),
      newcomerId,
      new Date(Date.now() + 3_600_000).toISOString(),
    );
    db.close();
    const reset = await page.goto(`${server.url}/reset-password/${token}`);
    expect(reset?.status()).toBe(403);
    await page.getByText("dus je hebt geen wachtwoord voor het portaal om te herstellen").waitFor();
    expect(await page.locator('input[type="password"]').count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });
});

// Single sign-on in headless Chromium (issue 15): the admin sets up ZAS's provider (a real oidc-provider on
// localhost), then a nurse signs in through the provider's login page and lands on her home in the department
// her claim names. axe on every new page: the sign-in page with its SSO part, the SSO page, the admin's settings,
// the callback's refusal.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, login, newContext } from "../support/browser";
import { startOidcProvider, type TestProvider } from "../support/oidc-provider";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let provider: TestProvider;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  provider = await startOidcProvider({
    redirectUris: [`${server.url}/login/sso/callback`],
    postLogoutRedirectUris: [`${server.url}/login`],
    users: [{ login: "nadia", password: "ward-password-7", claims: { email: "nadia.benali@zas.example", email_verified: true, name: "Nadia Benali", department: "Geriatrie" } }],
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
});

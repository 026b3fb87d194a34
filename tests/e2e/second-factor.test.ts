// The second factor in headless Chromium (issue 11): the admin enrols with a code computed from the key the page
// shows, signs out and in with a code, then signs in without JavaScript using a recovery code. axe on every new page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, login, newContext } from "../support/browser";
import { totp } from "../support/second-factor";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function passwordStep(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill("Nieuwkomer-demo-2026");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL(`${server.url}/login/second-factor`);
  await page.getByRole("heading", { level: 1, name: "Bevestig dat jij het bent" }).waitFor();
}

describe("two-step verification", () => {
  it("an admin enrols with the shown key, signs out and in with a code, and uses a recovery code without JavaScript", async () => {
    const email = "admin@portal.example";
    const context = await newContext(browser);
    const page = await context.newPage();
    // Demo mode: the printed demo login still works with the password alone, and enrolment is offered.
    await login(page, server.url, email);
    expect(new URL(page.url()).pathname).toBe("/admin");
    await page.goto(`${server.url}/account`);
    await page.getByRole("link", { name: "Tweestapsverificatie instellen" }).click();
    await page.waitForURL(`${server.url}/account/second-factor`);
    await expect(page.getByText("In de demo is het niet verplicht").textContent()).resolves.toBeTruthy();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Tweestapsverificatie instellen" }).click();
    await page.getByRole("img", { name: /QR-code/ }).waitFor();
    await expectAccessible(page);
    const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
    expect(secret).toMatch(/^[A-Z2-7 ]{32,}$/);

    await page.getByLabel("Code").fill("000000" === totp(secret) ? "111111" : "000000");
    await page.getByRole("button", { name: "Inschakelen" }).click();
    await expect(page.getByText("Deze code klopt niet").textContent()).resolves.toBeTruthy();
    await page.getByLabel("Code").fill(totp(secret));
    await page.getByRole("button", { name: "Inschakelen" }).click();
    await page.getByRole("heading", { name: "Je herstelcodes" }).waitFor();
    const codes = await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
    expect(codes).toHaveLength(10);
    await expectAccessible(page);
    // The key is gone from the page once enrolment is done.
    await page.reload();
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByTestId("second-factor-status").textContent()).resolves.toContain("Nog 10 herstelcodes over");

    await page.getByRole("button", { name: "Afmelden" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await passwordStep(page, email);
    await expectAccessible(page);
    // Until the code is given, the portal is closed.
    const early = await page.goto(`${server.url}/admin`);
    expect(new URL(early?.url() ?? "").pathname).toBe("/login");
    await passwordStep(page, email);
    await page.getByLabel("Code").fill(totp(secret, 1));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL(`${server.url}/admin`);
    await page.getByRole("heading", { level: 1, name: /^Welkom/ }).waitFor();
    await context.close();

    const noScript = await newContext(browser, { javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await passwordStep(plain, email);
    await expectAccessible(plain);
    await plain.getByLabel("Code").fill("12345");
    await plain.getByRole("button", { name: "Bevestigen" }).click();
    await expect(plain.getByText("Vul de 6 cijfers uit de app in").textContent()).resolves.toBeTruthy();
    await plain.getByLabel("Code").fill(codes[0] ?? "");
    await plain.getByRole("button", { name: "Bevestigen" }).click();
    await plain.waitForURL(`${server.url}/admin`);
    await plain.goto(`${server.url}/account/second-factor`);
    await expect(plain.getByTestId("second-factor-status").textContent()).resolves.toContain("Nog 9 herstelcodes over");
    await expectAccessible(plain);
    await noScript.close();
  }, 240_000);
});

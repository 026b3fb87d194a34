// Issue 14: the admin's audit log reads as sentences with people by name — never raw action names, "user #1" or
// JSON (features/audit/audit-entry.ts).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, signedInPage } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";
import { keyShapedText } from "../support/sweep";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const logText = (page: Page) => page.locator("main").innerText();

describe("the audit log", () => {
  it("shows an HR lead's look at a newcomer's record as a sentence, in Dutch and English", async () => {
    const hr = await signedInPage(browser, server.url, "hr@zas.example");
    await hr.goto(`${server.url}/hr/newcomers`);
    await hr.locator("main").getByRole("link", { name: "Amal Haddad" }).first().click();
    await hr.waitForURL(/\/hr\/newcomers\/\d+$/);
    await hr.context().close();

    const admin = await signedInPage(browser, server.url, "admin@portal.example");
    await admin.goto(`${server.url}/admin/audit?action=newcomer.view`);
    const dutch = await logText(admin);
    expect(dutch).toContain("Sofie Janssens bekeek het dossier van nieuwkomer Amal H.");
    expect(dutch).not.toMatch(/newcomer\.view|user #|\{"/);
    expect(keyShapedText(dutch)).toEqual([]);
    await expectAccessible(admin);
    await admin.context().close();

    const english = await signedInPage(browser, server.url, "admin@portal.example", { locale: "en-GB" });
    await english.goto(`${server.url}/admin/audit?action=newcomer.view`);
    expect(await logText(english)).toContain("Sofie Janssens viewed the record of newcomer Amal H.");
    await english.context().close();
  });

  it("reads every entry on its first page without codes", async () => {
    const admin = await signedInPage(browser, server.url, "admin@portal.example");
    await admin.goto(`${server.url}/admin/audit`);
    const text = await logText(admin);
    expect(text).toMatch(/ meldde zich aan\./);
    expect(text).not.toMatch(/\b(auth|newcomer|newcomers|matching|user|users|scan|security|sso)\.[a-z_]+|user #|\{"/);
    expect(keyShapedText(text)).toEqual([]);
    await admin.context().close();
  });
});

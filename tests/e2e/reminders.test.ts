// Reminders in headless Chromium: a buddy sees the unread count, opens the list, follows the reminder to the
// check-in and logs it; HR changes a preference; an admin sees the outbox; axe on every new page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, login, newContext, signedInPage } from "../support/browser";
import { until } from "../support/portal-process";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ SCHEDULER_INTERVAL_SECONDS: "1" }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  await expectAccessible(page);
}

describe("reminders in the portal", () => {
  it("Lieve sees her unread reminders, follows the overdue check-in and logs it; the count goes down", async () => {
    // The demo's week-6 check-in of Amal and Lieve is a week overdue: the first tick after start reminds her. The
    // scheduler thread runs at low priority (decision 074): on a busy machine that first tick can take minutes.
    const mail = await server.mail.waitFor(
      (m) => m.to.includes("lieve.maes@zas.example") && m.subject.includes("week 6"),
      180_000,
    );
    expect(mail.subject).toBe("Check-in week 6 met Amal Haddad is nog niet genoteerd");
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, server.url, "lieve.maes@zas.example");
    const headerLink = page.getByRole("banner").getByRole("link", { name: /^Meldingen/ });
    const unread = async () =>
      Number(
        /^(\d+) ongelezen/.exec(
          (await page
            .locator(".notifications-link .visually-hidden")
            .textContent({ timeout: 2000 })
            .catch(() => "0")) ?? "",
        )?.[1] ?? 0,
      );
    const unreadBefore = await unread();
    expect(unreadBefore).toBeGreaterThanOrEqual(1);
    await headerLink.click();
    await page.waitForURL(/\/notifications$/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Check-in week 6 met Amal Haddad is nog niet genoteerd" }).click();
    await page.waitForURL(/\/me\/buddy\/matches\/\d+$/);
    await page.getByLabel("Korte notitie").fill("Samen de eerste weken overlopen; gaat goed.");
    await page.getByRole("button", { name: "Check-in opslaan" }).click();
    await page.getByText("De check-in is opgeslagen.").waitFor();
    await page.reload();
    expect(await unread()).toBe(unreadBefore - 1);
    await visit(page, "/notifications");
    await expect(page.locator(".notification--read").count()).resolves.toBeGreaterThanOrEqual(1);
    await context.close();
  }, 240_000);

  it("works without JavaScript: the count is in the page and opening a notification is a plain link", async () => {
    const page = await signedInPage(browser, server.url, "hr@zas.example", { javaScriptEnabled: false });
    const context = page.context();
    await visit(page, "/notifications");
    await expect(page.getByRole("heading", { level: 1, name: "Meldingen" }).count()).resolves.toBe(1);
    await context.close();
  }, 240_000);

  it("HR changes a preference and the page says so; the unsubscribe page asks before it acts", async () => {
    const page = await signedInPage(browser, server.url, "hr@zas.example");
    const context = page.context();
    await visit(page, "/notifications/preferences");
    await page.getByLabel("Tijd voor een nieuwe scan").selectOption("digest");
    await page.getByRole("button", { name: "Voorkeuren bewaren" }).click();
    await page.getByText("Je voorkeuren zijn bewaard.").waitFor();
    await expect(page.getByLabel("Tijd voor een nieuwe scan").inputValue()).resolves.toBe("digest");
    await expectAccessible(page);

    const digest = await until(
      () => server.mail.messages.find((m) => m.to.includes("hr@zas.example") && m.headers?.["list-unsubscribe"]),
      30_000,
      "a mail to HR",
    );
    const url = /^<(.+)>$/.exec(digest.headers?.["list-unsubscribe"] ?? "")![1]!;
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await page.getByRole("button", { name: "Ja, stuur me deze e-mails niet meer" }).waitFor();
    await expectAccessible(page);
    const tampered = await page.goto(`${url.slice(0, -2)}xx`);
    expect(tampered?.status()).toBe(400);
    await page.getByText("Deze afmeldlink is ongeldig of onvolledig.", { exact: false }).waitFor();
    await expectAccessible(page);
    await context.close();
  }, 240_000);

  it("HR re-runs matching for one waiting newcomer from the notice's page; someone else's notification is a translated 404", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, server.url, "hr@zas.example");
    await visit(page, "/hr/matching");
    const href = await page.locator('a[href^="/hr/newcomers/"]').first().getAttribute("href");
    const id = /\/hr\/newcomers\/(\d+)$/.exec(href ?? "")?.[1];
    expect(id).toBeDefined();
    await visit(page, `/hr/matching/rematch/${id}`);
    await page.getByRole("heading", { level: 1, name: /^Opnieuw matchen voor / }).waitFor();
    await page.getByRole("button", { name: /^Matching starten voor / }).click();
    await page.waitForURL(/\/hr\/matching\/runs\/\d+$/);
    await expectAccessible(page);
    const foreign = await page.goto(`${server.url}/notifications/999999`);
    expect(foreign?.status()).toBe(404);
    await page.getByText("Deze pagina bestaat niet (meer), of je hebt er geen toegang toe.").waitFor();
    await expectAccessible(page);
    await context.close();
  }, 240_000);

  it("the admin sees the outbox counts per kind", async () => {
    const page = await signedInPage(browser, server.url, "admin@portal.example");
    const context = page.context();
    await visit(page, "/admin/outbox");
    await page.getByRole("heading", { name: "Aantallen per soort" }).waitFor();
    await expect(page.getByRole("rowheader", { name: "Check-in te laat" }).count()).resolves.toBe(1);
    await context.close();
  }, 240_000);
});

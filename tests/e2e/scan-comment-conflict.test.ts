// Issue 11, finding 12 in a real browser: two HR users comment on the same item. The one whose page is stale
// sees both comments and chooses, with JavaScript (autosave) and without (plain form post). Decision 061.
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@db/client";
import { memberships, users } from "@db/schema";
import { expectAccessible, launchBrowser, login, newContext, signInContext } from "../support/browser";
import { createDraftScan } from "../support/factories";
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

const item = (page: Page, key: string) => page.locator(`[id="item-${key}"]`);
const hydrated = (page: Page) => page.locator('.scan-layout[data-hydrated="true"]').waitFor();

async function signedIn(email: string, javaScriptEnabled = true, throughForm = false) {
  const context = await newContext(browser, { javaScriptEnabled });
  context.setDefaultTimeout(30_000);
  if (!throughForm) await signInContext(context, server.url, email);
  const page = await context.newPage();
  if (throughForm) await login(page, server.url, email);
  return page;
}

/** An empty ZAS draft scan of its own for the period, written into the server's database (decision 091). */
function draftScan(period: string): string {
  const db = openDatabase(server.databasePath);
  try {
    const hr = db
      .select({ id: users.id, organisationId: memberships.organisationId })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(users.email, "hr@zas.example"))
      .get();
    if (!hr?.organisationId) throw new Error("no ZAS HR");
    return `${server.url}/hr/scans/${createDraftScan({ organisationId: hr.organisationId, period }, db).id}`;
  } finally {
    db.$client.close();
  }
}

/** Sofie answers the item and adds her comment with JavaScript; returns once both are saved. */
async function sofieComments(page: Page, key: string, comment: string) {
  const li = item(page, key);
  await li.locator("textarea").fill(comment);
  // Wait for this save's own answer: the status may still say "saved" from the value.
  const saved = page.waitForResponse(
    (r) => r.url().endsWith("/answers") && r.request().method() === "POST" && r.status() === 200,
  );
  await li.locator("textarea").blur();
  await saved;
}

describe("two HR users comment on the same scan item", () => {
  it("with JavaScript: the stale comment is not saved over the newer one; both are shown and the user chooses", async () => {
    const sofie = await signedIn("hr@zas.example", true, true);
    await sofie.goto(`${server.url}/hr/scans`);
    await sofie.getByLabel("Periode").fill("2031");
    await sofie.getByLabel("Met een lege scan").check();
    await sofie.getByRole("button", { name: "Scan starten" }).click();
    await sofie.waitForURL(/\/hr\/scans\/\d+\?/);
    const scanUrl = sofie.url().split("?")[0] ?? "";
    await hydrated(sofie);
    const key = "leadership.1";
    await item(sofie, key).locator('input[name="value"][value="2"]').check();
    await item(sofie, key)
      .locator(".scan-item__status", { hasText: /^Opgeslagen/ })
      .waitFor();

    // Karim opens the same page now: he sees the value, no comment yet.
    const karim = await signedIn("diversiteit@zas.example");
    await karim.goto(`${scanUrl}?d=leadership`);
    await hydrated(karim);
    await sofieComments(sofie, key, "Beslissing directiecomité van 12 mei");

    const li = item(karim, key);
    await li.locator("textarea").fill("Zie het diversiteitsplan op intranet");
    await li.locator("textarea").blur();
    const panel = li.locator(".scan-item__conflict");
    await panel.waitFor();
    await panel.getByText("Beslissing directiecomité van 12 mei").waitFor();
    expect(await panel.textContent()).toContain("Zie het diversiteitsplan op intranet");
    expect(await panel.textContent()).toContain("Sofie Janssens");
    // His text stays in the field, unsaved; Sofie's comment is what is stored.
    expect(await li.locator("textarea").inputValue()).toBe("Zie het diversiteitsplan op intranet");
    await expectAccessible(karim);

    await panel.getByRole("button", { name: "Toch mijn toelichting opslaan" }).click();
    await li.locator(".scan-item__status", { hasText: /^Opgeslagen/ }).waitFor();
    expect(await li.locator(".scan-item__conflict").count()).toBe(0);
    await sofie.reload();
    await hydrated(sofie);
    expect(await item(sofie, key).locator("textarea").inputValue()).toBe("Zie het diversiteitsplan op intranet");
  }, 300_000);

  it("without JavaScript: the item's form post shows both comments; keeping the newer one changes nothing", async () => {
    const key = "leadership.2";
    const scanUrl = draftScan("2032");
    const sofie = await signedIn("hr@zas.example");
    await sofie.goto(`${scanUrl}?d=leadership`);
    await hydrated(sofie);
    await item(sofie, key).locator('input[name="value"][value="3"]').check();
    await item(sofie, key)
      .locator(".scan-item__status", { hasText: /^Opgeslagen/ })
      .waitFor();

    const karim = await signedIn("diversiteit@zas.example", false);
    await karim.goto(`${scanUrl}?d=leadership`);
    await sofieComments(sofie, key, "Doelen staan in het HR-plan 2026");

    await item(karim, key).locator("textarea").fill("Eigenaar: Karim, 4 uur per week");
    await item(karim, key).getByRole("button", { name: "Opslaan", exact: true }).click();
    const panel = item(karim, key).locator(".scan-item__conflict");
    await panel.waitFor();
    expect(await panel.textContent()).toContain("Doelen staan in het HR-plan 2026");
    expect(await panel.textContent()).toContain("Eigenaar: Karim, 4 uur per week");
    await expectAccessible(karim);

    await panel.getByRole("link", { name: "De toelichting die nu geldt behouden" }).click();
    await item(karim, key).waitFor();
    expect(await item(karim, key).locator("textarea").inputValue()).toBe("Doelen staan in het HR-plan 2026");
    expect(await item(karim, key).locator(".scan-item__conflict").count()).toBe(0);
  }, 300_000);
});

// Issue 20 in headless Chromium: HR records a nurse's route from NARIC-Vlaanderen to a permanent contract,
// the newcomer sees it on a 390 px phone, HR confirms the 12-month follow-up in two clicks, and a partner sees
// the outcome indicator move (Belgium's row needs a fifth organisation: ZAS is it). Axe on every new page.
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterStored, expectAccessible, launchBrowser, newContext } from "../support/browser";
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

function monthsAgo(n: number): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, Math.min(d.getUTCDate(), 28)))
    .toISOString()
    .slice(0, 10);
}

async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  await expectAccessible(page);
}

const belgiumAtLevel = (page: Page) =>
  page.getByTestId("outcomes-country").locator('tr[data-cell="BE"] td[data-indicator="atLevel12"]');

describe("a nurse's route to a permanent contract at her level", () => {
  it("HR records the route, the newcomer sees it on a phone, the 12-month follow-up is confirmed and the partner's figure moves", async () => {
    // Amal Haddad (demo newcomer at ZAS) started 14 months ago: HR corrected her start date.
    const db = new Database(server.databasePath);
    const recordId = (db.prepare("SELECT id FROM newcomer_records WHERE name = 'Amal Haddad'").get() as { id: number })
      .id;
    db.prepare("UPDATE newcomer_records SET start_date = ? WHERE id = ?").run(monthsAgo(14), recordId);
    db.close();

    const partnerContext = await newContext(browser);
    partnerContext.setDefaultTimeout(60_000);
    const partner = await partnerContext.newPage();
    await enterStored(partner, server, "onderzoek@thomasmore.example");
    await visit(partner, "/partner/indicators");
    await partner.getByRole("link", { name: "Uitkomsten van de trajecten bekijken" }).click();
    await partner.getByRole("heading", { level: 1, name: "Uitkomsten van de trajecten" }).waitFor();
    await expectAccessible(partner);
    expect(await belgiumAtLevel(partner).textContent()).toBe("xniet getoond");

    const hrContext = await newContext(browser);
    hrContext.setDefaultTimeout(60_000);
    const hr = await hrContext.newPage();
    await enterStored(hr, server, "hr@zas.example");
    await visit(hr, "/hr/newcomers/trajectories");
    await hr.getByRole("link", { name: "Amal Haddad" }).click();
    await hr.getByRole("heading", { level: 1, name: "Traject van Amal Haddad" }).waitFor();
    await expectAccessible(hr);
    const steps: [string, number][] = [
      ["be_naric_application", 13],
      ["be_naric_equivalence", 11],
      ["be_bridging", 10],
      ["be_bridging_done", 4],
      ["be_visum", 2],
    ];
    for (const [key, months] of steps) {
      const form = hr.locator(`form:has(#step-${key})`);
      await form.locator(`#step-${key}`).fill(monthsAgo(months));
      await form.getByRole("button", { name: "Datum opslaan" }).click();
      await hr.getByText("Het traject is bijgewerkt.").waitFor();
      await expect(hr.locator(`#step-${key}`).inputValue()).resolves.toBe(monthsAgo(months));
    }
    await hr.getByLabel("Soort contract").selectOption({ label: "Vast contract" });
    await hr.getByLabel("Functie in dit contract").selectOption({ label: "Verpleegkundige" });
    await hr.getByLabel("Begindatum").fill(monthsAgo(1));
    await hr.getByRole("button", { name: "Contract toevoegen" }).click();
    await hr.getByText("Vast contract als Verpleegkundige", { exact: false }).waitFor();
    await expectAccessible(hr);

    // The 12-month follow-up is overdue: the overview's filter finds it; two clicks confirm it.
    await visit(hr, "/hr/newcomers/trajectories?overdue=on");
    const card = hr.locator(`li[data-record="${recordId}"]`);
    await card.getByText("12 maanden na de start", { exact: false }).click();
    await card.locator("details[open]").getByRole("button", { name: "Werkt op diplomaniveau" }).click();
    await hr.getByText("Het opvolgmoment is bevestigd.").waitFor();
    await expectAccessible(hr);
    await expect(hr.getByTestId("own-figures").getByText("1 van 1").first().isVisible()).resolves.toBe(true);

    // The newcomer (her account is in English) sees her route on a phone, without sideways scrolling.
    const phoneContext = await newContext(browser, { mobile: true });
    phoneContext.setDefaultTimeout(60_000);
    const phone = await phoneContext.newPage();
    await enterStored(phone, server, "nieuwkomer@zas.example");
    await phone.getByRole("link", { name: "My route to work at my level" }).click();
    await phone.getByRole("heading", { level: 1, name: "My route" }).waitFor();
    await expectAccessible(phone);
    await expect(
      phone
        .getByTestId("my-route")
        .getByText("Visa and registration to practise the profession", { exact: false })
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      phone.getByTestId("my-contracts").getByText("Permanent contract as Nurse", { exact: false }).isVisible(),
    ).resolves.toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The partner's Belgian figure appears now that five organisations contribute.
    await visit(partner, "/partner/indicators/outcomes");
    expect(await belgiumAtLevel(partner).textContent()).toMatch(/^\d+\s%$/);
  }, 300_000);
});

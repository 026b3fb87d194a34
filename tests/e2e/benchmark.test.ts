// Partner comparison, programme indicators and HR's own position in headless Chromium, on a database prepared
// with a synthetic benchmark world (tests/support/benchmark-world.ts), with an axe check on every page.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase } from "@db/client";
import { seedDemo } from "@db/seed/seed";
import { buildBenchmarkWorld } from "../support/benchmark-world";
import { expectAccessible, launchBrowser, login, newContext } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";
import { scoreScan } from "~/features/scan/scoring";

let server: RunningServer;
let browser: Browser;

async function prepare(databasePath: string): Promise<void> {
  const db = openDatabase(databasePath);
  prepareDatabase(db);
  await seedDemo(db, { password: "Nieuwkomer-demo-2026", scoreScan });
  buildBenchmarkWorld(db);
  db.$client.close();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({}, { prepare }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string, options: { mobile?: boolean } = {}): Promise<Page> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  await login(page, server.url, email);
  return page;
}

describe("partner", () => {
  it("filters, sees suppressed and shown cells, compares one organisation and exports CSV", async () => {
    const page = await signedIn("onderzoek@thomasmore.example");
    await page.getByRole("heading", { name: "Organisaties vergelijken" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Vergelijking" }).click();
    await page.waitForURL(/\/partner\/benchmark/);
    await page.getByRole("heading", { level: 1, name: "Organisaties vergelijken" }).waitFor();
    await expect.poll(() => page.getByText("30 organisaties").count()).toBe(1);
    // Charts draw after hydration, each labelled, with the table of the same figures beside it.
    await page.getByRole("region", { name: /Spreiding per dimensie/ }).locator("svg .recharts-bar-rectangle").first().waitFor();
    await page.getByRole("region", { name: /Mediaan van de totaalscore en van elke dimensie/ }).locator("svg").first().waitFor();
    expect(await page.getByTestId("group-table").locator("tbody tr").count()).toBe(9);
    await expectAccessible(page);

    // The Dutch hospitals: 7 organisations, but the Netherlands minus them would isolate 3.
    await page.getByLabel("Land").selectOption("NL");
    await page.getByLabel("Sector").selectOption("hospital");
    await page.getByRole("button", { name: "Toepassen" }).click();
    await page.waitForURL(/country=NL.*sector=hospital/);
    await page.getByText("Groepscijfers niet getoond").waitFor();
    expect(await page.getByText("Verborgen om een kleine groep te beschermen").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("organisations-table").count()).toBe(0);
    expect(await page.content()).not.toContain("Ziekenhuis Maasdal 1");
    await expectAccessible(page);

    // The whole of the Netherlands: shown, with hospitals hidden as the partner of the small mental health cell.
    await page.getByLabel("Sector").selectOption("");
    await page.getByRole("button", { name: "Toepassen" }).click();
    await page.waitForURL((url) => url.searchParams.get("country") === "NL" && !url.searchParams.get("sector"));
    await page.getByText("10 organisaties").waitFor();
    const breakdown = page.getByTestId("breakdown-table");
    expect(await breakdown.locator('tr[data-cell="hospital"]').getAttribute("data-shown")).toBe("no");
    expect(await breakdown.locator('tr[data-cell="mental_health"]').textContent()).toContain("Minder dan 5 organisaties");
    const rows = page.getByTestId("organisations-table");
    await expect.poll(() => rows.getByText("Ziekenhuis Maasdal 1").count()).toBe(1);
    expect(await rows.getByText("Ziekenhuis Maasdal 5").count()).toBe(0);
    expect(await page.getByText(/organisaties staan niet in de lijst/).count()).toBe(1);
    await expectAccessible(page);

    // CSV of what is on screen.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV downloaden" }).click()]);
    const file = await download.path();
    const csv = fs.readFileSync(file, "utf8");
    expect(csv).toContain("Land=NL");
    expect(csv).toMatch(/Mediaan,hospital,VERBORGEN/);
    expect(csv).toContain("Ziekenhuis Maasdal 1");
    expect(csv).not.toContain("GGZ Heuvelland");

    // One organisation against the group.
    await rows.getByRole("link", { name: "Met groep vergelijken: Ziekenhuis Maasdal 1" }).click();
    await page.getByRole("heading", { name: "Ziekenhuis Maasdal 1 tegenover de groep" }).waitFor();
    expect(await page.getByTestId("selected-table").locator("tbody tr").count()).toBe(9);
    await expectAccessible(page);

    // Its item answers (it consented).
    await page.getByTestId("organisations-table").getByRole("link", { name: "Antwoorden per item: Ziekenhuis Maasdal 1" }).click();
    await page.getByRole("heading", { level: 1, name: /Ziekenhuis Maasdal 1: antwoorden per item/ }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it("gets a clear message for an unknown filter value, and indicators with suppressed cells", async () => {
    const page = await signedIn("onderzoek@thomasmore.example");
    const response = await page.goto(`${server.url}/partner/benchmark?country=FR`);
    expect(response?.status()).toBe(400);
    await page.getByRole("alert").getByText("Deze filterwaarde bestaat niet.").waitFor();
    await expectAccessible(page);

    await page.goto(`${server.url}/partner/indicators`);
    await page.getByRole("heading", { level: 1, name: "Programma-indicatoren" }).waitFor();
    const byCountry = page.getByTestId("indicators-country");
    expect(await byCountry.locator('tr[data-cell="total"] td[data-indicator="organisationsScanned"]').textContent()).toBe("30");
    expect(await byCountry.locator('tr[data-cell="NL"] td[data-indicator="organisationsScanned"]').textContent()).toBe("10");
    // Newcomer records exist at two demo organisations only: too few to show.
    expect(await byCountry.locator('tr[data-cell="total"] td[data-indicator="newcomersRegistered"]').textContent()).toContain("Minder dan 5 organisaties");
    const bySector = page.getByTestId("indicators-sector");
    expect(await bySector.locator('tr[data-cell="elderly_care"] td[data-indicator="organisationsScanned"]').textContent()).toContain("Minder dan 5 organisaties");
    await expectAccessible(page);
    await page.context().close();
  });

  it("works on a phone-sized screen", async () => {
    const page = await signedIn("onderzoek@thomasmore.example", { mobile: true });
    await page.goto(`${server.url}/partner/benchmark?sector=hospital`);
    await page.getByText("18 organisaties").waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("HR", () => {
  it("sees its own position against its country, then its sector, and the choice is remembered", async () => {
    const page = await signedIn("hr@zas.example");
    await page.goto(`${server.url}/hr/benchmark`);
    await page.getByRole("heading", { level: 1, name: "Jouw positie" }).waitFor();
    expect(await page.getByTestId("peer-status").textContent()).toBe("De groep telt 19 andere organisaties.");
    expect(await page.getByTestId("position-table").locator("tbody tr").count()).toBe(9);
    await expectAccessible(page);
    await page.getByLabel(/Organisaties uit dezelfde sector/).check();
    await page.getByRole("button", { name: "Vergelijken" }).click();
    await page.waitForURL(/group=sector/);
    await expect.poll(() => page.getByTestId("peer-status").textContent()).toBe("De groep telt 17 andere organisaties.");
    await page.goto(`${server.url}/hr/benchmark`);
    expect(await page.getByLabel(/Organisaties uit dezelfde sector/).isChecked()).toBe(true);
    await expectAccessible(page);

    const denied = await page.goto(`${server.url}/partner/benchmark`);
    expect(denied?.status()).toBe(403);
    await page.context().close();
  });

  it("sees no group figures when its peer group is too small", async () => {
    const page = await signedIn("hr@hofterlinde.example");
    await page.goto(`${server.url}/hr/benchmark?group=sector`);
    await page.getByText(/De groep telt minder dan 5 andere organisaties/).waitFor();
    expect(await page.getByTestId("position-table").textContent()).toContain("verborgen");
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("admin", () => {
  it("opens the programme indicators", async () => {
    const page = await signedIn("admin@portal.example");
    await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Programma-indicatoren" }).click();
    await page.getByRole("heading", { level: 1, name: "Programma-indicatoren" }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});

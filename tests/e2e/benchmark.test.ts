// Partner comparison, programme indicators and HR's own position in headless Chromium, on a database prepared
// with a synthetic benchmark world (tests/support/benchmark-world.ts), with an axe check on every page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase } from "@db/client";
import { buildBenchmarkWorld } from "../support/benchmark-world";
import { downloaded, expectAccessible, launchBrowser, storedSessionPage } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;

/** On a copy of the demo base (decision 091): the benchmark world on top of the demo. */
function prepare(databasePath: string): void {
  const db = openDatabase(databasePath);
  prepareDatabase(db);
  buildBenchmarkWorld(db);
  db.$client.close();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({}, { from: "demo", prepare }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page signed in with a stored session (decision 196); the login form is tested in foundation.test.ts. */
function signedIn(email: string, options: { mobile?: boolean } = {}): Promise<Page> {
  return storedSessionPage(browser, server, email, options);
}

// Figures are adjusted (decisions 042, 046): a group of 30 is published as 26–34.
const about = (truth: number, within = 4) =>
  new RegExp(`^(${Array.from({ length: 2 * within + 1 }, (_, i) => truth - within + i).join("|")}) organisaties$`);
const peers = (truth: number, within = 4) =>
  new RegExp(
    `^De groep telt ongeveer (${Array.from({ length: 2 * within + 1 }, (_, i) => truth - within + i).join("|")}) andere organisaties\\.$`,
  );

describe("partner", () => {
  // The comparison journey in steps (decision 196): each opens the page where it starts (the address carries the
  // filters), with a stored session; the filter form itself is used in the step about filtering.
  it("opens the comparison from the menu: adjusted figures with their note, charts and the group table", async () => {
    const page = await signedIn("onderzoek@thomasmore.example");
    await page.goto(`${server.url}/partner`);
    await page.getByRole("heading", { name: "Organisaties vergelijken" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Vergelijking" }).click();
    await page.waitForURL(/\/partner\/benchmark/);
    await page.getByRole("heading", { level: 1, name: "Organisaties vergelijken" }).waitFor();
    await expect.poll(() => page.getByText(about(30)).count()).toBe(1);
    // The note on adjusted figures, with the maximum deviations.
    const note = page.getByTestId("adjusted-note");
    await note.getByRole("heading", { name: "Licht aangepaste cijfers" }).waitFor();
    expect(await note.textContent()).toMatch(/hoogstens 2 punten af bij groepen van 10 of meer/);
    expect(await note.textContent()).toMatch(/Mediaan en kwartielen tonen we vanaf 20 organisaties/);
    // Charts come drawn from the server, each a labelled image, with the table of the same figures beside it.
    await page
      .getByRole("img", { name: /Spreiding per thema/ })
      .locator(".recharts-bar-rectangle")
      .first()
      .waitFor();
    await page.getByRole("img", { name: /Mediaan van de totaalscore en van elk thema/ }).waitFor();
    const groupTable = page.getByTestId("group-table");
    expect(await groupTable.locator("tbody tr").count()).toBe(9);
    expect(await groupTable.locator("thead").textContent()).not.toMatch(/Minimum|Maximum/);
    await expectAccessible(page);
    await page.context().close();
  });

  it("filters on the Dutch hospitals: no group figure, but the named organisations with their scores", async () => {
    const page = await signedIn("onderzoek@thomasmore.example");
    await page.goto(`${server.url}/partner/benchmark`);
    await page.getByRole("heading", { level: 1, name: "Organisaties vergelijken" }).waitFor();
    // The Dutch hospitals: 3 named and 4 not named, so no group figure (and no count, no reason).
    await page.getByLabel("Land").selectOption("NL");
    await page.getByLabel("Sector").selectOption("hospital");
    await page.getByRole("button", { name: "Toepassen" }).click();
    await page.waitForURL(/country=NL.*sector=hospital/);
    await page.getByTestId("group-not-shown").waitFor();
    expect(await page.getByTestId("group-not-shown").textContent()).toBe("Groepscijfers niet getoond xniet getoond");
    expect(await page.getByText(/Minder dan 5|kleine groep/).count()).toBe(0);
    // Its named organisations are still listed with their own scores.
    await page.getByTestId("organisations-table").getByText("Ziekenhuis Maasdal 1").waitFor();
    expect(await page.content()).not.toContain("Ziekenhuis Maasdal 5");
    await expectAccessible(page);

    // Back to the whole of the Netherlands through the same form.
    await page.getByLabel("Sector").selectOption("");
    await page.getByRole("button", { name: "Toepassen" }).click();
    await page.waitForURL((url) => url.searchParams.get("country") === "NL" && !url.searchParams.get("sector"));
    await expect.poll(() => page.getByText(about(10)).count()).toBe(1);
    await page.context().close();
  });

  it("reads the Netherlands: a mean instead of median and quartiles, hidden and empty cells alike", async () => {
    const page = await signedIn("onderzoek@thomasmore.example");
    await page.goto(`${server.url}/partner/benchmark?country=NL`);
    await expect.poll(() => page.getByText(about(10)).count()).toBe(1);
    // Ten organisations: a mean, no median or quartiles (decision 047), and the page says so.
    const nlOverall = await page.getByTestId("group-table").locator("tbody tr").first().locator("td").allTextContents();
    expect(nlOverall[0]).toMatch(/^\d+$/);
    expect(nlOverall.slice(1)).toEqual(["xniet getoond", "xniet getoond", "xniet getoond"]);
    expect(
      await page
        .getByText(
          "Groepen van minder dan 20 organisaties tonen een gemiddelde (gem.) in plaats van mediaan en kwartielen.",
        )
        .count(),
    ).toBe(1);
    const breakdown = page.getByTestId("breakdown-table");
    const cellTexts = (value: string) => breakdown.locator(`tr[data-cell="${value}"] td`).allTextContents();
    expect(new Set(await cellTexts("hospital"))).toEqual(new Set(["xniet getoond"]));
    expect(await cellTexts("disability_care")).toEqual(await cellTexts("hospital"));
    const rows = page.getByTestId("organisations-table");
    await expect.poll(() => rows.getByText("Ziekenhuis Maasdal 1").count()).toBe(1);
    expect(await rows.getByText("Ziekenhuis Maasdal 5").count()).toBe(0);
    expect(await page.getByText("Alleen organisaties die toestemming gaven, staan in de lijst.").count()).toBe(1);
    await expectAccessible(page);

    // CSV of what is on screen.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV", exact: true }).click(),
    ]);
    const csv = (await downloaded(download)).toString("utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("Land=Nederland");
    expect(csv).toContain("Licht aangepaste cijfers");
    expect(csv).toMatch(/Mediaan;Ziekenhuis;x;x;x/);
    expect(csv).toContain("Ziekenhuis Maasdal 1");
    expect(csv).not.toContain("GGZ Heuvelland");
    expect(csv).not.toMatch(/VERBORGEN|Minimum;|Maximum/);
    await page.context().close();
  });

  it("compares one organisation against the group and opens its item answers", async () => {
    const page = await signedIn("onderzoek@thomasmore.example");
    await page.goto(`${server.url}/partner/benchmark?country=NL`);
    const rows = page.getByTestId("organisations-table");
    // One organisation against the group.
    await rows.getByRole("link", { name: "Met groep vergelijken: Ziekenhuis Maasdal 1" }).click();
    await page.getByRole("heading", { name: "Ziekenhuis Maasdal 1 tegenover de groep" }).waitFor();
    expect(await page.getByTestId("selected-table").locator("tbody tr").count()).toBe(9);
    await expectAccessible(page);

    // Its item answers (it consented).
    await page
      .getByTestId("organisations-table")
      .getByRole("link", { name: "Antwoorden per uitspraak: Ziekenhuis Maasdal 1" })
      .click();
    await page.getByRole("heading", { level: 1, name: /Ziekenhuis Maasdal 1: antwoorden per uitspraak/ }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it(
    "gets a clear message for bad input, and sees the programme totals with the note",
    { timeout: 120_000 },
    async () => {
      const page = await signedIn("onderzoek@thomasmore.example");
      const response = await page.goto(`${server.url}/partner/benchmark?country=FR`);
      expect(response?.status()).toBe(400);
      await page.getByRole("alert").getByText("Deze filterwaarde bestaat niet.").waitFor();
      await expectAccessible(page);
      const hidden = await page.goto(`${server.url}/partner/benchmark/organisations/n999999`);
      expect(hidden?.status()).toBe(404);

      await page.goto(`${server.url}/partner/indicators`);
      await page.getByRole("heading", { level: 1, name: "Programma-indicatoren" }).waitFor();
      await page.getByTestId("adjusted-note").waitFor();
      const byCountry = page.getByTestId("indicators-country");
      const total = (indicator: string) =>
        byCountry.locator(`tr[data-cell="total"] td[data-indicator="${indicator}"]`).textContent();
      expect(Number(await total("organisationsScanned"))).toBeGreaterThanOrEqual(28);
      expect(
        Number(await byCountry.locator('tr[data-cell="NL"] td[data-indicator="organisationsScanned"]').textContent()),
      ).toBeGreaterThanOrEqual(8);
      // Matching history in twelve demo organisations (decision 046): every programme total shows (adjusted), and
      // the Netherlands' matching figures too.
      for (const indicator of [
        "newcomersRegistered",
        "activeMatches",
        "completedMatches",
        "medianDaysToMatch",
        "moduleCompletions",
      ])
        expect(await total(indicator)).toMatch(/^\d+$/);
      expect(await total("shareMatched")).toMatch(/^\d+\s?%$/);
      expect(await byCountry.locator('tr[data-cell="NL"] td[data-indicator="activeMatches"]').textContent()).toMatch(
        /^\d+$/,
      );
      await expectAccessible(page);
      await page.context().close();
    },
  );

  it("works on a phone-sized screen", { timeout: 120_000 }, async () => {
    const page = await signedIn("onderzoek@thomasmore.example", { mobile: true });
    await page.goto(`${server.url}/partner/benchmark?sector=hospital`);
    await expect.poll(() => page.getByText(about(18)).count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("HR", () => {
  it(
    "sees its own position against its country, then its sector, and the choice is remembered",
    { timeout: 120_000 },
    async () => {
      const page = await signedIn("hr@zas.example");
      await page.goto(`${server.url}/hr/benchmark`);
      await page.getByRole("heading", { level: 1, name: "Jouw positie" }).waitFor();
      expect(await page.getByTestId("peer-status").textContent()).toMatch(peers(19));
      expect(await page.getByTestId("position-table").locator("tbody tr").count()).toBe(9);
      await page.getByTestId("adjusted-note").waitFor();
      await expectAccessible(page);
      await page.getByLabel(/Organisaties uit dezelfde sector/).check();
      await page.getByRole("button", { name: "Vergelijken" }).click();
      await page.waitForURL(/group=sector/);
      await expect.poll(() => page.getByTestId("peer-status").textContent()).toMatch(peers(17));
      await page.goto(`${server.url}/hr/benchmark`);
      expect(await page.getByLabel(/Organisaties uit dezelfde sector/).isChecked()).toBe(true);
      await expectAccessible(page);

      const denied = await page.goto(`${server.url}/partner/benchmark`);
      expect(denied?.status()).toBe(403);
      await page.context().close();
    },
  );

  it("sees no group figures and no group size when its peer group is too small", async () => {
    const page = await signedIn("hr@hofterlinde.example");
    await page.goto(`${server.url}/hr/benchmark?group=sector`);
    await page.getByText(/Voor deze groep tonen we geen cijfers/).waitFor();
    expect(await page.getByTestId("position-table").textContent()).toContain("niet getoond");
    expect(await page.getByTestId("peer-status").textContent()).not.toMatch(/\d/);
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("admin", () => {
  it("opens the programme indicators", async () => {
    const page = await signedIn("admin@portal.example");
    await page.goto(`${server.url}/admin`);
    await page
      .getByRole("navigation", { name: "Hoofdnavigatie" })
      .getByRole("link", { name: "Programma-indicatoren" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Programma-indicatoren" }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});

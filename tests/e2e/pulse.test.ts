// The pulse in headless Chromium on a 390 px phone: the demo newcomer answers in Dutch, a buddy answers in an HR
// campaign, and with five answers per group HR sees the perception gap on the results page and in the printed
// report. The newcomer's journey and the buddy's introduction on the way; axe on every page visited.
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

function read<T>(query: string, ...params: unknown[]): T {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return db.prepare(query).get(...params) as T;
  } finally {
    db.close();
  }
}

async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  await expectAccessible(page);
}

/** Picks one answer per statement: `pick(index)` gives the label to choose. */
async function answerAll(page: Page, pick: (index: number) => string): Promise<void> {
  const statements = page.locator("fieldset.scan-item__fieldset");
  const n = await statements.count();
  expect(n).toBeGreaterThanOrEqual(8);
  for (let i = 0; i < n; i++) await statements.nth(i).getByLabel(pick(i), { exact: true }).check();
}

// Generous per-step limit: each step visits several pages with an axe check on a shared, loaded machine.
const STEP = 300_000;

describe("the anonymous pulse and the perception gap", () => {
  let lieve: Page;
  let amal: Page;
  let hr: Page;

  it(
    "the buddy writes an introduction; the newcomer sees her journey in Dutch, leaves a note and answers the pulse",
    async () => {
      // The buddy writes a short introduction first.
      const lieveContext = await newContext(browser, { mobile: true });
      lieveContext.setDefaultTimeout(60_000);
      lieve = await lieveContext.newPage();
      await enterStored(lieve, server, "lieve.maes@zas.example");
      await visit(lieve, "/me/buddy/introduction");
      await lieve
        .getByLabel("Voorstelling")
        .fill(
          "Ik werk al twaalf jaar op Geriatrie. Je vindt me meestal in de vroege dienst; stuur gerust een bericht.",
        );
      await lieve.getByRole("button", { name: "Voorstelling opslaan" }).click();
      await lieve.getByText("Je voorstelling is opgeslagen.").waitFor();

      // The newcomer (her account is in English) switches to Dutch, sees her journey and the week-6 pulse.
      const amalContext = await newContext(browser, { mobile: true });
      amalContext.setDefaultTimeout(60_000);
      amal = await amalContext.newPage();
      await enterStored(amal, server, "nieuwkomer@zas.example");
      await amal.getByRole("button", { name: "Overschakelen naar Nederlands" }).click();
      await amal.getByRole("heading", { name: "Jouw traject" }).waitFor();
      await expectAccessible(amal);
      await expect(amal.getByText("Je buddy: Lieve Maes").isVisible()).resolves.toBe(true);
      await expect(amal.getByText("Ik werk al twaalf jaar op Geriatrie.", { exact: false }).isVisible()).resolves.toBe(
        true,
      );
      await expect(
        amal.getByRole("link", { name: "Werken in een Vlaams of Nederlands zorgteam" }).isVisible(),
      ).resolves.toBe(true);

      // Her own note on the week-6 check-in, with a request to talk.
      await amal
        .getByLabel("Jouw korte notitie (niet verplicht)")
        .nth(1)
        .fill("De overdracht gaat nog te snel voor mij.");
      await amal.getByLabel("Ik wil graag even praten").nth(1).check();
      await amal.getByRole("button", { name: "Opslaan" }).nth(1).click();
      await amal.getByText("Opgeslagen. Je buddy ziet het.").waitFor();
      await expectAccessible(amal);

      await amal.getByRole("link", { name: "Vragenlijst invullen" }).click();
      await amal.getByRole("heading", { level: 1, name: "Jouw ervaring telt" }).waitFor();
      await expectAccessible(amal);
      await expect(amal.getByText("HR ziet niet wie wat antwoordde.", { exact: false }).isVisible()).resolves.toBe(
        true,
      );
      await expect(amal.getByText("Schrijf geen namen", { exact: false }).isVisible()).resolves.toBe(true);
      // Submitting with nothing chosen: a translated message per statement, nothing stored.
      await amal.getByRole("button", { name: "Antwoorden versturen" }).click();
      await amal.getByText("Kies een antwoord, of 'Weet ik niet'.").first().waitFor();
      await expectAccessible(amal);
      await answerAll(amal, (i) => (i === 5 || i === 6 ? "Oneens" : i === 2 ? "Weet ik niet" : "Eens"));
      await amal
        .getByLabel("Wat zou jouw start hier makkelijker maken?", { exact: false })
        .fill("Een woordenlijst van de afdeling.");
      await amal.getByRole("button", { name: "Antwoorden versturen" }).click();
      await amal.getByText("Bedankt! Je antwoorden zijn anoniem opgeslagen.").waitFor();
      await expect(amal.getByRole("link", { name: "Vragenlijst invullen" }).count()).resolves.toBe(0);
      await expectAccessible(amal);
      await visit(amal, "/pulse");
      await expect(
        amal.getByText("Er staat nu geen pulsmeting voor je klaar.", { exact: false }).isVisible(),
      ).resolves.toBe(true);
    },
    STEP,
  );

  it(
    "HR opens a campaign; the buddy answers hers on a phone and sees the newcomer's note",
    async () => {
      const hrContext = await newContext(browser);
      hrContext.setDefaultTimeout(60_000);
      hr = await hrContext.newPage();
      await enterStored(hr, server, "hr@zas.example");
      await visit(hr, "/hr/pulse");
      await expect(
        hr.getByTestId("pulse-buddies").getByText("Niet getoond", { exact: false }).isVisible(),
      ).resolves.toBe(true);
      await hr.getByRole("button", { name: "Pulsmeting openen" }).click();
      await hr.getByText("De pulsmeting is geopend.").waitFor();
      await expectAccessible(hr);

      // The buddy answers hers from the invitation on her home page, and sees the newcomer's note.
      await visit(lieve, "/me");
      await lieve.getByRole("link", { name: "Vragenlijst invullen" }).click();
      await lieve.getByRole("heading", { level: 1, name: "Jouw ervaring telt" }).waitFor();
      await expectAccessible(lieve);
      await answerAll(lieve, (i) => (i === 0 ? "Helemaal oneens" : "Neutraal"));
      await lieve.getByRole("button", { name: "Antwoorden versturen" }).click();
      await lieve.getByText("Bedankt! Je antwoorden zijn anoniem opgeslagen.").waitFor();
      const matchId = read<{ id: number }>(
        "select m.id from matches m join buddy_profiles b on b.id = m.buddy_id join users u on u.id = b.user_id where u.email = ? and m.status = 'active'",
        "lieve.maes@zas.example",
      ).id;
      await visit(lieve, `/me/buddy/matches/${matchId}`);
      await expect(
        lieve.getByTestId("newcomer-notes").getByText("De overdracht gaat nog te snel voor mij.").isVisible(),
      ).resolves.toBe(true);
      await expect(
        lieve.getByTestId("newcomer-notes").getByText("Wil graag even praten", { exact: false }).isVisible(),
      ).resolves.toBe(true);
    },
    STEP,
  );

  it(
    "with five answers per group this half-year, HR sees them, and the gap on the results page and in the report",
    async () => {
      await visit(hr, "/hr/pulse");
      await expect(hr.getByTestId("pulse-newcomers").getByText("5 antwoorden").isVisible()).resolves.toBe(true);
      await expect(hr.getByTestId("pulse-buddies").getByText("5 antwoorden").isVisible()).resolves.toBe(true);
      const scanId = read<{ id: number }>(
        "select s.id from scans s join organisations o on o.id = s.organisation_id where o.name like 'ZAS%' and s.status = 'submitted' order by s.period desc",
      ).id;
      await visit(hr, `/hr/scans/${scanId}/results`);
      const gap = hr.getByTestId("perception-gap");
      const period = read<{ p: string }>(
        "select period as p from pulse_responses group by period order by period desc",
      ).p;
      await expect(gap.getByText(`periode ${period}, 5 antwoorden`, { exact: false }).isVisible()).resolves.toBe(true);
      await expect(gap.locator(".gap-callout").first().textContent()).resolves.toMatch(
        /^Je scoort .+ \d+; (nieuwkomers|buddy's) \d+\./,
      );
      await gap.getByRole("button", { name: "Zet op het actieplan" }).first().click();
      await hr.getByText("Verschil tussen beleid en beleving aanpakken", { exact: false }).first().waitFor();
      await expectAccessible(hr);
      await visit(hr, `/hr/scans/${scanId}/report`);
      const printed = hr.getByTestId("report-perception-gap");
      await expect(printed.locator(".gap-callout").first().textContent()).resolves.toMatch(
        /^Je scoort .+ \d+; (nieuwkomers|buddy's) \d+\./,
      );
      await expect(printed.getByRole("button", { name: "Zet op het actieplan" }).count()).resolves.toBe(0);
      await hr.emulateMedia({ media: "print" });
      await expect(printed.isVisible()).resolves.toBe(true);

      for (const p of [amal, lieve, hr]) await p.context().close();
    },
    STEP,
  );
});

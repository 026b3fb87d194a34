// Issue 15, import, in headless Chromium on a 390 px phone without JavaScript: HR downloads the template, uploads a
// file with three good and two bad rows, reads the problems in plain Dutch, fixes the file and uploads it again,
// confirms, and the five new people receive their invitations over SMTP; the progress counts them. Axe on every
// page visited; no sideways scrolling.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloaded, enterStored, expectAccessible, launchBrowser, newContext } from "../support/browser";
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

async function check(page: Page): Promise<void> {
  await expectAccessible(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, page.url()).toBeLessThanOrEqual(0);
}

async function uploadCsv(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel(/^Bestand \(/).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await page.getByRole("button", { name: "Bestand controleren" }).click();
  await page.getByRole("heading", { name: "3. Controleer wat er gebeurt" }).waitFor();
}

// Generous per-test budget: several pages with an axe check each, five mails, on a shared, loaded machine.
const BUDGET = 300_000;

describe("import of people from a file", () => {
  it(
    "template → upload with problems → fix → confirm → invitations by mail",
    async () => {
      const context = await newContext(browser, { mobile: true, javaScriptEnabled: false });
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      await enterStored(page, server, "hr@zas.example");
      await page.goto(`${server.url}/hr/people`);
      await page.getByRole("link", { name: "Importeren uit een bestand" }).click();
      await page.getByRole("heading", { level: 1, name: "Mensen en afdelingen importeren" }).waitFor();
      await check(page);

      // The Dutch CSV template: semicolons, a BOM, the headers the import reads.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Sjabloon CSV (Nederlands)" }).click(),
      ]);
      const template = (await downloaded(download)).toString("utf8");
      expect(template.startsWith("\uFEFFNaam;E-mail;Rol;Locatie;Afdeling;Taal\r\n")).toBe(true);
      const [xlsx] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Sjabloon Excel (Nederlands)" }).click(),
      ]);
      expect([...(await downloaded(xlsx)).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

      const header = template.replace("\uFEFF", "").split("\r\n")[0];
      const good = [
        "Zoë Peeters;zoe.peeters@import-e2e.example;medewerker;ZAS Middelheim;Geriatrie;nl",
        "Samir El Idrissi;samir.elidrissi@import-e2e.example;medewerker;Campus Import;Dialyse;nl",
        "Anouk de Vries;anouk.devries@import-e2e.example;hr;Campus Import;Dialyse;en",
      ];
      const bad = [
        ";marie.dubois@import-e2e.example;medewerker;ZAS Middelheim;Geriatrie;nl",
        "Kobe Willems;kobe.willems@import-e2e.example;directeur;ZAS Middelheim;Cardiologie;nl",
      ];
      await uploadCsv(page, "personeel.csv", [header, ...good, ...bad].join("\r\n"));
      await check(page);
      const problems = page.locator("table", { has: page.getByRole("columnheader", { name: "Probleem" }) });
      await expect(problems.getByRole("row").count()).resolves.toBe(3);
      expect(await problems.textContent()).toContain("De naam ontbreekt.");
      expect(await problems.textContent()).toContain("Onbekende rol. Gebruik ‘medewerker’ of ‘hr’.");
      expect(await page.getByText("Er is nog niets opgeslagen.").count()).toBe(1);

      // Fixed and uploaded again: five new people, no problems.
      const fixed = [
        ";marie.dubois@import-e2e.example;medewerker;ZAS Middelheim;Geriatrie;nl".replace(/^;/, "Marie Dubois;"),
        bad[1]?.replace("directeur", "medewerker") ?? "",
      ];
      await uploadCsv(page, "personeel-verbeterd.csv", [header, ...good, ...fixed].join("\r\n"));
      await check(page);
      expect(await page.getByRole("columnheader", { name: "Probleem" }).count()).toBe(0);
      const newPeople = page.locator("table", { has: page.getByRole("columnheader", { name: "Afdeling" }) });
      expect(await newPeople.getByRole("row").count()).toBe(6);
      expect(await page.getByText("Afdeling Dialyse (Campus Import)").count()).toBe(1);

      await page.getByRole("button", { name: "Bevestigen en importeren" }).click();
      await page
        .getByText(/Import uitgevoerd: 5 uitgenodigd, 0 gewijzigd, 0 gedeactiveerd, 0 rijen overgeslagen\./)
        .waitFor();
      await check(page);

      const addresses = ["zoe.peeters", "samir.elidrissi", "anouk.devries", "marie.dubois", "kobe.willems"].map(
        (n) => `${n}@import-e2e.example`,
      );
      for (const address of addresses) {
        const mail = await server.mail.waitFor((m) => m.to.includes(address) && m.text.includes("/invite/"), 60_000);
        expect(mail.subject).toMatch(/Uitnodiging|Invitation/);
      }
      const anouk = await server.mail.waitFor((m) => m.to.includes("anouk.devries@import-e2e.example"));
      expect(anouk.subject).toMatch(/Invitation/);

      // The progress counts the sent mails from the outbox.
      await expect
        .poll(
          async () => {
            await page.goto(`${server.url}/hr/import`);
            return page.getByText("5 van 5 uitnodigingen verstuurd.").count();
          },
          { timeout: 60_000 },
        )
        .toBe(1);
      await check(page);
      await context.close();
    },
    BUDGET,
  );

  it(
    "the admin's import page for an organisation passes axe",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await enterStored(page, server, "admin@portal.example");
      await page.goto(`${server.url}/admin/organisations`);
      await page.getByRole("link", { name: /^ZAS/ }).first().click();
      await page.getByRole("link", { name: "Importeren uit een bestand" }).click();
      await page.getByRole("heading", { level: 1, name: /^Importeren voor ZAS/ }).waitFor();
      await expectAccessible(page);
      await context.close();
    },
    BUDGET,
  );
});

// Buddy matching in headless Chromium: HR runs and sends, one buddy accepts, one declines, re-matching finds the
// next best buddy, check-ins appear; axe on every matching page visited.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, login, newContext } from "../support/browser";
import { linkIn } from "../support/mail";
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

async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  await expectAccessible(page);
}

function runCard(page: Page, newcomer: string) {
  return page.locator("article.run-row").filter({ has: page.getByRole("heading", { name: newcomer, level: 2 }) });
}

describe("buddy matching", () => {
  it(
    "HR runs matching and sends; Tom accepts, An declines; re-matching finds the next best buddy; check-ins appear",
    { timeout: 240_000 },
    async () => {
      const hrContext = await newContext(browser);
      const hr = await hrContext.newPage();
      await login(hr, server.url, "hr@zas.example");
      await visit(hr, "/hr/newcomers");
      await expect(hr.getByRole("link", { name: "Hamid Rahimi" }).count()).resolves.toBe(1);
      await hr.getByRole("link", { name: "Hamid Rahimi" }).click();
      await hr.waitForURL(/\/hr\/newcomers\/\d+$/);
      await hr.getByRole("button", { name: "Persoonsgegevens wissen", exact: true }).waitFor();
      await expectAccessible(hr);
      await visit(hr, "/hr/newcomers/new");
      await visit(hr, "/hr/buddies");
      await visit(hr, "/hr/matching");

      await hr.getByRole("button", { name: "Koppelronde starten" }).click();
      await hr.waitForURL(/\/hr\/matching\/runs\/\d+$/);
      await expectAccessible(hr);
      expect(await hr.getByText("Nagerekend: beste verdeling", { exact: false }).first().isVisible()).toBe(true);
      await expect(runCard(hr, "Hamid Rahimi").getByText("Tom Peeters").first().isVisible()).resolves.toBe(true);
      await expect(runCard(hr, "Olena Shevchenko").getByText("An Wouters").first().isVisible()).resolves.toBe(true);
      await expect(
        runCard(hr, "Hamid Rahimi")
          .getByText(/Zelfde afdeling/)
          .first()
          .isVisible(),
      ).resolves.toBe(true);

      await hr.getByRole("button", { name: "Voorstellen versturen", exact: true }).click();
      await hr.getByRole("dialog").getByRole("button", { name: "Ja, verstuur de voorstellen" }).click();
      await hr.getByText("4 voorstellen verstuurd.").waitFor();
      await expectAccessible(hr);

      // Tom accepts from the link in his e-mail, on a phone.
      const mail = await server.mail.waitFor(
        (m) => m.to.includes("tom.peeters@zas.example") && m.text.includes("/me/buddy/proposals/"),
      );
      const link = linkIn(mail.text, "/me/buddy/proposals/");
      const tomContext = await newContext(browser, { mobile: true });
      const tom = await tomContext.newPage();
      await login(tom, server.url, "tom.peeters@zas.example");
      await visit(tom, "/me/buddy");
      await visit(tom, new URL(link).pathname);
      await expect(tom.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Hamid Rahimi");
      await tom.getByRole("button", { name: "Ik aanvaard" }).click();
      await tom.waitForURL(/\/me\/buddy\/matches\/\d+/);
      await tom.getByText("Je bent nu buddy.", { exact: false }).waitFor();
      await expect(tom.locator(".checkin").count()).resolves.toBe(4);
      await expectAccessible(tom);
      await tom.getByLabel("Korte notitie").fill("Kennismaking gepland voor de eerste nachtdienst.");
      await tom.getByRole("button", { name: "Check-in opslaan" }).click();
      await tom.getByText("De check-in is opgeslagen.").waitFor();
      await expect(tom.locator(".checkin--done").count()).resolves.toBe(1);
      await expectAccessible(tom);

      // An declines with a reason, on a phone.
      const anContext = await newContext(browser, { mobile: true });
      const an = await anContext.newPage();
      await login(an, server.url, "an.wouters@zas.example");
      await visit(an, "/me/buddy");
      await an.getByRole("link", { name: "Olena Shevchenko" }).click();
      await an.waitForURL(/\/me\/buddy\/proposals\/\d+/);
      await expectAccessible(an);
      // The decline choice opens its part with the reason and its own send button (decision 163).
      await an.locator("main summary", { hasText: "Ik weiger" }).click();
      await an.getByRole("button", { name: "Weigering versturen" }).click();
      await an.getByText("Geef een korte reden", { exact: false }).first().waitFor();
      await an.getByLabel(/Waarom niet/).fill("Ik ben de komende weken met verlof.");
      await an.getByRole("button", { name: "Weigering versturen" }).click();
      await an.waitForURL(/\/me\/buddy\?notice=/);
      await an.getByText("Je hebt het voorstel geweigerd.", { exact: false }).waitFor();
      await expectAccessible(an);

      // Re-matching: Olena gets the next best buddy; An is no longer among her options.
      await visit(hr, "/hr/matching");
      await hr.getByRole("button", { name: "Koppelronde starten" }).click();
      await hr.waitForURL(/\/hr\/matching\/runs\/\d+$/);
      await expectAccessible(hr);
      const olena = runCard(hr, "Olena Shevchenko");
      const proposal = await olena.locator(".run-row__chosen strong").first().textContent();
      expect(proposal).toBeTruthy();
      expect(proposal).not.toBe("An Wouters");
      await expect(olena.getByText("An Wouters").count()).resolves.toBe(0);

      // HR sees the running match with its check-ins.
      await visit(hr, "/hr/matching");
      await hr
        .getByRole("row", { name: /Hamid Rahimi/ })
        .getByRole("link")
        .click();
      await hr.waitForURL(/\/hr\/matching\/matches\/\d+/);
      await hr.locator(".checkin").first().waitFor();
      await expect(hr.locator(".checkin").count()).resolves.toBe(4);
      await expectAccessible(hr);

      // HR adds a newcomer; with JavaScript the language rows appear one at a time.
      await visit(hr, "/hr/newcomers/new");
      await hr.getByRole("button", { name: "Nog een taal toevoegen" }).waitFor();
      await hr.getByLabel("Naam", { exact: true }).fill("Samira Ouali");
      await hr.getByLabel("Afdeling").selectOption({ label: "Geriatrie — ZAS Middelheim" });
      await hr.getByLabel("Startdatum").fill("2027-03-01");
      await hr.getByLabel("Taal 1", { exact: true }).selectOption({ label: "Arabisch" });
      await hr.getByLabel("Niveau taal 1").selectOption("C2");
      expect(await hr.getByLabel("Taal 3", { exact: true }).isVisible()).toBe(false);
      await hr.getByRole("button", { name: "Nog een taal toevoegen" }).click();
      await hr.getByLabel("Taal 2", { exact: true }).waitFor();
      await hr.getByLabel("Taal 2", { exact: true }).selectOption({ label: "Frans" });
      await hr.getByRole("button", { name: "Nieuwkomer toevoegen" }).click();
      await hr.getByText("Kies een niveau voor deze taal.").waitFor();
      await hr.getByLabel("Niveau taal 2").selectOption("B2");
      await hr.getByRole("button", { name: "Nieuwkomer toevoegen" }).click();
      await hr.waitForURL(/\/hr\/newcomers\/\d+\?notice=/);
      await hr.getByText("De nieuwkomer is toegevoegd.").waitFor();
      await expectAccessible(hr);

      await Promise.all([hrContext.close(), tomContext.close(), anContext.close()]);
    },
  );

  it(
    "the demo employee sees a pending proposal and their profile; the demo newcomer sees their buddy and check-ins",
    { timeout: 240_000 },
    async () => {
      const context = await newContext(browser, { mobile: true });
      const page = await context.newPage();
      await login(page, server.url, "verpleegkundige@zas.example");
      await page.getByRole("link", { name: "Naar mijn buddypagina" }).waitFor();
      await visit(page, "/me/buddy");
      await expect(page.getByRole("link", { name: "Yonas Tesfay" }).count()).resolves.toBe(1);
      await visit(page, "/me/buddy/profile");
      await context.close();

      // Without JavaScript the plain form posts work too: Jonas accepts Yonas.
      const plainContext = await newContext(browser, { javaScriptEnabled: false, mobile: true });
      const plain = await plainContext.newPage();
      await login(plain, server.url, "verpleegkundige@zas.example");
      await visit(plain, "/me/buddy");
      await plain.getByRole("link", { name: "Yonas Tesfay" }).click();
      await plain.waitForURL(/\/me\/buddy\/proposals\/\d+/);
      await plain.getByRole("button", { name: "Ik aanvaard" }).click();
      await plain.waitForURL(/\/me\/buddy\/matches\/\d+/);
      await plain.getByText("Je bent nu buddy.", { exact: false }).waitFor();
      await expect(plain.locator(".checkin").count()).resolves.toBe(4);
      await expectAccessible(plain);
      await plainContext.close();

      const newcomerContext = await newContext(browser, { mobile: true });
      const newcomer = await newcomerContext.newPage();
      await login(newcomer, server.url, "nieuwkomer@zas.example");
      await newcomer.getByText("Lieve Maes", { exact: false }).first().waitFor();
      // The journey timeline (decision 082): the four check-in moments, each with a place for the newcomer's note.
      await expect(newcomer.locator(".journey__step:has(form)").count()).resolves.toBe(4);
      await expect(newcomer.locator(".journey__step--done:has(form)").count()).resolves.toBe(1);
      await expectAccessible(newcomer);
      await newcomerContext.close();
    },
  );
});

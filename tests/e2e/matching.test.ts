// Buddy matching in headless Chromium: HR runs and sends, one buddy accepts, one declines, re-matching finds the
// next best buddy, check-ins appear; axe on every matching page visited. Each step is its own test and starts
// from a prepared state (decision 196): the run-and-send step on a server of its own over the untouched demo; the
// steps after it on a second server where the proposals were sent over HTTP before the tests, each step on its
// own proposal. Sessions are stored rows, not the login form (the form is tested in foundation.test.ts).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, storedSessionPage } from "../support/browser";
import { linkIn } from "../support/mail";
import { startServer, storedSession, type RunningServer } from "../support/server";

/** The untouched demo: HR runs matching and sends in the browser. */
let fresh: RunningServer;
/** The demo after HR ran matching and sent the proposals (over HTTP, in `beforeAll`). */
let sent: RunningServer;
let browser: Browser;

/** Runs matching for ZAS and sends the proposals, the two form posts HR's buttons make. */
async function runAndSend(server: RunningServer): Promise<void> {
  const cookie = storedSession(server, "hr@zas.example");
  const headers = { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: server.url };
  const run = await fetch(`${server.url}/hr/matching?index`, {
    method: "POST",
    headers,
    body: "intent=run",
    redirect: "manual",
  });
  const location = run.headers.get("location") ?? "";
  expect(location, `run: ${run.status}`).toMatch(/^\/hr\/matching\/runs\/\d+$/);
  const send = await fetch(`${server.url}${location}`, {
    method: "POST",
    headers,
    body: "intent=send&confirm=yes",
    redirect: "manual",
  });
  expect(send.headers.get("location") ?? "", `send: ${send.status}`).toMatch(/notice=matching\.run\.sent/);
}

beforeAll(async () => {
  [fresh, sent, browser] = await Promise.all([startServer(), startServer(), launchBrowser()]);
  await runAndSend(sent);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([fresh?.stop(), sent?.stop()]);
});

async function visit(page: Page, server: RunningServer, path: string): Promise<void> {
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  await expectAccessible(page);
}

function runCard(page: Page, newcomer: string) {
  return page.locator("article.run-row").filter({ has: page.getByRole("heading", { name: newcomer, level: 2 }) });
}

describe("buddy matching", () => {
  it("HR opens the newcomers and buddies, runs matching, reads the best distribution and sends the proposals", async () => {
    const server = fresh;
    const hr = await storedSessionPage(browser, server, "hr@zas.example");
    await visit(hr, server, "/hr/newcomers");
    await expect(hr.getByRole("link", { name: "Hamid Rahimi" }).count()).resolves.toBe(1);
    await hr.getByRole("link", { name: "Hamid Rahimi" }).click();
    await hr.waitForURL(/\/hr\/newcomers\/\d+$/);
    await hr.getByRole("button", { name: "Persoonsgegevens wissen", exact: true }).waitFor();
    await expectAccessible(hr);
    await visit(hr, server, "/hr/newcomers/new");
    await visit(hr, server, "/hr/buddies");
    await visit(hr, server, "/hr/matching");

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
    // Each buddy gets the proposal by e-mail, with a link to it.
    const mail = await server.mail.waitFor(
      (m) => m.to.includes("tom.peeters@zas.example") && m.text.includes("/me/buddy/proposals/"),
    );
    expect(new URL(linkIn(mail.text, "/me/buddy/proposals/")).pathname).toMatch(/^\/me\/buddy\/proposals\/\d+$/);
    await hr.context().close();
  });

  it("Tom accepts from the link in his e-mail on a phone and logs a check-in; HR sees the match with its check-ins", async () => {
    const server = sent;
    const mail = await server.mail.waitFor(
      (m) => m.to.includes("tom.peeters@zas.example") && m.text.includes("/me/buddy/proposals/"),
    );
    const link = linkIn(mail.text, "/me/buddy/proposals/");
    const tom = await storedSessionPage(browser, server, "tom.peeters@zas.example", { mobile: true });
    await visit(tom, server, "/me/buddy");
    await visit(tom, server, new URL(link).pathname);
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
    await tom.context().close();

    // HR sees the running match with its check-ins.
    const hr = await storedSessionPage(browser, server, "hr@zas.example");
    await visit(hr, server, "/hr/matching");
    await hr
      .getByRole("row", { name: /Hamid Rahimi/ })
      .getByRole("link")
      .click();
    await hr.waitForURL(/\/hr\/matching\/matches\/\d+/);
    await hr.locator(".checkin").first().waitFor();
    await expect(hr.locator(".checkin").count()).resolves.toBe(4);
    await expectAccessible(hr);
    await hr.context().close();
  });

  it("An declines with a reason on a phone; re-matching gives Olena the next best buddy, without An", async () => {
    const server = sent;
    const an = await storedSessionPage(browser, server, "an.wouters@zas.example", { mobile: true });
    await visit(an, server, "/me/buddy");
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
    await an.context().close();

    // Re-matching: Olena gets the next best buddy; An is no longer among her options.
    const hr = await storedSessionPage(browser, server, "hr@zas.example");
    await visit(hr, server, "/hr/matching");
    await hr.getByRole("button", { name: "Koppelronde starten" }).click();
    await hr.waitForURL(/\/hr\/matching\/runs\/\d+$/);
    await expectAccessible(hr);
    const olena = runCard(hr, "Olena Shevchenko");
    const proposal = await olena.locator(".run-row__chosen strong").first().textContent();
    expect(proposal).toBeTruthy();
    expect(proposal).not.toBe("An Wouters");
    await expect(olena.getByText("An Wouters").count()).resolves.toBe(0);
    await hr.context().close();
  });

  it("HR adds a newcomer; with JavaScript the language rows appear one at a time", async () => {
    const server = sent;
    const hr = await storedSessionPage(browser, server, "hr@zas.example");
    await visit(hr, server, "/hr/newcomers/new");
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
    await hr.context().close();
  });

  it("the demo employee sees a pending proposal and their profile, and accepts it without JavaScript", async () => {
    const server = sent;
    const page = await storedSessionPage(browser, server, "verpleegkundige@zas.example", { mobile: true });
    await page.goto(`${server.url}/me`);
    await page.getByRole("link", { name: "Naar mijn buddypagina" }).waitFor();
    await visit(page, server, "/me/buddy");
    await expect(page.getByRole("link", { name: "Yonas Tesfay" }).count()).resolves.toBe(1);
    await visit(page, server, "/me/buddy/profile");
    await page.context().close();

    // Without JavaScript the plain form posts work too: Jonas accepts Yonas.
    const plain = await storedSessionPage(browser, server, "verpleegkundige@zas.example", {
      javaScriptEnabled: false,
      mobile: true,
    });
    await visit(plain, server, "/me/buddy");
    await plain.getByRole("link", { name: "Yonas Tesfay" }).click();
    await plain.waitForURL(/\/me\/buddy\/proposals\/\d+/);
    await plain.getByRole("button", { name: "Ik aanvaard" }).click();
    await plain.waitForURL(/\/me\/buddy\/matches\/\d+/);
    await plain.getByText("Je bent nu buddy.", { exact: false }).waitFor();
    await expect(plain.locator(".checkin").count()).resolves.toBe(4);
    await expectAccessible(plain);
    await plain.context().close();
  });

  it("the demo newcomer sees their buddy and the four check-in moments on a phone", async () => {
    const server = fresh;
    const newcomer = await storedSessionPage(browser, server, "nieuwkomer@zas.example", { mobile: true });
    await newcomer.goto(`${server.url}/newcomer`);
    await newcomer.getByText("Lieve Maes", { exact: false }).first().waitFor();
    // The journey timeline (decision 082): the four check-in moments, each with a place for the newcomer's note.
    await expect(newcomer.locator(".journey__step:has(form)").count()).resolves.toBe(4);
    await expect(newcomer.locator(".journey__step--done:has(form)").count()).resolves.toBe(1);
    await expectAccessible(newcomer);
    await newcomer.context().close();
  });
});

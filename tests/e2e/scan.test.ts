// The scan journey in headless Chromium: two HR users fill in one scan (partly without JavaScript), a tab is
// closed mid-way and nothing is lost, the scan is submitted and locked, and results, report and exports agree.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTRUMENT_V1 } from "@db/reference/instrument-v1";
import { scoreScan, type AnswerValue } from "~/features/scan/scoring";
import { expectAccessible, launchBrowser, login, newContext } from "../support/browser";
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

const dimensions = INSTRUMENT_V1.dimensions;
const instrument = { dimensions: dimensions.map((d) => ({ key: d.key, items: d.items.map((i) => ({ key: i.key, core: i.core })) })) };

/** The planned answer of every item: varied, with "don't know" / "n.a." but ≥ 3 scored items per dimension. */
function planned(dimIndex: number, itemIndex: number): AnswerValue {
  if (itemIndex === 4 && dimIndex % 3 === 0) return "dont_know";
  if (itemIndex === 3 && dimIndex === 4) return "not_applicable";
  return String((dimIndex + itemIndex * 2) % 5) as AnswerValue;
}
const plan = new Map(dimensions.flatMap((d, di) => d.items.map((item, ii) => [item.key, planned(di, ii)] as const)));
const keysOf = (from: number, to: number) => dimensions.slice(from, to).flatMap((d) => d.items.map((i) => i.key));

const item = (page: Page, key: string) => page.locator(`[id="item-${key}"]`);

async function waitHydrated(page: Page) {
  await page.locator('.scan-layout[data-hydrated="true"]').waitFor();
}

let scanUrl = "";

/** The scan page shows one dimension at a time: open the item's dimension unless it is already on screen. */
async function ensureOn(page: Page, key: string, js = true) {
  if ((await item(page, key).count()) > 0) return;
  await page.goto(`${scanUrl}?d=${key.split(".")[0]}`);
  if (js) await waitHydrated(page);
}

async function checkedValue(page: Page, key: string, js = true) {
  await ensureOn(page, key, js);
  return item(page, key).locator("input[name=value]:checked").getAttribute("value");
}

async function answerWithJs(page: Page, key: string, value = plan.get(key) ?? "2") {
  await ensureOn(page, key);
  const li = item(page, key);
  await li.locator(`input[name="value"][value="${value}"]`).check();
  await expect.poll(() => li.locator(".scan-item__status").textContent()).toMatch(/^(Opgeslagen|Saved)/);
}

function nl(n: number) {
  return new Intl.NumberFormat("nl-BE", { maximumFractionDigits: 0 }).format(n);
}

describe("inclusion scan", () => {
  it("two HR users fill in a scan — with and without JavaScript — submit it, and see the right results, report and exports", async () => {
    // Sofie starts a new scan with JavaScript on.
    const sofieContext = await newContext(browser);
    const sofie = await sofieContext.newPage();
    await login(sofie, server.url, "hr@zas.example");
    await expectAccessible(sofie);
    await sofie.getByRole("link", { name: "Inclusiescan" }).first().click();
    await sofie.waitForURL(/\/hr\/scans$/);
    await expectAccessible(sofie);
    await sofie.getByLabel("Periode").fill("2027");
    await sofie.getByLabel("Met een lege scan").check();
    await sofie.getByRole("button", { name: "Scan starten" }).click();
    await sofie.waitForURL(/\/hr\/scans\/\d+\?/);
    scanUrl = sofie.url().split("?")[0] ?? "";
    await waitHydrated(sofie);
    await expectAccessible(sofie);

    // Dimensions 1–2 with JavaScript, one of them keyboard-only: focus a radio and use the arrow keys.
    for (const key of keysOf(0, 2).slice(1)) await answerWithJs(sofie, key);
    await ensureOn(sofie, "leadership.1");
    const first = item(sofie, "leadership.1");
    await first.locator('input[name="value"][value="0"]').focus();
    await sofie.keyboard.press("ArrowRight");
    const firstTarget = plan.get("leadership.1");
    await expect.poll(() => first.locator("input[name=value]:checked").getAttribute("value")).toBe("1");
    if (firstTarget !== "1") await answerWithJs(sofie, "leadership.1");
    await expect.poll(() => first.locator(".scan-item__status").textContent()).toMatch(/^Opgeslagen/);
    // A comment is saved when the field loses focus.
    await first.getByLabel(/Toelichting of bewijs/).fill("Beslissing directiecomité 12 maart");
    await first.getByLabel(/Toelichting of bewijs/).press("Tab");
    await expect.poll(() => first.locator(".scan-item__status").textContent()).toMatch(/^Opgeslagen/);
    expect(await sofie.getByTestId("progress-leadership").textContent()).toBe("5/5");
    await expectAccessible(sofie);
    // She closes the tab mid-way.
    await sofieContext.close();

    // She comes back without JavaScript: every answer is there; she answers dimension 3 with plain form posts.
    const plainContext = await newContext(browser, { javaScriptEnabled: false });
    const plain = await plainContext.newPage();
    await login(plain, server.url, "hr@zas.example");
    await plain.goto(scanUrl);
    for (const key of keysOf(0, 2)) expect(await checkedValue(plain, key, false), key).toBe(plan.get(key));
    await ensureOn(plain, "leadership.1", false);
    expect(await item(plain, "leadership.1").getByLabel(/Toelichting of bewijs/).inputValue()).toBe("Beslissing directiecomité 12 maart");
    for (const key of keysOf(2, 3)) {
      await ensureOn(plain, key, false);
      const li = item(plain, key);
      await li.locator(`input[name="value"][value="${plan.get(key)}"]`).check();
      await li.getByRole("button", { name: "Opslaan" }).click();
      await plain.waitForURL((url) => url.hash === `#item-${key}` && url.searchParams.get("saved") === key);
      expect(await item(plain, key).locator(".scan-item__notice").textContent()).toBe("Je antwoord is opgeslagen.");
    }
    expect(await item(plain, "recognition.1").locator(".scan-item__meta").textContent()).toMatch(/^Laatst beantwoord door Sofie Janssens/);
    await expectAccessible(plain);
    await plainContext.close();

    // Sofie (JavaScript again) and Karim answer in parallel: she does dimensions 4–6, he does 7–8 and one of hers.
    const aContext = await newContext(browser);
    const bContext = await newContext(browser, { mobile: true });
    const a = await aContext.newPage();
    const b = await bContext.newPage();
    await Promise.all([login(a, server.url, "hr@zas.example"), login(b, server.url, "diversiteit@zas.example")]);
    await Promise.all([a.goto(scanUrl), b.goto(scanUrl)]);
    await Promise.all([waitHydrated(a), waitHydrated(b)]);
    await expectAccessible(b);
    // Karim also has the onboarding step open in a second tab, before Sofie answers it.
    const bStale = await bContext.newPage();
    await bStale.goto(`${scanUrl}?d=onboarding`);
    await waitHydrated(bStale);
    await Promise.all([
      (async () => {
        for (const key of keysOf(3, 6)) await answerWithJs(a, key);
      })(),
      (async () => {
        for (const key of keysOf(6, 8)) await answerWithJs(b, key);
        // Karim's page still shows no answer for onboarding.1 (Sofie answers it on hers): his answer wins, and
        // his page tells him whose answer he replaced once hers was saved first.
      })(),
    ]);
    await answerWithJs(bStale, "onboarding.1", "4");
    await expect.poll(() => item(bStale, "onboarding.1").locator(".scan-item__notice--warning").textContent()).toMatch(/Je hebt het antwoord van Sofie Janssens/);
    await answerWithJs(bStale, "onboarding.1", plan.get("onboarding.1"));
    await aContext.close();
    await bContext.close();

    // A fresh page shows everything, with the last answerer per item; then submit.
    const finalContext = await newContext(browser);
    const page = await finalContext.newPage();
    await login(page, server.url, "hr@zas.example");
    await page.goto(scanUrl);
    await waitHydrated(page);
    for (const [key, value] of plan) expect(await checkedValue(page, key), key).toBe(value);
    expect(await page.locator(".scan-progress-total").textContent()).toBe("40 van 40 beantwoord");
    await ensureOn(page, "onboarding.1");
    expect(await item(page, "onboarding.1").locator(".scan-item__meta").textContent()).toMatch(/^Laatst beantwoord door Karim Bouzid/);
    await ensureOn(page, "monitoring.5");
    expect(await item(page, "monitoring.5").locator(".scan-item__meta").textContent()).toMatch(/^Laatst beantwoord door Karim Bouzid/);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Scan indienen" }).click();
    await page.waitForURL(/\/results/);
    await expectAccessible(page);

    // The results follow the scoring rules.
    const expected = scoreScan(instrument, Object.fromEntries(plan));
    expect(expected.overall).not.toBeNull();
    expect(await page.getByTestId("overall-score").textContent()).toBe(nl(expected.overall ?? 0));
    expect(await page.getByTestId("overall-level").textContent()).toMatch(new RegExp(`^${expected.overallLevel} · `));
    for (const d of expected.dimensions) {
      expect(await page.getByTestId(`score-${d.key}`).textContent(), d.key).toBe(d.score === null ? "Onvoldoende gegevens" : nl(d.score));
    }
    const flagged = await page.getByTestId("core-flags").textContent().catch(() => "");
    for (const key of expected.flaggedCoreItems) expect(flagged).toContain(key);

    // The scan is locked.
    await page.goto(scanUrl);
    expect(await item(page, "leadership.1").locator("input[name=value]").first().isDisabled()).toBe(true);
    const late = await page.request.post(`${scanUrl}/answers`, { form: { itemKey: "leadership.1", value: "4" } });
    expect(late.status(), `${late.url()} ${(await late.text()).slice(0, 300)}`).toBe(409);
    await expectAccessible(page);

    // An action from a gap appears on the results page and in the report.
    await page.goto(`${scanUrl}/results`);
    await page.getByLabel("Actie", { exact: true }).fill("Taalcoach op elke afdeling inplannen");
    await page.getByLabel("Eigenaar").fill("Karim Bouzid");
    await page.getByLabel("Uiterlijk op").fill("2027-06-30");
    await page.getByRole("button", { name: "Actie toevoegen" }).click();
    await page.waitForURL(/notice=scan\.actions\.added/);
    expect(await page.getByTestId("action-table").textContent()).toContain("Taalcoach op elke afdeling inplannen");
    await expectAccessible(page);

    // The report prints (print CSS hides the site chrome) and saves as a PDF.
    await page.getByRole("link", { name: "Rapport afdrukken" }).click();
    await page.waitForURL(/\/report$/);
    await expectAccessible(page);
    expect(await page.getByTestId("report-meta").textContent()).toMatch(/^ZAS Ziekenhuis aan de Stroom · periode 2027 · instrumentversie 1 · /);
    expect(await page.getByTestId("action-table").textContent()).toContain("Taalcoach op elke afdeling inplannen");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.getByTestId("overall-score").textContent()).toBe(nl(expected.overall ?? 0));
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    // CSV and JSON hold the same numbers.
    const json = (await (await page.request.get(`${scanUrl}/export.json`)).json()) as {
      overall: { score: number; level: number };
      dimensions: { key: string; score: number | null; level: number | null }[];
      items: { key: string; value: string; comment: string | null }[];
    };
    expect(json.overall).toMatchObject({ score: expected.overall, level: expected.overallLevel });
    expect(json.dimensions.map((d) => [d.key, d.score, d.level])).toEqual(expected.dimensions.map((d) => [d.key, d.score, d.level]));
    expect(Object.fromEntries(json.items.map((i) => [i.key, i.value]))).toEqual(Object.fromEntries(plan));
    const csvResponse = await page.request.get(`${scanUrl}/export.csv`);
    expect(csvResponse.headers()["content-disposition"]).toBe('attachment; filename="scan-zas-ziekenhuis-aan-de-stroom-2027.csv"');
    const rows = (await csvResponse.text()).trim().split("\r\n").map((l) => l.split(","));
    for (const d of expected.dimensions) {
      const row = rows.find((r) => r[0] === "dimension" && r[1] === d.key);
      expect(row?.[4] === "" ? null : Number(row?.[4])).toBe(d.score);
    }
    expect(Number(rows.find((r) => r[0] === "overall")?.[4])).toBe(expected.overall);
    await finalContext.close();
    // A long journey (over 100 answers through the browser, eight axe runs): a generous limit on a busy machine.
  }, 240_000);

  it("an answer given without a connection stays on screen, says it is not saved, and is saved once back online", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, server.url, "diversiteit@zas.example");
    await page.goto(`${server.url}/hr/scans`);
    await page.getByRole("row", { name: /^2026 / }).getByRole("link", { name: "Verder invullen" }).click();
    await waitHydrated(page);
    const li = item(page, "onboarding.3");
    expect(await li.locator("input[name=value]:checked").count()).toBe(0);
    await context.setOffline(true);
    await li.locator('input[name="value"][value="2"]').check();
    await expect.poll(() => li.locator(".scan-item__status").textContent()).toMatch(/^(Geen verbinding|Niet opgeslagen)/);
    expect(await li.locator("input[name=value]:checked").getAttribute("value")).toBe("2");
    await context.setOffline(false);
    await expect.poll(() => li.locator(".scan-item__status").textContent(), { timeout: 20_000 }).toMatch(/^Opgeslagen/);
    await page.reload();
    expect(await item(page, "onboarding.3").locator("input[name=value]:checked").getAttribute("value")).toBe("2");
    expect(await item(page, "onboarding.3").locator(".scan-item__meta").textContent()).toMatch(/^Laatst beantwoord door Karim Bouzid/);
    await context.close();
  });

  it("the draft and results of the demo scans open without errors, also on a phone, and pass axe", async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await login(page, server.url, "hr@zas.example");
    await page.goto(`${server.url}/hr/scans`);
    await expectAccessible(page);
    await page.getByRole("row", { name: /^2026 / }).getByRole("link", { name: "Verder invullen" }).click();
    await waitHydrated(page);
    expect(await page.locator(".scan-progress-total").textContent()).toMatch(/^\d+ van 40 beantwoord$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await page.goto(`${server.url}/hr/scans`);
    await page.getByRole("link", { name: "Resultaten" }).first().click();
    await page.waitForURL(/\/results$/);
    await expectAccessible(page);
    await context.close();
  });
});

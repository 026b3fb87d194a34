// Data tables on a 390 px phone (decision 162): every row becomes a card with its column names, nothing is wider
// than the screen, and what a row says (the newcomer's status and buddy) is in view without scrolling sideways.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, signedInPage } from "../support/browser";
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

const documentWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The boxes of every cell of every table whose right edge lies past the screen, as "row text" for the message. */
async function cellsOutOfView(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("main table td, main table tbody th")]
      .filter((cell) => {
        const box = cell.getBoundingClientRect();
        return box.width > 0 && (box.right > window.innerWidth + 0.5 || box.left < -0.5);
      })
      .map((cell) => (cell.textContent ?? "").trim().slice(0, 40)),
  );
}

/** The text of the cell under the column headed `header` in the body row that contains `rowText`. */
async function cellUnder(page: Page, table: string, rowText: string, header: RegExp) {
  const headers = await page.locator(`${table} thead th`).allTextContents();
  const index = headers.findIndex((h) => header.test(h.trim()));
  expect(index, `column ${header} in ${headers.join(" | ")}`).toBeGreaterThanOrEqual(0);
  return page.locator(`${table} tbody tr`, { hasText: rowText }).first().locator("td, th").nth(index);
}

async function expectInView(page: Page, cell: ReturnType<Page["locator"]>) {
  await cell.scrollIntoViewIfNeeded();
  const box = await cell.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left, right: rect.right, width: rect.width };
  });
  expect(box.width).toBeGreaterThan(0);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(390);
}

describe("tables become cards on a 390 px phone", () => {
  it("HR's newcomers: each card shows the status and the buddy, labelled, within the screen", async () => {
    const page = await signedInPage(browser, server.url, "hr@zas.example", { mobile: true });
    await page.goto(`${server.url}/hr/newcomers`);
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await cellsOutOfView(page)).toEqual([]);

    // A newcomer with a buddy: their row names the buddy in view, under a visible "Buddy" label.
    const withBuddy = page.locator("main table tbody tr").filter({ hasNotText: /—\s*$/ }).first();
    const rowText = ((await withBuddy.locator("td").first().textContent()) ?? "").trim();
    const status = await cellUnder(page, "main table", rowText, /^Waar staat het$/i);
    const buddy = await cellUnder(page, "main table", rowText, /^buddy$/i);
    await expectInView(page, status);
    await expectInView(page, buddy);
    expect(await status.getAttribute("data-label")).toBe("Waar staat het");
    expect(await buddy.getAttribute("data-label")).toBe("Buddy");
    // The label is drawn above the value, and a screen reader still finds a table with its column headers.
    const label = await buddy.evaluate((cell) => getComputedStyle(cell, "::before").content);
    expect(label).toContain("Buddy");
    expect(await page.getByRole("table").count()).toBeGreaterThan(0);
    expect(await page.getByRole("columnheader", { name: "Buddy" }).count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });

  it("on a wide screen the same list stays a table with its header row in view", async () => {
    const page = await signedInPage(browser, server.url, "hr@zas.example");
    await page.goto(`${server.url}/hr/newcomers`);
    const header = page.locator("main table thead th").first();
    expect(await header.isVisible()).toBe(true);
    expect(await header.evaluate((th) => getComputedStyle(th).display)).toBe("table-cell");
    await page.context().close();
  });

  it.each([
    ["hr@zas.example", "/hr/scans"],
    ["hr@zas.example", "/hr/people"],
    ["hr@zas.example", "/hr/matching"],
    ["hr@zas.example", "/hr/buddies"],
    ["hr@zas.example", "/hr/modules"],
    ["admin@portal.example", "/admin/users"],
    ["admin@portal.example", "/admin/organisations"],
    ["admin@portal.example", "/admin/outbox"],
    ["admin@portal.example", "/admin/audit"],
  ])("%s %s: no sideways scrolling and every cell within the screen", async (email, path) => {
    const page = await signedInPage(browser, server.url, email, { mobile: true });
    await page.goto(`${server.url}${path}`);
    expect(await page.locator("main table").count()).toBeGreaterThan(0);
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await cellsOutOfView(page)).toEqual([]);
    await expectAccessible(page);
    await page.context().close();
  });
});

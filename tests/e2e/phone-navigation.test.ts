// The main navigation on a 390 px phone: a menu button for long menus (with and without JavaScript), the few
// entries of buddies and newcomers in view, and never a page wider than the screen.
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

const nav = (page: Page) => page.getByRole("navigation", { name: /^(Hoofdnavigatie|Main navigation)$/ });
const documentWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const navWidth = (page: Page) => nav(page).evaluate((element) => element.scrollWidth);

describe("phone navigation", () => {
  it("HR's twelve entries fold behind a menu button that names the current place; opening, following and Escape behave", async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await enterStored(page, server, "hr@zas.example");
    await page.goto(`${server.url}/hr/scans`);
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await navWidth(page)).toBeLessThanOrEqual(390);

    const toggle = nav(page).locator("summary");
    await expect.poll(() => toggle.textContent()).toContain("Menu");
    expect(await toggle.textContent()).toContain("Inclusiescan");
    expect(await nav(page).getByRole("link").count()).toBe(0);
    await expectAccessible(page);

    await toggle.click();
    const links = nav(page).getByRole("link");
    expect(await links.count()).toBe(12);
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    // Every entry is in view, one under the other, none cut off at the right.
    for (const box of await links.evaluateAll((anchors) => anchors.map((a) => a.getBoundingClientRect().right))) {
      expect(box).toBeLessThanOrEqual(390);
    }

    await nav(page).getByRole("link", { name: "Nieuwkomers" }).click();
    await page.waitForURL((url) => url.pathname === "/hr/newcomers");
    await expect.poll(() => nav(page).getByRole("link").count()).toBe(0);
    expect(await toggle.textContent()).toContain("Nieuwkomers");

    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await nav(page).getByRole("link").count()).toBe(12);
    await page.keyboard.press("Escape");
    expect(await nav(page).getByRole("link").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
    await context.close();
  });

  it("without JavaScript the menu button opens the menu and its links work", async () => {
    const context = await newContext(browser, { mobile: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await enterStored(page, server, "hr@zas.example");
    expect(await nav(page).getByRole("link").count()).toBe(0);
    await nav(page).locator("summary").click();
    expect(await nav(page).getByRole("link").count()).toBe(12);
    await nav(page).getByRole("link", { name: "Mensen" }).click();
    await page.waitForURL((url) => url.pathname === "/hr/people");
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it.each([
    ["verpleegkundige@zas.example", 4],
    ["nieuwkomer@zas.example", 3],
  ])("%s sees all %i entries at once, without a menu button or sideways scrolling", async (email, count) => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await enterStored(page, server, email);
    expect(await nav(page).getByRole("link").count()).toBe(count);
    expect(await nav(page).locator("summary").isVisible()).toBe(false);
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await navWidth(page)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await context.close();
  });

  it("on a desktop screen every HR entry is in view without opening anything", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await enterStored(page, server, "hr@zas.example");
    expect(await nav(page).getByRole("link").count()).toBe(12);
    expect(await nav(page).locator("summary").isVisible()).toBe(false);
    await context.close();
  });
});

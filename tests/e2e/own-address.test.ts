// Issue 14: a form on an index route, posted without JavaScript, used to end on "…?index" after an error; it now
// posts to the page's own address (components/ui/own-address.ts).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, signInContext } from "../support/browser";
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

describe("a form error on an index page without JavaScript", () => {
  it("keeps the page's own address and shows the error there", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    await signInContext(context, server.url, "hr@zas.example");
    const page = await context.newPage();
    await page.goto(`${server.url}/hr/scans`);
    const form = page.locator("main form", { has: page.locator("input[name='period']") });
    await form.locator("input[name='period']").fill("abc");
    await form.locator("button[type='submit']").click();
    await page.waitForLoadState("load");
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/hr/scans");
    expect(await page.locator("main").innerText()).toContain("Vul een jaartal in zoals 2026");
    await context.close();
  });

  it.each(["/hr/scans", "/hr/matching", "/hr/modules"])("%s: no form posts to ?index", async (path) => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    await signInContext(context, server.url, "hr@zas.example");
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    const actions = await page
      .locator("form[method='post' i]")
      .evaluateAll((forms) => forms.map((f) => f.getAttribute("action") ?? ""));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => a.includes("index"))).toEqual([]);
    await context.close();
  });
});

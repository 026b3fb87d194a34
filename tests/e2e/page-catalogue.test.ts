// The page's language catalogue (issue 18, docs/decisions/140, 143): a file of its own that the document links and
// the browser keeps, not ~100 KB of JSON inside every page; the page still hydrates in its language.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "../support/browser";
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

describe("the language catalogue", () => {
  it("is not written into the document, which links it as a file cached for a year", async () => {
    const html = await (await fetch(`${server.url}/login`, { headers: { "Accept-Language": "nl-BE" } })).text();
    expect(html).not.toContain("Vul dit veld in.");
    expect(html.length).toBeLessThan(30_000);
    const href = /<link id="portal-messages"[^>]*href="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(href).toMatch(/^\/messages\/nl\?v=[0-9a-f]{12}$/);

    const file = await fetch(`${server.url}${href}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const messages = (await file.json()) as { validation?: { required?: string } };
    expect(messages.validation?.required).toBe("Vul dit veld in.");
  });

  it("is cached only briefly under an old version, and an unknown language is a 404", async () => {
    const stale = await fetch(`${server.url}/messages/en?v=000000000000`);
    expect(stale.status).toBe(200);
    expect(stale.headers.get("cache-control")).toBe("public, max-age=60");
    expect(((await stale.json()) as { validation?: { required?: string } }).validation?.required).toBe(
      "Please fill in this field.",
    );
    expect((await fetch(`${server.url}/messages/de`)).status).toBe(404);
  });

  it("reaches the hydrated page: its own checks speak the page's language", async () => {
    const context = await newContext(browser, { locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    // Once hydrated, the form checks its fields itself (noValidate) with the catalogue's messages.
    await page.locator("form[novalidate]:has(input[type=password])").waitFor();
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByText("Please fill in this field.").count()).toBeGreaterThan(0);
    expect(await page.locator("body").innerText()).not.toContain("validation.");
    await context.close();
  });
});

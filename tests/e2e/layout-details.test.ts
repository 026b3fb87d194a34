// The smaller findings of issue 14 (decision 164): a 404 inside the signed-in layout, a focus ring the navigation
// does not clip, e-mail addresses that break only at sensible points, and a "+" only where something can be added.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, signedInPage, newContext } from "../support/browser";
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

/** The parts of the focused element's outline that an ancestor cuts off, as "ancestor: side" strings. */
async function clippedOutline(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) return ["nothing focused"];
    const style = getComputedStyle(element);
    const reach = Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset);
    const box = element.getBoundingClientRect();
    const ring = { left: box.left - reach, right: box.right + reach, top: box.top - reach, bottom: box.bottom + reach };
    const cut: string[] = [];
    if (style.outlineStyle === "none" || Number.parseFloat(style.outlineWidth) === 0) cut.push("no outline");
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const s = getComputedStyle(parent);
      const clips = [s.overflowX, s.overflowY].some((o) => o !== "visible") || /paint|strict|content/.test(s.contain);
      if (!clips) continue;
      const p = parent.getBoundingClientRect();
      const name = `${parent.tagName.toLowerCase()}.${parent.className}`;
      if (ring.left < p.left - 0.5) cut.push(`${name}: left`);
      if (ring.right > p.right + 0.5) cut.push(`${name}: right`);
      if (ring.top < p.top - 0.5) cut.push(`${name}: top`);
      if (ring.bottom > p.bottom + 0.5) cut.push(`${name}: bottom`);
    }
    return cut;
  });
}

/** E-mail addresses in the main content that wrap anywhere but after "@" or before a dot. */
async function addressesBrokenMidWord(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main") ?? document.body, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    // An address may be split over several text nodes (break opportunities between them): join per parent.
    const parents = new Set(texts.map((t) => t.parentElement).filter((p): p is HTMLElement => p !== null));
    for (const parent of parents) {
      const nodes = [...parent.childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE);
      const chars: { ch: string; top: number }[] = [];
      for (const node of nodes) {
        for (let i = 0; i < node.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (rect) chars.push({ ch: node.data[i] ?? "", top: rect.top });
        }
      }
      const text = chars.map((c) => c.ch).join("");
      for (const match of text.matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g)) {
        const start = match.index ?? 0;
        for (let i = start + 1; i < start + match[0].length; i++) {
          const [before, here] = [chars[i - 1], chars[i]];
          if (!before || !here || here.top <= before.top + 1) continue;
          if (before.ch !== "@" && here.ch !== ".") bad.push(`${match[0]} at ${i - start}`);
        }
      }
    }
    return bad;
  });
}

describe("layout details", () => {
  it("an unknown address shows the 404 inside the signed-in layout, with header and menu", async () => {
    const page = await signedInPage(browser, server.url, "hr@zas.example");
    const response = await page.goto(`${server.url}/hr/dit-bestaat-niet`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => nav(page).count()).toBe(1);
    expect(await nav(page).getByRole("link", { name: "Nieuwkomers" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Afmelden" }).count()).toBe(1);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/niet gevonden/i);
    await expectAccessible(page);
    await page.context().close();
  });

  it("signed out, an unknown address still gets a translated 404 page", async () => {
    const context = await newContext(browser, { locale: "en-GB" });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/no/such/page`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("header").count()).toBeGreaterThan(0);
    expect(await nav(page).count()).toBe(0);
    await context.close();
  });

  it("the focus ring of every menu entry is drawn whole, on a wide screen and in the phone menu", async () => {
    for (const mobile of [false, true]) {
      const page = await signedInPage(browser, server.url, "hr@zas.example", { mobile });
      await page.goto(`${server.url}/hr/newcomers`);
      if (mobile) await nav(page).locator("summary").click();
      const links = nav(page).getByRole("link");
      const count = await links.count();
      expect(count).toBeGreaterThan(5);
      if (mobile) {
        // Reached by keyboard (Shift+Tab from the first entry), so the browser shows its focus ring.
        await links.first().focus();
        await page.keyboard.press("Shift+Tab");
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
        expect(await clippedOutline(page), "phone menu button").toEqual([]);
      }
      for (let i = 0; i < count; i++) {
        await links.nth(i).focus();
        await page.keyboard.press("Shift+Tab");
        await page.keyboard.press("Tab");
        expect(await clippedOutline(page), `${mobile ? "phone" : "wide"} entry ${i + 1}`).toEqual([]);
      }
      await page.context().close();
    }
  });

  it("a long e-mail address in the invitations list breaks after '@' or before a dot, never mid-word", async () => {
    const page = await signedInPage(browser, server.url, "hr@zas.example", { mobile: true });
    await page.goto(`${server.url}/hr/people`);
    const form = page.locator("form:has(input[name=intent][value=invite])");
    const address = "amal.haddad.verpleegkundige@ziekenhuisaandestroomantwerpen.example";
    await form.locator("input[name=name]").fill("Rania Benali");
    await form.locator("input[name=email]").fill(address);
    await form.locator("button[type=submit]").click();
    await expect.poll(() => page.locator("main").textContent(), { timeout: 60_000 }).toContain(address);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await addressesBrokenMidWord(page)).toEqual([]);
    await page.context().close();
  });

  it("an empty list where nothing can be added shows no '+'", async () => {
    const page = await signedInPage(browser, server.url, "admin@portal.example");
    await page.goto(`${server.url}/admin/outbox`);
    const empty = page.locator(".empty-state");
    expect(await empty.count()).toBeGreaterThan(0);
    // A plus is two crossing strokes: the add icon's path. Where a list is empty and nothing can be added, none.
    const plusWithoutAction = await empty.evaluateAll(
      (states) =>
        states.filter((s) => s.querySelector('svg path[d*="h14"][d*="v14"]') && !s.querySelector("a, button")).length,
    );
    expect(plusWithoutAction).toBe(0);
    await page.context().close();
  });
});

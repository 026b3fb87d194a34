// Debian's Chromium driven by playwright-core, with an axe check for every page a test visits.
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

// Contexts opened with JavaScript off: axe cannot run inside them (it injects a script and waits forever).
const noScriptContexts = new WeakSet<BrowserContext>();

export async function newContext(browser: Browser, options: { javaScriptEnabled?: boolean; locale?: string; mobile?: boolean } = {}): Promise<BrowserContext> {
  const javaScriptEnabled = options.javaScriptEnabled ?? true;
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: options.locale ?? "nl-BE",
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  if (!javaScriptEnabled) noScriptContexts.add(context);
  return context;
}

/** Fails the test on any serious or critical WCAG 2.1 A/AA violation of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  if (noScriptContexts.has(page.context())) {
    // Check the exact DOM the script-less user sees, in a twin page at the same URL (so styles load) without our scripts.
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
    const browser = page.context().browser();
    if (!browser) throw new Error("no browser");
    const twin = await browser.newContext({ viewport: page.viewportSize() });
    try {
      const twinPage = await twin.newPage();
      const url = page.url();
      await twinPage.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
      await twinPage.goto(url);
      await expectAccessible(twinPage);
    } finally {
      await twin.close();
    }
    return;
  }
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}) on ${page.url()}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(serious, serious.join("\n")).toEqual([]);
}

export async function login(page: Page, baseUrl: string, email: string, password = "Nieuwkomer-demo-2026"): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Aanmelden|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  // A client-side navigation changes the URL a moment before the new page renders.
  await page.getByRole("heading", { level: 1, name: /^(Aanmelden|Sign in)$/ }).waitFor({ state: "detached" });
}

// Debian's Chromium driven by playwright-core, with an axe check for every distinct page state a test visits.
import AxeBuilder from "@axe-core/playwright";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Download,
  type LaunchOptions,
  type Page,
} from "playwright-core";
import { expect, inject } from "vitest";
import { storedSession, type RunningServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's Chromium (tests/support/e2e-global-setup.ts): test files connect instead of launching their own. */
    browserEndpoint: string;
  }
}

export const CHROMIUM_LAUNCH: LaunchOptions = {
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
};

function providedEndpoint(): string | undefined {
  try {
    return inject("browserEndpoint") || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A browser for this test file. Under the e2e project it is a connection to the run's one Chromium (decision
 * 091: launching one per file cost seconds each); `close()` then closes only this file's connection and contexts.
 * Elsewhere a Chromium of its own.
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = providedEndpoint();
  if (endpoint) {
    try {
      return await chromium.connect(endpoint, { timeout: 60_000 });
    } catch {
      /* the shared browser is gone: launch one of our own */
    }
  }
  return chromium.launch(CHROMIUM_LAUNCH);
}

// Contexts opened with JavaScript off: axe cannot run inside them (it injects a script and waits forever).
const noScriptContexts = new WeakSet<BrowserContext>();

export async function newContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; locale?: string; mobile?: boolean } = {},
): Promise<BrowserContext> {
  const javaScriptEnabled = options.javaScriptEnabled ?? true;
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: options.locale ?? "nl-BE",
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  if (!javaScriptEnabled) noScriptContexts.add(context);
  return context;
}

// Page states already checked in this file: axe runs once per distinct state (address, viewport, scripts on or
// off, and the document itself), not again when a test comes back to the same page (decision 091).
const checkedStates = new Set<string>();

async function pageState(page: Page): Promise<string> {
  // page.content(), not page.evaluate(): scripts do not run in a context with JavaScript off.
  const html = await page.content();
  // Per-response values (CSP nonces, form tokens) do not make a page state new.
  const stable = html.replace(/\snonce="[^"]*"/g, "").replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const url = new URL(page.url());
  url.hash = "";
  const viewport = page.viewportSize();
  const js = noScriptContexts.has(page.context()) ? "no-js" : "js";
  return createHash("sha256")
    .update(`${url.href}|${viewport?.width}x${viewport?.height}|${js}|${stable}`)
    .digest("hex");
}

/** Fails the test on any serious or critical WCAG 2.1 A/AA violation of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const state = await pageState(page);
  if (checkedStates.has(state)) return;
  await checkAccessible(page);
  checkedStates.add(state);
}

async function checkAccessible(page: Page): Promise<void> {
  if (noScriptContexts.has(page.context())) {
    // Check the exact DOM the script-less user sees, in a twin page at the same URL (so styles load) without our scripts.
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
    const browser = page.context().browser();
    if (!browser) throw new Error("no browser");
    const twin = await browser.newContext({ viewport: page.viewportSize() });
    try {
      const twinPage = await twin.newPage();
      const url = page.url();
      await twinPage.route(url, (route) =>
        route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
      );
      await twinPage.goto(url);
      await checkAccessible(twinPage);
    } finally {
      await twin.close();
    }
    return;
  }
  const serious = await accessibilityViolations(page);
  expect(serious, serious.join("\n")).toEqual([]);
}

/**
 * The serious and critical WCAG 2.1 A/AA violations of the page as it is now (JavaScript on), one line each.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Only violations are collected in full (passes and incomplete checks would be built for every node), and axe
  // finishes inside the page (legacy mode) instead of in a new blank page it opens, injects and closes every time.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .setLegacyMode(true)
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}) on ${page.url()}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

export async function login(
  page: Page,
  baseUrl: string,
  email: string,
  password = "Nieuwkomer-demo-2026",
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Aanmelden|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  // A client-side navigation changes the URL a moment before the new page renders.
  await page.getByRole("heading", { level: 1, name: /^(Aanmelden|Sign in)$/ }).waitFor({ state: "detached" });
}

/**
 * Signs the context in without the login form: the same POST a browser makes (the server checks the password),
 * its session cookie set in the context. For journeys that are not about signing in; each role journey keeps
 * one real sign-in through the form (`login`).
 */
export async function signInContext(
  context: BrowserContext,
  baseUrl: string,
  email: string,
  password = "Nieuwkomer-demo-2026",
): Promise<void> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const pair = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const separator = pair.indexOf("=");
  if (response.status !== 302 || separator < 1) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
  await context.addCookies([{ name: pair.slice(0, separator), value: pair.slice(separator + 1), url: baseUrl }]);
}

/**
 * Signs the context in with a session row written into the server's database (`storedSession`, decision 196):
 * no form, no password check. For every journey that is not about signing in.
 */
export async function signInStored(context: BrowserContext, server: RunningServer, email: string): Promise<void> {
  const pair = storedSession(server, email);
  const separator = pair.indexOf("=");
  await context.addCookies([{ name: pair.slice(0, separator), value: pair.slice(separator + 1), url: server.url }]);
}

/**
 * The page's context signed in with a stored session (`signInStored`), and the page at the role's home, where the
 * login form would have landed: for journeys that are not about signing in (decision 196).
 */
export async function enterStored(page: Page, server: RunningServer, email: string): Promise<void> {
  await signInStored(page.context(), server, email);
  await page.goto(`${server.url}/`);
}

/** A new context (see `newContext`) signed in with a stored session (`signInStored`), and a page in it. */
export async function storedSessionPage(
  browser: Browser,
  server: RunningServer,
  email: string,
  options: Parameters<typeof newContext>[1] = {},
): Promise<Page> {
  const context = await newContext(browser, options);
  await signInStored(context, server, email);
  return context.newPage();
}

/** A new context (see `newContext`) already signed in as the user, and a page in it. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  options: Parameters<typeof newContext>[1] = {},
): Promise<Page> {
  const context = await newContext(browser, options);
  await signInContext(context, baseUrl, email);
  return context.newPage();
}

/** The bytes of a finished download. The shared browser runs remotely, so the file is saved here first. */
export async function downloaded(download: Download): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-download-"));
  try {
    const file = path.join(dir, download.suggestedFilename() || "download");
    await download.saveAs(file);
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Once per run for the end-to-end project (decision 091): the base databases every test server starts from, and
// one Chromium that every test file connects to (tests/support/browser.ts launchBrowser) instead of launching its own.
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { CHROMIUM_LAUNCH } from "./browser";
import databases from "./global-setup";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [removeBases, browser] = await Promise.all([databases(project), chromium.launchServer(CHROMIUM_LAUNCH)]);
  project.provide("browserEndpoint", browser.wsEndpoint());
  return async () => {
    await browser.close();
    removeBases();
  };
}

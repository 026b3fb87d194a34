// Sensitisation modules in headless Chromium, on the real content catalogue: HR assigns two recommended
// modules to Cardiologie, an employee there reads one, fails the check once, passes, and HR sees it.
import { readdirSync } from "node:fs";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  enterStored,
  expectAccessible,
  launchBrowser,
  newContext,
  signedInPage,
  storedSessionPage,
} from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;

/** A second server where HR has already assigned one module to Cardiologie (written into its file in beforeAll). */
let assignedServer: RunningServer;
/** The module assigned on `assignedServer`. */
const ASSIGNED_KEY = "language-sensitive-working";

beforeAll(async () => {
  [server, assignedServer, browser] = await Promise.all([startServer(), startServer(), launchBrowser()]);
  withDb((db) => {
    const hr = db
      .prepare(
        "SELECT u.id AS userId, m.organisation_id AS organisationId FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = ?",
      )
      .get("hr@zas.example") as { userId: number; organisationId: number };
    const cardiologie = db
      .prepare("SELECT id FROM departments WHERE organisation_id = ? AND name LIKE 'Cardiologie%'")
      .get(hr.organisationId) as { id: number };
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    db.prepare(
      "INSERT INTO module_assignments (organisation_id, department_id, module_key, due_date, assigned_by_user_id) VALUES (?, ?, ?, ?, ?)",
    ).run(hr.organisationId, cardiologie.id, ASSIGNED_KEY, due, hr.userId);
  }, assignedServer);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), assignedServer?.stop()]);
});

function withDb<T>(fn: (db: Database.Database) => T, on: RunningServer = server): T {
  const db = new Database(on.databasePath);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** A submitted scan for ZAS in which Language and Onboarding score under 60. */
function insertWeakScan(): void {
  withDb((db) => {
    const org = db
      .prepare("SELECT organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?")
      .get("hr@zas.example") as { id: number };
    // On the real instrument (version 1): the module recommendations read the scan through the scan feature.
    const scan = db
      .prepare(
        "INSERT INTO scans (organisation_id, instrument_version, period, status, submitted_at) VALUES (?, 1, 'e2e', 'submitted', '2099-01-01T00:00:00.000Z') RETURNING id",
      )
      .get(org.id) as { id: number };
    const score = db.prepare(
      "INSERT INTO scan_dimension_scores (scan_id, dimension_key, score, level) VALUES (?, ?, ?, ?)",
    );
    score.run(scan.id, "language", 30, 2);
    score.run(scan.id, "onboarding", 45, 3);
    score.run(scan.id, "leadership", 85, 5);
  });
}

function answerKey(moduleKey: string): number[] {
  return withDb(
    (db) =>
      JSON.parse(
        (db.prepare("SELECT answer_key FROM modules WHERE key = ?").get(moduleKey) as { answer_key: string })
          .answer_key,
      ) as number[],
  );
}

async function answerCheck(page: Page, moduleKey: string, right: boolean): Promise<void> {
  const key = answerKey(moduleKey);
  const fieldsets = page.locator("fieldset.check-question");
  expect(await fieldsets.count()).toBe(key.length);
  for (let i = 0; i < key.length; i++) {
    const options = fieldsets.nth(i).locator('input[type="radio"]');
    const n = await options.count();
    const correct = key[i] ?? 0;
    await options.nth(right ? correct : (correct + 1) % n).check();
  }
  await page.getByRole("button", { name: "Antwoorden indienen" }).click();
  await page.locator(".check-result").waitFor();
}

describe("modules", () => {
  it("HR assigns two recommended modules to Cardiologie; an employee there sees both", async () => {
    insertWeakScan();
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

    const hrContext = await newContext(browser);
    const hr = await hrContext.newPage();
    await enterStored(hr, server, "hr@zas.example");
    await hr.getByRole("link", { name: "Modules", exact: true }).first().click();
    await hr.getByRole("heading", { level: 1, name: "Modules en toewijzing" }).waitFor();
    await expectAccessible(hr);
    const recommendations = hr.locator(".module-recommendation");
    expect(await recommendations.count()).toBeGreaterThanOrEqual(2);
    const picked: { key: string; title: string }[] = [];
    for (const index of [0, 1]) {
      const item = hr.locator(".module-recommendation").nth(index);
      const key = (await item.locator('input[name="moduleKey"]').getAttribute("value")) ?? "";
      const title = ((await item.locator("h3").textContent()) ?? "").replace(/\d+ min$/, "").trim();
      expect(await item.textContent()).toMatch(/scoort onder 60/);
      await item.getByLabel("Afdeling").selectOption({ label: "Cardiologie" });
      await item.getByLabel("Uiterlijk af op").fill(due);
      await item.getByRole("button", { name: /^Toewijzen/ }).click();
      await hr.getByText("De module is toegewezen.").waitFor();
      picked.push({ key, title });
    }
    await expectAccessible(hr);

    // The employee of Cardiologie sees both first, with the due date.
    const empContext = await newContext(browser);
    const emp = await empContext.newPage();
    await enterStored(emp, server, "an.wouters@zas.example");
    await emp.getByRole("link", { name: "Modules", exact: true }).first().click();
    await emp.getByRole("heading", { level: 1 }).waitFor();
    await expectAccessible(emp);
    const assigned = emp.locator("section[aria-labelledby='assigned-modules'] .module-item__title");
    expect((await assigned.allTextContents()).sort()).toEqual(picked.map((p) => p.title).sort());
    await hrContext.close();
    await empContext.close();
  });

  // The rest of the journey starts where HR's assignment left it, on its own server (decision 196).
  it("an employee of Cardiologie reads an assigned module, fails the check once, passes; HR sees the completion", async () => {
    const server = assignedServer;
    const emp = await storedSessionPage(browser, server, "an.wouters@zas.example");
    await emp.goto(`${server.url}/me/modules`);
    await emp.getByRole("heading", { level: 1 }).waitFor();
    const assigned = emp.locator("section[aria-labelledby='assigned-modules'] .module-item__title");
    expect(await assigned.count()).toBe(1);
    const target = { key: ASSIGNED_KEY, title: ((await assigned.first().textContent()) ?? "").trim() };
    expect(target.title).not.toBe("");

    // Read every part of the module.
    await emp.getByRole("link", { name: target.title }).first().click();
    await emp.getByRole("heading", { level: 1, name: target.title }).waitFor();
    const steps = await emp.locator(".module-steps li").count();
    for (let step = 1; step <= steps; step++) {
      await emp.getByText(`Deel ${step} van ${steps}`).waitFor();
      await expectAccessible(emp);
      await emp.getByRole("button", { name: step === steps ? "Naar de kennischeck" : /Volgend deel/ }).click();
    }
    await emp.waitForURL(`**/me/modules/${target.key}/check`);
    await expectAccessible(emp);

    // Fail once, with feedback on every answer.
    await answerCheck(emp, target.key, false);
    expect(await emp.locator(".check-result").textContent()).toMatch(/Nog niet geslaagd: 0 van/);
    expect(await emp.locator(".check-feedback li.is-wrong").count()).toBe(answerKey(target.key).length);
    await expectAccessible(emp);
    await emp.getByRole("link", { name: "Opnieuw proberen" }).click();
    await emp.locator("fieldset.check-question").first().waitFor();

    // Pass the second time.
    await answerCheck(emp, target.key, true);
    expect(await emp.locator(".check-result").textContent()).toMatch(/Geslaagd: (\d+) van \1 juist \(100 %\)/);
    expect(await emp.locator(".check-result").textContent()).toMatch(/Pogingen tot nu toe: 2/);
    await expectAccessible(emp);

    // Their home lists it as completed.
    await emp.goto(`${server.url}/me`);
    expect(await emp.locator(".modules-home-card").textContent()).toContain(target.title);
    await expectAccessible(emp);

    // HR's completion view shows Cardiologie 1 of 1 for that module.
    const hr = await storedSessionPage(browser, server, "hr@zas.example");
    await hr.goto(`${server.url}/hr/modules`);
    const headers = await hr.locator(".completion-matrix thead th").allTextContents();
    const column = headers.findIndex((h) => h.trim() === target.title);
    expect(column).toBeGreaterThan(0);
    const cardiologie = hr.locator(".completion-matrix tbody tr", {
      has: hr.locator("th", { hasText: "Cardiologie" }),
    });
    expect(
      await cardiologie
        .locator("td")
        .nth(column - 1)
        .textContent(),
    ).toMatch(/^1 van 1/);
    await hr
      .getByRole("link", { name: `Per persoon: ${target.title}` })
      .first()
      .click();
    await hr.getByRole("heading", { level: 1, name: target.title }).waitFor();
    expect(await hr.locator("tbody tr", { hasText: "An Wouters" }).textContent()).toMatch(/Afgerond/);
    await expectAccessible(hr);

    const csv = await hr.request.get(`${server.url}/hr/modules/export`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(`Cardiologie;${target.key};`);
    await hr.context().close();
    await emp.context().close();
  });

  describe("every module page passes axe, and reads at 390 px without sideways scrolling", () => {
    // One test per module (each with its own budget): walking all thirteen in one test ran past five minutes on a
    // loaded two-core machine. The keys come from the content catalogue; the first test checks they are the active set.
    const contentKeys = readdirSync(new URL("../../db/content/modules/", import.meta.url))
      .filter((f) => f.endsWith(".nl.md"))
      .map((f) => f.slice(0, -".nl.md".length))
      .sort();
    let page: Page;

    beforeAll(async () => {
      page = await signedInPage(browser, server.url, "verpleegkundige@zas.example", { mobile: true });
    });

    afterAll(async () => {
      await page?.context().close();
    });

    it("the module list", async () => {
      const active = withDb((db) =>
        (db.prepare("SELECT key FROM modules WHERE active = 1").all() as { key: string }[]).map((r) => r.key),
      );
      expect([...active].sort()).toEqual(contentKeys);
      await page.goto(`${server.url}/me/modules`);
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });

    it.each(contentKeys)("%s: every step and the check", async (key) => {
      await page.goto(`${server.url}/me/modules/${key}?step=1`);
      const steps = await page.locator(".module-steps li").count();
      expect(steps).toBeGreaterThan(0);
      for (let step = 1; step <= steps; step++) {
        if (step > 1) await page.goto(`${server.url}/me/modules/${key}?step=${step}`);
        await expectAccessible(page);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${key} step ${step}`,
        ).toBeLessThanOrEqual(390);
      }
      await page.goto(`${server.url}/me/modules/${key}/check`);
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${key} check`).toBeLessThanOrEqual(390);
    });
  });

  it("works without JavaScript: reading saves progress and the check gives feedback", async () => {
    const page = await signedInPage(browser, server.url, "tom.peeters@zas.example", { javaScriptEnabled: false });
    const context = page.context();
    await page.goto(`${server.url}/me/modules/being-a-buddy`);
    await page.getByRole("button", { name: /Volgend deel/ }).click();
    await page.getByText(/Deel 2 van/).waitFor();
    await page.goto(`${server.url}/me/modules/being-a-buddy/check`);
    await answerCheck(page, "being-a-buddy", true);
    expect(await page.locator(".check-result").textContent()).toMatch(/getrainde buddy/);
    await expectAccessible(page);
    await page.goto(`${server.url}/me`);
    expect(await page.locator(".trained-buddy").textContent()).toMatch(/Getrainde buddy/);
    await context.close();
  });

  it("a newcomer reads the modules in English from their navigation", async () => {
    const context = await newContext(browser, { locale: "en-GB" });
    const page = await context.newPage();
    await enterStored(page, server, "nieuwkomer@zas.example");
    await page.getByRole("link", { name: "Modules", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Awareness modules" }).waitFor();
    expect(await page.locator(".module-item").count()).toBeGreaterThanOrEqual(12);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Being a buddy" }).click();
    await page.getByText(/Part 1 of \d/).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});

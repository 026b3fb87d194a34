// Issue 14 (decision 150): the four irreversible actions ask first and say what will happen and to whom.
// With JavaScript in a modal dialog (focus moved in and returned, Escape cancels); without it on a confirmation
// state of the page itself, with "Yes, …" and "Cancel". Nothing changes until "Yes".
import { and, count, eq, inArray } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@db/client";
import { INSTRUMENT_V1 } from "@db/reference/instrument-v1";
import { memberships, scans, users } from "@db/schema";
import { matches, newcomerRecords } from "@db/schema-matching";
import { expectAccessible, launchBrowser, newContext, signInContext } from "../support/browser";
import { createDraftScan } from "../support/factories";
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

function withDb<T>(work: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(server.databasePath);
  try {
    return work(db);
  } finally {
    db.$client.close();
  }
}

function zasOrganisation(): number {
  return withDb((db) => {
    const hr = db
      .select({ organisationId: memberships.organisationId })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(users.email, "hr@zas.example"))
      .get();
    if (!hr?.organisationId) throw new Error("no ZAS HR user");
    return hr.organisationId;
  });
}

/** A complete draft scan of ZAS for `period`. */
function completeDraftScan(period: string) {
  const answers = Object.fromEntries(
    INSTRUMENT_V1.dimensions.flatMap((d) => d.items.map((i) => [i.key, "3" as const])),
  );
  return withDb((db) => createDraftScan({ organisationId: zasOrganisation(), period, answers }, db));
}
const scanStatus = (id: number) =>
  withDb((db) => db.select({ status: scans.status }).from(scans).where(eq(scans.id, id)).get()?.status);

/** A newcomer record of ZAS of its own, without an account. */
function newcomer(name: string) {
  return withDb(
    (db) =>
      db
        .insert(newcomerRecords)
        .values({
          organisationId: zasOrganisation(),
          name,
          profession: "verpleegkundige",
          startDate: "2027-03-01",
          dutchLevel: "B1",
        })
        .returning({ id: newcomerRecords.id })
        .get().id,
  );
}
const erasedAt = (id: number) =>
  withDb(
    (db) =>
      db.select({ erasedAt: newcomerRecords.erasedAt }).from(newcomerRecords).where(eq(newcomerRecords.id, id)).get()
        ?.erasedAt,
  );

/** A colleague at ZAS of its own. */
function colleague(name: string, email: string) {
  return withDb((db) => {
    const user = db.insert(users).values({ email, name, locale: "nl" }).returning({ id: users.id }).get();
    db.insert(memberships).values({ userId: user.id, organisationId: zasOrganisation(), role: "employee" }).run();
    return user.id;
  });
}
const userStatus = (id: number) =>
  withDb((db) => db.select({ status: users.status }).from(users).where(eq(users.id, id)).get()?.status);
const proposals = () =>
  withDb(
    (db) =>
      db
        .select({ n: count() })
        .from(matches)
        .where(and(eq(matches.organisationId, zasOrganisation()), inArray(matches.status, ["proposed"])))
        .get()?.n ?? 0,
  );

async function hrPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled });
  await signInContext(context, server.url, "hr@zas.example");
  return context.newPage();
}

const dialog = (page: Page) => page.getByRole("dialog");
const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");
const inDialog = (page: Page) => page.evaluate(() => document.activeElement?.closest("dialog") != null);

describe("submitting (locking) a scan", () => {
  it("with JavaScript: a dialog says what locking means; Escape cancels and returns focus; Yes submits", async () => {
    const scan = completeDraftScan("2041");
    const page = await hrPage(true);
    await page.goto(`${server.url}/hr/scans/${scan.id}`);
    await page.locator('.scan-layout[data-hydrated="true"]').waitFor();
    await page.getByRole("button", { name: "Scan indienen", exact: true }).click();
    await dialog(page).waitFor();
    expect(await dialog(page).getByRole("heading").textContent()).toBe("Scan 2041 indienen?");
    expect(await dialog(page).textContent()).toContain("Beantwoord: 40 van 40 uitspraken.");
    expect(await dialog(page).textContent()).toContain("vergrendeld");
    expect(await inDialog(page)).toBe(true);
    expect(await activeText(page)).toBe("Annuleren");
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog(page).isVisible()).toBe(false);
    expect(await activeText(page)).toBe("Scan indienen");
    expect(scanStatus(scan.id)).toBe("draft");

    await page.getByRole("button", { name: "Scan indienen", exact: true }).click();
    await dialog(page).getByRole("button", { name: "Ja, scan indienen" }).click();
    await page.waitForURL(/\/results/);
    expect(scanStatus(scan.id)).toBe("submitted");
    await page.context().close();
  });

  it("without JavaScript: a confirmation state of the page; Cancel leaves the scan open, Yes locks it", async () => {
    const scan = completeDraftScan("2042");
    const page = await hrPage(false);
    await page.goto(`${server.url}/hr/scans/${scan.id}`);
    await page.getByRole("link", { name: "Scan indienen", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("confirm") === "submit-scan");
    const step = page.getByRole("region", { name: "Scan 2042 indienen?" });
    expect(await step.textContent()).toContain("Beantwoord: 40 van 40 uitspraken.");
    await step.getByRole("link", { name: "Annuleren" }).click();
    await page.waitForURL((url) => !url.searchParams.has("confirm"));
    expect(await page.getByRole("region", { name: "Scan 2042 indienen?" }).count()).toBe(0);
    expect(scanStatus(scan.id)).toBe("draft");

    await page.getByRole("link", { name: "Scan indienen", exact: true }).click();
    await page.getByRole("button", { name: "Ja, scan indienen" }).click();
    await page.waitForURL(/\/results/);
    expect(scanStatus(scan.id)).toBe("submitted");
    await page.context().close();
  });
});

describe("erasing a newcomer", () => {
  it("with JavaScript: the dialog names the newcomer; Cancel keeps the record; Yes erases it", async () => {
    const id = newcomer("Wisje Dialoog");
    const page = await hrPage(true);
    await page.goto(`${server.url}/hr/newcomers/${id}`);
    const open = page.getByRole("button", { name: "Persoonsgegevens wissen", exact: true });
    await open.click();
    expect(await dialog(page).getByRole("heading").textContent()).toBe("Persoonsgegevens van Wisje Dialoog wissen?");
    expect(await dialog(page).textContent()).toContain("niet ongedaan");
    expect(await inDialog(page)).toBe(true);
    await expectAccessible(page);
    await dialog(page).getByRole("button", { name: "Annuleren" }).click();
    await expect.poll(() => dialog(page).isVisible()).toBe(false);
    expect(await activeText(page)).toBe("Persoonsgegevens wissen");
    expect(await inDialog(page)).toBe(false);
    expect(erasedAt(id)).toBeNull();

    await open.click();
    await dialog(page).getByRole("button", { name: "Ja, wis de persoonsgegevens" }).click();
    await expect.poll(() => erasedAt(id)).not.toBeNull();
    await page.context().close();
  });

  it("without JavaScript: the confirmation state names the newcomer; Yes erases", async () => {
    const id = newcomer("Wisje Zonder");
    const page = await hrPage(false);
    await page.goto(`${server.url}/hr/newcomers/${id}`);
    await page.getByRole("link", { name: "Persoonsgegevens wissen", exact: true }).click();
    const step = page.getByRole("region", { name: "Persoonsgegevens van Wisje Zonder wissen?" });
    expect(await step.textContent()).toContain("niet ongedaan");
    expect(erasedAt(id)).toBeNull();
    await step.getByRole("button", { name: "Ja, wis de persoonsgegevens" }).click();
    await page.waitForURL((url) => url.searchParams.get("notice") === "matching.newcomers.erased");
    expect(erasedAt(id)).not.toBeNull();
    await page.context().close();
  });
});

describe("deactivating a person", () => {
  it("with JavaScript: a quiet row action; the dialog names the person and address; Yes deactivates only them", async () => {
    const id = colleague("Dirk Dialoog", "dirk.dialoog@zas.example");
    const page = await hrPage(true);
    await page.goto(`${server.url}/hr/people?q=Dialoog`);
    const open = page.getByRole("button", { name: /^Deactiveren\s?: Dirk Dialoog$/ });
    // Not a red button on every row: the danger colour is kept for the confirmation's "Yes".
    expect(await open.getAttribute("class")).not.toContain("button--danger");
    await open.click();
    expect(await dialog(page).getByRole("heading").textContent()).toBe("Dirk Dialoog deactiveren?");
    expect(await dialog(page).textContent()).toContain("dirk.dialoog@zas.example");
    expect(await inDialog(page)).toBe(true);
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog(page).isVisible()).toBe(false);
    expect(userStatus(id)).toBe("active");

    await open.click();
    await dialog(page).getByRole("button", { name: "Ja, deactiveer Dirk Dialoog" }).click();
    await expect.poll(() => userStatus(id)).toBe("deactivated");
    await page.getByRole("button", { name: /^Heractiveren\s?: Dirk Dialoog$/ }).waitFor();
    await page.context().close();
  });

  it("without JavaScript: the row's link opens the confirmation for that person only; Yes deactivates", async () => {
    const id = colleague("Zora Zonder", "zora.zonder@zas.example");
    const page = await hrPage(false);
    await page.goto(`${server.url}/hr/people?q=Zonder`);
    await page.getByRole("link", { name: /^Deactiveren\s?: Zora Zonder$/ }).click();
    await page.waitForURL(
      (url) => url.searchParams.get("confirm") === "deactivate" && url.searchParams.get("person") === String(id),
    );
    expect(new URL(page.url()).searchParams.get("q")).toBe("Zonder");
    const step = page.getByRole("region", { name: "Zora Zonder deactiveren?" });
    expect(await step.textContent()).toContain("zora.zonder@zas.example");
    expect(userStatus(id)).toBe("active");
    await step.getByRole("button", { name: "Ja, deactiveer Zora Zonder" }).click();
    await expect.poll(() => userStatus(id)).toBe("deactivated");
    await page.context().close();
  });
});

describe("sending proposals", () => {
  async function startRun(page: Page) {
    await page.goto(`${server.url}/hr/matching`);
    await page.getByRole("button", { name: "Koppelronde starten" }).click();
    await page.waitForURL(/\/hr\/matching\/runs\/\d+/);
  }
  /**
   * The summary lists one line per e-mailed buddy, its heading says as many, and it says what they receive (a
   * round started after an earlier one was sent may have nothing new to send: then it says so).
   */
  async function expectSummary(step: ReturnType<Page["getByRole"]>) {
    const heading = (await step.getByRole("heading").textContent()) ?? "";
    const pairs = await step.getByRole("listitem").allTextContents();
    const count = Number(/(\d+) voorstel/.exec(heading)?.[1]);
    expect(count).toBe(pairs.length);
    for (const pair of pairs) expect(pair).toMatch(/^.+ krijgt het voorstel om buddy te worden van .+$/);
    expect(await step.textContent()).toMatch(
      count > 0 ? /e-mail met het voorstel.*dagen om het te aanvaarden of af te wijzen/ : /geen nieuwe voorstellen/,
    );
    return count;
  }

  it("with JavaScript: the summary (how many, to whom, what they get) comes first; Escape sends nothing; Yes sends", async () => {
    const page = await hrPage(true);
    await startRun(page);
    const before = proposals();
    await page.getByRole("button", { name: "Voorstellen versturen", exact: true }).click();
    const count = await expectSummary(dialog(page));
    expect(await inDialog(page)).toBe(true);
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog(page).isVisible()).toBe(false);
    expect(await activeText(page)).toBe("Voorstellen versturen");
    expect(proposals()).toBe(before);

    await page.getByRole("button", { name: "Voorstellen versturen", exact: true }).click();
    await dialog(page).getByRole("button", { name: "Ja, verstuur de voorstellen" }).click();
    await page.waitForURL((url) => url.searchParams.get("notice") === "matching.run.sent");
    expect(proposals()).toBe(before + count);
    await page.context().close();
  });

  it("without JavaScript: the summary is a confirmation state of the page; Cancel sends nothing", async () => {
    const page = await hrPage(false);
    await startRun(page);
    const before = proposals();
    await page.getByRole("link", { name: "Voorstellen versturen", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("confirm") === "send");
    const step = page.locator("section.confirm-step");
    await expectSummary(step);
    await step.getByRole("link", { name: "Annuleren" }).click();
    await page.waitForURL((url) => !url.searchParams.has("confirm"));
    expect(proposals()).toBe(before);
    await page.getByRole("link", { name: "Voorstellen versturen", exact: true }).click();
    await page.locator("section.confirm-step").getByRole("button", { name: "Ja, verstuur de voorstellen" }).click();
    await page.waitForURL((url) => url.searchParams.get("notice") === "matching.run.sent");
    await page.context().close();
  });
});

// The action plan in Chromium, with and without JavaScript (decision 166): an action is edited (owner picked from
// the organisation's people) and deleted after its confirmation. Also HR's organisation page (partners see the
// organisation by name or not, decision 168) and the interests offered without "Geloof" (decision 167).
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@db/client";
import { INSTRUMENT_V1 } from "@db/reference/instrument-v1";
import { actionItems, memberships, organisations, users } from "@db/schema";
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

async function hrPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled });
  await signInContext(context, server.url, "hr@zas.example");
  return context.newPage();
}

/** A submitted scan of ZAS for `period` (submitted through the form, as HR does) with one action on its plan. */
async function scanWithAction(
  page: Page,
  period: string,
  action: string,
): Promise<{ scanId: number; actionId: number }> {
  const answers = Object.fromEntries(
    INSTRUMENT_V1.dimensions.flatMap((d) => d.items.map((i) => [i.key, "3" as const])),
  );
  const scan = withDb((db) => createDraftScan({ organisationId: zasOrganisation(), period, answers }, db));
  const submitted = await page.request.post(`${server.url}/hr/scans/${scan.id}`, {
    form: { intent: "submit", confirm: "yes" },
    headers: { Origin: server.url },
    maxRedirects: 0,
  });
  expect(submitted.status()).toBe(302);
  const actionId = withDb(
    (db) =>
      db
        .insert(actionItems)
        .values({
          organisationId: zasOrganisation(),
          scanId: scan.id,
          dimensionKey: "language",
          action,
          owner: "Karim Bouzid",
        })
        .returning({ id: actionItems.id })
        .get().id,
  );
  return { scanId: scan.id, actionId };
}
const actionRow = (id: number) => withDb((db) => db.select().from(actionItems).where(eq(actionItems.id, id)).get());
const hrName = () =>
  withDb(
    (db) => db.select({ name: users.name }).from(users).where(eq(users.email, "hr@zas.example")).get()?.name ?? "",
  );

/** A row control's name: its verb and, for screen readers, the action it acts on. */
const named = (verb: string, action: string) => new RegExp(`^${verb}\\s?: ${action}$`);

async function editAndSave(page: Page, action: string, newText: string, checkAccessible: boolean) {
  await page.getByRole("link", { name: named("Bewerken", action) }).click();
  await page.waitForURL((url) => url.searchParams.get("edit") !== null);
  const form = page.getByRole("region", { name: "Actie bewerken" });
  await form.getByLabel("Actie", { exact: true }).fill(newText);
  await form.getByLabel("Eigenaar uit je organisatie").selectOption({ label: hrName() });
  await form.getByLabel("Of een andere naam").fill("");
  await form.getByLabel("Status").selectOption({ label: "Bezig" });
  if (checkAccessible) await expectAccessible(page);
  await form.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await page.waitForURL((url) => url.searchParams.get("notice") === "scan.actions.edited");
  const row = page.getByTestId("action-table").getByRole("row").filter({ hasText: newText });
  expect(await row.textContent()).toContain(hrName());
}

describe("action plan", () => {
  it("with JavaScript: edit an action", async () => {
    const page = await hrPage(true);
    const { scanId, actionId } = await scanWithAction(page, "2031", "Taalcoach inplannen");
    await page.goto(`${server.url}/hr/scans/${scanId}/actions`);
    await page.getByRole("button", { name: named("Verwijderen", "Taalcoach inplannen") }).waitFor();
    await editAndSave(page, "Taalcoach inplannen", "Taalcoach elke week", false);
    expect(actionRow(actionId)).toMatchObject({
      action: "Taalcoach elke week",
      status: "in_progress",
      owner: "",
      revision: 2,
    });
    await page.context().close();
  });

  it("with JavaScript: delete an action through the dialog (Cancel keeps it)", async () => {
    const page = await hrPage(true);
    const { scanId, actionId } = await scanWithAction(page, "2033", "Taalcoach elke week");
    await page.goto(`${server.url}/hr/scans/${scanId}/actions`);
    const open = page.getByRole("button", { name: named("Verwijderen", "Taalcoach elke week") });
    await open.click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.getByRole("heading").textContent()).toBe("Deze actie verwijderen?");
    expect(await dialog.textContent()).toContain("Taalcoach elke week");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Annuleren" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(actionRow(actionId)).toBeDefined();
    await open.click();
    await dialog.getByRole("button", { name: "Ja, verwijderen" }).click();
    await expect.poll(() => actionRow(actionId)).toBeUndefined();
    await page.waitForURL((url) => url.searchParams.get("notice") === "scan.actions.deleted");
    await expect.poll(() => page.getByText("Nog geen acties.").count()).toBe(1);
    await page.context().close();
  });

  it("without JavaScript: edit an action, then delete it on the confirmation step", async () => {
    const page = await hrPage(false);
    const { scanId, actionId } = await scanWithAction(page, "2032", "Buddy vooraf koppelen");
    await page.goto(`${server.url}/hr/scans/${scanId}/actions`);
    await editAndSave(page, "Buddy vooraf koppelen", "Buddy een week vooraf koppelen", true);
    expect(actionRow(actionId)).toMatchObject({ action: "Buddy een week vooraf koppelen", status: "in_progress" });

    await page.getByRole("link", { name: named("Verwijderen", "Buddy een week vooraf koppelen") }).click();
    await page.waitForURL(
      (url) =>
        url.searchParams.get("confirm") === "delete-action" && url.searchParams.get("action") === String(actionId),
    );
    const step = page.getByRole("region", { name: "Deze actie verwijderen?" });
    expect(await step.textContent()).toContain("Buddy een week vooraf koppelen");
    await expectAccessible(page);
    expect(actionRow(actionId)).toBeDefined();
    await step.getByRole("button", { name: "Ja, verwijderen" }).click();
    await page.waitForURL((url) => url.searchParams.get("notice") === "scan.actions.deleted");
    expect(actionRow(actionId)).toBeUndefined();
    await page.context().close();
  });
});

describe("organisation page and interests", () => {
  it("HR reads whether partners see the organisation by name; the newcomer form offers no 'Geloof'", async () => {
    const consent = withDb((db) =>
      db
        .select({ c: organisations.benchmarkConsent, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, zasOrganisation()))
        .get(),
    );
    const page = await hrPage(false);
    await page.goto(`${server.url}/hr/organisation`);
    const visibility = await page.getByTestId("partner-visibility").textContent();
    expect(visibility).toContain(
      consent?.c
        ? `Projectpartners zien ${consent.name} bij naam`
        : `Projectpartners zien ${consent?.name} niet bij naam`,
    );

    await page.goto(`${server.url}/hr/newcomers/new`);
    await page.getByLabel("Koken").waitFor();
    expect(await page.getByLabel("Geloof").count()).toBe(0);
    expect(await page.locator('input[name="interests"][value="faith"]').count()).toBe(0);
    await page.context().close();
  });
});

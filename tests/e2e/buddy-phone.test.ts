// A buddy's pages on a 390 px phone (decision 163): the decline reason belongs to the decline choice, the check-in
// form starts afresh on the next moment after saving, its field is named apart from the card's heading, and no word
// (a long compound, an e-mail address) runs past the edge of its card.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, signedInPage } from "../support/browser";
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

const documentWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Text on the page that reaches past the right edge of the card it is in (first 40 characters of each). */
async function textPastCards(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const card of document.querySelectorAll(".card")) {
      const edge = card.getBoundingClientRect().right;
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          if (rect.width > 0 && rect.right > edge + 0.5) out.push(node.textContent.trim().slice(0, 40));
        }
      }
    }
    return out;
  });
}

const box = (page: Page, locator: ReturnType<Page["locator"]>) =>
  locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom };
  });

describe("a buddy's pages on a phone", () => {
  it("the proposal: the two answers side by side, the reason opens with the decline choice, below both", async () => {
    const page = await signedInPage(browser, server.url, "verpleegkundige@zas.example", { mobile: true });
    await page.goto(`${server.url}/me/buddy/proposals/2`);
    const accept = page.getByRole("button", { name: "Ik aanvaard" });
    const declineChoice = page.locator("main").getByText("Ik weiger", { exact: true });
    await declineChoice.click();
    const reason = page.getByLabel(/Waarom niet/);
    await reason.waitFor();
    const [acceptBox, choiceBox, reasonBox] = [
      await box(page, accept),
      await box(page, declineChoice),
      await box(page, reason),
    ];
    // Not between the two answers: under both of them.
    expect(reasonBox.top).toBeGreaterThanOrEqual(acceptBox.bottom);
    expect(reasonBox.top).toBeGreaterThanOrEqual(choiceBox.bottom);
    // The button that sends the decline comes after the reason, in the same group as the choice.
    const send = page.getByRole("button", { name: "Weigering versturen" });
    expect((await box(page, send)).top).toBeGreaterThan(reasonBox.bottom);
    expect(await send.evaluate((button) => button.closest("details")?.querySelector("summary")?.textContent)).toBe(
      "Ik weiger",
    );
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await textPastCards(page)).toEqual([]);
    await expectAccessible(page);

    // Sending without a reason keeps the decline part open with the message.
    await send.click();
    await page.getByText("Geef een korte reden", { exact: false }).first().waitFor();
    expect(await reason.isVisible()).toBe(true);
    await page.context().close();
  });

  it("the check-in form names its moment field apart from the card's heading", async () => {
    const page = await signedInPage(browser, server.url, "lieve.maes@zas.example", { mobile: true });
    await page.goto(`${server.url}/me/buddy/matches/1`);
    const moment = page.getByRole("combobox");
    const headings = await page.getByRole("heading").allTextContents();
    const momentName = await moment.evaluate(
      (select) => (select as HTMLSelectElement).labels?.[0]?.textContent?.trim() ?? "",
    );
    expect(momentName).not.toBe("");
    expect(headings.map((h) => h.trim())).not.toContain(momentName);
    await page.context().close();
  });

  it("the check-in form: after saving, an empty note on the next moment due, and long words stay in their cards", async () => {
    const page = await signedInPage(browser, server.url, "lieve.maes@zas.example", { mobile: true });
    await page.goto(`${server.url}/me/buddy/matches/1`);
    const moment = page.getByRole("combobox");
    const first = await moment.inputValue();
    const note = page.getByLabel("Korte notitie");
    const longWord = "Kennismakingsgesprekkenplanningsoverleg-met-teamverantwoordelijke";
    await note.fill(
      `Goed gestart. ${longWord} en contact via amal.haddad.verpleegkundige@ziekenhuisaandestroom.example.`,
    );
    await page.getByRole("button", { name: "Check-in opslaan" }).click();
    await page.getByText("De check-in is opgeslagen.").waitFor();
    await expect.poll(() => note.inputValue()).toBe("");
    const next = await moment.inputValue();
    expect(next).not.toBe(first);
    const done = await page.locator(".checkin--done").allTextContents();
    expect(done.join(" ")).toContain(longWord.slice(0, 20));
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await textPastCards(page)).toEqual([]);
    await expectAccessible(page);
    await page.context().close();
  });
});

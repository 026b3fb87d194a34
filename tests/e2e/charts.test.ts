// Charts drawn on the server (docs/decisions/142): a labelled SVG that fits the screen at 390 and 1280 px with
// every label in full, on pages that ship no chart code; the report's first page is a summary.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTRUMENT_V1 } from "@db/reference/instrument-v1";
import { expectAccessible, launchBrowser, newContext, signInContext } from "../support/browser";
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

const VIEWPORTS = [
  { name: "390 px", mobile: true, width: 390 },
  { name: "1280 px", mobile: false, width: 1280 },
] as const;

async function pageAs(email: string, mobile: boolean): Promise<Page> {
  const context = await newContext(browser, { mobile });
  await signInContext(context, server.url, email);
  return context.newPage();
}

async function resultsPath(page: Page, period: string): Promise<string> {
  await page.goto(`${server.url}/hr/scans`);
  const href = await page
    .locator(`a[href$="/results"]`)
    .evaluateAll(
      (links, p) =>
        links.find((a) => a.closest("tr, li, article, .card")?.textContent?.includes(p))?.getAttribute("href") ?? null,
      period,
    );
  if (!href) throw new Error(`no results link for ${period}`);
  return href;
}

/** The chart as the user sees it: an image with a name, inside the viewport, its text inside its own box. */
async function expectChartFits(page: Page, testId: string, width: number) {
  const svg = page.getByTestId(testId).locator("svg[role=img]");
  await svg.waitFor();
  expect(await svg.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
  expect(await svg.getAttribute("width")).toBeNull();
  const box = await svg.boundingBox();
  if (!box) throw new Error("chart not rendered");
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  // No label sticks out of the drawing or under the legend below it.
  const outside = await svg.evaluate((element) => {
    const frame = element.getBoundingClientRect();
    return [...element.querySelectorAll("text")]
      .map((text) => ({ text: text.textContent ?? "", r: text.getBoundingClientRect() }))
      .filter(
        ({ r }) =>
          r.width > 0 &&
          (r.left < frame.left - 1 ||
            r.right > frame.right + 1 ||
            r.top < frame.top - 1 ||
            r.bottom > frame.bottom + 1),
      )
      .map(({ text }) => text);
  });
  expect(outside).toEqual([]);
  // Nothing of the chart is drawn with inline styles (the CSP's style rules need none for it).
  expect(await page.getByTestId(testId).locator("[style]").count()).toBe(0);
  return svg;
}

/** The text of each <text> element, its lines joined with spaces. */
const labelsOf = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator("svg text.chart__label")
    .evaluateAll((texts) =>
      texts.map((t) =>
        t.querySelectorAll("tspan").length
          ? [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" ")
          : (t.textContent ?? ""),
      ),
    );

describe("results charts", () => {
  for (const viewport of VIEWPORTS) {
    it(`the radar names every theme in full and the trend shows the themes too (${viewport.name})`, async () => {
      const page = await pageAs("hr@zuyderland.example", viewport.mobile);
      await page.goto(`${server.url}${await resultsPath(page, "2025")}`);
      const radar = await expectChartFits(page, "radar-chart", viewport.width);
      expect(await radar.getAttribute("aria-labelledby")).toBeTruthy();
      expect(await radar.locator("title").textContent()).toBe("Scores per thema");
      expect(await labelsOf(page, "radar-chart")).toEqual(
        INSTRUMENT_V1.dimensions.map((d, i) => `${i + 1}. ${d.nameNl}`),
      );
      // The legend is below the drawing, not on top of its labels.
      const legend = await page.getByTestId("radar-chart").locator(".chart__legend").boundingBox();
      const drawing = await radar.boundingBox();
      expect(legend && drawing && legend.y >= drawing.y + drawing.height - 1).toBe(true);

      await expectChartFits(page, "trend-chart", viewport.width);
      const legendEntries = await page.getByTestId("trend-chart").locator(".chart__legend li").allTextContents();
      expect(legendEntries).toEqual([
        "Totaalscore",
        ...INSTRUMENT_V1.dimensions.map((d, i) => `${i + 1}. ${d.nameNl}`),
      ]);
      // Two submitted scans: the line has two points, and the table gives both years for every theme.
      expect(await page.getByTestId("trend-table").locator("thead th").allTextContents()).toEqual([
        "Thema",
        "2024",
        "2025",
      ]);
      expect(await page.getByTestId("trend-table").locator("tbody tr").count()).toBe(
        1 + INSTRUMENT_V1.dimensions.length,
      );
      await expectAccessible(page);
      await page.context().close();
    });
  }

  it("with one submitted scan and a draft, the trend says one has been submitted (not 'from two')", async () => {
    const page = await pageAs("hr@zas.example", true);
    await page.goto(`${server.url}${await resultsPath(page, "2025")}`);
    expect(await page.getByTestId("trend-none").textContent()).toBe(
      "Tot nu toe is één scan ingediend (2025). Het verloop verschijnt zodra een tweede scan is ingediend.",
    );
    await page.context().close();
  });
});

describe("HR benchmark chart", () => {
  for (const viewport of VIEWPORTS) {
    it(`the bars sit on the full 0–100 scale, in view (${viewport.name})`, async () => {
      const page = await pageAs("hr@zas.example", viewport.mobile);
      await page.goto(`${server.url}/hr/benchmark`);
      const svg = await expectChartFits(page, "position-chart", viewport.width);
      const ticks = await svg.locator(".recharts-cartesian-axis-tick-value").allTextContents();
      expect(ticks).toEqual(["0", "20", "40", "60", "80", "100"]);
      expect(await labelsOf(page, "position-chart")).toEqual(INSTRUMENT_V1.dimensions.map((d) => d.nameNl));
      // A bar's length over the axis' 0–100 length is its score (from the table) over 100.
      const scale = await svg.evaluate((element) => {
        const ticksX = [...element.querySelectorAll(".recharts-xAxis .recharts-cartesian-axis-tick-value")].map((t) =>
          t.getBoundingClientRect(),
        );
        const zero = ticksX[0];
        const hundred = ticksX[ticksX.length - 1];
        const bar = element.querySelector(".recharts-bar-rectangle path, .recharts-bar-rectangle rect");
        if (!zero || !hundred || !bar) return null;
        return {
          axis: hundred.left + hundred.width / 2 - (zero.left + zero.width / 2),
          bar: bar.getBoundingClientRect().width,
        };
      });
      const firstScore = Number(
        (
          await page.getByTestId("position-table").locator("tbody tr").nth(1).locator("td").first().textContent()
        )?.replace(",", "."),
      );
      expect(scale).not.toBeNull();
      if (scale) expect(Math.abs(scale.bar / scale.axis - firstScore / 100)).toBeLessThan(0.03);
      await expectAccessible(page);
      await page.context().close();
    });
  }
});

describe("chart pages ship no chart code", () => {
  it.each(["results", "report", "benchmark"])("the %s page's scripts carry no recharts", async (kind) => {
    const page = await pageAs("hr@zuyderland.example", false);
    const path = kind === "benchmark" ? "/hr/benchmark" : (await resultsPath(page, "2025")).replace(/results$/, kind);
    // The document as the server sends it (the page's own session), with its chart drawn in it: every script it
    // loads or preloads (module scripts, modulepreload links, inline imports).
    const response = await page.request.get(`${server.url}${path}`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<svg[^>]*role="img"/);
    const scripts = [
      ...new Set([...html.matchAll(/["'](\/build\/[^"']+\.js)["']/g)].map((m) => `${server.url}${m[1]}`)),
    ];
    expect(scripts.length).toBeGreaterThan(3);
    const bodies = await Promise.all(scripts.map(async (src) => ({ src, body: await (await fetch(src)).text() })));
    expect(bodies.filter((b) => /recharts-(surface|wrapper|cartesian|polar)/.test(b.body)).map((b) => b.src)).toEqual(
      [],
    );
    await page.context().close();
  });
});

describe("report", () => {
  it("opens with a one-page summary (overall, radar, top gaps, first actions) and repeats no table", async () => {
    const page = await pageAs("hr@zuyderland.example", false);
    await page.goto(`${server.url}${(await resultsPath(page, "2025")).replace(/results$/, "report")}`);
    const summary = page.getByTestId("report-summary");
    await expect.poll(() => summary.locator("svg[role=img]").count()).toBe(1);
    expect(await summary.getByText("Totaalscore").count()).toBeGreaterThan(0);
    expect(await summary.getByRole("heading", { name: "Werkpunten" }).count()).toBe(1);
    // The summary comes before every other section.
    const order = await page.evaluate(() => {
      const s = document.querySelector("[data-testid=report-summary]");
      const first = document.querySelector(".scan-report__section");
      return Boolean(s && first && s.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
    // One table of the themes' scores, not the radar's table beside the levels table.
    expect(await page.getByTestId("radar-table").count()).toBe(0);
    expect(await page.getByTestId("dimension-table").count()).toBe(1);
    // Printed on A4, the summary fits on the first page.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    const box = await summary.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(1123);
    await page.emulateMedia({ media: "screen" });
    await expectAccessible(page);
    await page.context().close();
  });
});

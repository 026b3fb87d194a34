// The screen sweep (tests/support/sweep.ts) cannot forget a page: every page route in app/routes is swept for some
// role or named in NOT_SWEPT with a reason, and every page the route × role matrix opens for a role is in that
// role's sweep.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { NOT_SWEPT, SWEEP_PAGES, type SweepRole } from "../support/sweep";

const pageRoutes = fs
  .readdirSync("app/routes")
  .filter((file) => file.endsWith(".tsx") && /^export default /m.test(fs.readFileSync(`app/routes/${file}`, "utf8")))
  .map((file) => file.slice(0, -".tsx".length));

// Downloads and other responses without a page.
const RESOURCE = /(\/export(\.\w+)?|\.csv|\.json)(\?|$)|^\/import-template/;

function matrixCells(): { path: string; role: SweepRole }[] {
  const source = fs.readFileSync("tests/e2e/http-access.test.ts", "utf8");
  const cells: { path: string; role: SweepRole }[] = [];
  for (const match of source.matchAll(/\["(\/[^"]*)", only\(\[([^\]]*)\](?:, (\d+))?\)\]/g)) {
    const [, path = "", roles = "", status] = match;
    if (status !== undefined || RESOURCE.test(path)) continue;
    for (const role of roles.match(/\w+/g) ?? []) cells.push({ path, role: role as SweepRole });
  }
  return cells;
}

describe("the screen sweep covers every page", () => {
  it("every page route is swept for some role, or named with a reason why not", () => {
    const swept = new Set(Object.values(SWEEP_PAGES).flatMap((pages) => pages.map((page) => page.route)));
    const forgotten = pageRoutes.filter((route) => !swept.has(route) && !(route in NOT_SWEPT));
    expect(forgotten).toEqual([]);
    expect(pageRoutes.length).toBeGreaterThan(60);
  });

  it("every swept route exists and renders a page", () => {
    const unknown = Object.values(SWEEP_PAGES)
      .flatMap((pages) => pages.map((page) => page.route))
      .filter((route) => !pageRoutes.includes(route));
    expect(unknown).toEqual([]);
  });

  it("every page the route × role matrix opens for a role is in that role's sweep", () => {
    const cells = matrixCells();
    expect(cells.length).toBeGreaterThan(30);
    const missing = cells
      .filter(({ path, role }) => !SWEEP_PAGES[role]?.some((page) => page.path === path))
      .map(({ path, role }) => `${role} ${path}`);
    expect(missing).toEqual([]);
  });
});

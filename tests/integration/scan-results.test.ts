// The scan results page as one view of three capabilities: the scan's scores, the modules its gaps call for
// (assignable in one click) and the peer median, under the benchmark's threshold.
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { departments, organisations, scanDimensionScores, scans, type Organisation } from "@db/schema";
import { moduleAssignments } from "@db/schema-modules";
import * as modulesRoute from "~/routes/hr.modules._index";
import * as reportRoute from "~/routes/hr.scans.$scanId_.report";
import * as resultsRoute from "~/routes/hr.scans.$scanId_.results";
import { getDb } from "~/utils/db.server";
import { call, cookieFor, get, post, seeded } from "../support/requests";

beforeAll(seeded);

type Page = {
  result: { dimensions: { key: string; score: number | null }[]; flaggedCoreItems: string[] };
  modules: { moduleKey: string; title: string; reasons: { dimensionKey: string; kind: "weak" | "core" }[] }[];
  peer: { key: string; score: number }[] | null;
  peerInfo: { group: string; groupSize: number; shown: boolean };
  perceptionGap: { rows: { key: string; newcomers: number | null; buddies: number | null }[] };
};

function zas() {
  const db = getDb();
  const org = db.select().from(organisations).where(eq(organisations.name, "ZAS Ziekenhuis aan de Stroom")).get();
  if (!org) throw new Error("ZAS missing from the demo");
  const scan = db
    .select()
    .from(scans)
    .where(and(eq(scans.organisationId, org.id), eq(scans.status, "submitted")))
    .get();
  if (!scan) throw new Error("ZAS has no submitted demo scan");
  return { org, scan };
}

/** Other care organisations of the same country or sector that have a submitted scan. */
function peersOf(org: Organisation, group: "country" | "sector"): { n: number; nonNamed: number } {
  const db = getDb();
  const rows = db
    .selectDistinct({ id: organisations.id, consent: organisations.benchmarkConsent })
    .from(organisations)
    .innerJoin(scans, and(eq(scans.organisationId, organisations.id), eq(scans.status, "submitted")))
    .where(
      and(
        ne(organisations.id, org.id),
        eq(organisations.kind, "care_provider"),
        group === "country" ? eq(organisations.country, org.country) : eq(organisations.sector, org.sector),
      ),
    )
    .all();
  return { n: rows.length, nonNamed: rows.filter((r) => !r.consent).length };
}

describe("scan results", () => {
  it("recommends, with titles, exactly the modules that weak dimensions and flagged core items call for", async () => {
    const { scan } = zas();
    const page = (
      await call(resultsRoute.loader, get(`/hr/scans/${scan.id}/results`, cookieFor("hr@zas.example")), {
        scanId: String(scan.id),
      })
    ).body as Page;
    const stored = getDb().select().from(scanDimensionScores).where(eq(scanDimensionScores.scanId, scan.id)).all();
    // Weak: HR's score or the shown experience of newcomers or buddies under 60 (docs/decisions/081).
    const gapRows = page.perceptionGap.rows;
    const lowest = (d: (typeof stored)[number]) => {
      const row = gapRows.find((r) => r.key === d.dimensionKey);
      const known = [d.score, row?.newcomers ?? null, row?.buddies ?? null].filter((x): x is number => x !== null);
      return known.length ? Math.min(...known) : null;
    };
    const weak = stored.filter((d) => (lowest(d) ?? 100) < 60).map((d) => d.dimensionKey);
    expect(weak).toContain("onboarding"); // HR scores it 70; the demo newcomers experience it as weaker
    const reasons = page.modules.flatMap((m) => m.reasons);
    // Every weak dimension is a reason for at least one module, and no reason names a dimension at 60 or more.
    expect(new Set(reasons.filter((r) => r.kind === "weak").map((r) => r.dimensionKey))).toEqual(new Set(weak));
    expect(page.modules.every((m) => m.title.length > 0 && m.title !== m.moduleKey)).toBe(true);
  });

  it("draws the (adjusted) peer median only for groups the disclosure rules allow, and follows the chosen group", async () => {
    const { org, scan } = zas();
    const shownFor: Record<string, boolean> = {};
    for (const group of ["country", "sector"] as const) {
      const cookie = `${cookieFor("hr@zas.example")}; benchmark_peer=${group}`;
      const page = (
        await call(resultsRoute.loader, get(`/hr/scans/${scan.id}/results`, cookie), { scanId: String(scan.id) })
      ).body as Page;
      const { n, nonNamed } = peersOf(org, group);
      // At least 5 peers, of which none or at least 5 did not consent (docs/decisions/042).
      const shown = n >= 5 && (nonNamed === 0 || nonNamed >= 5);
      shownFor[group] = shown;
      expect(page.peerInfo.shown, group).toBe(shown);
      if (shown) {
        expect(Math.abs((page.peerInfo.groupSize ?? 0) - n)).toBeLessThanOrEqual(4); // group sizes: at most 4 (decision 046)
        expect(page.peer?.length).toBe(8);
      } else {
        // A hidden group shows no size.
        expect(page.peerInfo.groupSize).toBeNull();
        expect(page.peer).toBeNull();
      }
    }
    // The demo: ZAS's Belgian peers are shown, its hospital peers (4) are not.
    expect(shownFor).toEqual({ country: true, sector: false });
  });

  it("heads the radar's table with what the peer line is: a mean for a group of fewer than 20 (decision 047)", async () => {
    const { scan } = zas();
    const path = `/hr/scans/${scan.id}/results`;
    for (const [lang, mean, median] of [
      ["nl", "Gemiddelde", "Mediaan"],
      ["en", "Mean", "Median"],
    ] as const) {
      const cookie = `${cookieFor("hr@zas.example")}; benchmark_peer=country; lang=${lang}`;
      const page = (await call(resultsRoute.loader, get(path, cookie), { scanId: String(scan.id) })).body as {
        peerInfo: { measure: "mean" | "median" | null };
        charts: { radar: { peerLabel: string | null } };
      };
      // The demo's Belgian peers are fewer than 20: they publish a mean, and the table must not call it a median.
      expect(page.peerInfo.measure).toBe("mean");
      expect(page.charts.radar.peerLabel).toBe(mean);
      expect(page.charts.radar.peerLabel).not.toBe(median);
    }
  });

  it("assigns a recommended module in one click and comes back to the results", async () => {
    const { org, scan } = zas();
    const cookie = cookieFor("hr@zas.example");
    const page = (
      await call(resultsRoute.loader, get(`/hr/scans/${scan.id}/results`, cookie), { scanId: String(scan.id) })
    ).body as Page;
    const first = page.modules[0];
    if (!first) throw new Error("the demo scan should call for at least one module");
    const department = getDb().select().from(departments).where(eq(departments.organisationId, org.id)).get();
    const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const back = `/hr/scans/${scan.id}/results`;
    const response = await call(
      modulesRoute.action,
      post(
        "/hr/modules",
        {
          intent: "assign",
          moduleKey: first.moduleKey,
          departmentId: String(department?.id),
          dueDate,
          redirectTo: back,
        },
        cookie,
      ),
    );
    expect(response.status).toBe(302);
    expect(response.location?.startsWith(`${back}?notice=`)).toBe(true);
    const stored = getDb()
      .select()
      .from(moduleAssignments)
      .where(
        and(
          eq(moduleAssignments.organisationId, org.id),
          eq(moduleAssignments.moduleKey, first.moduleKey),
          eq(moduleAssignments.departmentId, department?.id ?? 0),
        ),
      )
      .get();
    expect(stored?.dueDate).toBe(dueDate);
  });

  it("prints the same recommendations in the report", async () => {
    const { scan } = zas();
    const cookie = cookieFor("hr@zas.example");
    const results = (
      await call(resultsRoute.loader, get(`/hr/scans/${scan.id}/results`, cookie), { scanId: String(scan.id) })
    ).body as Page;
    const report = (
      await call(reportRoute.loader, get(`/hr/scans/${scan.id}/report`, cookie), { scanId: String(scan.id) })
    ).body as Page;
    expect(report.modules.map((m) => m.moduleKey)).toEqual(results.modules.map((m) => m.moduleKey));
  });
});

// Issue 17: the radar on the results page and on the printed report is built once, on the server
// (`scanRadar` in features/scan/charts.server.ts): both pages receive the same chart and the same table figures
// and labels, instead of each route putting the component's props together itself.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { organisations, scans } from "@db/schema";
import * as reportRoute from "~/routes/hr.scans.$scanId_.report";
import * as resultsRoute from "~/routes/hr.scans.$scanId_.results";
import { getDb } from "~/utils/db.server";
import { call, cookieFor, get, seeded } from "../support/requests";

beforeAll(seeded);

type Radar = {
  chart: { html: string };
  dimensions: { key: string; name: string }[];
  current: { key: string; score: number | null }[];
  currentLabel: string;
  previous: { key: string; score: number | null }[] | null;
  previousLabel: string | null;
  peer: { key: string; score: number }[] | null;
};
type Page = {
  scan: { period: string };
  result: { dimensions: { key: string; score: number | null }[] };
  peer: Radar["peer"];
  charts: { radar: Radar };
};

function zasScan() {
  const db = getDb();
  const org = db.select().from(organisations).where(eq(organisations.name, "ZAS Ziekenhuis aan de Stroom")).get();
  if (!org) throw new Error("ZAS missing from the demo");
  const scan = db
    .select()
    .from(scans)
    .where(and(eq(scans.organisationId, org.id), eq(scans.status, "submitted")))
    .get();
  if (!scan) throw new Error("ZAS has no submitted demo scan");
  return scan;
}

describe("the scan radar's data", () => {
  it("is the same on the results page and the report, with the table's figures and labels beside the chart", async () => {
    const scan = zasScan();
    const cookie = cookieFor("hr@zas.example");
    const params = { scanId: String(scan.id) };
    const results = (await call(resultsRoute.loader, get(`/hr/scans/${scan.id}/results`, cookie), params)).body as Page;
    const report = (await call(reportRoute.loader, get(`/hr/scans/${scan.id}/report`, cookie), params)).body as Page;
    const radar = results.charts.radar;
    expect(report.charts.radar).toEqual(radar);

    expect(radar.chart.html).toContain("<svg");
    expect(radar.dimensions.length).toBeGreaterThan(0);
    radar.dimensions.forEach((d, i) => expect(d.name).toMatch(new RegExp(`^${i + 1}\\. \\S`)));
    expect(radar.current).toEqual(results.result.dimensions.map((d) => ({ key: d.key, score: d.score })));
    expect(radar.currentLabel).toContain(results.scan.period);
    expect(radar.peer).toEqual(results.peer);
    if (radar.previous) expect(radar.previousLabel).toMatch(/\d/);
    else expect(radar.previousLabel).toBeNull();
  });
});

// Benchmark figures are computed once per data version (decision 044): a submitted scan, a consent change or a
// new match must show at once, and unrelated writes (an autosaved answer of a draft, a session) must not make
// the server recompute. Observed through the loaders and use cases, against a real migrated SQLite file.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { submitScan } from "~/features/scan/scan.server";
import { getComparison } from "~/features/benchmark/comparison.server";
import { getOwnPosition } from "~/features/benchmark/peer.server";
import { getProgrammeIndicators } from "~/features/benchmark/indicators.server";
import { dataVersion } from "~/features/benchmark/dataset.server";
import { loader as comparisonLoader } from "~/routes/partner.benchmark";
import { buildBenchmarkWorld, organisationId } from "../support/benchmark-world";
import { call, cookieFor, get, seeded, userId } from "../support/requests";

let partner: string;

beforeAll(async () => {
  await seeded();
  buildBenchmarkWorld(getDb());
  partner = cookieFor("onderzoek@thomasmore.example");
});

type Body = { comparison: { periods: string[]; rows: { shown: { name: string }[] } } | null };
const comparison = async (query = "") =>
  (await call(comparisonLoader, get(`/partner/benchmark${query}`, partner))).body as Body;

function draftScan(organisation: number, period: string): number {
  const sqlite = getDb().$client;
  const id = Number(
    sqlite
      .prepare("INSERT INTO scans (organisation_id, instrument_version, period, status) VALUES (?, 1, ?, 'draft')")
      .run(organisation, period).lastInsertRowid,
  );
  const items = sqlite.prepare("SELECT key FROM instrument_items WHERE version = 1").pluck().all() as string[];
  const insert = sqlite.prepare(
    "INSERT INTO scan_answers (scan_id, item_key, value, answered_at) VALUES (?, ?, '3', '2026-12-02T00:00:00.000Z')",
  );
  for (const key of items) insert.run(id, key);
  return id;
}

describe("benchmark figures per data version", () => {
  it("a scan submitted through the scan use case shows in the comparison at once; a draft does not", async () => {
    const before = await comparison();
    expect(before.comparison?.periods).not.toContain("2026");
    // Five organisations of the world start a 2026 scan: drafts change nothing partners see.
    const ids = [1, 2, 3, 4, 5].map((i) => organisationId(getDb(), `Ziekenhuis Schelde ${i}`));
    const drafts = ids.map((id) => draftScan(id, "2026"));
    const versionWithDrafts = dataVersion("scans");
    expect((await comparison()).comparison?.periods).not.toContain("2026");
    // An answer saved on a draft is not a benchmark input: the data version stays.
    getDb().$client.prepare("UPDATE scan_answers SET value = '4' WHERE scan_id = ?").run(drafts[0]);
    expect(dataVersion("scans")).toBe(versionWithDrafts);
    const hr = userId("hr@zas.example");
    drafts.forEach((scanId, i) =>
      expect(submitScan({ id: hr, organisationId: ids[i] ?? 0 }, { scanId })).toEqual({ ok: true, value: null }),
    );
    expect(dataVersion("scans")).not.toBe(versionWithDrafts);
    expect((await comparison()).comparison?.periods).toContain("2026");
  });

  it("a consent given or withdrawn changes the named rows at once", async () => {
    const name = "Ziekenhuis Schelde 6";
    const named = async () =>
      (await comparison("?country=BE&sector=hospital")).comparison?.rows.shown.map((r) => r.name) ?? [];
    expect(await named()).not.toContain(name);
    getDb()
      .$client.prepare("UPDATE organisations SET benchmark_consent = 1 WHERE id = ?")
      .run(organisationId(getDb(), name));
    expect(await named()).toContain(name);
    getDb()
      .$client.prepare("UPDATE organisations SET benchmark_consent = 0 WHERE id = ?")
      .run(organisationId(getDb(), name));
    expect(await named()).not.toContain(name);
  });

  it("keeps computed figures while nothing changes, and recomputes on a new match or completion", () => {
    const outcome = getComparison({ breakdown: "country" });
    expect(getComparison({ breakdown: "country" })).toEqual(outcome);
    const zas = organisationId(getDb(), "ZAS Ziekenhuis aan de Stroom");
    const position = getOwnPosition(zas, "country");
    const indicators = getProgrammeIndicators();
    // A session is written: nothing the benchmark reads.
    cookieFor("hr@zas.example");
    expect(getOwnPosition(zas, "country")).toBe(position);
    expect(getProgrammeIndicators()).toBe(indicators);
    // A module completion is an indicator input, not a comparison input.
    const scansVersion = dataVersion("scans");
    getDb()
      .$client.prepare(
        "INSERT INTO module_completions (user_id, organisation_id, module_key, score_percent, passed_at) SELECT ?, ?, key, 100, '2026-12-01T00:00:00.000Z' FROM modules WHERE key NOT IN (SELECT module_key FROM module_completions WHERE user_id = ?) LIMIT 1",
      )
      .run(userId("hr@zas.example"), zas, userId("hr@zas.example"));
    expect(dataVersion("scans")).toBe(scansVersion);
    expect(getOwnPosition(zas, "country")).toBe(position);
    expect(getProgrammeIndicators()).not.toBe(indicators);
  });
});

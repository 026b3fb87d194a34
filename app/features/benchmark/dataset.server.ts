// Loads one instrument version's submitted scans into memory for the comparison, and keeps them until a scan
// is submitted or an organisation changes: triggers bump a counter in benchmark_data_versions on every such
// change (migration benchmark_data_versions_triggers, decision 044), and one primary-key read of it per
// request tells whether what is in memory is still current.
import type Database from "better-sqlite3";
import { getDb } from "~/utils/db.server";
import { type Dataset, type DatasetOrganisation, type DatasetScan, encodeAnswer } from "./dataset";
import { MIN_GROUP_SIZE } from "./disclosure";
import { recordKeys, unitKey } from "./record-keys.server";

export type DataTopic = "scans" | "indicators";

// One prepared statement per connection (tests and scripts may open another database in the same process).
const versionStatements = new WeakMap<Database.Database, Database.Statement>();

/**
 * The current data version of a topic: bumped by triggers whenever a submitted scan, an organisation's
 * attributes or consent (both topics), or newcomer records, matches and module completions ("indicators")
 * change. Anything computed from that input may be kept in memory as long as this number stays the same.
 * A database without the counter row (never in a migrated one) answers a fresh number every time: no caching.
 */
export function dataVersion(topic: DataTopic): string {
  const sqlite = getDb().$client;
  let statement = versionStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare("SELECT version FROM benchmark_data_versions WHERE topic = ?").pluck();
    versionStatements.set(sqlite, statement);
  }
  const version = statement.get(topic) as number | undefined;
  return version === undefined ? `uncached:${++uncached}` : `${sqlite.name}|${version}`;
}
let uncached = 0;

/** Keeps one value per key, recomputed when the topic's data version changes. */
export function perDataVersion<T>(topic: DataTopic, compute: (key: string) => T): (key: string) => T {
  let version = "";
  let values = new Map<string, T>();
  return (key) => {
    const now = dataVersion(topic);
    if (now !== version) {
      version = now;
      values = new Map();
    }
    if (values.has(key)) return values.get(key) as T;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}

const versionOf = perDataVersion("scans", () => {
  const rows = getDb()
    .$client.prepare(
      "SELECT instrument_version AS v, count(DISTINCT organisation_id) AS n FROM scans WHERE status = 'submitted' GROUP BY instrument_version ORDER BY instrument_version DESC",
    )
    .all() as { v: number; n: number }[];
  return (rows.find((r) => r.n >= MIN_GROUP_SIZE) ?? rows[0])?.v ?? null;
});

/**
 * The instrument version partners compare: the newest one that at least MIN_GROUP_SIZE organisations have
 * submitted a scan of (so a new version does not blank the comparison the day its first scan lands), else the
 * newest with any submitted scan; null when there are none yet.
 */
export function currentVersion(): number | null {
  return versionOf("current");
}

const datasets = perDataVersion("scans", (version) => buildDataset(Number(version)));

/** The dataset of one instrument version: built once per data version, the same object until a change. */
export function loadDataset(version: number): Dataset {
  return datasets(String(version));
}

function buildDataset(version: number): Dataset {
  const sqlite = getDb().$client;
  const dimensions = sqlite
    .prepare(
      "SELECT key, name_nl AS nameNl, name_en AS nameEn FROM instrument_dimensions WHERE version = ? ORDER BY number",
    )
    .all(version) as Dataset["dimensions"];
  const dimensionIndex = new Map(dimensions.map((d, i) => [d.key, i]));
  const items = (
    sqlite
      .prepare(
        "SELECT key, dimension_key AS dimensionKey, text_nl AS textNl, text_en AS textEn, position FROM instrument_items WHERE version = ? ORDER BY dimension_key, position",
      )
      .all(version) as (Dataset["items"][number] & { position: number })[]
  )
    .sort(
      (a, b) =>
        (dimensionIndex.get(a.dimensionKey) ?? 0) - (dimensionIndex.get(b.dimensionKey) ?? 0) ||
        a.position - b.position,
    )
    .map(({ key, dimensionKey, textNl, textEn }) => ({ key, dimensionKey, textNl, textEn }));
  const itemIndex = new Map(items.map((it, i) => [it.key, i]));

  // Care providers with at least one submitted scan of this version: the benchmark's participants.
  const orgRows = sqlite
    .prepare(
      `SELECT o.id, o.name, o.country, o.sector, o.size_band AS sizeBand, o.benchmark_consent AS consent
         FROM organisations o
        WHERE o.kind = 'care_provider'
          AND EXISTS (SELECT 1 FROM scans s WHERE s.organisation_id = o.id AND s.status = 'submitted' AND s.instrument_version = ?)
        ORDER BY o.id`,
    )
    .all(version) as { id: number; name: string; country: string; sector: string; sizeBand: string; consent: number }[];
  const keys = recordKeys(orgRows.map((o) => o.id));
  const organisations: DatasetOrganisation[] = orgRows.map((o) => ({
    id: o.id,
    name: o.name,
    country: o.country,
    sector: o.sector,
    sizeBand: o.sizeBand,
    consented: o.consent === 1,
  }));
  const orgIndex = new Map(organisations.map((o, i) => [o.id, i]));

  const scanRows = sqlite
    .prepare(
      `SELECT s.id, s.organisation_id AS organisationId, s.period, s.submitted_at AS submittedAt, s.overall_score AS overall, s.overall_level AS overallLevel
         FROM scans s JOIN organisations o ON o.id = s.organisation_id
        WHERE s.status = 'submitted' AND s.instrument_version = ? AND o.kind = 'care_provider'
        ORDER BY s.organisation_id, s.period`,
    )
    .all(version) as {
    id: number;
    organisationId: number;
    period: string;
    submittedAt: string;
    overall: number | null;
    overallLevel: number | null;
  }[];
  const scans: DatasetScan[] = [];
  const byScanId = new Map<number, DatasetScan>();
  const latest = new Map<number, number>();
  const periods = new Set<string>();
  for (const row of scanRows) {
    const org = orgIndex.get(row.organisationId);
    if (org === undefined) continue;
    const scan: DatasetScan = {
      org,
      // One unit per organisation and period: a new scan is a new unit, so it brings fresh noise.
      key: unitKey(keys.get(row.organisationId) ?? "", `scan:${version}:${row.period}`),
      period: row.period,
      submittedAt: row.submittedAt,
      overall: row.overall,
      overallLevel: row.overallLevel,
      dimensions: dimensions.map(() => null),
      dimensionLevels: dimensions.map(() => null),
      answers: new Int8Array(items.length).fill(-3),
    };
    scans.push(scan);
    byScanId.set(row.id, scan);
    latest.set(org, scans.length - 1); // ordered by period within an organisation
    periods.add(row.period);
  }

  const dimensionRows = sqlite
    .prepare(
      `SELECT d.scan_id, d.dimension_key, d.score, d.level FROM scan_dimension_scores d
         JOIN scans s ON s.id = d.scan_id WHERE s.status = 'submitted' AND s.instrument_version = ?`,
    )
    .raw(true)
    .all(version) as [number, string, number | null, number | null][];
  for (const [scanId, dimensionKey, score, level] of dimensionRows) {
    const scan = byScanId.get(scanId);
    const d = dimensionIndex.get(dimensionKey);
    if (!scan || d === undefined) continue;
    scan.dimensions[d] = score;
    scan.dimensionLevels[d] = level;
  }

  const answerRows = sqlite
    .prepare(
      `SELECT a.scan_id, a.item_key, a.value FROM scan_answers a
         JOIN scans s ON s.id = a.scan_id WHERE s.status = 'submitted' AND s.instrument_version = ?`,
    )
    .raw(true)
    .all(version) as [number, string, string][];
  for (const [scanId, itemKey, value] of answerRows) {
    const scan = byScanId.get(scanId);
    const i = itemIndex.get(itemKey);
    if (!scan || i === undefined) continue;
    scan.answers[i] = encodeAnswer(value);
  }

  return { version, dimensions, items, organisations, scans, latest, periods: [...periods].sort() };
}

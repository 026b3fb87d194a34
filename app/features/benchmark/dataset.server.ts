// Loads one instrument version's submitted scans into memory for the comparison, and keeps them until a scan
// is submitted or an organisation changes (a cheap fingerprint query checks that on every request).
import { getDb } from "~/utils/db.server";
import { type Dataset, type DatasetOrganisation, type DatasetScan, encodeAnswer } from "./dataset";
import { MIN_GROUP_SIZE } from "./disclosure";
import { recordKeys, unitKey } from "./record-keys.server";

type Cached = { fingerprint: string; dataset: Dataset };
const cache = new Map<number, Cached>();

function fingerprint(version: number): string {
  const sqlite = getDb().$client;
  const scans = sqlite
    .prepare("SELECT count(*) AS n, max(submitted_at) AS last, max(id) AS maxId FROM scans WHERE status = 'submitted' AND instrument_version = ?")
    .get(version) as { n: number; last: string | null; maxId: number | null };
  const orgs = sqlite.prepare("SELECT count(*) AS n, max(updated_at) AS last FROM organisations").get() as { n: number; last: string | null };
  return `${scans.n}|${scans.last}|${scans.maxId}|${orgs.n}|${orgs.last}`;
}

/**
 * The instrument version partners compare: the newest one that at least MIN_GROUP_SIZE organisations have
 * submitted a scan of (so a new version does not blank the comparison the day its first scan lands), else the
 * newest with any submitted scan; null when there are none yet.
 */
export function currentVersion(): number | null {
  const rows = getDb()
    .$client.prepare("SELECT instrument_version AS v, count(DISTINCT organisation_id) AS n FROM scans WHERE status = 'submitted' GROUP BY instrument_version ORDER BY instrument_version DESC")
    .all() as { v: number; n: number }[];
  return (rows.find((r) => r.n >= MIN_GROUP_SIZE) ?? rows[0])?.v ?? null;
}

export function loadDataset(version: number): Dataset {
  const key = fingerprint(version);
  const hit = cache.get(version);
  if (hit && hit.fingerprint === key) return hit.dataset;
  const dataset = buildDataset(version);
  cache.set(version, { fingerprint: key, dataset });
  return dataset;
}

function buildDataset(version: number): Dataset {
  const sqlite = getDb().$client;
  const dimensions = sqlite
    .prepare("SELECT key, name_nl AS nameNl, name_en AS nameEn FROM instrument_dimensions WHERE version = ? ORDER BY number")
    .all(version) as Dataset["dimensions"];
  const dimensionIndex = new Map(dimensions.map((d, i) => [d.key, i]));
  const items = (
    sqlite
      .prepare("SELECT key, dimension_key AS dimensionKey, text_nl AS textNl, text_en AS textEn, position FROM instrument_items WHERE version = ? ORDER BY dimension_key, position")
      .all(version) as (Dataset["items"][number] & { position: number })[]
  )
    .sort((a, b) => (dimensionIndex.get(a.dimensionKey) ?? 0) - (dimensionIndex.get(b.dimensionKey) ?? 0) || a.position - b.position)
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
    .all(version) as { id: number; organisationId: number; period: string; submittedAt: string; overall: number | null; overallLevel: number | null }[];
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

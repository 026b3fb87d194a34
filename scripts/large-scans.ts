// Synthetic submitted scans for the benchmark (`npm run seed -- --large N`, tests and scripts/bench-benchmark.ts).
// Scores are computed with the scan capability's own scoreScan, so stored figures are exactly what a real
// submission would store. Dimension and item keys are always read from the database.
import { scoreScan, type AnswerValue, type ScoringInstrument } from "../app/features/scan/scoring";
import type { PortalDb } from "@db/client";

// Stand-in for instrument version 1, used ONLY when version 1 is absent (a branch without the scan capability's
// reference data). Keys only, placeholder names; after the merge the real instrument is loaded first and this
// never runs.
const FALLBACK_DIMENSIONS = [
  "leadership",
  "recruitment",
  "recognition",
  "onboarding",
  "language",
  "team_culture",
  "wellbeing",
  "monitoring",
];
const FALLBACK_CORE_DIMENSIONS = new Set(["leadership", "onboarding", "language", "team_culture"]);

export function ensureFallbackInstrumentV1(db: PortalDb): boolean {
  const sqlite = db.$client;
  if (sqlite.prepare("SELECT 1 FROM instrument_versions WHERE version = 1").get()) return false;
  sqlite.transaction(() => {
    sqlite.prepare("INSERT INTO instrument_versions (version) VALUES (1)").run();
    const dim = sqlite.prepare(
      "INSERT INTO instrument_dimensions (version, key, number, name_nl, name_en, description_nl, description_en, module_keys) VALUES (1, ?, ?, ?, ?, '', '', '[]')",
    );
    const item = sqlite.prepare(
      "INSERT INTO instrument_items (version, key, dimension_key, position, text_nl, text_en, help_nl, help_en, core) VALUES (1, ?, ?, ?, ?, ?, '', '', ?)",
    );
    FALLBACK_DIMENSIONS.forEach((key, i) => {
      dim.run(key, i + 1, `Dimensie ${i + 1} (${key})`, `Dimension ${i + 1} (${key})`);
      for (let p = 1; p <= 5; p++)
        item.run(
          `${key}.${p}`,
          key,
          p,
          `Item ${key}.${p}`,
          `Item ${key}.${p}`,
          p === 1 && FALLBACK_CORE_DIMENSIONS.has(key) ? 1 : 0,
        );
    });
  })();
  return true;
}

export function readScoringInstrument(db: PortalDb, version: number): ScoringInstrument {
  const sqlite = db.$client;
  const dimensions = sqlite
    .prepare("SELECT key FROM instrument_dimensions WHERE version = ? ORDER BY number")
    .all(version) as { key: string }[];
  const items = sqlite
    .prepare(
      "SELECT key, dimension_key AS dimensionKey, core FROM instrument_items WHERE version = ? ORDER BY position",
    )
    .all(version) as {
    key: string;
    dimensionKey: string;
    core: number;
  }[];
  return {
    dimensions: dimensions.map((d) => ({
      key: d.key,
      items: items.filter((i) => i.dimensionKey === d.key).map((i) => ({ key: i.key, core: i.core === 1 })),
    })),
  };
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same synthetic world. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SyntheticScanOptions = {
  periods: string[];
  version?: number;
  seed?: number;
  /** Per organisation, a fixed maturity 0–4 instead of a random one (tests use this for known figures). */
  maturity?: (organisationId: number) => number | undefined;
};

/**
 * Adds one submitted scan per organisation and period: answers drawn around the organisation's maturity
 * (rising a little each year), with some "don't know" and "not applicable", scored by scoreScan.
 */
export function addSyntheticScans(
  db: PortalDb,
  organisationIds: readonly number[],
  options: SyntheticScanOptions,
): number {
  const version = options.version ?? 1;
  const instrument = readScoringInstrument(db, version);
  if (instrument.dimensions.length === 0) throw new Error(`Instrument version ${version} has no dimensions`);
  const next = random(options.seed ?? 20251125);
  const sqlite = db.$client;
  const insertScan = sqlite.prepare(
    `INSERT INTO scans (organisation_id, instrument_version, period, status, created_at, submitted_at, overall_score, overall_level)
     VALUES (?, ?, ?, 'submitted', ?, ?, ?, ?)`,
  );
  const insertDimension = sqlite.prepare(
    "INSERT INTO scan_dimension_scores (scan_id, dimension_key, score, level) VALUES (?, ?, ?, ?)",
  );
  const insertAnswer = sqlite.prepare(
    "INSERT INTO scan_answers (scan_id, item_key, value, answered_at) VALUES (?, ?, ?, ?)",
  );
  let count = 0;
  sqlite.transaction(() => {
    for (const organisationId of organisationIds) {
      const fixed = options.maturity?.(organisationId);
      const base = fixed ?? next() * 3;
      options.periods.forEach((period, p) => {
        const level = fixed ?? Math.min(4, base + p * 0.25);
        const answers: Record<string, AnswerValue> = {};
        for (const dimension of instrument.dimensions) {
          const tilt = fixed === undefined ? (next() - 0.5) * 1.5 : 0;
          for (const item of dimension.items) {
            const r = next();
            if (fixed === undefined && r < 0.04) answers[item.key] = "dont_know";
            else if (fixed === undefined && r < 0.06) answers[item.key] = "not_applicable";
            else {
              const noise = fixed === undefined ? (next() - 0.5) * 2 : 0;
              answers[item.key] = String(Math.max(0, Math.min(4, Math.round(level + tilt + noise)))) as AnswerValue;
            }
          }
        }
        const result = scoreScan(instrument, answers);
        const at = `${period}-10-15T09:00:00.000Z`;
        const scanId = Number(
          insertScan.run(organisationId, version, period, at, at, result.overall, result.overallLevel).lastInsertRowid,
        );
        for (const d of result.dimensions) insertDimension.run(scanId, d.key, d.score, d.level);
        for (const [itemKey, value] of Object.entries(answers)) insertAnswer.run(scanId, itemKey, value, at);
        count++;
      });
    }
  })();
  return count;
}

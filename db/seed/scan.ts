// Demo scans: ZAS has a submitted "2025" and a half-filled "2026"; sixteen other care organisations have
// submitted scans for 2024 and/or 2025, so the benchmark has more than 5 organisations to compare.
// Answers are deterministic (seeded by organisation and period) and vary by organisation profile.
import { and, eq } from "drizzle-orm";
import type { PortalDb } from "../client";
import { memberships, organisations, scanAnswers, scanDimensionScores, scans, users } from "../schema";
import { INSTRUMENT_V1, type InstrumentData } from "../reference/instrument-v1";

type Profile = {
  /** Organisation name as in demo-data. */
  name: string;
  /** Base maturity 0–4 per dimension, in instrument order. */
  base: number[];
  periods: { period: string; submitted: boolean; lift: number; answerFirst?: number }[];
};

const PROFILES: Profile[] = [
  {
    name: "ZAS Ziekenhuis aan de Stroom",
    base: [2.6, 2.2, 1.6, 2.8, 1.4, 2.0, 2.2, 1.8],
    periods: [
      { period: "2025", submitted: true, lift: 0 },
      { period: "2026", submitted: false, lift: 0.4, answerFirst: 17 },
    ],
  },
  {
    name: "Zuyderland Medisch Centrum",
    base: [3.0, 2.4, 2.6, 2.2, 2.0, 1.8, 2.4, 2.6],
    periods: [
      { period: "2024", submitted: true, lift: 0 },
      { period: "2025", submitted: true, lift: 0.5 },
    ],
  },
  {
    name: "Thuiszorg De Schakel",
    base: [1.6, 2.0, 1.0, 2.4, 2.2, 2.6, 3.0, 1.2],
    periods: [{ period: "2025", submitted: true, lift: 0 }],
  },
  {
    name: "Woonzorgcentrum Hof ter Linde",
    base: [1.2, 1.4, 0.8, 1.8, 1.6, 1.4, 2.0, 0.8],
    periods: [
      { period: "2024", submitted: true, lift: 0 },
      { period: "2025", submitted: true, lift: 0.6 },
    ],
  },
  {
    name: "Psychiatrisch Centrum Kempenland",
    base: [2.2, 1.8, 1.4, 2.0, 2.4, 3.0, 3.4, 2.0],
    periods: [{ period: "2025", submitted: true, lift: 0 }],
  },
  {
    name: "Zorggroep Maasoever",
    base: [2.4, 2.8, 2.2, 3.0, 2.6, 2.4, 2.2, 2.8],
    periods: [
      { period: "2024", submitted: true, lift: 0 },
      { period: "2025", submitted: true, lift: 0.3 },
    ],
  },
  {
    name: "Thuiszorg Parkstad",
    base: [1.0, 1.6, 1.2, 1.4, 1.0, 1.2, 1.8, 0.6],
    periods: [{ period: "2024", submitted: true, lift: 0 }],
  },
  {
    name: "GGZ Dijkzicht",
    base: [3.2, 3.0, 2.4, 3.4, 2.8, 3.2, 3.6, 3.0],
    periods: [{ period: "2025", submitted: true, lift: 0 }],
  },
  {
    name: "AZ Scheldeland",
    base: [2.8, 2.6, 2.2, 3.0, 2.4, 2.6, 2.8, 2.2],
    periods: [
      { period: "2024", submitted: true, lift: 0 },
      { period: "2025", submitted: true, lift: 0.3 },
    ],
  },
  {
    name: "Ziekenhuis Noorderkempen",
    base: [1.8, 1.4, 1.0, 2.0, 1.6, 1.8, 2.0, 1.4],
    periods: [{ period: "2025", submitted: true, lift: 0 }],
  },
  {
    name: "Woonzorggroep Leiedal",
    base: [2.2, 2.0, 1.8, 2.6, 2.8, 2.4, 3.0, 1.6],
    periods: [{ period: "2025", submitted: true, lift: 0 }],
  },
  {
    name: "Thuiszorg Waasland",
    base: [1.4, 2.2, 1.6, 1.8, 2.0, 2.2, 2.6, 1.2],
    periods: [{ period: "2025", submitted: true, lift: 0 }],
  },
  {
    name: "Woonzorgnetwerk Dijlevallei",
    base: [2.0, 1.6, 1.4, 2.2, 2.6, 2.0, 2.4, 1.8],
    periods: [{ period: "2025", submitted: true, lift: 0 }],
  },
  {
    name: "Zorggroep Eemland",
    base: [1.6, 1.8, 1.2, 2.0, 1.8, 2.2, 2.6, 1.4],
    periods: [
      { period: "2024", submitted: true, lift: 0 },
      { period: "2025", submitted: true, lift: 0.4 },
    ],
  },
  {
    name: "Thuiszorg Rijnstreek",
    base: [1.2, 1.4, 1.0, 1.6, 1.4, 1.8, 2.2, 1.0],
    periods: [
      { period: "2024", submitted: true, lift: 0 },
      { period: "2025", submitted: true, lift: 0.2 },
    ],
  },
  {
    name: "Ziekenhuis De Venen",
    base: [2.6, 2.4, 2.0, 2.8, 2.2, 2.4, 2.6, 2.2],
    periods: [
      { period: "2024", submitted: true, lift: 0 },
      { period: "2025", submitted: true, lift: 0.5 },
    ],
  },
  {
    name: "Stichting Zorgbrug Twente",
    base: [2.4, 2.0, 1.8, 2.6, 3.0, 2.8, 3.2, 2.0],
    periods: [{ period: "2025", submitted: true, lift: 0 }],
  },
];

const COMMENTS_NL = [
  "Zie het diversiteitsplan 2024–2026.",
  "Loopt als pilot op twee afdelingen.",
  "Afspraak met VDAB-consulent, maandelijks overleg.",
  "Nog niet voor alle campussen.",
  "Besproken op het directiecomité in maart.",
];

function random(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

type Value = "0" | "1" | "2" | "3" | "4" | "dont_know" | "not_applicable";

function answersFor(
  instrument: InstrumentData,
  profile: Profile,
  period: string,
  lift: number,
): { itemKey: string; value: Value; comment: string | null }[] {
  const rnd = random(`${profile.name}|${period}`);
  const out: { itemKey: string; value: Value; comment: string | null }[] = [];
  instrument.dimensions.forEach((d, di) => {
    const base = (profile.base[di] ?? 2) + lift;
    d.items.forEach((item) => {
      const r = rnd();
      let value: Value;
      if (r < 0.05) value = "dont_know";
      else if (r < 0.08) value = "not_applicable";
      else value = String(Math.max(0, Math.min(4, Math.round(base + (rnd() - 0.5) * 2.2)))) as Value;
      const comment = rnd() < 0.15 ? (COMMENTS_NL[Math.floor(rnd() * COMMENTS_NL.length)] ?? null) : null;
      out.push({ itemKey: item.key, value, comment });
    });
  });
  return out;
}

/**
 * The scan's scoring rules, passed in by the caller (`scoreScan` of app/features/scan/scoring.ts): db/ imports
 * nothing from app/, and one copy of the rules is all there may be.
 */
export type ScanScorer = (
  instrument: { dimensions: { key: string; items: { key: string; core: boolean }[] }[] },
  answers: Readonly<Record<string, Value>>,
) => {
  dimensions: { key: string; score: number | null; level: number | null }[];
  overall: number | null;
  overallLevel: number | null;
};

export function seedScans(db: PortalDb, score: ScanScorer, instrument: InstrumentData = INSTRUMENT_V1): void {
  db.transaction((tx) => {
    for (const profile of PROFILES) {
      const org = tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, profile.name))
        .get();
      if (!org) continue;
      const hrUsers = tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(and(eq(memberships.organisationId, org.id), eq(memberships.role, "hr")))
        .orderBy(users.id)
        .all();
      const first = hrUsers[0]?.id ?? null;
      for (const p of profile.periods) {
        const exists = tx
          .select({ id: scans.id })
          .from(scans)
          .where(and(eq(scans.organisationId, org.id), eq(scans.period, p.period)))
          .get();
        if (exists) continue;
        const year = Number(p.period.slice(0, 4));
        const answers = answersFor(instrument, profile, p.period, p.lift).slice(0, p.answerFirst ?? undefined);
        const answeredAt = new Date(Date.UTC(year, 9, 6 + (answers.length % 20), 9, 30)).toISOString();
        const scan = tx
          .insert(scans)
          .values({
            organisationId: org.id,
            instrumentVersion: instrument.version,
            period: p.period,
            startedByUserId: first,
            createdAt: answeredAt,
          })
          .returning({ id: scans.id })
          .get();
        answers.forEach((a, index) => {
          // Two HR users share the work where the organisation has two.
          const by = hrUsers[index % Math.max(1, hrUsers.length)]?.id ?? null;
          tx.insert(scanAnswers)
            .values({
              scanId: scan.id,
              itemKey: a.itemKey,
              value: a.value,
              comment: a.comment,
              answeredByUserId: by,
              answeredAt,
            })
            .run();
        });
        if (!p.submitted) continue;
        const result = score(instrument, Object.fromEntries(answers.map((a) => [a.itemKey, a.value])));
        for (const d of result.dimensions)
          tx.insert(scanDimensionScores)
            .values({ scanId: scan.id, dimensionKey: d.key, score: d.score, level: d.level })
            .run();
        const submittedAt = new Date(Date.UTC(year, 10, 14, 15, 0)).toISOString();
        tx.update(scans)
          .set({
            status: "submitted",
            submittedAt,
            submittedByUserId: first,
            overallScore: result.overall,
            overallLevel: result.overallLevel,
          })
          .where(eq(scans.id, scan.id))
          .run();
      }
    }
  });
}

// A synthetic benchmark world for tests: care organisations with submitted scans whose group sizes exercise
// every disclosure rule. Independent of other capabilities' demo data (only the demo logins are reused).
import type { PortalDb } from "@db/client";
import { organisations, scans } from "@db/schema";
import { eq } from "drizzle-orm";
import { addSyntheticScans, ensureFallbackInstrumentV1 } from "../../scripts/large-scans";

type Spec = {
  prefix: string;
  country: "BE" | "NL";
  sector: "hospital" | "home_care" | "elderly_care" | "mental_health";
  sizeBand: "small" | "medium" | "large" | "very_large";
  consented: number;
  count: number;
};

// Totals with the two demo organisations that get a scan too (ZAS: BE hospital very large, consented;
// Hof ter Linde: BE elderly care small, not consented): BE 20, NL 10, all 30.
export const WORLD: Spec[] = [
  { prefix: "Ziekenhuis Schelde", country: "BE", sector: "hospital", sizeBand: "large", consented: 5, count: 10 },
  { prefix: "Thuiszorg Kempen", country: "BE", sector: "home_care", sizeBand: "medium", consented: 0, count: 6 },
  { prefix: "Woonzorg Leie", country: "BE", sector: "elderly_care", sizeBand: "small", consented: 0, count: 2 },
  { prefix: "Ziekenhuis Maasdal", country: "NL", sector: "hospital", sizeBand: "very_large", consented: 3, count: 7 },
  { prefix: "GGZ Heuvelland", country: "NL", sector: "mental_health", sizeBand: "large", consented: 0, count: 3 },
];

export const DEMO_WITH_SCANS = ["ZAS Ziekenhuis aan de Stroom", "Woonzorgcentrum Hof ter Linde"];

export function buildBenchmarkWorld(db: PortalDb): { ids: Map<string, number> } {
  // The world's scans are all synthetic, so every figure the tests assert is known: the demo's scans go.
  db.delete(scans).run();
  ensureFallbackInstrumentV1(db);
  const ids = new Map<string, number>();
  for (const spec of WORLD) {
    for (let i = 1; i <= spec.count; i++) {
      const name = `${spec.prefix} ${i}`;
      const row = db
        .insert(organisations)
        .values({
          kind: "care_provider",
          name,
          country: spec.country,
          sector: spec.sector,
          sizeBand: spec.sizeBand,
          benchmarkConsent: i <= spec.consented,
        })
        .returning({ id: organisations.id })
        .get();
      ids.set(name, row.id);
    }
  }
  for (const prefix of DEMO_WITH_SCANS) {
    const row = db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .all()
      .find((o) => o.name === prefix);
    if (!row) throw new Error(`demo organisation ${prefix} missing`);
    ids.set(prefix, row.id);
  }
  // Maturity rises with the position in the list, so scores differ and medians are meaningful.
  const all = [...ids.values()];
  addSyntheticScans(db, all, { periods: ["2024", "2025"], seed: 7 });
  return { ids };
}

export function organisationId(db: PortalDb, name: string): number {
  const row = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get();
  if (!row) throw new Error(`no organisation ${name}`);
  return row.id;
}

// The perception gap across organisations for partners (docs/decisions/083): per dimension the mean of HR's
// latest scan scores beside the mean experience of newcomers and buddies, over organisations whose own pulse
// group is shown (decision 080). Group figures only, under the benchmark's disclosure rules.
import { and, desc, eq, inArray } from "drizzle-orm";
import { scanDimensionScores, scans } from "@db/schema";
import { pulseResponses } from "@db/schema-pulse";
import { getDb } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { perceptionGap, type GapRow } from "./gap";
import { partnerGapDisclosure } from "./partner-disclosure";
import { DIMENSION_KEYS, dimensionNames, latestExperience } from "./pulse.server";

export type PartnerGap = { shown: false } | { shown: true; organisations: number; rows: GapRow[]; dimensions: { key: string; number: number; name: string }[] };

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function partnerPerceptionGap(locale: Locale): PartnerGap {
  const db = getDb();
  const orgIds = db.selectDistinct({ id: pulseResponses.organisationId }).from(pulseResponses).all().map((r) => r.id);
  const contributions: { hr: Map<string, number>; newcomers: Map<string, number>; buddies: Map<string, number> }[] = [];
  for (const organisationId of orgIds) {
    const latest = latestExperience(organisationId);
    if (!latest.newcomers && !latest.buddies) continue;
    const scan = db
      .select({ id: scans.id })
      .from(scans)
      .where(and(eq(scans.organisationId, organisationId), eq(scans.status, "submitted")))
      .orderBy(desc(scans.period))
      .limit(1)
      .get();
    if (!scan) continue;
    const hr = new Map(
      db
        .select({ key: scanDimensionScores.dimensionKey, score: scanDimensionScores.score })
        .from(scanDimensionScores)
        .where(inArray(scanDimensionScores.scanId, [scan.id]))
        .all()
        .flatMap((d) => (d.score === null ? [] : [[d.key, d.score] as const])),
    );
    const toMap = (list: { key: string; score: number | null }[] | undefined) => new Map((list ?? []).flatMap((d) => (d.score === null ? [] : [[d.key, d.score] as const])));
    contributions.push({ hr, newcomers: toMap(latest.newcomers?.dimensions), buddies: toMap(latest.buddies?.dimensions) });
  }
  if (!partnerGapDisclosure(contributions.length).shown) return { shown: false };
  // Each dimension's figure is itself a group figure: shown only when enough organisations contribute to it.
  const figure = (pick: (c: (typeof contributions)[number]) => Map<string, number>, key: string) => {
    const values = contributions.flatMap((c) => (pick(c).has(key) ? [pick(c).get(key) as number] : []));
    return partnerGapDisclosure(values.length).shown ? mean(values) : null;
  };
  const { rows } = perceptionGap({
    dimensionKeys: DIMENSION_KEYS,
    hr: DIMENSION_KEYS.map((key) => ({ key, score: figure((c) => c.hr, key) })),
    newcomers: DIMENSION_KEYS.map((key) => ({ key, score: figure((c) => c.newcomers, key) })),
    buddies: DIMENSION_KEYS.map((key) => ({ key, score: figure((c) => c.buddies, key) })),
  });
  return { shown: true, organisations: contributions.length, rows, dimensions: dimensionNames(locale) };
}

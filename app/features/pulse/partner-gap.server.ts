// The perception gap across organisations for partners (docs/decisions/081): per dimension the mean of HR's
// latest scan scores beside the mean experience of newcomers and buddies, over organisations whose own pulse
// group is shown (decision 080). Group figures only, under the benchmark's disclosure rules.
import { and, desc, eq, inArray } from "drizzle-orm";
import { scanDimensionScores, scans } from "@db/schema";
import { pulseResponses } from "@db/schema-pulse";
import { getDb } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { perceptionGap, type GapRow } from "./gap";
import { mayPublish, publishMean } from "~/features/benchmark/disclosure";
import { recordKeys, unitKey } from "~/features/benchmark/record-keys.server";
import { DIMENSION_KEYS } from "~/features/scan/constants";
import { dimensionNames, latestExperience } from "./pulse.server";

export type PartnerGap =
  | { shown: false }
  | { shown: true; organisations: number; rows: GapRow[]; dimensions: { key: string; number: number; name: string }[] };

export function partnerPerceptionGap(locale: Locale): PartnerGap {
  const db = getDb();
  const orgIds = db
    .selectDistinct({ id: pulseResponses.organisationId })
    .from(pulseResponses)
    .all()
    .map((r) => r.id);
  const contributions: {
    organisationId: number;
    hr: Map<string, number>;
    newcomers: Map<string, number>;
    buddies: Map<string, number>;
  }[] = [];
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
    const toMap = (list: { key: string; score: number | null }[] | undefined) =>
      new Map((list ?? []).flatMap((d) => (d.score === null ? [] : [[d.key, d.score] as const])));
    contributions.push({
      organisationId,
      hr,
      newcomers: toMap(latest.newcomers?.dimensions),
      buddies: toMap(latest.buddies?.dimensions),
    });
  }
  // No organisation is named here, so the group needs 5 contributors (decision 042, rule 1).
  if (!mayPublish(contributions.length, contributions.length)) return { shown: false };
  const keys = recordKeys(contributions.map((c) => c.organisationId));
  // Each dimension's figure is its own group figure: a cell-key perturbed mean of exactly the organisations
  // that contribute to it (publishMean: null below 5), so the same set always gets the same figure.
  type Side = "hr" | "newcomers" | "buddies";
  const figure = (side: Side, key: string) =>
    publishMean(
      contributions.flatMap((c) => {
        const value = c[side].get(key);
        const recordKey = keys.get(c.organisationId);
        return value === undefined || !recordKey
          ? []
          : [{ key: unitKey(recordKey, `pulse-gap:${side}:${key}`), value }];
      }),
      { statistic: `pulse-gap:${side}:${key}` },
    );
  const { rows } = perceptionGap({
    dimensionKeys: DIMENSION_KEYS,
    hr: DIMENSION_KEYS.map((key) => ({ key, score: figure("hr", key) })),
    newcomers: DIMENSION_KEYS.map((key) => ({ key, score: figure("newcomers", key) })),
    buddies: DIMENSION_KEYS.map((key) => ({ key, score: figure("buddies", key) })),
  });
  return { shown: true, organisations: contributions.length, rows, dimensions: dimensionNames(locale) };
}

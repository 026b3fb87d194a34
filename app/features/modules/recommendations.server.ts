// Which modules a submitted scan calls for (decision 021): the scan's results come from the scan feature.
import { and, eq, isNull } from "drizzle-orm";
import { moduleAssignments } from "@db/schema-modules";
import { getSubmittedScanScores, latestSubmittedScanId } from "~/features/scan/scan.server";
import { getDb } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { activeModules } from "./catalogue.server";
import { recommendModules, type RecommendationReason } from "./recommendations";

type Actor = { id: number; organisationId: number };

export type RecommendedModule = {
  moduleKey: string;
  title: string;
  summary: string;
  durationMinutes: number;
  reasons: RecommendationReason[];
};

type ScanRecommendations = {
  scan: { id: number; period: string; submittedAt: string | null };
  modules: RecommendedModule[];
};

/** Recommendations from the organisation's latest submitted scan, or null when it has none. */
export function recommendationsForOrganisation(actor: Actor, locale: Locale): ScanRecommendations | null {
  const latest = latestSubmittedScanId(actor.organisationId);
  return latest === null ? null : recommendationsForScan(actor, latest, locale);
}

/**
 * Recommendations for one submitted scan of the actor's organisation (null for a draft, an unknown scan or
 * another organisation's). The scan results page calls this and renders <RecommendedModules>.
 * `experienced`: per dimension the lowest of HR's and the pulse's scores (docs/decisions/081); a gap recommends too.
 */
export function recommendationsForScan(
  actor: Actor,
  scanId: number,
  locale: Locale,
  experienced?: readonly { key: string; score: number | null }[],
): ScanRecommendations | null {
  const scores = getSubmittedScanScores(actor.organisationId, scanId);
  if (!scores) return null;
  const dimensions = scores.dimensions.map((d) => {
    const lived = experienced?.find((e) => e.key === d.key)?.score ?? null;
    return lived === null ? d : { key: d.key, score: d.score === null ? lived : Math.min(d.score, lived) };
  });
  const catalogue = activeModules(locale);
  const assignedToAll = getDb()
    .select({ moduleKey: moduleAssignments.moduleKey })
    .from(moduleAssignments)
    .where(and(eq(moduleAssignments.organisationId, actor.organisationId), isNull(moduleAssignments.departmentId)))
    .all()
    .map((r) => r.moduleKey);
  const byKey = new Map(catalogue.map((m) => [m.key, m]));
  const recommended = recommendModules({
    dimensions,
    flaggedCoreItems: scores.flaggedCoreItems,
    moduleDimensions: Object.fromEntries(catalogue.map((m) => [m.key, m.dimensions])),
    assignedToAll,
  });
  return {
    scan: scores.scan,
    modules: recommended.flatMap((r) => {
      const m = byKey.get(r.moduleKey);
      return m
        ? [
            {
              moduleKey: m.key,
              title: m.content.title,
              summary: m.content.summary,
              durationMinutes: m.durationMinutes,
              reasons: r.reasons,
            },
          ]
        : [];
    }),
  };
}

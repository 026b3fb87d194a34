// Which modules a scan result recommends, and why: modules of dimensions scoring under 60 ("weak") and of
// dimensions with a flagged core item ("core"), in the order of the instrument's dimension → module mapping.
import { RECOMMEND_BELOW } from "./constants";
import type { ScanResult } from "./scoring";

export type RecommendationReason = { dimensionKey: string; kind: "weak" | "core" };
export type Recommendation = { moduleKey: string; reasons: RecommendationReason[] };
export type RecommendationDimension = { key: string; moduleKeys: readonly string[]; itemKeys?: readonly string[] };

function dimensionOfItem(itemKey: string): string {
  return itemKey.split(".")[0] ?? itemKey;
}

export function recommendationsFor(
  result: Pick<ScanResult, "dimensions" | "flaggedCoreItems">,
  instrumentDimensions: readonly RecommendationDimension[],
): Recommendation[] {
  const byModule = new Map<string, RecommendationReason[]>();
  const flaggedDimensions = new Set(result.flaggedCoreItems.map(dimensionOfItem));
  const scores = new Map(result.dimensions.map((d) => [d.key, d.score]));
  for (const dimension of instrumentDimensions) {
    const score = scores.get(dimension.key);
    const kinds: RecommendationReason["kind"][] = [];
    if (score !== undefined && score !== null && score < RECOMMEND_BELOW) kinds.push("weak");
    if (flaggedDimensions.has(dimension.key)) kinds.push("core");
    if (kinds.length === 0) continue;
    for (const moduleKey of dimension.moduleKeys) {
      const reasons = byModule.get(moduleKey) ?? [];
      for (const kind of kinds) reasons.push({ dimensionKey: dimension.key, kind });
      byModule.set(moduleKey, reasons);
    }
  }
  return [...byModule.entries()].map(([moduleKey, reasons]) => ({ moduleKey, reasons }));
}

// Which modules a scan's results call for (pure; docs/decisions/021).
//   weak  = a dimension with a score (not null) under 60
//   core  = the dimension of a flagged core item (a core item answered 0 or 1)
// A module is recommended when one of its linked dimensions has a reason. Order, most needed first:
//   1. modules with a core reason before those without;
//   2. then the lowest score among the module's reasons' dimensions (null scores count as 100);
//   3. then more reasons first; 4. then the catalogue order given by moduleDimensions' key order.
// Modules already assigned to all departments are left out (nothing left to assign); pass their keys.

export const WEAK_BELOW = 60;

export type RecommendationInput = {
  dimensions: { key: string; score: number | null }[];
  flaggedCoreItems: { itemKey: string; dimensionKey: string }[];
  /** Module key → its linked dimensions, in catalogue order. */
  moduleDimensions: Record<string, string[]>;
  /** Modules already assigned to every department: left out. */
  assignedToAll?: readonly string[];
};

export type RecommendationReason = { dimensionKey: string; kind: "weak" | "core" };
export type Recommendation = { moduleKey: string; reasons: RecommendationReason[] };

export function recommendModules(input: RecommendationInput): Recommendation[] {
  const scores = new Map(input.dimensions.map((d) => [d.key, d.score]));
  const weak = new Set(
    input.dimensions
      .filter((d) => d.score !== null && Number.isFinite(d.score) && d.score < WEAK_BELOW)
      .map((d) => d.key),
  );
  const core = new Set(input.flaggedCoreItems.map((i) => i.dimensionKey));
  const skip = new Set(input.assignedToAll ?? []);

  const ranked = Object.entries(input.moduleDimensions).flatMap(([moduleKey, dimensionKeys], position) => {
    if (skip.has(moduleKey)) return [];
    const unique = [...new Set(dimensionKeys)];
    const reasons: RecommendationReason[] = [
      ...unique.filter((d) => core.has(d)).map((dimensionKey) => ({ dimensionKey, kind: "core" as const })),
      ...unique.filter((d) => weak.has(d)).map((dimensionKey) => ({ dimensionKey, kind: "weak" as const })),
    ];
    if (reasons.length === 0) return [];
    const lowest = Math.min(...reasons.map((r) => scores.get(r.dimensionKey) ?? 100));
    return [{ moduleKey, reasons, hasCore: reasons.some((r) => r.kind === "core"), lowest, position }];
  });

  ranked.sort(
    (a, b) =>
      Number(b.hasCore) - Number(a.hasCore) ||
      a.lowest - b.lowest ||
      b.reasons.length - a.reasons.length ||
      a.position - b.position,
  );
  return ranked.map(({ moduleKey, reasons }) => ({ moduleKey, reasons }));
}

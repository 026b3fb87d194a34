// Strengths and gaps: the highest and lowest scored dimensions (pure, so the report and the page agree).
import type { DimensionResult } from "./scoring";

export type RankedDimension = { key: string; score: number };

/**
 * Top-n strengths (highest first) and gaps (lowest first) among dimensions with a score.
 * Ties keep instrument order. A dimension is never both: with fewer than 2n scored dimensions
 * the gaps take the lower half and the strengths the rest.
 */
export function strengthsAndGaps(
  dimensions: readonly DimensionResult[],
  n = 3,
): { strengths: RankedDimension[]; gaps: RankedDimension[] } {
  const scored = dimensions
    .map((d, index) => ({ key: d.key, score: d.score, index }))
    .filter((d): d is { key: string; score: number; index: number } => d.score !== null);
  const ascending = [...scored].sort((a, b) => a.score - b.score || a.index - b.index);
  const gapCount = Math.min(n, Math.floor(scored.length / 2));
  const gaps = ascending.slice(0, gapCount);
  const gapKeys = new Set(gaps.map((g) => g.key));
  const strengths = [...scored]
    .filter((d) => !gapKeys.has(d.key))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, n);
  const strip = (d: { key: string; score: number }) => ({ key: d.key, score: d.score });
  return { strengths: strengths.map(strip), gaps: gaps.map(strip) };
}

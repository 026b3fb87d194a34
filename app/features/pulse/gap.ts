// The perception gap (docs/decisions/081): HR's self-score per dimension beside what newcomers and buddies
// experience, all on 0–100. Pure: the inputs are already-suppressed group figures (null = not shown).

export const GAP_CALLOUT_MIN = 15;
export const GAP_CALLOUTS_MAX = 3;

export type GapAudience = "newcomers" | "buddies";
export type GapRow = {
  key: string;
  hr: number | null;
  newcomers: number | null;
  buddies: number | null;
  largest: { audience: GapAudience; gap: number } | null;
};
export type GapCallout = { key: string; audience: GapAudience; hr: number; experienced: number; gap: number };

/**
 * Per dimension, the gap of an audience is HR's score minus that audience's experience (positive: HR sees it
 * rosier than people live it). The largest positive gap of the two audiences is the dimension's gap.
 * Callouts: the dimensions with a gap of at least GAP_CALLOUT_MIN points, largest first (ties: dimension
 * order), at most GAP_CALLOUTS_MAX. Gaps are computed on unrounded scores.
 */
export function perceptionGap(input: {
  dimensionKeys: readonly string[];
  hr: readonly { key: string; score: number | null }[];
  newcomers: readonly { key: string; score: number | null }[] | null;
  buddies: readonly { key: string; score: number | null }[] | null;
}): { rows: GapRow[]; callouts: GapCallout[] } {
  const lookup = (list: readonly { key: string; score: number | null }[] | null, key: string) =>
    list?.find((d) => d.key === key)?.score ?? null;
  const rows = input.dimensionKeys.map((key): GapRow => {
    const hr = lookup(input.hr, key);
    const newcomers = lookup(input.newcomers, key);
    const buddies = lookup(input.buddies, key);
    const gaps: { audience: GapAudience; gap: number }[] = [];
    if (hr !== null && newcomers !== null) gaps.push({ audience: "newcomers", gap: hr - newcomers });
    if (hr !== null && buddies !== null) gaps.push({ audience: "buddies", gap: hr - buddies });
    const largest = gaps.filter((g) => g.gap > 0).sort((a, b) => b.gap - a.gap)[0] ?? null;
    return { key, hr, newcomers, buddies, largest };
  });
  const callouts = rows
    .map((row, position) => ({ row, position }))
    .filter(({ row }) => row.largest !== null && row.largest.gap >= GAP_CALLOUT_MIN)
    .sort((a, b) => (b.row.largest?.gap ?? 0) - (a.row.largest?.gap ?? 0) || a.position - b.position)
    .slice(0, GAP_CALLOUTS_MAX)
    .map(({ row }): GapCallout => {
      const largest = row.largest as { audience: GapAudience; gap: number };
      const experienced = (largest.audience === "newcomers" ? row.newcomers : row.buddies) as number;
      return { key: row.key, audience: largest.audience, hr: row.hr as number, experienced, gap: largest.gap };
    });
  return { rows, callouts };
}

/**
 * Dimension scores to feed the module recommendations: per dimension the lowest of HR's score and the shown
 * experience scores, so a dimension HR rates well but people experience as weak is recommended for too.
 */
export function experiencedScores(rows: readonly GapRow[]): { key: string; score: number | null }[] {
  return rows.map((r) => {
    const known = [r.hr, r.newcomers, r.buddies].filter((s): s is number => s !== null);
    return { key: r.key, score: known.length ? Math.min(...known) : null };
  });
}

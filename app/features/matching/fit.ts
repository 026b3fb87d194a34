// The one number HR and buddies see for a pair: how well it fits, on 0–100. Computed once, when the run is
// built, from the pair's contributions and the run's weights; stored with the proposal and shown everywhere
// (decision 122). The solver keeps working on raw points (with the keep bonus and the slot penalties), which
// only rank pairs inside one run and mean nothing on their own.
import { CRITERIA, LEVEL_POINTS, type Contribution, type WeightLevels } from "./criteria";

/** Points a pair would get if it met every criterion fully under these weights. */
export function maxPoints(levels: WeightLevels): number {
  let sum = 0;
  for (const c of CRITERIA) sum += LEVEL_POINTS[levels[c]];
  return sum;
}

/**
 * The pair's fit on 0–100: the criteria it meets plus the load penalty (a buddy who already has newcomers fits
 * a little less), as a share of the most a pair can get. The keep bonus is left out: it is the run's preference
 * for not reshuffling proposals already sent, not a property of the pair.
 */
export function pairFit(contributions: readonly Contribution[], levels: WeightLevels): number {
  const max = maxPoints(levels);
  if (max <= 0) return 0;
  let points = 0;
  for (const c of contributions) if (c.key !== "keep") points += c.points;
  return Math.min(100, Math.max(0, Math.round((100 * points) / max)));
}

/** What HR's overrides cost against the best assignment without them, in fit points and newcomers left out. */
export type OverrideCost = { fitPoints: number; newcomers: number };

export function overrideCost(
  best: { total: number; matched: number },
  chosen: { total: number; matched: number },
  levels: WeightLevels,
): OverrideCost {
  const max = maxPoints(levels);
  const lost = Math.max(0, best.total - chosen.total);
  return {
    fitPoints: max > 0 ? Math.round((100 * lost) / max) : 0,
    newcomers: Math.max(0, best.matched - chosen.matched),
  };
}

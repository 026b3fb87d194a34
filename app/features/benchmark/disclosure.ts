// What the benchmark may publish, and how (docs/decisions/042, superseding 040 where they differ).
// Pure, so every rule and the perturbation are table-tested; every partner and HR figure passes through here.
//
// The cell-key method (ABS TableBuilder, Cantabular, Destatis' cellKey/ptable):
//   - every organisation has a random record key, drawn once and stored (benchmark_record_keys); the server
//     derives from it one 32-bit *unit key* per contribution (an organisation's scan of a period, or its
//     value of an indicator), so a new scan is a new unit and gets fresh noise;
//   - a cell's key is the sum (mod 2³²) of the unit keys of exactly the units in it, so the same set of units
//     always gets the same key, whatever filter, page, year or export reaches it;
//   - a perturbation table turns (cell key, value) into a bounded adjustment with mean 0: counts use the
//     count table below (never a published 1 or 2), scores and score changes a bounded symmetric
//     (triangular) distribution scaled to the group size, so that no single organisation's part can be
//     isolated by differencing two groups.
// On top of the noise:
//   1. a group figure needs at least MIN_GROUP_SIZE units, and its non-consenting remainder (the group less
//      its named rows) must be 0 or at least MIN_GROUP_SIZE;
//   2. no minimum or maximum ever; quartiles only for groups of at least MIN_QUARTILE_GROUP;
//   3. item shares come from perturbed counts, and are never 0 % or 100 % when fewer than MIN_GROUP_SIZE
//      organisations of the group are not named;
//   4. a figure that may not be published is `null`: one "not shown", no reason, no count;
//   5. a group is never a published group plus 1–4 non-named units (mayAddUnits; decision 185).

export const MIN_GROUP_SIZE = 5;
export const MIN_QUARTILE_GROUP = 10;
/** Magnitude noise: the maximum deviation is this share of the value range, divided by the group size… */
export const MAGNITUDE_NOISE_SHARE = 0.15;
/**
 * Means are linear: two groups that differ by one organisation give (n+1)·mean' − n·mean = its value plus
 * the two noises times n, on a lattice (both figures are rounded) that concentrates the error unless the
 * noise is wide. Means therefore get uniform noise of this larger share (medians and quartiles cannot be
 * differenced that way): the attacker's error then has a median well above 5 points on a 0–100 scale and
 * falls within 2 points in under 10 % of the cases (disclosure.test.ts, npm run audit:disclosure).
 */
export const MEAN_NOISE_SHARE = 0.5;
/**
 * Medians of small groups (5–9, where quartiles are not published) are "sensitive cells" in the sense of
 * the Destatis/Eurostat cellKey tools: a median of 5–9 organisations lies on or next to one member's
 * value, so triangular noise of ±3 (peaked at 0) left it within 2 points of that member more often than
 * not. They get uniform noise of this share of the range instead (±6 on a score; decision 042, "Small
 * groups"), flat so that no published value is much likelier than its neighbours.
 */
export const SMALL_GROUP_NOISE_SHARE = 0.06;
/** …but never less than this many units of the value (1 point on a 0–100 score). */
export const MIN_MAGNITUDE_DEVIATION = 1;
/** The range of a score: 0–100. */
export const SCORE_BOUNDS = [0, 100] as const;

// ---------------------------------------------------------------------------------------------------------
// Keys

/** The key of a cell: the sum, modulo 2³², of the unit keys (uint32) of exactly the units in it. */
export function cellKey(unitKeys: Iterable<number>): number {
  let sum = 0;
  for (const k of unitKeys) sum = (sum + k) >>> 0;
  return sum;
}

/** A 32-bit hash of a string (FNV-1a): public labels only, so it needs no secret. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A bijective 32-bit mixer (the murmur3 finaliser): nearby inputs give unrelated outputs. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The uniform number in [0, 1) that perturbs one statistic of a cell. Each statistic (e.g. "median:overall",
 * "count:organisations") gets its own, so the noise of a cell's median and of its count are unrelated, while
 * the same statistic of the same cell is the same everywhere.
 */
export function statisticKey(cell: number, statistic: string): number {
  return mix32((cell ^ hash32(statistic)) >>> 0) / 4294967296;
}

// ---------------------------------------------------------------------------------------------------------
// Perturbation tables

/**
 * Count perturbation table: for a true count i, the published counts and their probabilities. Every row has
 * mean i (unbiased); no row publishes 1 or 2, so a published 0 may hide a 1 or 2 (or, rarely, a 3) and a
 * small group is never pinned; from 5 on the adjustment is −2…+2 with variance 1.2.
 */
export const COUNT_TABLE: Readonly<Record<number, readonly (readonly [number, number])[]>> = {
  0: [[0, 1]],
  1: [
    [0, 2 / 3],
    [3, 1 / 3],
  ],
  2: [
    [0, 1 / 3],
    [3, 2 / 3],
  ],
  3: [
    [0, 0.1],
    [3, 0.7],
    [4, 0.1],
    [5, 0.1],
  ],
  4: [
    [3, 0.25],
    [4, 0.5],
    [5, 0.25],
  ],
};
/** The adjustments for counts of 5 and more. */
export const COUNT_ADJUSTMENTS: readonly (readonly [number, number])[] = [
  [-2, 0.1],
  [-1, 0.2],
  [0, 0.4],
  [1, 0.2],
  [2, 0.1],
];
/** The largest difference between a true and a published count (a true 3 may be published as 0). */
export const COUNT_MAX_DEVIATION = 3;

/** The row of the count table for a true count: published values and probabilities. */
export function countRow(n: number): readonly (readonly [number, number])[] {
  const row = COUNT_TABLE[n];
  if (row) return row;
  return COUNT_ADJUSTMENTS.map(([v, p]) => [n + v, p] as const);
}

/** The published count for a true count n and a uniform key u ∈ [0, 1): the inverse of the row's CDF. */
export function perturbCount(n: number, u: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`count must be a whole number ≥ 0: ${n}`);
  const row = countRow(n);
  let cumulative = 0;
  for (const [value, p] of row) {
    cumulative += p;
    if (u < cumulative) return value;
  }
  return (row[row.length - 1] as readonly [number, number])[0];
}

/**
 * Group sizes ("about n organisations" of a comparison group) get wider noise than other counts (decision 046):
 * every filter combination publishes a size, so the finest cells' sizes are determined many times over by their
 * margins, and least squares over those margins averages ±2 count noise down until a hidden cell's size (1–4)
 * is hit more often than a constant guess would (`npm run audit:disclosure`, linked tables). For n ≥ 7 the
 * adjustment is uniform on −4…+4 (variance 6.7, 5.6 times that of the count table); for 5 and 6 it is uniform on
 * −2…+2 and −3…+3, so a published size is never below 3. Every row is symmetric, so unbiased.
 */
export const GROUP_SIZE_MAX_DEVIATION = 4;

/** The row of the group-size table for a true size n ≥ 5 (smaller groups get no size); the count table below 5. */
export function groupSizeRow(n: number): readonly (readonly [number, number])[] {
  if (n < MIN_GROUP_SIZE) return countRow(n);
  const m = Math.min(GROUP_SIZE_MAX_DEVIATION, n - 3);
  return Array.from({ length: 2 * m + 1 }, (_, i) => [n - m + i, 1 / (2 * m + 1)] as const);
}

/** The published size of a group of n for a uniform key u ∈ [0, 1). */
export function perturbGroupSize(n: number, u: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`count must be a whole number ≥ 0: ${n}`);
  if (n < MIN_GROUP_SIZE) return perturbCount(n, u);
  const row = groupSizeRow(n);
  const i = Math.min(row.length - 1, Math.floor(u * row.length));
  return (row[i] as readonly [number, number])[0];
}

/** A bounded, symmetric noise in [−1, 1] (triangular: mean 0, variance 1/6) from a uniform u ∈ [0, 1). */
export function magnitudeNoise(u: number): number {
  return u < 0.5 ? -1 + Math.sqrt(2 * u) : 1 - Math.sqrt(2 * (1 - u));
}

/**
 * The maximum deviation of a magnitude figure (before rounding) for a group of n units and a value range:
 * one unit's share of the range, times MAGNITUDE_NOISE_SHARE, at least MIN_MAGNITUDE_DEVIATION. On scores
 * (0–100): ±3 for 5 organisations, ±1.5 for 10, ±1 from 15 on.
 */
export function magnitudeDeviation(
  n: number,
  bounds: readonly [number, number] = SCORE_BOUNDS,
  share = MAGNITUDE_NOISE_SHARE,
): number {
  const range = bounds[1] - bounds[0];
  return Math.max(MIN_MAGNITUDE_DEVIATION, (share * range) / Math.max(1, n));
}

/**
 * The maximum deviation of a published median or quartile of a group of n units: magnitudeDeviation for
 * groups of MIN_QUARTILE_GROUP and more; for smaller groups (medians only) SMALL_GROUP_NOISE_SHARE of the
 * range (±6 on a score), with uniform noise (quantileNoiseOf).
 */
export function quantileDeviation(n: number, bounds: readonly [number, number] = SCORE_BOUNDS): number {
  const base = magnitudeDeviation(n, bounds);
  return n < MIN_QUARTILE_GROUP ? Math.max(base, SMALL_GROUP_NOISE_SHARE * (bounds[1] - bounds[0])) : base;
}

/** The noise shape of a quantile of n units: uniform below MIN_QUARTILE_GROUP, triangular from there. */
export function quantileNoiseOf(n: number): (u: number) => number {
  return n < MIN_QUARTILE_GROUP ? uniformNoise : magnitudeNoise;
}

/** A bounded uniform noise in [−1, 1) (mean 0, variance 1/3), for means and medians of small groups. */
export function uniformNoise(u: number): number {
  return 2 * u - 1;
}

/** value + deviation·noise(u), rounded to `digits` decimals and kept inside the bounds. */
export function perturbMagnitude(
  value: number,
  u: number,
  deviation: number,
  bounds: readonly [number, number] = SCORE_BOUNDS,
  digits = 0,
  noise = magnitudeNoise,
): number {
  const factor = 10 ** digits;
  const noisy = Math.round((value + deviation * noise(u)) * factor) / factor;
  return Math.min(bounds[1], Math.max(bounds[0], noisy));
}

// ---------------------------------------------------------------------------------------------------------
// Rules

/** Rule 1: a group figure may be published for n units of which `nonNamed` are not shown by name. */
export function mayPublish(n: number, nonNamed: number, k = MIN_GROUP_SIZE): boolean {
  return n >= k && (nonNamed === 0 || nonNamed >= k);
}

/**
 * Rule 5 (decision 185): units may be added to a group that is published on its own only in batches of which 0
 * or at least k are not named. A group that equals a published group plus 1–4 non-named units gives their sum
 * by differencing the two figures (n·mean − (n − d)·mean′), with an error of about ±2n for groups of 10–19,
 * whose means must stay within ±2 points; the "latest scan" universe next to its last year was that pair.
 */
export function mayAddUnits(nonNamed: number, k = MIN_GROUP_SIZE): boolean {
  return nonNamed === 0 || nonNamed >= k;
}

/** Rule 2: quartiles only for groups of at least MIN_QUARTILE_GROUP. */
export function mayPublishQuartiles(n: number): boolean {
  return n >= MIN_QUARTILE_GROUP;
}

/** One organisation's item answers and its row: only for organisations that consented. */
export function mayShowOrganisation(consented: boolean): boolean {
  return consented;
}

// ---------------------------------------------------------------------------------------------------------
// Publishing group figures. A contribution is one unit: its key, its value, and whether it is named.

export type Contribution = { key: number; value: number; named?: boolean };
/** What the rules need to know of a group: its size, how many are not named, and its cell key. */
export type Group = { n: number; nonNamed: number; key: number };

export function groupOf(contributions: readonly Contribution[]): Group {
  let nonNamed = 0;
  let key = 0;
  for (const c of contributions) {
    if (!c.named) nonNamed++;
    key = (key + c.key) >>> 0;
  }
  return { n: contributions.length, nonNamed, key };
}

/** Quantile with linear interpolation (Hyndman–Fan type 7, as R, NumPy and QUARTILE.INC). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? 0;
  return a + (h - lo) * (b - a);
}

export type PublishOptions = {
  /** Names the statistic, so its noise differs from the cell's other statistics (e.g. "median:overall"). */
  statistic: string;
  /** The range each value lies in (values outside are clipped first); scores by default. */
  bounds?: readonly [number, number];
  /** Decimals of the published figure; whole points by default. */
  digits?: number;
  /** The maximum deviation, when it must follow fewer units than the group holds (decision 042). */
  deviation?: number;
};

const clamp = (v: number, bounds: readonly [number, number]) => Math.min(bounds[1], Math.max(bounds[0], v));

/** The published mean of a group whose (clipped) values have this mean; null unless rule 1 allows. */
export function publishMeanOf(group: Group, mean: number, options: PublishOptions): number | null {
  if (!mayPublish(group.n, group.nonNamed)) return null;
  const bounds = options.bounds ?? SCORE_BOUNDS;
  return perturbMagnitude(
    mean,
    statisticKey(group.key, options.statistic),
    options.deviation ?? magnitudeDeviation(group.n, bounds, MEAN_NOISE_SHARE),
    bounds,
    options.digits ?? 0,
    uniformNoise,
  );
}

/** A published quantile of a group's values (sorted ascending): never p = 0 or 1, quartiles only from 10. */
export function publishQuantileOf(
  group: Group,
  sorted: ArrayLike<number>,
  p: number,
  options: PublishOptions,
): number | null {
  if (!(p > 0 && p < 1)) return null; // never a minimum or maximum
  if (!mayPublish(group.n, group.nonNamed)) return null;
  if (p !== 0.5 && !mayPublishQuartiles(group.n)) return null;
  const bounds = options.bounds ?? SCORE_BOUNDS;
  const q = clamp(quantileSorted(sorted, p) ?? 0, bounds);
  if (options.deviation !== undefined)
    return perturbMagnitude(
      q,
      statisticKey(group.key, options.statistic),
      options.deviation,
      bounds,
      options.digits ?? 0,
    );
  return perturbMagnitude(
    q,
    statisticKey(group.key, options.statistic),
    quantileDeviation(group.n, bounds),
    bounds,
    options.digits ?? 0,
    quantileNoiseOf(group.n),
  );
}

/** The published size of a group: the group-size table on its cell key, or null (rule 1). */
export function publishGroupSizeOf(group: Group, statistic = "count"): number | null {
  if (!mayPublish(group.n, group.nonNamed)) return null;
  return perturbGroupSize(group.n, statisticKey(group.key, statistic));
}

/**
 * An item's published share (0–1) of organisations answering ≥ 3, among the group that answered it: both
 * counts perturbed with the count table (the hits on the key of the organisations that answered ≥ 3), and
 * never exactly 0 or 1 when fewer than MIN_GROUP_SIZE organisations of the group are not named (rule 3).
 */
export function publishShareOf(answered: Group, hits: { n: number; key: number }, statistic: string): number | null {
  if (!mayPublish(answered.n, answered.nonNamed)) return null;
  const publishedAnswered = Math.max(2, perturbCount(answered.n, statisticKey(answered.key, `${statistic}:answered`)));
  // The hits' noise is keyed on the pair (answered group, hits): with the hits' key alone, a group next to the
  // same group plus one organisation that answered < 3 had identical hits noise, so an unchanged numerator
  // told that organisation's answer (decision 042, "Small groups").
  let publishedHits = Math.min(
    publishedAnswered,
    perturbCount(hits.n, statisticKey((answered.key ^ mix32(hits.key)) >>> 0, `${statistic}:hits`)),
  );
  if (answered.nonNamed < MIN_GROUP_SIZE) publishedHits = Math.min(publishedAnswered - 1, Math.max(1, publishedHits));
  return Math.round((100 * publishedHits) / publishedAnswered) / 100;
}

/**
 * A published total of counts over a group of organisations (newcomers, matches, completions): the sum of
 * their counts, perturbed with the count table on the group's key. `minContributors`: how many must
 * contribute a non-zero count (breakdown cells: MIN_GROUP_SIZE; a programme total: none, see decision 042).
 */
export function publishTotal(
  contributions: readonly Contribution[],
  statistic: string,
  minContributors = MIN_GROUP_SIZE,
): number | null {
  let contributors = 0;
  let total = 0;
  for (const c of contributions) {
    if (c.value !== 0) contributors++;
    total += c.value;
  }
  const group = groupOf(contributions);
  if (contributors < minContributors || !mayPublish(group.n, group.nonNamed)) return null;
  return perturbCount(Math.max(0, Math.round(total)), statisticKey(group.key, statistic));
}

// ---------------------------------------------------------------------------------------------------------
// The centre of a group's scores (decision 047): a median only where no member is likely to be it.
//
// A median of n values is the middle member's value (odd n) or lies between the two middle members. Published
// accurate to ±2 points — which researchers need from groups of 10 and more — it is within 2 points of those
// members whatever the noise, so an attacker who guesses "the median of the smallest published group holding
// this organisation" is right to within 2 points for at least one member in n, on top of the share any central
// guess gets by the spread of the scores: about 1 in 10 for groups of 10–19, the largest source of close guesses
// the audit found (decisions 043, 046). A mean has no such member: its distance to each member is (n − 1)/n of
// that member's distance to the others' mean. Groups of fewer than MIN_ORDER_STATISTIC_GROUP therefore publish a
// perturbed mean as their centre and no order statistic at all; from MIN_ORDER_STATISTIC_GROUP on, median and
// quartiles as before. The threshold for any figure stays MIN_GROUP_SIZE.

/** Medians and quartiles of scores only for groups of at least this many units; smaller groups get a mean. */
export const MIN_ORDER_STATISTIC_GROUP = 20;

export type CentreMeasure = "median" | "mean";

/** Which centre a group of n scores publishes (null: none, the group is below the threshold). */
export function centreMeasure(n: number): CentreMeasure | null {
  if (n < MIN_GROUP_SIZE) return null;
  return n < MIN_ORDER_STATISTIC_GROUP ? "mean" : "median";
}

/**
 * The noise of a small group's mean score, as a share of the range per member (decision 186): one member's whole
 * possible contribution (range / n: ±20 at 5, ±12.5 at 8, ±11 at 9). With half of it (decision 047) the means of
 * the demo's groups of 8 — each country, each year — put 10–12 % of their non-named members within 2 points over
 * record-key draws (reading the group's figure, or its non-named remainder's mean), above issue 10's 10 %.
 */
export const SMALL_GROUP_MEAN_NOISE_SHARE = 1;

/**
 * The maximum deviation of a group's published mean score (before rounding). Groups of 5–9: one member's whole
 * contribution (SMALL_GROUP_MEAN_NOISE_SHARE × range / n: ±20 at 5, ±11 at 9; decision 186), so that neither the
 * figure nor two groups differing by one organisation tell where any one member's score lies. Groups of
 * 10–19: ±1.5, so the figure stays within ±2 points (noise plus rounding) as promised for groups of ≥ 10; two
 * published groups differing by one organisation then give its value with an error spread over about ±4n
 * points, which the audit measures as the differencing class.
 */
export function centreMeanDeviation(n: number, bounds: readonly [number, number] = SCORE_BOUNDS): number {
  if (n < MIN_QUARTILE_GROUP) return magnitudeDeviation(n, bounds, SMALL_GROUP_MEAN_NOISE_SHARE);
  return magnitudeDeviation(MIN_QUARTILE_GROUP, bounds);
}

/** Quartiles of scores: only where the median is published too (groups of MIN_ORDER_STATISTIC_GROUP and more). */
export function mayPublishScoreQuartiles(n: number): boolean {
  return n >= MIN_ORDER_STATISTIC_GROUP;
}

/**
 * The published centre of a group's scores: for groups of MIN_ORDER_STATISTIC_GROUP and more the perturbed
 * median (`median:<label>`), for smaller groups the perturbed mean (`mean:<label>`); null unless rule 1 allows.
 * `sorted` holds the (clipped) values ascending. `measure`: the centre of the whole group, so that a group's
 * overall and dimension figures are all means or all medians.
 */
export function publishScoreCentreOf(
  group: Group,
  sorted: ArrayLike<number>,
  label: string,
  measure: CentreMeasure | null = centreMeasure(group.n),
): { measure: CentreMeasure; value: number } | null {
  if (!mayPublish(group.n, group.nonNamed) || measure === null) return null;
  // A measure forced by the group (e.g. a dimension with fewer scored units than the group) never gives a
  // median of fewer than MIN_ORDER_STATISTIC_GROUP.
  if (measure === "median") {
    if (group.n < MIN_ORDER_STATISTIC_GROUP) return null;
    const value = publishQuantileOf(group, sorted, 0.5, { statistic: `median:${label}` });
    return value === null ? null : { measure, value };
  }
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += clamp(sorted[i] ?? 0, SCORE_BOUNDS);
  const value = publishMeanOf(group, sum / Math.max(1, sorted.length), {
    statistic: `mean:${label}`,
    deviation: centreMeanDeviation(group.n),
  });
  return value === null ? null : { measure, value };
}

// Convenience forms on contributions, for other capabilities.

/**
 * The published mean of a group of organisations' values: null unless the group may be published (rule 1:
 * ≥ 5 organisations, non-named remainder 0 or ≥ 5), else the mean of the values (clipped to `bounds`) plus
 * bounded, unbiased noise from the group's cell key, rounded to `digits`. Reuse it for any group figure of
 * organisations (e.g. the pulse's aggregated gaps): one contribution per organisation, with the unit key
 * the server derives for it (`unitKey` in record-keys.server.ts, with a context naming the figure) and
 * `named: true` only when that organisation is shown by name beside the figure. The published value differs
 * from the true mean by at most `magnitudeDeviation(n, bounds, MEAN_NOISE_SHARE)` plus half the rounding step
 * (on a 0–100 scale: ±10 for 5 organisations, ±5 for 10, ±2 for 25, ±1 from 50 on).
 */
export function publishMean(contributions: readonly Contribution[], options: PublishOptions): number | null {
  const bounds = options.bounds ?? SCORE_BOUNDS;
  const mean =
    contributions.length === 0
      ? 0
      : contributions.reduce((s, c) => s + clamp(c.value, bounds), 0) / contributions.length;
  return publishMeanOf(groupOf(contributions), mean, options);
}

/** The published median of a group (rule 1), perturbed like publishMean. */
export function publishMedian(contributions: readonly Contribution[], options: PublishOptions): number | null {
  return publishQuantileOf(
    groupOf(contributions),
    Float64Array.from(contributions, (c) => c.value).sort(),
    0.5,
    options,
  );
}

/** The maximum deviations readers are told about (noise plus rounding, whole points), for the note. */
export function noteParams(): {
  score10: number;
  score5: number;
  mean10: number;
  count: number;
  k: number;
  orderStatistics: number;
} {
  return {
    // Scores of groups of ≥ 10: medians and quartiles (from 20) and means (10–19) alike (decision 047).
    score10: Math.ceil(Math.max(magnitudeDeviation(MIN_QUARTILE_GROUP), centreMeanDeviation(MIN_QUARTILE_GROUP)) + 0.5),
    // Scores of groups of 5–9: their means (decision 047; their medians are no longer published).
    score5: Math.ceil(centreMeanDeviation(MIN_GROUP_SIZE) + 0.5),
    // A mean on a 100-point range (a score, or a score change clipped to ±50) for 10 organisations.
    mean10: Math.ceil(magnitudeDeviation(MIN_QUARTILE_GROUP, SCORE_BOUNDS, MEAN_NOISE_SHARE) + 0.5),
    // Counts: group sizes by at most 4, other counts by at most 3 (decision 046).
    count: Math.max(COUNT_MAX_DEVIATION, GROUP_SIZE_MAX_DEVIATION),
    k: MIN_GROUP_SIZE,
    orderStatistics: MIN_ORDER_STATISTIC_GROUP,
  };
}

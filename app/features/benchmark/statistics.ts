// Group statistics for the partner comparison. Pure and deterministic so a reader can recompute a figure by hand.
//   quantiles use linear interpolation between order statistics (Hyndman–Fan type 7, the default of R,
//   NumPy and spreadsheet QUARTILE.INC): position h = (n − 1)·p, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).

export type Summary = {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
};

/** The p-quantile (0 ≤ p ≤ 1) of values already sorted ascending; null for an empty list. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile out of range: ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? 0;
  return a + (h - lo) * (b - a);
}

function finite(values: readonly (number | null | undefined)[]): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === "number" && Number.isFinite(v)) out.push(v);
  return out;
}

/** Finite values, sorted ascending; a typed array sorts numerically without a comparator (much faster). */
function sortedFinite(values: readonly (number | null | undefined)[]): Float64Array {
  return Float64Array.from(finite(values)).sort();
}

export function median(values: readonly (number | null | undefined)[]): number | null {
  return quantileSorted(sortedFinite(values), 0.5);
}

export function mean(values: readonly (number | null | undefined)[]): number | null {
  const xs = finite(values);
  if (xs.length === 0) return null;
  return xs.reduce((s, v) => s + v, 0) / xs.length;
}

/** Min, quartiles, median, max and mean of the numbers given; nulls and NaN are left out. */
export function summarise(values: readonly (number | null | undefined)[]): Summary | null {
  const xs = sortedFinite(values);
  if (xs.length === 0) return null;
  return {
    n: xs.length,
    min: xs[0] ?? 0,
    q1: quantileSorted(xs, 0.25) ?? 0,
    median: quantileSorted(xs, 0.5) ?? 0,
    q3: quantileSorted(xs, 0.75) ?? 0,
    max: xs[xs.length - 1] ?? 0,
    mean: xs.reduce((s, v) => s + v, 0) / xs.length,
  };
}

/**
 * Share (0–1) of organisations whose answer is at least `threshold`, among those that answered 0–4.
 * "Don't know", "not applicable" and missing answers (null) are left out of numerator and denominator.
 */
export function shareAtLeast(values: readonly (number | null)[], threshold: number): { share: number | null; answered: number } {
  let answered = 0;
  let hits = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    answered++;
    if (v >= threshold) hits++;
  }
  return { share: answered === 0 ? null : hits / answered, answered };
}

// The solver's input: its shape, its limits, and the checks that name the first offending place (for the solve
// CLI, whose input comes from anyone, and for solveAssignment, which refuses what it cannot solve exactly).
// Pure: no imports, no IO. Decision 030, 035.

export type AssignmentInstance = {
  /**
   * rows = newcomers, columns = buddies; null = forbidden; higher is better. Each score is the decimal it is
   * written as: between −1e6 and 1e6 with at most 6 decimals (see MAX_DECIMALS for why).
   */
  scores: (number | null)[][];
  /** Per buddy, an integer from 0 to 10,000 (a buddy never uses more slots than there are newcomers). */
  capacities: number[];
  /**
   * Optional: penalty subtracted for a buddy's k-th assigned newcomer (k = 0, 1, 2 …); non-decreasing, 0 to 1e6,
   * at most 6 decimals.
   */
  slotPenalties?: number[];
};

export class SolverInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SolverInputError";
  }
}

/** Largest absolute score or penalty accepted. */
export const MAX_ABS_VALUE = 1e6;
/**
 * Most decimals a score or penalty may have. The solver and the checker count in integer units of the finest
 * decimal in the instance, so every step is exact; 6 decimals of 1e6 are 1e12 units, still far inside float64's
 * exact integers, and a decimal with at most 6 digits is recovered exactly from its float64 (see decimalsOf).
 */
export const MAX_DECIMALS = 6;
/** Largest capacity accepted; real buddies take 1–3. */
export const MAX_CAPACITY = 10_000;
const ALLOWED_KEYS = new Set(["scores", "capacities", "slotPenalties"]);

type ValidationResult = { ok: true; instance: AssignmentInstance } | { ok: false; message: string };

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number") return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 37)}…` : text;
  } catch {
    return typeof value;
  }
}

/**
 * The number of decimals (0 … MAX_DECIMALS) of the shortest decimal that `value` is the float64 of, or −1 when it
 * needs more. For |value| ≤ 1e6 and d ≤ 6, value · 10^d lies within 2e-4 of the integer k it stands for, so
 * Math.round finds k, and k / 10^d (one correctly rounded division) gives back `value` exactly when `value` is the
 * float64 of k / 10^d. A value like 5e-17 or 0.1 + 0.2 (= 0.30000000000000004) needs more and is refused: treated
 * as 0 or 0.3 it would silently change the problem.
 */
export function decimalsOf(value: number): number {
  let unit = 1;
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    if (Math.round(value * unit) / unit === value) return d;
    unit *= 10;
  }
  return -1;
}

const VALUE_LIMITS = `a number between −${MAX_ABS_VALUE} and ${MAX_ABS_VALUE} with at most ${MAX_DECIMALS} decimals`;

export function checkHeader(input: unknown): string | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return 'The input must be an object {"scores": (number|null)[][], "capacities": number[], "slotPenalties"?: number[]}.';
  }
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    // A typo such as "slotPenalty" would otherwise solve a different problem without a word.
    if (!ALLOWED_KEYS.has(key)) {
      return `Unknown key ${JSON.stringify(key)}: the input has only "scores", "capacities" and "slotPenalties".`;
    }
  }
  if (!Array.isArray(record.capacities)) return '"capacities" must be an array of integers ≥ 0 (one per buddy).';
  if (!Array.isArray(record.scores)) return '"scores" must be an array of rows (one per newcomer).';
  const capacities = record.capacities as unknown[];
  for (let j = 0; j < capacities.length; j++) {
    const c = capacities[j];
    if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c > MAX_CAPACITY) {
      return `capacities[${j}] must be an integer ≥ 0 (at most ${MAX_CAPACITY}), got ${describe(c)}.`;
    }
  }
  if (record.slotPenalties !== undefined) {
    if (!Array.isArray(record.slotPenalties)) return '"slotPenalties" must be an array of numbers ≥ 0 when given.';
    const penalties = record.slotPenalties as unknown[];
    for (let k = 0; k < penalties.length; k++) {
      const p = penalties[k];
      if (typeof p !== "number" || !(p >= 0 && p <= MAX_ABS_VALUE) || decimalsOf(p) < 0) {
        return `slotPenalties[${k}] must be a number between 0 and ${MAX_ABS_VALUE} with at most ${MAX_DECIMALS} decimals, got ${describe(p)}.`;
      }
      if (k > 0 && p < (penalties[k - 1] as number)) {
        return `slotPenalties must be non-decreasing: slotPenalties[${k}] = ${p} is below slotPenalties[${k - 1}].`;
      }
    }
  }
  const scores = record.scores as unknown[];
  for (let i = 0; i < scores.length; i++) {
    const row = scores[i];
    if (!Array.isArray(row)) return `scores[${i}] must be an array, got ${describe(row)}.`;
    if (row.length !== capacities.length) {
      return `scores[${i}] has ${row.length} entries but there are ${capacities.length} buddies (the length of "capacities"); every row needs one entry per buddy.`;
    }
  }
  return null;
}

export function badCell(i: number, j: number, value: unknown): string {
  return `scores[${i}][${j}] must be ${VALUE_LIMITS}, or null (forbidden), got ${describe(value)}.`;
}

export const isValidScore = (v: unknown): v is number =>
  typeof v === "number" && v >= -MAX_ABS_VALUE && v <= MAX_ABS_VALUE && decimalsOf(v) >= 0;

/**
 * Checks shape and values; the message names the first offending place. The exactness limit (EXACT_LIMIT) depends
 * on the whole instance and is checked by solveAssignment, which throws a SolverInputError naming it.
 */
export function validateInstance(input: unknown): ValidationResult {
  const header = checkHeader(input);
  if (header) return { ok: false, message: header };
  const record = input as Record<string, unknown>;
  const scores = record.scores as unknown[][];
  for (let i = 0; i < scores.length; i++) {
    const row = scores[i]!;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null) continue;
      if (!isValidScore(v)) return { ok: false, message: badCell(i, j, v) };
    }
  }
  const instance: AssignmentInstance = {
    scores: record.scores as (number | null)[][],
    capacities: record.capacities as number[],
  };
  if (record.slotPenalties !== undefined) instance.slotPenalties = record.slotPenalties as number[];
  return { ok: true, instance };
}

// The scan's scoring rules (PRODUCT.md §1), as one pure function so anyone can recompute a score by hand.
//   dimension score = mean of the items answered 0–4 × 25; "don't know" / "not applicable" left out;
//                     fewer than 3 scored items → no score (insufficient data)
//   overall score   = mean of the dimension scores, only when every dimension has one
//   level           = 1 [0,20) · 2 [20,40) · 3 [40,60) · 4 [60,80) · 5 [80,100]
//   weakest link    = the overall level is at most the lowest dimension level + 2
//   core flags      = core items scored 0 or 1
// Scores stay unrounded here; rounding is for display only.

export const SCORED_VALUES = ["0", "1", "2", "3", "4"] as const;
export const UNSCORED_VALUES = ["dont_know", "not_applicable"] as const;
export const ANSWER_VALUES = [...SCORED_VALUES, ...UNSCORED_VALUES] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];

export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

/** Fewest items answered 0–4 for a dimension to get a score. */
export const MIN_SCORED_ITEMS = 3;
/** How far the overall level may rise above the weakest dimension's level. */
export const WEAKEST_LINK_MARGIN = 2;

export type ScoringInstrument = {
  dimensions: { key: string; items: { key: string; core: boolean }[] }[];
};

/** Answers by item key; items without an answer are simply absent. */
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export type DimensionResult = {
  key: string;
  /** 0–100, unrounded; null when fewer than MIN_SCORED_ITEMS items were answered 0–4. */
  score: number | null;
  level: Level | null;
  scoredItems: number;
  answeredItems: number;
  totalItems: number;
};

export type ScanResult = {
  dimensions: DimensionResult[];
  overall: number | null;
  /** The overall level after the weakest-link cap; null without an overall score. */
  overallLevel: Level | null;
  /** The level the overall score alone would give, to explain a capped level. */
  uncappedLevel: Level | null;
  capped: boolean;
  /** Core items answered 0 or 1, in instrument order. */
  flaggedCoreItems: string[];
  answeredItems: number;
  totalItems: number;
};

export function isAnswerValue(value: unknown): value is AnswerValue {
  return typeof value === "string" && (ANSWER_VALUES as readonly string[]).includes(value);
}

export function numericValue(value: AnswerValue | undefined): number | null {
  if (value === undefined) return null;
  const index = (SCORED_VALUES as readonly string[]).indexOf(value);
  return index >= 0 ? index : null;
}

export function levelOf(score: number): Level {
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new RangeError(`score out of range: ${score}`);
  if (score < 20) return 1;
  if (score < 40) return 2;
  if (score < 60) return 3;
  if (score < 80) return 4;
  return 5;
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function scoreScan(instrument: ScoringInstrument, answers: Answers): ScanResult {
  const flaggedCoreItems: string[] = [];
  let answeredItems = 0;
  let totalItems = 0;

  const dimensions = instrument.dimensions.map((dimension): DimensionResult => {
    const scored: number[] = [];
    let answered = 0;
    for (const item of dimension.items) {
      const value = answers[item.key];
      if (value !== undefined) answered++;
      const n = numericValue(value);
      if (n === null) continue;
      scored.push(n);
      if (item.core && n <= 1) flaggedCoreItems.push(item.key);
    }
    answeredItems += answered;
    totalItems += dimension.items.length;
    const score = scored.length >= MIN_SCORED_ITEMS ? mean(scored) * 25 : null;
    return {
      key: dimension.key,
      score,
      level: score === null ? null : levelOf(score),
      scoredItems: scored.length,
      answeredItems: answered,
      totalItems: dimension.items.length,
    };
  });

  const complete = dimensions.length > 0 && dimensions.every((d) => d.score !== null);
  const overall = complete ? mean(dimensions.map((d) => d.score ?? 0)) : null;
  let overallLevel: Level | null = null;
  let uncappedLevel: Level | null = null;
  if (overall !== null) {
    uncappedLevel = levelOf(overall);
    const lowest = Math.min(...dimensions.map((d) => d.level ?? 1));
    overallLevel = Math.min(uncappedLevel, lowest + WEAKEST_LINK_MARGIN) as Level;
  }

  return {
    dimensions,
    overall,
    overallLevel,
    uncappedLevel,
    capped: overallLevel !== null && uncappedLevel !== null && overallLevel < uncappedLevel,
    flaggedCoreItems,
    answeredItems,
    totalItems,
  };
}

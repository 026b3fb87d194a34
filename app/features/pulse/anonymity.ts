// The anonymity rules of the pulse (docs/decisions/080), pure so they can be read and table-tested in one place.
//   1. Answers carry no person, match or time finer than the half-year period they fall in.
//   2. Each answer is numbered into a batch of five within (organisation, audience, period) when it is stored;
//      results use complete batches only, so a shown figure changes only when five new answers arrived —
//      comparing two views never isolates one person.
//   3. A group figure (respondents, a dimension score) is shown only when at least five people are in it.
//   4. Open answers are shown only in complete batches of five, in random order.

export const MIN_PULSE_GROUP = 5;
export const BATCH_SIZE = 5;
export const OPEN_ANSWER_MAX = 600;

export type ScaleValue = 1 | 2 | 3 | 4 | 5;
export type PulseValue = ScaleValue | "dont_know";

/** "2026-H1" for January–June, "2026-H2" for July–December; `date` is YYYY-MM-DD or an ISO timestamp. */
export function periodOf(date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return `${year}-H${month <= 6 ? 1 : 2}`;
}

export function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  return period.endsWith("H2") ? `${year}-H1` : `${year - 1}-H2`;
}

/** The batch a new answer joins, given how many answers the group already holds. */
export function batchFor(existingInGroup: number): number {
  return Math.floor(existingInGroup / BATCH_SIZE);
}

/** Rows of complete batches only (a batch is complete once it holds BATCH_SIZE rows). */
export function publishedRows<T extends { batch: number }>(rows: readonly T[]): T[] {
  const sizes = new Map<number, number>();
  for (const r of rows) sizes.set(r.batch, (sizes.get(r.batch) ?? 0) + 1);
  return rows.filter((r) => (sizes.get(r.batch) ?? 0) >= BATCH_SIZE);
}

export function isShown(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_PULSE_GROUP;
}

/** Agreement 1…5 on the scan's 0–100 scale: 1 → 0, 3 → 50, 5 → 100. */
export function scaleToScore(value: ScaleValue): number {
  return (value - 1) * 25;
}

export type Statement = { key: string; dimensionKey: string };
export type DimensionExperience = { key: string; score: number | null; respondents: number };
export type GroupResult =
  | { shown: false }
  | {
      shown: true;
      respondents: number;
      dimensions: DimensionExperience[];
      statements: { key: string; score: number | null; respondents: number }[];
    };

/**
 * The experience of one group per dimension (0–100), over published rows only. A respondent counts for a
 * dimension when they gave a scale answer to at least one of its statements; the dimension score is the mean
 * of the respondents' own means (everyone weighs the same, however many statements the dimension has).
 * A dimension or statement with fewer than five respondents has no score.
 */
export function groupExperience(
  rows: readonly { batch: number; answers: Record<string, PulseValue> }[],
  statements: readonly Statement[],
  dimensionKeys: readonly string[],
): GroupResult {
  const published = publishedRows(rows);
  if (!isShown(published.length)) return { shown: false };
  const dimensions = dimensionKeys.map((key): DimensionExperience => {
    const own = statements.filter((s) => s.dimensionKey === key);
    const means: number[] = [];
    for (const r of published) {
      const values = own
        .map((s) => r.answers[s.key])
        .filter((v): v is ScaleValue => typeof v === "number" && v >= 1 && v <= 5);
      if (values.length) means.push(values.reduce((sum, v) => sum + scaleToScore(v), 0) / values.length);
    }
    return {
      key,
      respondents: means.length,
      score: isShown(means.length) ? means.reduce((a, b) => a + b, 0) / means.length : null,
    };
  });
  const perStatement = statements.map((s) => {
    const values = published
      .map((r) => r.answers[s.key])
      .filter((v): v is ScaleValue => typeof v === "number" && v >= 1 && v <= 5);
    return {
      key: s.key,
      respondents: values.length,
      score: isShown(values.length) ? values.reduce((sum, v) => sum + scaleToScore(v), 0) / values.length : null,
    };
  });
  return { shown: true, respondents: published.length, dimensions, statements: perStatement };
}

/** Open answers of complete batches, shuffled with the given random source; none below five. */
export function openAnswersToShow(
  rows: readonly { batch: number; text: string }[],
  random: () => number = Math.random,
): { shown: false } | { shown: true; texts: string[] } {
  const published = publishedRows(rows);
  if (!isShown(published.length)) return { shown: false };
  const texts = published.map((r) => r.text);
  for (let i = texts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [texts[i], texts[j]] = [texts[j] as string, texts[i] as string];
  }
  return { shown: true, texts };
}

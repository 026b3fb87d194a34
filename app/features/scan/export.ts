// The scan's exports (pure). JSON for machines (keys, docs/decisions/011); the table for people in a spreadsheet
// (decision 159): translated headings and labels, answers 0–4 and scores as numbers (unrounded, so a partner's
// recomputation gives the page's figures), the same rows in the .xlsx and the CSV (export/table.ts).
import type { ExportCell, ExportTable } from "~/features/exports/table";
import type { ScanResult } from "./scoring";

export type ExportScan = {
  organisation: string;
  period: string;
  instrumentVersion: number;
  status: string;
  submittedAt: string | null;
};
export type ExportAnswer = { itemKey: string; dimensionKey: string; value: string | null; comment: string | null };

export type ExportDimension = {
  key: string;
  number: number;
  name: string;
  items: { key: string; position: number; text: string }[];
};

/** The table's words, translated by the caller (a pure module has no catalogue). */
export type ScanTableLabels = {
  headings: string[];
  item: string;
  dimension: string;
  overallSection: string;
  overall: string;
  dontKnow: string;
  notApplicable: string;
  /** Level names 1–5, in order. */
  levels: string[];
};

/**
 * One table: a heading row, the answers (Nr "6.3", theme, statement, answer, comment), then per theme its score and
 * level, then the overall score. Answers 0–4 are numbers; "don't know" and "not applicable" are their words.
 */
export function scanTable(
  dimensions: readonly ExportDimension[],
  answers: readonly Pick<ExportAnswer, "itemKey" | "value" | "comment">[],
  result: ScanResult,
  labels: ScanTableLabels,
  sheet: string,
): ExportTable {
  const byKey = new Map(answers.map((a) => [a.itemKey, a]));
  const answer = (value: string | null): ExportCell => {
    if (value === null) return null;
    if (value === "dont_know") return labels.dontKnow;
    if (value === "not_applicable") return labels.notApplicable;
    const n = Number(value);
    return Number.isInteger(n) ? n : value;
  };
  const levelName = (level: number | null) => (level === null ? null : (labels.levels[level - 1] ?? null));
  const rows: ExportCell[][] = [labels.headings];
  for (const d of dimensions) {
    for (const item of d.items) {
      const a = byKey.get(item.key);
      rows.push([
        labels.item,
        `${d.number}.${item.position}`,
        d.name,
        item.text,
        answer(a?.value ?? null),
        null,
        null,
        null,
        a?.comment ?? null,
      ]);
    }
  }
  for (const d of dimensions) {
    const r = result.dimensions.find((x) => x.key === d.key);
    rows.push([
      labels.dimension,
      String(d.number),
      d.name,
      null,
      null,
      r?.score ?? null,
      r?.level ?? null,
      levelName(r?.level ?? null),
      null,
    ]);
  }
  rows.push([
    labels.overallSection,
    null,
    labels.overall,
    null,
    null,
    result.overall,
    result.overallLevel,
    levelName(result.overallLevel),
    null,
  ]);
  return { sheet, rows, headerRows: [0] };
}

export function scanToJson(scan: ExportScan, answers: readonly ExportAnswer[], result: ScanResult) {
  return {
    organisation: scan.organisation,
    period: scan.period,
    instrumentVersion: scan.instrumentVersion,
    status: scan.status,
    submittedAt: scan.submittedAt,
    items: answers.map((a) => ({ key: a.itemKey, dimension: a.dimensionKey, value: a.value, comment: a.comment })),
    dimensions: result.dimensions.map((d) => ({
      key: d.key,
      score: d.score,
      level: d.level,
      scoredItems: d.scoredItems,
    })),
    overall: {
      score: result.overall,
      level: result.overallLevel,
      uncappedLevel: result.uncappedLevel,
      capped: result.capped,
    },
    flaggedCoreItems: result.flaggedCoreItems,
  };
}

export function exportFileName(organisation: string, period: string, extension: "csv" | "json"): string {
  const slug = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  return `scan-${slug(organisation)}-${slug(period)}.${extension}`;
}

// The scan's CSV and JSON exports (pure). CSV layout, documented in docs/decisions/011:
//   section,key,dimension,value,score,level,comment
//   item,<itemKey>,<dimensionKey>,<0–4|dont_know|not_applicable>,,,<comment>
//   dimension,<dimensionKey>,<dimensionKey>,,<unrounded score or empty>,<level or empty>,
//   overall,overall,,,<unrounded score or empty>,<level or empty>,
import type { ScanResult } from "./scoring";

export type ExportScan = {
  organisation: string;
  period: string;
  instrumentVersion: number;
  status: string;
  submittedAt: string | null;
};
export type ExportAnswer = { itemKey: string; dimensionKey: string; value: string | null; comment: string | null };

export const CSV_COLUMNS = ["section", "key", "dimension", "value", "score", "level", "comment"] as const;

/** RFC 4180 quoting, plus a leading apostrophe for cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function scanToCsv(answers: readonly ExportAnswer[], result: ScanResult): string {
  const rows: (string | number | null)[][] = [[...CSV_COLUMNS]];
  for (const a of answers) rows.push(["item", a.itemKey, a.dimensionKey, a.value, null, null, a.comment]);
  for (const d of result.dimensions) rows.push(["dimension", d.key, d.key, null, d.score, d.level, null]);
  rows.push(["overall", "overall", null, null, result.overall, result.overallLevel, null]);
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function scanToJson(scan: ExportScan, answers: readonly ExportAnswer[], result: ScanResult) {
  return {
    organisation: scan.organisation,
    period: scan.period,
    instrumentVersion: scan.instrumentVersion,
    status: scan.status,
    submittedAt: scan.submittedAt,
    items: answers.map((a) => ({ key: a.itemKey, dimension: a.dimensionKey, value: a.value, comment: a.comment })),
    dimensions: result.dimensions.map((d) => ({ key: d.key, score: d.score, level: d.level, scoredItems: d.scoredItems })),
    overall: { score: result.overall, level: result.overallLevel, uncappedLevel: result.uncappedLevel, capped: result.capped },
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

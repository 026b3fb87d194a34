// The comparison as CSV: what the page shows, with suppressed cells marked and never filled.
import { makeTranslate, type Locale, type MessageKey } from "~/utils/i18n";
import { getComparison, getComparisonRows } from "./comparison.server";
import { csvLines } from "./csv";
import { MIN_GROUP_SIZE, type Decision } from "./disclosure";
import type { ComparisonFilters } from "./filters";

type Cell = string | number | null;

export function comparisonCsv(filters: ComparisonFilters, locale: Locale): string | null {
  const t = makeTranslate(locale);
  const outcome = getComparison({ ...filters, org: undefined, page: undefined });
  if (outcome.kind === "invalid") return null;
  if (outcome.kind === "empty") return csvLines([[t("benchmark.comparison.empty")]]);
  const c = outcome.comparison;
  const name = (d: { nameNl: string; nameEn: string }) => (locale === "en" ? d.nameEn : d.nameNl);
  const hidden = (d: Decision) => (d.shown ? "" : `${t("benchmark.csv.suppressed")}: ${t(`benchmark.reasons.${d.reason}` as MessageKey, { k: MIN_GROUP_SIZE })}`);
  const lines: Cell[][] = [];
  const filterText = [
    `${t("benchmark.comparison.country")}=${filters.country ?? t("common.all")}`,
    `${t("benchmark.comparison.sector")}=${filters.sector ?? t("common.all")}`,
    `${t("benchmark.comparison.sizeBand")}=${filters.sizeBand ?? t("common.all")}`,
    `${t("benchmark.comparison.year")}=${filters.year ?? t("benchmark.comparison.latest")}`,
  ].join("; ");
  lines.push([t("benchmark.comparison.title"), filterText]);
  lines.push([]);

  // Group
  lines.push([t("benchmark.csv.section"), t("benchmark.comparison.dimension"), t("benchmark.comparison.n"), t("benchmark.comparison.min"), t("benchmark.comparison.q1"), t("benchmark.comparison.median"), t("benchmark.comparison.q3"), t("benchmark.comparison.max")]);
  const groupRows = [{ label: t("benchmark.comparison.overall"), s: c.group.overall }, ...c.dimensions.map((d, i) => ({ label: name(d), s: c.group.dimensions[i] ?? null }))];
  for (const { label, s } of groupRows) {
    if (!c.group.decision.shown) lines.push([t("benchmark.comparison.groupTitle"), label, hidden(c.group.decision)]);
    else lines.push([t("benchmark.comparison.groupTitle"), label, s?.n ?? null, s?.min ?? null, s?.q1 ?? null, s?.median ?? null, s?.q3 ?? null, s?.max ?? null]);
  }
  lines.push([]);

  // Breakdown (medians)
  lines.push([t("benchmark.csv.section"), t(`benchmark.comparison.${c.breakdown.by}` as MessageKey), t("benchmark.comparison.n"), t("benchmark.comparison.overall"), ...c.dimensions.map(name)]);
  for (const cell of c.breakdown.cells) {
    if (!cell.decision.shown) lines.push([t("benchmark.comparison.median"), cell.value, hidden(cell.decision)]);
    else lines.push([t("benchmark.comparison.median"), cell.value, cell.n, cell.overallMedian, ...cell.dimensionMedians]);
  }
  lines.push([]);

  // Trend
  lines.push([t("benchmark.csv.section"), t("benchmark.comparison.year"), t("benchmark.comparison.n"), t("benchmark.comparison.q1"), t("benchmark.comparison.median"), t("benchmark.comparison.q3"), ...c.dimensions.map(name)]);
  for (const p of c.trend) {
    if (!p.decision.shown) lines.push([t("benchmark.comparison.trendTitle"), p.period, hidden(p.decision)]);
    else lines.push([t("benchmark.comparison.trendTitle"), p.period, p.n, p.overall?.q1 ?? null, p.overall?.median ?? null, p.overall?.q3 ?? null, ...p.dimensionMedians]);
  }
  lines.push([]);

  // Items
  if (c.items) {
    lines.push([t("benchmark.csv.section"), t("benchmark.comparison.item"), t("benchmark.comparison.share"), t("benchmark.comparison.answered")]);
    for (const item of c.items) lines.push([t("benchmark.comparison.itemsTitle"), item.key, item.share === null ? null : item.share * 100, item.answered]);
    lines.push([]);
  }

  // Organisations (all pages)
  const listed = c.group.decision.shown ? getComparisonRows(filters) : null;
  if (listed) {
    lines.push([t("benchmark.csv.section"), t("benchmark.comparison.organisation"), t("benchmark.comparison.country"), t("benchmark.comparison.sector"), t("benchmark.comparison.sizeBand"), t("benchmark.comparison.year"), t("benchmark.comparison.overall"), t("benchmark.comparison.level"), ...c.dimensions.map(name)]);
    for (const row of listed.rows) {
      const label = row.label.kind === "name" ? row.label.name : t("benchmark.comparison.pseudonym", { code: row.label.code });
      lines.push([t("benchmark.comparison.organisationsTitle"), label, row.country, row.sector, row.sizeBand, row.period, row.overall, row.overallLevel, ...row.dimensions.map((d) => d.score)]);
    }
    if (c.rows && c.rows.withheld > 0) lines.push([t("benchmark.comparison.organisationsTitle"), t("benchmark.comparison.withheld", { count: c.rows.withheld })]);
  }
  return `\uFEFF${csvLines(lines)}\r\n`;
}

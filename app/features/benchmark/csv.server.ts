// The comparison as a download (CSV or .xlsx, decision 158): what the page shows, with suppressed cells marked
// and never filled, codes (country, sector, size) as the page's words.
import type { ExportTable } from "~/features/exports/table";
import { makeTranslate, type Locale, type MessageKey } from "~/utils/i18n";
import { getComparison, getComparisonRows } from "./comparison.server";
import { noteParams } from "./disclosure";
import type { ComparisonFilters } from "./filters";

type Cell = string | number | null;

/**
 * Exactly the figures of the page (the same Comparison object the loader sends), a not-shown figure as the
 * one symbol, the note on adjusted figures at the top.
 */
export function comparisonTable(filters: ComparisonFilters, locale: Locale): ExportTable | null {
  const t = makeTranslate(locale);
  const sheet = t("benchmark.comparison.title");
  const outcome = getComparison({ ...filters, org: undefined, page: undefined });
  if (!outcome.ok) return null;
  const { comparison } = outcome.value;
  if (!comparison) return { sheet, rows: [[t("benchmark.comparison.empty")]] };
  const c = comparison;
  const name = (d: { nameNl: string; nameEn: string }) => (locale === "en" ? d.nameEn : d.nameNl);
  const x = t("benchmark.notShown.symbol");
  // One decimal, as the page shows them; a not-shown figure as the one symbol.
  const fig = (v: number | null) => (v === null ? x : Math.round(v * 10) / 10);
  const country = (code: string) => t(`countries.${code}` as MessageKey);
  const sector = (code: string) => t(`sectors.${code}` as MessageKey);
  const sizeBand = (code: string) => t(`sizeBands.${code}` as MessageKey);
  const byLabel = { country, sector, sizeBand } as const;
  const lines: Cell[][] = [];
  const headerRows: number[] = [];
  const heading = (row: Cell[]) => {
    headerRows.push(lines.length);
    lines.push(row);
  };
  const filterText = [
    `${t("benchmark.comparison.country")}=${filters.country ? country(filters.country) : t("common.all")}`,
    `${t("benchmark.comparison.sector")}=${filters.sector ? sector(filters.sector) : t("common.all")}`,
    `${t("benchmark.comparison.sizeBand")}=${filters.sizeBand ? sizeBand(filters.sizeBand) : t("common.all")}`,
    `${t("benchmark.comparison.year")}=${filters.year ?? t("benchmark.comparison.latest")}`,
  ].join("; ");
  lines.push([t("benchmark.comparison.title"), filterText]);
  lines.push([t("benchmark.note.title"), t("benchmark.note.body", noteParams())]);
  lines.push(["", t("benchmark.note.latest", noteParams())]);
  lines.push([]);

  // Group
  // The mean (groups under 20, decision 047) is the last column, so the earlier columns keep their place.
  heading([
    t("benchmark.csv.section"),
    t("benchmark.comparison.dimension"),
    t("benchmark.comparison.n"),
    t("benchmark.comparison.q1"),
    t("benchmark.comparison.median"),
    t("benchmark.comparison.q3"),
    t("benchmark.centre.mean"),
  ]);
  const groupRows = [
    { label: t("benchmark.comparison.overall"), f: c.group.overall },
    ...c.dimensions.map((d, i) => ({
      label: name(d),
      f: c.group.dimensions[i] ?? { mean: null, median: null, q1: null, q3: null },
    })),
  ];
  for (const { label, f } of groupRows)
    lines.push([
      t("benchmark.comparison.groupTitle"),
      label,
      fig(c.group.n),
      fig(f.q1),
      fig(f.median),
      fig(f.q3),
      fig(f.mean),
    ]);
  lines.push([]);

  // Breakdown: each row says whether its figures are medians or means (groups under 20)
  heading([
    t("benchmark.csv.section"),
    t(`benchmark.comparison.${c.breakdown.by}` as MessageKey),
    t("benchmark.comparison.n"),
    t("benchmark.comparison.overall"),
    ...c.dimensions.map(name),
  ]);
  for (const cell of c.breakdown.cells)
    lines.push([
      t(cell.measure === "mean" ? "benchmark.centre.mean" : "benchmark.comparison.median"),
      byLabel[c.breakdown.by](cell.value),
      fig(cell.n),
      fig(cell.overall),
      ...cell.dimensions.map(fig),
    ]);
  lines.push([]);

  // Trend
  heading([
    t("benchmark.csv.section"),
    t("benchmark.comparison.year"),
    t("benchmark.comparison.n"),
    t("benchmark.comparison.q1"),
    t("benchmark.comparison.median"),
    t("benchmark.comparison.q3"),
    ...c.dimensions.map(name),
    t("benchmark.centre.mean"),
  ]);
  // The dimension columns hold each year's centre: the median, or the mean for a year with fewer than 20.
  for (const p of c.trend)
    lines.push([
      t("benchmark.comparison.trendTitle"),
      p.period,
      fig(p.n),
      fig(p.overall.q1),
      fig(p.overall.median),
      fig(p.overall.q3),
      ...p.dimensions.map((f) => fig(f.median ?? f.mean)),
      fig(p.overall.mean),
    ]);
  lines.push([]);

  // Items
  if (c.items) {
    heading([t("benchmark.csv.section"), t("benchmark.comparison.item"), t("benchmark.comparison.share")]);
    for (const item of c.items)
      lines.push([
        t("benchmark.comparison.itemsTitle"),
        item.key,
        item.share === null ? x : Math.round(item.share * 100),
      ]);
    lines.push([]);
  }

  // Named organisations (all pages): their own, exact scores, as they consented to.
  const listed = getComparisonRows(filters);
  if (listed) {
    heading([
      t("benchmark.csv.section"),
      t("benchmark.comparison.organisation"),
      t("benchmark.comparison.country"),
      t("benchmark.comparison.sector"),
      t("benchmark.comparison.sizeBand"),
      t("benchmark.comparison.year"),
      t("benchmark.comparison.overall"),
      t("benchmark.comparison.level"),
      ...c.dimensions.map(name),
    ]);
    for (const row of listed.rows) {
      lines.push([
        t("benchmark.comparison.organisationsTitle"),
        row.name,
        country(row.country),
        sector(row.sector),
        sizeBand(row.sizeBand),
        row.period,
        round(row.overall),
        row.overallLevel,
        ...row.dimensions.map((d) => round(d.score)),
      ]);
    }
    lines.push([t("benchmark.comparison.organisationsTitle"), t("benchmark.comparison.unlisted")]);
  }
  return { sheet, rows: lines, headerRows };
}

const round = (v: number | null) => (v === null ? null : Math.round(v));

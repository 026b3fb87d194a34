// Programme indicators as a download (CSV or .xlsx, decision 158): exactly the page's figures, a not-shown cell
// as the one symbol, countries and sectors as the page names them.
import type { ExportTable } from "~/features/exports/table";
import { makeTranslate, type Locale, type MessageKey } from "~/utils/i18n";
import { noteParams } from "./disclosure";
import { INDICATORS, type IndicatorTable } from "./indicators";
import { getProgrammeIndicators } from "./indicators.server";

export function indicatorsTable(locale: Locale): ExportTable {
  const t = makeTranslate(locale);
  const { byCountry, bySector } = getProgrammeIndicators();
  const lines: (string | number | null)[][] = [[t("benchmark.note.title"), t("benchmark.note.body", noteParams())], []];
  const headerRows: number[] = [];
  const add = (table: IndicatorTable, title: MessageKey) => {
    headerRows.push(lines.length);
    lines.push([
      t("benchmark.csv.section"),
      t("benchmark.indicators.group"),
      ...INDICATORS.map((i) => t(`benchmark.indicators.${i}`)),
    ]);
    for (const row of [...table.rows, table.total]) {
      const label =
        row.key === "total"
          ? t("benchmark.indicators.total")
          : t((table.by === "country" ? `countries.${row.key}` : `sectors.${row.key}`) as MessageKey);
      lines.push([
        t(title),
        label,
        ...INDICATORS.map((i) => {
          const cell = row.cells[i];
          if (!cell.available) return t("benchmark.indicators.notAvailable");
          if (cell.value === null) return t("benchmark.notShown.symbol");
          return i === "shareMatched" ? Math.round(cell.value * 100) : Math.round(cell.value * 10) / 10;
        }),
      ]);
    }
    lines.push([]);
  };
  add(byCountry, "benchmark.indicators.byCountry");
  add(bySector, "benchmark.indicators.bySector");
  return { sheet: t("benchmark.indicators.title"), rows: lines, headerRows };
}

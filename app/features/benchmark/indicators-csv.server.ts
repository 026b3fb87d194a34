// Programme indicators as CSV: exactly the page's figures, a not-shown cell as the one symbol.
import { makeTranslate, type Locale, type MessageKey } from "~/utils/i18n";
import { csvLines } from "./csv";
import { noteParams } from "./disclosure";
import { INDICATORS, type IndicatorTable } from "./indicators";
import { getProgrammeIndicators } from "./indicators.server";

export function indicatorsCsv(locale: Locale): string {
  const t = makeTranslate(locale);
  const { byCountry, bySector } = getProgrammeIndicators();
  const lines: (string | number | null)[][] = [[t("benchmark.note.title"), t("benchmark.note.body", noteParams())], []];
  const add = (table: IndicatorTable, title: MessageKey) => {
    lines.push([t("benchmark.csv.section"), t("benchmark.indicators.group"), ...INDICATORS.map((i) => t(`benchmark.indicators.${i}`))]);
    for (const row of [...table.rows, table.total]) {
      const label = row.key === "total" ? t("benchmark.indicators.total") : row.key;
      lines.push([
        t(title),
        label,
        ...INDICATORS.map((i) => {
          const cell = row.cells[i];
          if (!cell.available) return t("benchmark.indicators.notAvailable");
          if (cell.value === null) return t("benchmark.notShown.symbol");
          return i === "shareMatched" ? Math.round(cell.value * 100) : cell.value;
        }),
      ]);
    }
    lines.push([]);
  };
  add(byCountry, "benchmark.indicators.byCountry");
  add(bySector, "benchmark.indicators.bySector");
  return `\uFEFF${csvLines(lines)}\r\n`;
}

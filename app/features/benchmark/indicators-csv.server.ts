// Programme indicators as CSV: suppressed cells marked with the reason, never filled.
import { makeTranslate, type Locale, type MessageKey } from "~/utils/i18n";
import { csvLines } from "./csv";
import { MIN_GROUP_SIZE } from "./disclosure";
import { INDICATORS, type IndicatorTable } from "./indicators";
import { getProgrammeIndicators } from "./indicators.server";

export function indicatorsCsv(locale: Locale): string {
  const t = makeTranslate(locale);
  const { byCountry, bySector } = getProgrammeIndicators();
  const lines: (string | number | null)[][] = [];
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
          if (!cell.decision.shown) return `${t("benchmark.csv.suppressed")}: ${t(`benchmark.reasons.${cell.decision.reason}`, { k: MIN_GROUP_SIZE })}`;
          if (cell.value === null) return null;
          return i === "shareMatched" ? cell.value * 100 : cell.value;
        }),
      ]);
    }
    lines.push([]);
  };
  add(byCountry, "benchmark.indicators.byCountry");
  add(bySector, "benchmark.indicators.bySector");
  return `\uFEFF${csvLines(lines)}\r\n`;
}

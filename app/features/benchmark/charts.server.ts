// The benchmark pages' charts, drawn on the server in the page's language (docs/decisions/142).
import { barChart, boxChart, CHART_COLOURS, lineChart, type ChartMarkup } from "~/utils/charts.server";
import { makeTranslate, type Locale } from "~/utils/i18n";
import type { OwnPosition } from "./peer.server";

/** HR's own scores next to the group's median, per dimension, on the full 0–100 scale. */
export function ownPositionChart(position: Extract<OwnPosition, { kind: "ok" }>, locale: Locale): ChartMarkup {
  const t = makeTranslate(locale);
  return barChart({
    title: t("benchmark.hr.title"),
    description: t("benchmark.hr.chart"),
    categories: position.dimensions.map((d) => (locale === "en" ? d.nameEn : d.nameNl)),
    series: [
      { name: t("benchmark.hr.own"), colour: CHART_COLOURS.own, values: position.dimensions.map((d) => d.own) },
      ...(position.peers.shown ? [{ name: t("benchmark.hr.peerMedian"), colour: CHART_COLOURS.group, values: position.dimensions.map((d) => d.peerMedian) }] : []),
    ],
  });
}

/** One organisation against the group's median (the partner's selected organisation). */
export function pairChart(input: { title: string; description: string; categories: string[]; own: { name: string; values: (number | null)[] }; group: { name: string; values: (number | null)[] } }): ChartMarkup {
  return barChart({
    title: input.title,
    description: input.description,
    categories: input.categories,
    series: [
      { name: input.own.name, colour: CHART_COLOURS.own, values: input.own.values },
      { name: input.group.name, colour: CHART_COLOURS.group, values: input.group.values },
    ],
  });
}

export { boxChart, lineChart, CHART_COLOURS };

// The benchmark pages' charts, drawn on the server in the page's language (docs/decisions/142).
import { barChart, boxChart, CHART_COLOURS, lineChart, type ChartMarkup } from "~/utils/charts.server";
import { makeTranslate, type Locale } from "~/utils/i18n";
import type { Comparison } from "./compare";
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
      ...(position.peers.shown
        ? [
            {
              name: t(position.peers.measure === "mean" ? "benchmark.centre.groupMean" : "benchmark.hr.peerMedian"),
              colour: CHART_COLOURS.group,
              values: position.dimensions.map((d) => d.peerMedian),
            },
          ]
        : []),
    ],
  });
}

/** One organisation against the group's median (the partner's selected organisation). */
export function pairChart(input: {
  title: string;
  description: string;
  categories: string[];
  own: { name: string; values: (number | null)[] };
  group: { name: string; values: (number | null)[] };
}): ChartMarkup {
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

export type ComparisonCharts = {
  distribution: ChartMarkup | null;
  trend: ChartMarkup | null;
  selected: ChartMarkup | null;
};

/** The partner comparison's three charts: the group's spread, its trend, and a selected organisation. */
export function comparisonCharts(comparison: Comparison, locale: Locale): ComparisonCharts {
  const t = makeTranslate(locale);
  const name = (d: { nameNl: string; nameEn: string }) => (locale === "en" ? d.nameEn : d.nameNl);
  const { group, dimensions } = comparison;
  const summaries = [
    { name: t("benchmark.comparison.overall"), f: group.overall },
    ...dimensions.map((d, i) => ({
      name: name(d),
      f: group.dimensions[i] ?? { mean: null, median: null, q1: null, q3: null },
    })),
  ];
  const boxes = summaries.flatMap(({ name: n, f }) =>
    f.median !== null && f.q1 !== null && f.q3 !== null ? [{ name: n, q1: f.q1, median: f.median, q3: f.q3 }] : [],
  );
  const distribution =
    group.shown && boxes.length
      ? boxChart({
          title: t("benchmark.comparison.distributionTitle"),
          description: t("benchmark.comparison.distributionChart"),
          data: boxes,
          labels: {
            low: `${t("benchmark.comparison.q1")}–${t("benchmark.comparison.median")}`,
            high: `${t("benchmark.comparison.median")}–${t("benchmark.comparison.q3")}`,
          },
        })
      : null;
  const centre = (f: { median: number | null; mean: number | null } | undefined) => (f ? (f.median ?? f.mean) : null);
  const trend = comparison.trend.some((p) => centre(p.overall) !== null)
    ? lineChart({
        title: t("benchmark.comparison.trendTitle"),
        description: t("benchmark.comparison.trendChart"),
        periods: comparison.trend.map((p) => p.period),
        series: [
          {
            name: t(
              comparison.trend.some((p) => p.measure === "mean")
                ? "benchmark.centre.trendCentre"
                : "benchmark.comparison.trendMedian",
            ),
            colour: CHART_COLOURS.group,
            values: comparison.trend.map((p) => centre(p.overall)),
            bold: true,
          },
          ...dimensions.map((d, i) => ({
            name: name(d),
            colour: CHART_COLOURS.dimensions[i % CHART_COLOURS.dimensions.length] ?? CHART_COLOURS.peer,
            values: comparison.trend.map((p) => centre(p.dimensions[i])),
          })),
        ],
      })
    : null;
  const row = comparison.selected;
  const selected = row
    ? pairChart({
        title: t("benchmark.comparison.selectedTitle", { organisation: row.name }),
        description: t("benchmark.comparison.selectedChart", { organisation: row.name }),
        categories: dimensions.map(name),
        own: {
          name: t("benchmark.comparison.selectedScore"),
          values: dimensions.map((_, i) => row.dimensions[i]?.score ?? null),
        },
        group: {
          name: t(group.measure === "mean" ? "benchmark.centre.groupMean" : "benchmark.comparison.groupMedian"),
          values: dimensions.map((_, i) => centre(group.dimensions[i])),
        },
      })
    : null;
  return { distribution, trend, selected };
}

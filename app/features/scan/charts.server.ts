// The results page's and report's charts, drawn on the server in the page's language (docs/decisions/142).
import { CHART_COLOURS, lineChart, radarChart, type ChartMarkup, type RadarSeries } from "~/utils/charts.server";
import { makeTranslate, type Locale } from "~/utils/i18n";
import type { ScanResultsPage } from "./results-page.server";

export type ScanCharts = { radar: ScanRadarData; trend: ChartMarkup | null };

type Scores = { key: string; score: number | null }[];
type ChartInput = Pick<ScanResultsPage, "scan" | "dimensions" | "result" | "previous" | "peer" | "peerInfo" | "trend">;

/**
 * Everything `ScanRadar` draws, built once for the results page and the report: the chart, and the same figures
 * with the same labels for the table beside it.
 */
export type ScanRadarData = {
  chart: ChartMarkup;
  dimensions: { key: string; name: string }[];
  current: Scores;
  currentLabel: string;
  previous: Scores | null;
  previousLabel: string | null;
  peer: { key: string; score: number }[] | null;
  /** The peer column's heading: "Mediaan" or "Gemiddelde", as the group publishes (decision 047). */
  peerLabel: string | null;
};

const dimensionName = (locale: Locale) => (d: { number: number; nameNl: string; nameEn: string }) =>
  `${d.number}. ${locale === "nl" ? d.nameNl : d.nameEn}`;
const scoreOf = (series: { key: string; score: number | null }[] | null | undefined, key: string) =>
  series?.find((s) => s.key === key)?.score ?? null;

export function scanRadar(r: Omit<ChartInput, "trend">, locale: Locale): ScanRadarData {
  const t = makeTranslate(locale);
  const keys = r.dimensions.map((d) => d.key);
  const current = r.result.dimensions.map((d) => ({ key: d.key, score: d.score }));
  const currentLabel = t("scan.radarThis", { period: r.scan.period });
  const previousLabel = r.previous ? t("scan.radarPrevious", { period: r.previous.period }) : null;
  const series: RadarSeries[] = [];
  if (r.previous && previousLabel) {
    const previous = r.previous.dimensions;
    series.push({
      name: previousLabel,
      colour: CHART_COLOURS.previous,
      values: keys.map((k) => scoreOf(previous, k)),
      dashed: true,
      fillOpacity: 0.06,
    });
  }
  if (r.peer) {
    const peer = r.peer;
    series.push({
      name: t(r.peerInfo.measure === "mean" ? "scan.radarPeerMean" : "scan.radarPeer"),
      colour: CHART_COLOURS.peer,
      values: keys.map((k) => scoreOf(peer, k)),
      fillOpacity: 0.04,
    });
  }
  series.push({
    name: currentLabel,
    colour: CHART_COLOURS.current,
    values: keys.map((k) => scoreOf(current, k)),
    fillOpacity: 0.28,
  });
  const dimensions = r.dimensions.map((d) => ({ key: d.key, name: dimensionName(locale)(d) }));
  const chart = radarChart({
    title: t("scan.radarTitle"),
    description: t("scan.charts.radarDescription"),
    labels: dimensions.map((d) => d.name),
    series,
  });
  return {
    chart,
    dimensions,
    current,
    currentLabel,
    previous: r.previous?.dimensions ?? null,
    previousLabel,
    peer: r.peer,
    peerLabel: r.peer ? t(r.peerInfo.measure === "mean" ? "scan.tablePeerMean" : "scan.tablePeer") : null,
  };
}

export function scanCharts(r: ChartInput, locale: Locale): ScanCharts {
  const t = makeTranslate(locale);
  const name = dimensionName(locale);
  const radar = scanRadar(r, locale);
  const points = r.trend.filter((p) => p.overall !== null);
  const trend =
    points.length < 2
      ? null
      : lineChart({
          title: t("scan.trendTitle"),
          description: t("scan.charts.trendDescription"),
          periods: points.map((p) => p.period),
          series: [
            {
              name: t("scan.overall"),
              colour: CHART_COLOURS.current,
              values: points.map((p) => p.overall),
              bold: true,
            },
            ...r.dimensions.map((d, i) => ({
              name: name(d),
              colour: CHART_COLOURS.dimensions[i % CHART_COLOURS.dimensions.length] ?? CHART_COLOURS.peer,
              values: points.map((p) => scoreOf(p.dimensions, d.key)),
            })),
          ],
        });
  return { radar, trend };
}

// The results page's and report's charts, drawn on the server in the page's language (docs/decisions/142).
import { CHART_COLOURS, lineChart, radarChart, type ChartMarkup, type RadarSeries } from "~/utils/charts.server";
import { makeTranslate, type Locale } from "~/utils/i18n";
import type { ScanResultsPage } from "./results-page.server";

export type ScanCharts = { radar: ChartMarkup; trend: ChartMarkup | null };

export function scanCharts(r: Pick<ScanResultsPage, "scan" | "dimensions" | "result" | "previous" | "peer" | "peerInfo" | "trend">, locale: Locale): ScanCharts {
  const t = makeTranslate(locale);
  const name = (d: { nameNl: string; nameEn: string }) => (locale === "nl" ? d.nameNl : d.nameEn);
  const scoreOf = (series: { key: string; score: number | null }[] | null | undefined, key: string) => series?.find((s) => s.key === key)?.score ?? null;
  const keys = r.dimensions.map((d) => d.key);
  const series: RadarSeries[] = [];
  if (r.previous) {
    const previous = r.previous.dimensions;
    series.push({ name: t("scan.radarPrevious", { period: r.previous.period }), colour: CHART_COLOURS.previous, values: keys.map((k) => scoreOf(previous, k)), dashed: true, fillOpacity: 0.06 });
  }
  if (r.peer) {
    const peer = r.peer;
    series.push({ name: t(r.peerInfo.measure === "mean" ? "scan.radarPeerMean" : "scan.radarPeer"), colour: CHART_COLOURS.peer, values: keys.map((k) => scoreOf(peer, k)), fillOpacity: 0.04 });
  }
  series.push({ name: t("scan.radarThis", { period: r.scan.period }), colour: CHART_COLOURS.current, values: keys.map((k) => scoreOf(r.result.dimensions, k)), fillOpacity: 0.28 });
  const radar = radarChart({
    title: t("scan.radarTitle"),
    description: t("scan.charts.radarDescription"),
    labels: r.dimensions.map((d) => `${d.number}. ${name(d)}`),
    series,
  });
  const points = r.trend.filter((p) => p.overall !== null);
  const trend =
    points.length < 2
      ? null
      : lineChart({
          title: t("scan.trendTitle"),
          description: t("scan.charts.trendDescription"),
          periods: points.map((p) => p.period),
          series: [
            { name: t("scan.overall"), colour: CHART_COLOURS.current, values: points.map((p) => p.overall), bold: true },
            ...r.dimensions.map((d, i) => ({
              name: `${d.number}. ${name(d)}`,
              colour: CHART_COLOURS.dimensions[i % CHART_COLOURS.dimensions.length] ?? CHART_COLOURS.peer,
              values: points.map((p) => scoreOf(p.dimensions, d.key)),
            })),
          ],
        });
  return { radar, trend };
}

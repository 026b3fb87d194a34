// The results page's charts come drawn from the server (features/scan/charts.server.ts); each comes with a
// table of the same figures.
import { StaticChart } from "~/components/ui/static-chart";
import { DataTable } from "~/components/ui/data-table";
import { useI18n } from "~/utils/i18n-react";
import type { ScanRadarData } from "../charts.server";

export type Series = { key: string; score: number | null }[];

export function ScanRadar({
  chart,
  dimensions,
  current,
  currentLabel,
  previous,
  previousLabel,
  peer,
  peerLabel,
  showTable = true,
}: ScanRadarData & { showTable?: boolean }) {
  const { t, number } = useI18n();
  const find = (series: Series | { key: string; score: number }[] | null | undefined, key: string) =>
    series?.find((s) => s.key === key)?.score ?? null;
  const rows = dimensions.map((d) => ({
    name: d.name,
    current: find(current, d.key),
    previous: find(previous, d.key),
    peer: find(peer, d.key),
  }));
  return (
    <figure className="scan-chart">
      <StaticChart chart={chart} testId="radar-chart" />
      {showTable ? (
        <DataTable compact testId="radar-table" label={t("scan.chartAsTable")}>
          <caption className="visually-hidden">{t("scan.chartAsTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("scan.tableDimension")}</th>
              <th scope="col">{currentLabel}</th>
              {previous ? <th scope="col">{previousLabel}</th> : null}
              {peer ? <th scope="col">{peerLabel}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td>{r.current === null ? t("scan.insufficient") : number(r.current)}</td>
                {previous ? <td>{r.previous === null ? "–" : number(r.previous)}</td> : null}
                {peer ? <td>{r.peer === null ? "–" : number(r.peer)}</td> : null}
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </figure>
  );
}

export function ScanTrend({
  chart,
  trend,
  dimensions,
}: {
  chart: { html: string } | null;
  trend: { period: string; overall: number | null; dimensions: Series }[];
  dimensions: { key: string; name: string }[];
}) {
  const { t, number } = useI18n();
  const points = trend.filter((p) => p.overall !== null);
  if (!chart || points.length < 2) {
    const only = points[0];
    return (
      <p className="muted" data-testid="trend-none">
        {only ? t("scan.charts.trendOne", { period: only.period }) : t("scan.charts.trendNoScans")}
      </p>
    );
  }
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? "–" : number(v));
  return (
    <figure className="scan-chart">
      <StaticChart chart={chart} testId="trend-chart" />
      <DataTable compact testId="trend-table" label={t("scan.charts.trendTable")}>
        <caption className="visually-hidden">{t("scan.charts.trendTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("scan.tableDimension")}</th>
            {points.map((p) => (
              <th scope="col" key={p.period}>
                {p.period}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("scan.overall")}</th>
            {points.map((p) => (
              <td key={p.period}>{cell(p.overall)}</td>
            ))}
          </tr>
          {dimensions.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.name}</th>
              {points.map((p) => (
                <td key={p.period}>{cell(p.dimensions.find((x) => x.key === d.key)?.score)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </figure>
  );
}

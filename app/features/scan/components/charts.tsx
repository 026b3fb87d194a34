// Fixed-size recharts (they render on the server too); each chart comes with a table alternative.
import { CartesianGrid, Legend, Line, LineChart, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "~/utils/i18n-react";
import { ScrollTable } from "./results-view";

export type Series = { key: string; score: number | null }[];

export function ScanRadar({
  dimensions,
  current,
  currentLabel,
  previous,
  previousLabel,
  peer,
}: {
  dimensions: { key: string; name: string; short: string }[];
  current: Series;
  currentLabel: string;
  previous?: Series | null;
  previousLabel?: string;
  peer?: { key: string; score: number }[] | null;
}) {
  const { t, number } = useI18n();
  const find = (series: Series | { key: string; score: number }[] | null | undefined, key: string) => series?.find((s) => s.key === key)?.score ?? null;
  const rows = dimensions.map((d) => ({ name: d.short, full: d.name, current: find(current, d.key), previous: find(previous, d.key), peer: find(peer, d.key) }));
  return (
    <figure className="scan-chart">
      <div className="scan-chart__canvas" aria-hidden="true">
        <RadarChart width={460} height={360} data={rows} outerRadius={120}>
          <PolarGrid />
          <PolarAngleAxis dataKey="name" tick={{ fontSize: 12, fill: "#1f2a2e" }} />
          <PolarRadiusAxis domain={[0, 100]} tickCount={6} tick={{ fontSize: 10, fill: "#53616a" }} angle={90} />
          {previous ? <Radar name={previousLabel} dataKey="previous" stroke="#b45309" fill="#b45309" fillOpacity={0.08} strokeDasharray="4 3" isAnimationActive={false} /> : null}
          {peer ? <Radar name={t("scan.radarPeer")} dataKey="peer" stroke="#53616a" fill="#53616a" fillOpacity={0.05} isAnimationActive={false} /> : null}
          <Radar name={currentLabel} dataKey="current" stroke="#0f6b63" fill="#0f6b63" fillOpacity={0.3} isAnimationActive={false} />
          <Legend />
        </RadarChart>
      </div>
      <figcaption className="visually-hidden">{t("scan.chartAsTable")}</figcaption>
      <ScrollTable label={t("scan.chartAsTable")}>
        <table className="table table--compact" data-testid="radar-table">
          <caption className="visually-hidden">{t("scan.chartAsTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("scan.tableDimension")}</th>
              <th scope="col">{currentLabel}</th>
              {previous ? <th scope="col">{previousLabel}</th> : null}
              {peer ? <th scope="col">{t("scan.tablePeer")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.full}>
                <th scope="row">{r.full}</th>
                <td>{r.current === null ? t("scan.insufficient") : number(r.current)}</td>
                {previous ? <td>{r.previous === null ? "–" : number(r.previous)}</td> : null}
                {peer ? <td>{r.peer === null ? "–" : number(r.peer)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </figure>
  );
}

export function ScanTrend({ trend }: { trend: { period: string; overall: number | null }[] }) {
  const { t, number } = useI18n();
  const points = trend.filter((p) => p.overall !== null);
  if (points.length < 2) return <p className="muted">{t("scan.trendNone")}</p>;
  return (
    <figure className="scan-chart">
      <div className="scan-chart__canvas" aria-hidden="true">
        <LineChart width={460} height={220} data={points} margin={{ top: 10, right: 20, bottom: 5, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" tick={{ fontSize: 12, fill: "#1f2a2e" }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12, fill: "#1f2a2e" }} />
          <Tooltip />
          <Line type="monotone" dataKey="overall" name={t("scan.overall")} stroke="#0f6b63" strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      </div>
      <table className="table table--compact">
        <caption className="visually-hidden">{t("scan.chartAsTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("scan.columnPeriod")}</th>
            <th scope="col">{t("scan.overall")}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.period}>
              <th scope="row">{p.period}</th>
              <td>{p.overall === null ? "–" : number(p.overall)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

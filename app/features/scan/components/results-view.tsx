// The parts of a scan's results, shared by the results page and the print report.
import { useI18n } from "~/utils/i18n-react";
import { ScrollTable } from "./scroll-table";
import type { Dim } from "./dimension-names";
import type { DimensionResult, Level } from "../scoring";

export function levelKey(level: number | null) {
  return `scan.levels.${String(level ?? 1) as `${Level}`}` as const;
}

export function OverallScore({
  overall,
  level,
  capped,
  lowest,
}: {
  overall: number | null;
  level: Level | null;
  capped: boolean;
  lowest: number | null;
}) {
  const { t, number } = useI18n();
  if (overall === null || level === null) return <p className="alert alert--info">{t("scan.noOverall")}</p>;
  return (
    <div className="scan-overall">
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t("scan.overall")}</dt>
          <dd data-testid="overall-score">{number(overall)}</dd>
        </div>
        <div className="stat">
          <dt>{t("scan.overallLevel")}</dt>
          <dd data-testid="overall-level">
            {level} · {t(levelKey(level))}
          </dd>
        </div>
      </dl>
      {capped ? (
        <p className="muted">{t("scan.cappedNote", { level: t(levelKey(level)), lowest: lowest ?? "" })}</p>
      ) : null}
    </div>
  );
}

export function DimensionTable({
  dimensions,
  results,
  previous,
}: {
  dimensions: Dim[];
  results: DimensionResult[];
  previous?: { key: string; score: number | null }[] | null;
}) {
  const { t, number, locale } = useI18n();
  return (
    <ScrollTable label={t("scan.tableLevel")}>
      <table className="table table--compact" data-testid="dimension-table">
        <thead>
          <tr>
            <th scope="col">{t("scan.tableDimension")}</th>
            <th scope="col">{t("scan.tableScore")}</th>
            <th scope="col">{t("scan.tableLevel")}</th>
            {previous ? <th scope="col">{t("scan.tablePrevious")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d) => {
            const r = results.find((x) => x.key === d.key);
            const prev = previous?.find((p) => p.key === d.key)?.score ?? null;
            return (
              <tr key={d.key} data-dimension={d.key}>
                <th scope="row">
                  {d.number}. {locale === "nl" ? d.nameNl : d.nameEn}
                </th>
                <td data-testid={`score-${d.key}`}>{r?.score == null ? t("scan.insufficient") : number(r.score)}</td>
                <td>{r?.level == null ? "–" : `${r.level} · ${t(levelKey(r.level))}`}</td>
                {previous ? <td>{prev === null ? "–" : number(prev)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function RankedList({
  title,
  items,
  name,
}: {
  title: string;
  items: { key: string; score: number }[];
  name: (key: string) => string;
}) {
  const { t, number } = useI18n();
  return (
    <div>
      <h3 className="small-heading">{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{t("scan.noneYet")}</p>
      ) : (
        <ol className="scan-ranked">
          {items.map((i) => (
            <li key={i.key}>
              {name(i.key)} <span className="muted">({number(i.score)})</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function CoreFlags({ flagged, itemLabel }: { flagged: string[]; itemLabel: (key: string) => string }) {
  const { t } = useI18n();
  if (flagged.length === 0) return <p className="muted">{t("scan.coreFlagsNone")}</p>;
  return (
    <ul className="plain-list scan-flags" data-testid="core-flags">
      {flagged.map((key) => (
        <li key={key}>{itemLabel(key)}</li>
      ))}
    </ul>
  );
}

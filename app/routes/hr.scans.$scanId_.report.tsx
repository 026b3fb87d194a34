import { type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { ScanRadar } from "~/features/scan/components/charts";
import { PrintButton } from "~/features/scan/components/print-button";
import { Recommendations } from "~/features/scan/components/recommendations";
import { ActionTable, CoreFlags, DimensionTable, OverallScore, RankedList, useDimensionNames } from "~/features/scan/components/results-view";
import { readPeerGroup } from "~/features/benchmark/peer.server";
import { PeerNote } from "~/features/scan/components/peer-note";
import { PerceptionGap } from "~/features/pulse/components/pulse-results";
import { getScanResultsPage } from "~/features/scan/results-page.server";
import { resolveLocale } from "~/utils/locale.server";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrScanReport");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const scanId = parseId(params.scanId);
  const results = getScanResultsPage(user, scanId, resolveLocale(request, user.locale), readPeerGroup(request));
  if (!results) throw notFound({ user, entity: "scan", id: scanId });
  return { ...results, printedAt: new Date().toISOString() };
}

export default function ScanReport() {
  const r = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  const { name, itemLabel } = useDimensionNames(r.dimensions);
  const lowest = r.result.dimensions.reduce<number | null>((m, d) => (d.level === null ? m : m === null ? d.level : Math.min(m, d.level)), null);
  const answers = new Map(r.answers.map((a) => [a.itemKey, a]));
  return (
    <article className="scan-report">
      <div className="scan-report__toolbar no-print">
        <Link to={`/hr/scans/${r.scan.id}/results`}>{t("scan.backToResults")}</Link>
        <PrintButton />
      </div>
      <header className="scan-report__header">
        <h1>
          {t("scan.reportTitle")} {r.scan.period}
        </h1>
        <p data-testid="report-meta">
          {t("scan.reportMeta", { organisation: r.scan.organisationName, period: r.scan.period, version: r.scan.instrumentVersion, date: date(r.printedAt) })}
        </p>
        {r.scan.status !== "submitted" ? <p className="alert alert--info">{t("scan.notSubmittedYet")}</p> : null}
      </header>
      <section className="scan-report__section">
        <OverallScore overall={r.result.overall} level={r.result.overallLevel} capped={r.result.capped} lowest={lowest} />
      </section>
      <section className="scan-report__section">
        <h2>{t("scan.radarTitle")}</h2>
        <ScanRadar
          dimensions={r.dimensions.map((d) => ({ key: d.key, name: `${d.number}. ${name(d.key)}`, short: `${d.number}. ${name(d.key).split(" ")[0] ?? ""}` }))}
          current={r.result.dimensions.map((d) => ({ key: d.key, score: d.score }))}
          currentLabel={t("scan.radarThis", { period: r.scan.period })}
          previous={r.previous?.dimensions ?? null}
          previousLabel={r.previous ? t("scan.radarPrevious", { period: r.previous.period }) : undefined}
          peer={r.peer}
        />
        <PeerNote {...r.peerInfo} />
        <DimensionTable dimensions={r.dimensions} results={r.result.dimensions} previous={r.previous?.dimensions ?? null} />
      </section>
      <section className="scan-report__section scan-report__columns">
        <RankedList title={t("scan.strengths")} items={r.strengths} name={name} />
        <RankedList title={t("scan.gaps")} items={r.gaps} name={name} />
      </section>
      <section className="scan-report__section" data-testid="report-perception-gap">
        <h2>{t("pulse.gap.title")}</h2>
        <PerceptionGap gap={r.perceptionGap} dimensionName={name} />
      </section>
      <section className="scan-report__section">
        <h2>{t("scan.coreFlagsTitle")}</h2>
        <CoreFlags flagged={r.result.flaggedCoreItems} itemLabel={itemLabel} />
      </section>
      <section className="scan-report__section">
        <h2>{t("scan.recommendationsTitle")}</h2>
        <Recommendations recommendations={r.modules} dimensionName={name} />
      </section>
      <section className="scan-report__section">
        <h2>{t("scan.actions.title")}</h2>
        <ActionTable actions={r.actions} name={name} itemLabel={itemLabel} editable={false} />
      </section>
      <section className="scan-report__section scan-report__answers">
        <h2>{t("scan.answersTitle")}</h2>
        {r.dimensions.map((d) => (
          <div key={d.key} className="scan-report__dimension">
            <h3>
              {d.number}. {name(d.key)}
            </h3>
            <table className="table table--compact">
              <tbody>
                {d.items.map((i) => {
                  const a = answers.get(i.key);
                  return (
                    <tr key={i.key}>
                      <th scope="row" className="scan-report__item">
                        {itemLabel(i.key)}
                        {a?.comment ? <span className="cell-sub"> {a.comment}</span> : null}
                      </th>
                      <td>{a ? t(`scan.values.${a.value}`) : "–"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { type LoaderFunctionArgs } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { ScanRadar } from "~/features/scan/components/charts";
import { PrintButton } from "~/features/scan/components/print-button";
import { Recommendations } from "~/features/scan/components/recommendations";
import { CoreFlags, DimensionTable, OverallScore, RankedList } from "~/features/scan/components/results-view";
import { useDimensionNames } from "~/features/scan/components/dimension-names";
import { ActionTable } from "~/features/scan/components/action-table";
import { readPeerGroup } from "~/features/benchmark/peer.server";
import { PeerNote } from "~/features/scan/components/peer-note";
import { PerceptionGap } from "~/features/pulse/components/perception-gap";
import { getScanResultsPage } from "~/features/scan/results-page.server";
import { scanRadar } from "~/features/scan/charts.server";
import { resolveLocale } from "~/utils/locale.server";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrScanReport");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const scanId = parseId(params.scanId);
  const locale = resolveLocale(request, user.locale);
  const results = getScanResultsPage(user, scanId, locale, readPeerGroup(request));
  if (!results) throw notFound({ user, entity: "scan", id: scanId });
  return { ...results, charts: { radar: scanRadar(results, locale) }, printedAt: new Date().toISOString() };
}

export default function ScanReport() {
  const r = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  const { name, itemLabel } = useDimensionNames(r.dimensions);
  const lowest = r.result.dimensions.reduce<number | null>(
    (m, d) => (d.level === null ? m : m === null ? d.level : Math.min(m, d.level)),
    null,
  );
  const answers = new Map(r.answers.map((a) => [a.itemKey, a]));
  const firstActions = r.actions.slice(0, 3);
  const otherActions = r.actions.slice(3);
  const hasGap = Boolean(r.perceptionGap.newcomers || r.perceptionGap.buddies);
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
          {t("scan.reportMeta", {
            organisation: r.scan.organisationName,
            period: r.scan.period,
            version: r.scan.instrumentVersion,
            date: date(r.printedAt),
          })}
        </p>
        {r.scan.status !== "submitted" ? <p className="alert alert--info">{t("scan.notSubmittedYet")}</p> : null}
      </header>
      {/* Page one: the summary a board reads (overall, radar, top gaps, the perception gap, the first actions). */}
      <section className="scan-report__summary" aria-labelledby="report-summary-title" data-testid="report-summary">
        <h2 id="report-summary-title" className="visually-hidden">
          {t("scan.reportPage.summaryTitle")}
        </h2>
        <OverallScore
          overall={r.result.overall}
          level={r.result.overallLevel}
          capped={r.result.capped}
          lowest={lowest}
        />
        <div className="scan-report__summary-grid">
          <div>
            <h3 className="small-heading">{t("scan.radarTitle")}</h3>
            <ScanRadar {...r.charts.radar} showTable={false} />
            <PeerNote {...r.peerInfo} />
          </div>
          <div>
            <RankedList title={t("scan.gaps")} items={r.gaps} name={name} />
            {firstActions.length ? (
              <>
                <h3 className="small-heading">{t("scan.reportPage.firstActions")}</h3>
                <ol className="scan-ranked" data-testid="report-first-actions">
                  {firstActions.map((a) => (
                    <li key={a.id}>
                      {a.action}{" "}
                      <span className="cell-sub">
                        ({name(a.dimensionKey)}
                        {a.owner ? ` · ${a.owner}` : ""}
                        {a.dueDate ? ` · ${date(a.dueDate)}` : ""})
                      </span>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </div>
        </div>
        {hasGap ? (
          <div data-testid="report-perception-gap">
            <h3 className="small-heading">{t("pulse.gap.title")}</h3>
            <PerceptionGap gap={r.perceptionGap} dimensionName={name} />
          </div>
        ) : null}
      </section>
      {/* The details follow from page two; nothing from the summary is repeated. */}
      <section className="scan-report__section scan-report__details">
        <h2>{t("scan.levelsTitle")}</h2>
        <DimensionTable
          dimensions={r.dimensions}
          results={r.result.dimensions}
          previous={r.previous?.dimensions ?? null}
        />
      </section>
      <section className="scan-report__section">
        <RankedList title={t("scan.strengths")} items={r.strengths} name={name} />
      </section>
      {hasGap ? null : (
        <section className="scan-report__section" data-testid="report-perception-gap">
          <h2>{t("pulse.gap.title")}</h2>
          <PerceptionGap gap={r.perceptionGap} dimensionName={name} />
        </section>
      )}
      <section className="scan-report__section">
        <h2>{t("scan.coreFlagsTitle")}</h2>
        <CoreFlags flagged={r.result.flaggedCoreItems} itemLabel={itemLabel} />
      </section>
      <section className="scan-report__section">
        <h2>{t("scan.recommendationsTitle")}</h2>
        <Recommendations recommendations={r.modules} dimensionName={name} />
      </section>
      {otherActions.length || !firstActions.length ? (
        <section className="scan-report__section">
          <h2>{firstActions.length ? t("scan.reportPage.otherActions") : t("scan.actions.title")}</h2>
          <ActionTable actions={otherActions} name={name} itemLabel={itemLabel} />
        </section>
      ) : null}
      <section className="scan-report__section scan-report__answers">
        <h2>{t("scan.answersTitle")}</h2>
        {r.dimensions.map((d) => (
          <div key={d.key} className="scan-report__dimension">
            <h3>
              {d.number}. {name(d.key)}
            </h3>
            <DataTable compact>
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
            </DataTable>
          </div>
        ))}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, Notice } from "~/components/ui/page";
import { ScanRadar, ScanTrend } from "~/features/scan/components/charts";
import { readPeerGroup } from "~/features/benchmark/peer.server";
import { RecommendedModules } from "~/features/modules/components/recommended-modules";
import { PeerNote } from "~/features/scan/components/peer-note";
import { PerceptionGap } from "~/features/pulse/components/perception-gap";
import { CoreFlags, DimensionTable, OverallScore, RankedList } from "~/features/scan/components/results-view";
import { useDimensionNames } from "~/features/scan/components/dimension-names";
import { ActionTable } from "~/features/scan/components/action-table";
import { getScanResultsPage } from "~/features/scan/results-page.server";
import { scanCharts } from "~/features/scan/charts.server";
import { resolveLocale } from "~/utils/locale.server";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrScanResults");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const scanId = parseId(params.scanId);
  const locale = resolveLocale(request, user.locale);
  const results = getScanResultsPage(user, scanId, locale, readPeerGroup(request));
  if (!results) throw notFound({ user, entity: "scan", id: scanId });
  if (results.scan.status !== "submitted") throw redirect(`/hr/scans/${results.scan.id}`);
  return { ...results, charts: scanCharts(results, locale) };
}

export default function ScanResultsPage() {
  const r = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, date } = useI18n();
  const { name, itemLabel } = useDimensionNames(r.dimensions);
  const lowest = r.result.dimensions.reduce<number | null>(
    (m, d) => (d.level === null ? m : m === null ? d.level : Math.min(m, d.level)),
    null,
  );
  return (
    <>
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="/hr/scans">{t("scan.backToScans")}</Link>
          </p>
          <h1>{t("scan.resultsTitle", { period: r.scan.period })}</h1>
          <p className="page-header__intro">
            {t("scan.resultsIntro", {
              organisation: r.scan.organisationName,
              version: r.scan.instrumentVersion,
              date: r.scan.submittedAt ? date(r.scan.submittedAt) : "–",
            })}
          </p>
        </div>
        <div className="page-header__actions scan-export-actions">
          <Link className="button button--primary" to={`/hr/scans/${r.scan.id}/report`}>
            {t("scan.report")}
          </Link>
          <a className="button button--secondary" href={`/hr/scans/${r.scan.id}/export.xlsx`} download>
            {t("scan.export.xlsx")}
          </a>
          <a className="button button--secondary" href={`/hr/scans/${r.scan.id}/export.csv`} download>
            {t("scan.exportCsv")}
          </a>
          <a className="button button--secondary" href={`/hr/scans/${r.scan.id}/export.json`} download>
            {t("scan.exportJson")}
          </a>
        </div>
      </div>
      <Notice message={params.get("notice")} />
      <div className="stack">
        <Card>
          <OverallScore
            overall={r.result.overall}
            level={r.result.overallLevel}
            capped={r.result.capped}
            lowest={lowest}
          />
        </Card>
        <div className="two-columns">
          <Card title="scan.radarTitle">
            <ScanRadar {...r.charts.radar} />
            <PeerNote {...r.peerInfo} />
          </Card>
          <Card title="scan.levelsTitle">
            <DimensionTable
              dimensions={r.dimensions}
              results={r.result.dimensions}
              previous={r.previous?.dimensions ?? null}
            />
            <div className="two-columns scan-ranking">
              <RankedList title={t("scan.strengths")} items={r.strengths} name={name} />
              <RankedList title={t("scan.gaps")} items={r.gaps} name={name} />
            </div>
          </Card>
        </div>
        <section className="card" id="perception-gap" aria-labelledby="perception-gap-title">
          <h2 className="card__title" id="perception-gap-title">
            {t("pulse.gap.title")}
          </h2>
          <PerceptionGap
            gap={r.perceptionGap}
            dimensionName={name}
            actionForm={{ action: `/hr/scans/${r.scan.id}/actions` }}
          />
          <p>
            <Link to="/hr/pulse">{t("pulse.gap.open")}</Link>
          </p>
        </section>
        <Card title="scan.coreFlagsTitle">
          <CoreFlags flagged={r.result.flaggedCoreItems} itemLabel={itemLabel} />
        </Card>
        <Card title="scan.recommendationsTitle">
          <p className="muted">{t("scan.recommendationsIntro")}</p>
          {r.modules.length ? (
            <RecommendedModules
              recommendations={r.modules}
              departments={r.assignOptions.departments}
              minDueDate={r.assignOptions.minDueDate}
              redirectTo={`/hr/scans/${r.scan.id}/results`}
            />
          ) : (
            <p className="muted">{t("scan.recommendationsNone")}</p>
          )}
        </Card>
        <Card title="scan.trendTitle">
          <ScanTrend
            chart={r.charts.trend}
            trend={r.trend}
            dimensions={r.dimensions.map((d) => ({ key: d.key, name: `${d.number}. ${name(d.key)}` }))}
          />
        </Card>
        <section className="card" id="action-plan" aria-labelledby="action-plan-title">
          <h2 className="card__title" id="action-plan-title">
            {t("scan.actions.title")}
          </h2>
          <p className="muted">{t("scan.actions.intro")}</p>
          <ActionTable actions={r.actions} name={name} itemLabel={itemLabel} />
          <p>
            <Link className="button button--primary" to={`/hr/scans/${r.scan.id}/actions`}>
              {t(r.actions.length ? "scan.actions.manage" : "scan.actions.start")}
            </Link>
          </p>
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

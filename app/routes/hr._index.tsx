import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, StatGrid } from "~/components/ui/page";
import { HrModulesCard } from "~/features/modules/components/home-cards";
import { moduleHrSummary } from "~/features/modules/assignments.server";
import { organisationStats } from "~/features/organisations/organisations.server";
import { ScanHomeCard } from "~/features/scan/components/scan-home-card";
import { latestScanSummary } from "~/features/scan/scan.server";
import { useI18n } from "~/utils/i18n-react";
import { listNewcomers } from "~/features/matching/newcomers.server";
import { resolveLocale } from "~/utils/locale.server";
import { requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrHome");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  return {
    name: user.name,
    organisationName: user.organisationName ?? "",
    stats: organisationStats(user.organisationId),
    latestScan: latestScanSummary(user.organisationId),
    modules: moduleHrSummary(user, resolveLocale(request, user.locale)),
    waitingNewcomers: listNewcomers(user.organisationId).filter((n) => n.state === "waiting").length,
  };
}

export default function HrHome() {
  const { name, organisationName, stats, latestScan, modules, waitingNewcomers } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("home.welcome", { name })}</h1>
          <p className="page-header__intro">{t("home.hrIntro", { organisation: organisationName })}</p>
        </div>
      </div>
      <StatGrid
        stats={[
          { label: "home.statSites", value: stats.sites },
          { label: "home.statDepartments", value: stats.departments },
          { label: "home.statPeople", value: stats.people },
        ]}
      />
      <div className="home-grid">
        <ScanHomeCard latest={latestScan} />
        <Card title="matching.card.hrTitle">
          <p>{t("matching.card.hrWaiting", { count: waitingNewcomers })}</p>
          <Link className="button button--secondary" to="/hr/matching">
            {t("matching.card.hrOpen")}
          </Link>
        </Card>
        <HrModulesCard summary={modules} />
        <Card title="home.hrNext">
          <ul className="link-list">
            <li>
              <Link to="/hr/people">{t("home.hrNextInvite")}</Link>
            </li>
            <li>
              <Link to="/hr/organisation">{t("hr.organisationTitle")}</Link>
            </li>
            <li>
              <Link to="/hr/benchmark">{t("benchmark.home.hrTitle")}</Link>
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, StatGrid } from "~/components/ui/page";
import { organisationStats } from "~/features/organisations/organisations.server";
import { ScanHomeCard } from "~/features/scan/components/scan-home-card";
import { latestScanSummary } from "~/features/scan/scan.server";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  return { name: user.name, organisationName: user.organisationName ?? "", stats: organisationStats(user.organisationId), latestScan: latestScanSummary(user.organisationId) };
}

export default function HrHome() {
  const { name, organisationName, stats, latestScan } = useLoaderData<typeof loader>();
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
      <ScanHomeCard latest={latestScan} />
      <Card title="home.hrNext">
        <ul className="link-list">
          <li>
            <Link to="/hr/people">{t("home.hrNextInvite")}</Link>
          </li>
          <li>
            <Link to="/hr/organisation">{t("hr.organisationTitle")}</Link>
          </li>
        </ul>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

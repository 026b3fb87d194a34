import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, StatGrid } from "~/components/ui/page";
import { platformStats } from "~/features/organisations/organisations.server";
import { useI18n } from "~/utils/i18n-react";
import { requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("partnerHome");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "partner");
  const stats = platformStats();
  // Partners see aggregates only: no user or newcomer counts per organisation.
  return { name: user.name, careProviders: stats.careProviders, partners: stats.partners };
}

export default function PartnerHome() {
  const { name, careProviders, partners } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("home.welcome", { name })}</h1>
          <p className="page-header__intro">{t("home.partnerIntro")}</p>
        </div>
      </div>
      <StatGrid
        stats={[
          { label: "home.statOrganisations", value: careProviders },
          { label: "home.statPartners", value: partners },
        ]}
      />
      <div className="two-columns">
        <Card title="benchmark.home.comparisonTitle">
          <p>{t("benchmark.home.comparisonBody")}</p>
          <Link className="button" to="/partner/benchmark">
            {t("benchmark.home.open")}
          </Link>
        </Card>
        <Card title="benchmark.home.indicatorsTitle">
          <p>{t("benchmark.home.indicatorsBody")}</p>
          <Link className="button button--secondary" to="/partner/indicators">
            {t("benchmark.home.open")}
          </Link>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

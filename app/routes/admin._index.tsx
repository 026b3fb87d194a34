import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, StatGrid } from "~/components/ui/page";
import { platformStats } from "~/features/organisations/organisations.server";
import { useI18n } from "~/utils/i18n-react";
import { replicationStatus } from "~/utils/lifecycle.server";
import { requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminHome");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "admin");
  const replication = replicationStatus();
  return {
    name: user.name,
    stats: platformStats(),
    replicationError: replication.state === "failing" ? (replication.lastError?.message ?? "") : null,
  };
}

export default function AdminHome() {
  const { name, stats, replicationError } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("home.welcome", { name })}</h1>
          <p className="page-header__intro">{t("home.adminIntro")}</p>
        </div>
      </div>
      {replicationError !== null ? (
        <div className="alert alert--error" role="alert">
          {t("operations.replication.failingAlert", { message: replicationError })}{" "}
          <Link to="/admin/operations">{t("operations.link")}</Link>
        </div>
      ) : null}
      <StatGrid
        stats={[
          { label: "home.statOrganisations", value: stats.careProviders },
          { label: "home.statPartners", value: stats.partners },
          { label: "home.statUsers", value: stats.activeUsers },
          { label: "home.statInvitations", value: stats.pendingInvitations },
        ]}
      />
      <Card title="home.hrNext">
        <ul className="link-list">
          <li>
            <Link to="/admin/organisations/new">{t("admin.newOrganisation")}</Link>
          </li>
          <li>
            <Link to="/admin/users">{t("admin.inviteTitle")}</Link>
          </li>
          <li>
            <Link to="/admin/audit">{t("admin.auditTitle")}</Link>
          </li>
          <li>
            <Link to="/admin/operations">{t("operations.link")}</Link>
          </li>
        </ul>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

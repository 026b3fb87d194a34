import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState } from "~/components/ui/page";
import { useI18n } from "~/utils/i18n-react";
import { buddyOverview } from "~/features/matching/proposals.server";
import { requireOrgRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  const buddy = buddyOverview(user);
  return { name: user.name, buddy: { hasProfile: buddy.hasProfile, proposals: buddy.proposals.length } };
}

export default function EmployeeHome() {
  const { name, buddy } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("home.welcome", { name })}</h1>
          <p className="page-header__intro">{t("home.employeeIntro")}</p>
        </div>
      </div>
      <Card>
        <EmptyState message="home.employeeEmpty" />
      </Card>
      <Card title="matching.card.meTitle">
        <p>{buddy.hasProfile ? t("matching.card.meProposals", { count: buddy.proposals }) : t("matching.card.meInvite")}</p>
        <Link className="button button--secondary" to="/me/buddy">
          {t("matching.card.meOpen")}
        </Link>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

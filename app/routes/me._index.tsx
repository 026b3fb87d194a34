import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, Notice } from "~/components/ui/page";
import { PulseInvitationCard } from "~/features/pulse/components/invitation-card";
import { pulseInvitationsDue } from "~/features/pulse/pulse.server";
import { EmployeeModulesCard } from "~/features/modules/components/home-cards";
import { moduleHomeSummary } from "~/features/modules/learning.server";
import { resolveLocale } from "~/utils/locale.server";
import { useI18n } from "~/utils/i18n-react";
import { buddyOverview } from "~/features/matching/proposals.server";
import { requireOrgRole } from "~/utils/permissions.server";
import { departmentName } from "~/features/organisations/organisations.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("meHome");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  const buddy = buddyOverview(user);
  return {
    name: user.name,
    department: departmentName(user),
    modules: moduleHomeSummary(user, resolveLocale(request, user.locale)),
    buddy: { hasProfile: buddy.hasProfile, proposals: buddy.proposals.length },
    pulse: pulseInvitationsDue(user.id)[0] ?? null,
  };
}

export default function EmployeeHome() {
  const { name, department, modules, buddy, pulse } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("home.welcome", { name })}</h1>
          <p className="page-header__intro">{t("home.employeeIntro")}</p>
          {department ? <p className="muted">{t("sso.homeDepartment", { department })}</p> : null}
        </div>
      </div>
      <Notice message={params.get("notice")} />
      <PulseInvitationCard invitation={pulse} />
      <Card title="matching.card.meTitle">
        <p>
          {buddy.hasProfile ? t("matching.card.meProposals", { count: buddy.proposals }) : t("matching.card.meInvite")}
        </p>
        <Link className="button button--secondary" to="/me/buddy">
          {t("matching.card.meOpen")}
        </Link>
      </Card>
      <EmployeeModulesCard summary={modules} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

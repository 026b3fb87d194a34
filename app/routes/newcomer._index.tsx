import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState } from "~/components/ui/page";
import { CheckInList } from "~/features/matching/components/matching-ui";
import { newcomerOwnView } from "~/features/matching/newcomers.server";
import { todayIso } from "~/features/matching/store.server";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "newcomer");
  return { name: user.name, buddy: newcomerOwnView(user.id), today: todayIso() };
}

export default function NewcomerHome() {
  const { name, buddy, today } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("home.welcome", { name })}</h1>
          <p className="page-header__intro">{t("home.newcomerIntro")}</p>
        </div>
      </div>
      <Card title="matching.newcomer.title">
        {!buddy ? (
          <EmptyState message="home.newcomerEmpty" />
        ) : buddy.match ? (
          <div className="stack">
            <p className="buddy-name">{t("matching.newcomer.buddy", { name: buddy.match.buddyName })}</p>
            <p>{t("matching.newcomer.contact", { email: buddy.match.buddyEmail })}</p>
            <h3 className="small-heading">{t("matching.newcomer.checkIns")}</h3>
            <CheckInList checkIns={buddy.checkIns} today={today} />
          </div>
        ) : (
          <p>{t("matching.newcomer.waiting")}</p>
        )}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

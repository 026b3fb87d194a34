import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState } from "~/components/ui/page";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "newcomer");
  return { name: user.name };
}

export default function NewcomerHome() {
  const { name } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("home.welcome", { name })}</h1>
          <p className="page-header__intro">{t("home.newcomerIntro")}</p>
        </div>
      </div>
      <Card>
        <EmptyState message="home.newcomerEmpty" />
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

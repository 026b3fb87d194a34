import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { OutcomeIndicatorsView } from "~/features/trajectories/components/route-parts";
import { programmeOutcomes } from "~/features/trajectories/indicators.server";
import { useI18n } from "~/utils/i18n-react";
import { requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminIndicatorOutcomes");

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  return programmeOutcomes();
}

export default function AdminOutcomes() {
  const outcomes = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/indicators">{t("benchmark.nav.indicators")}</Link>
      </p>
      <OutcomeIndicatorsView {...outcomes} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

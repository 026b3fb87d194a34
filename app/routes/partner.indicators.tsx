import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { IndicatorsView } from "~/features/benchmark/components/indicators-view";
import { getProgrammeIndicators } from "~/features/benchmark/indicators.server";
import { OutcomesSection } from "~/features/trajectories/components/route-parts";
import { requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("partnerIndicators");

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "partner");
  return getProgrammeIndicators();
}

export default function PartnerIndicators() {
  const indicators = useLoaderData<typeof loader>();
  return (
    <>
      <IndicatorsView {...indicators} exportHref="/partner/indicators/export" />
      <OutcomesSection href="/partner/indicators/outcomes" />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, PageHeader } from "~/components/ui/page";
import { PerceptionGap } from "~/features/pulse/components/perception-gap";
import { partnerPerceptionGap } from "~/features/pulse/partner-gap.server";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("partnerPulse");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "partner", "admin");
  return partnerPerceptionGap(resolveLocale(request, user.locale));
}

export default function PartnerPulsePage() {
  const gap = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <PageHeader title="pulse.partner.title" intro="pulse.partner.intro" />
      <div className="stack">
        <Card>
          <p className="muted">{t("pulse.partner.rules")}</p>
          {!gap.shown ? (
            <p data-testid="partner-gap">{t("pulse.partner.notShown")}</p>
          ) : (
            <>
              <p>{t("pulse.partner.organisations", { count: gap.organisations })}</p>
              <PerceptionGap
                gap={{ rows: gap.rows, callouts: [], newcomers: null, buddies: null, trend: [] }}
                dimensionName={(key) => gap.dimensions.find((d) => d.key === key)?.name ?? key}
                tableOnly
              />
            </>
          )}
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

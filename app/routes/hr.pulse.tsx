import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError, SubmitButton } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, Notice, PageHeader } from "~/components/ui/page";
import { PulseTrend } from "~/features/pulse/components/perception-gap";
import { PulseGroup } from "~/features/pulse/components/pulse-results";
import { CampaignSchema, PERIOD_PATTERN } from "~/features/pulse/pulse.schema";
import { openCampaign, pulseOverview } from "~/features/pulse/pulse.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { requireOrgRole } from "~/utils/permissions.server";
import { statusOf } from "~/utils/respond.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrPulse");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const requested = new URL(request.url).searchParams.get("period");
  return pulseOverview(
    user,
    requested && PERIOD_PATTERN.test(requested) ? requested : null,
    resolveLocale(request, user.locale),
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const parsed = parseForm(CampaignSchema, await readForm(request));
  if (!parsed.success) return data({ formError: "common.formErrors" }, { status: statusOf("invalid") });
  const result = openCampaign(user, parsed.data);
  if (!result.ok) return data({ formError: result.message }, { status: statusOf(result.reason) });
  return redirect("/hr/pulse?notice=pulse.hr.campaignOpened");
}

export default function HrPulsePage() {
  const o = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, date } = useI18n();
  const d = (iso: string) => date(`${iso}T12:00:00Z`);
  return (
    <>
      <PageHeader title="pulse.hr.title" intro="pulse.hr.intro" />
      <Notice message={params.get("notice")} />
      <div className="stack">
        <Card title="pulse.hr.rulesTitle">
          <p>{t("pulse.hr.rules")}</p>
        </Card>
        <Form method="get" className="filter-form inline-form">
          <div className="field">
            <label htmlFor="pulse-period">{t("pulse.hr.period")}</label>
            <select id="pulse-period" name="period" defaultValue={o.period}>
              {o.periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t("pulse.hr.show")}
          </button>
        </Form>
        <div className="pulse-groups">
          <PulseGroup
            title={`${t("pulse.hr.newcomers")} · ${o.period}`}
            group={o.newcomers}
            dimensions={o.dimensions}
            testId="pulse-newcomers"
          />
          <PulseGroup
            title={`${t("pulse.hr.buddies")} · ${o.period}`}
            group={o.buddies}
            dimensions={o.dimensions}
            testId="pulse-buddies"
          />
        </div>
        <Card title="pulse.hr.trendTitle">
          <p className="muted">{t("pulse.hr.trendIntro")}</p>
          <PulseTrend trend={o.trend} />
        </Card>
        <Card title="pulse.hr.campaignTitle">
          <p>{t("pulse.hr.campaignIntro")}</p>
          {o.campaigns.length ? (
            <ul className="plain-list">
              {o.campaigns.map((c) => (
                <li key={c.id}>
                  {t(c.open ? "pulse.hr.campaignOpen" : "pulse.hr.campaignClosed", {
                    from: d(c.opensOn),
                    to: d(c.closesOn),
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("pulse.hr.campaignsNone")}</p>
          )}
          {o.campaigns.some((c) => c.open) ? null : (
            <Form method="post" className="stack">
              <FormError error={actionData?.formError} />
              <div className="field">
                <label htmlFor="campaign-weeks">{t("pulse.hr.weeks")}</label>
                <select id="campaign-weeks" name="weeks" defaultValue="3">
                  {[1, 2, 3, 4, 6, 8].map((w) => (
                    <option key={w} value={w}>
                      {t("pulse.hr.weeksOption", { count: w })}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-actions">
                <SubmitButton>{t("pulse.hr.openCampaign")}</SubmitButton>
              </div>
            </Form>
          )}
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { EmptyState, Notice } from "~/components/ui/page";
import {
  CompactTimeline,
  FollowUpConfirm,
  OwnFiguresCard,
  useDay,
} from "~/features/trajectories/components/route-parts";
import { OverviewFilterSchema, OverviewFollowUpSchema } from "~/features/trajectories/trajectory.schema";
import { confirmFollowUp, stepChoices, viewTrajectoryOverview } from "~/features/trajectories/trajectories.server";
import { readForm } from "~/utils/form-body.server";
import { formDataToObject, parseWith } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { requireOrgRole } from "~/utils/permissions.server";
import { failureResponse } from "~/utils/respond.server";
import { fail } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrTrajectories");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const locale = resolveLocale(request, user.locale);
  const url = new URL(request.url);
  const parsed = parseWith(OverviewFilterSchema, Object.fromEntries(url.searchParams));
  const filter = parsed.success ? parsed.data : { step: null, overdue: false };
  return { filter, overview: viewTrajectoryOverview(user, filter, locale), steps: stepChoices(locale) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const parsed = parseWith(OverviewFollowUpSchema, formDataToObject(await readForm(request)));
  if (!parsed.success) return failureResponse(fail("invalid", "errors.badRequest", { fields: parsed.fieldErrors }));
  const result = confirmFollowUp(user, parsed.data);
  if (!result.ok) return failureResponse(result);
  const back = new URL(request.url).search;
  return redirect(`/hr/newcomers/trajectories${back ? `${back}&` : "?"}notice=trajectories.notices.followUpConfirmed`);
}

export default function TrajectoryOverview() {
  const { filter, overview, steps } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const day = useDay();
  const stepTitle = (key: string | null) =>
    key === null ? t("trajectories.overview.noStep") : (steps.find((s) => s.value === key)?.label ?? key);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/hr/newcomers">{t("matching.nav.newcomers")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t("trajectories.overview.title")}</h1>
          <p className="page-header__intro">{t("trajectories.overview.intro")}</p>
        </div>
      </div>
      <Notice message={params.get("notice")} />
      {actionData ? <FormError error={actionData.formError} /> : null}
      <div className="stack">
        <OwnFiguresCard figures={overview.figures} />
        <Form method="get" className="filter-bar">
          <div className="field">
            <label htmlFor="filter-step">{t("trajectories.overview.filterStep")}</label>
            <select id="filter-step" name="step" defaultValue={filter.step ?? ""}>
              <option value="">{t("trajectories.overview.anyStep")}</option>
              {steps.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--checkbox">
            <input id="filter-overdue" type="checkbox" name="overdue" value="on" defaultChecked={filter.overdue} />
            <label htmlFor="filter-overdue">{t("trajectories.overview.filterOverdue")}</label>
          </div>
          <div className="filter-bar__actions">
            <button type="submit" className="button button--secondary">
              {t("trajectories.overview.apply")}
            </button>
          </div>
        </Form>
        <p className="muted" role="status">
          {t("trajectories.overview.shown", { shown: overview.rows.length, total: overview.total })}
        </p>
        {overview.rows.length === 0 ? (
          <EmptyState message="trajectories.overview.empty" />
        ) : (
          <ul className="route-list" data-testid="route-list">
            {overview.rows.map((r) => (
              <li key={r.recordId} className="route-card" data-record={r.recordId}>
                <h2>
                  <Link to={`/hr/newcomers/${r.recordId}/trajectory`}>{r.name}</Link>
                </h2>
                <p className="cell-sub">
                  {t(`matching.professions.${r.profession}` as "matching.professions.nurse")} ·{" "}
                  {t("trajectories.detail.started", { date: day(r.startDate) })}
                  {r.latestLanguage ? ` · ${r.latestLanguage}` : ""}
                  {r.currentRole ? ` · ${t(`trajectories.roles.${r.currentRole}` as "trajectories.roles.nurse")}` : ""}
                  {r.targetRole ? ` → ${t(`trajectories.roles.${r.targetRole}` as "trajectories.roles.nurse")}` : ""}
                </p>
                <CompactTimeline route={r.route} />
                <p className="cell-sub">
                  {t("trajectories.overview.filterStep")}: {stepTitle(r.position)}
                  {r.outcome && r.outcomeDate
                    ? ` · ${t("trajectories.detail.outcomeLine", { outcome: t(`trajectories.situations.${r.outcome}` as "trajectories.situations.left"), date: day(r.outcomeDate) })}`
                    : ""}
                </p>
                {r.followUps
                  .filter((f) => f.state === "due" || f.state === "overdue")
                  .map((f) => (
                    <FollowUpConfirm key={f.moment} recordId={r.recordId} followUp={f} />
                  ))}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

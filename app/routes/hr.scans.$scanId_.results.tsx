import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, Notice } from "~/components/ui/page";
import { ScanRadar, ScanTrend } from "~/features/scan/components/charts";
import { readPeerGroup } from "~/features/benchmark/peer.server";
import { RecommendedModules } from "~/features/modules/components/recommended-modules";
import { PeerNote } from "~/features/scan/components/peer-note";
import { PerceptionGap } from "~/features/pulse/components/pulse-results";
import { ActionForm, ActionTable, actionStatusLabel, CoreFlags, DimensionTable, OverallScore, RankedList, useDimensionNames } from "~/features/scan/components/results-view";
import { getScanResultsPage } from "~/features/scan/results-page.server";
import { scanCharts } from "~/features/scan/charts.server";
import { addActionItem, deleteActionItem, editActionItem, setActionStatus } from "~/features/scan/action-plan.server";
import { ActionPlanFormSchema } from "~/features/scan/scan.schema";
import { resolveLocale } from "~/utils/locale.server";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrScanResults");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const scanId = parseId(params.scanId);
  const locale = resolveLocale(request, user.locale);
  const results = getScanResultsPage(user, scanId, locale, readPeerGroup(request));
  if (!results) throw notFound({ user, entity: "scan", id: scanId });
  if (results.scan.status !== "submitted") throw redirect(`/hr/scans/${results.scan.id}`);
  return { ...results, charts: scanCharts(results, locale) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const scanId = parseId(params.scanId);
  const form = await readForm(request);
  const input = parseForm(ActionPlanFormSchema, form);
  // What the person typed goes back into the form after a refusal, so nothing is lost without JavaScript.
  const typed = { intent: String(form.get("intent") ?? ""), actionId: String(form.get("actionId") ?? ""), values: actionFormValues(form) };
  if (!input.success) {
    const withFields = typed.intent === "addAction" || typed.intent === "editAction";
    return failureResponse(invalid(input, withFields ? "common.formErrors" : undefined), typed);
  }
  const action = input.data;
  const changed =
    action.intent === "addAction"
      ? addActionItem(user, { scanId, item: action })
      : action.intent === "editAction"
        ? editActionItem(user, { scanId, actionId: action.actionId, revision: action.revision, item: action })
        : action.intent === "actionStatus"
          ? setActionStatus(user, { scanId, actionId: action.actionId, status: action.status })
          : deleteActionItem(user, { scanId, actionId: action.actionId });
  if (!changed.ok) {
    if (changed.reason === "not_found" && !changed.fields) throw notFound({ user, entity: "scan", id: scanId });
    return failureResponse(changed, typed);
  }
  const notice = { addAction: "scan.actions.added", editAction: "scan.actions.edited", actionStatus: "scan.actions.updated", deleteAction: "scan.actions.deleted" }[action.intent];
  return redirect(`/hr/scans/${scanId}/results?notice=${notice}#action-plan`);
}

function actionFormValues(form: FormData): Record<string, string> {
  const fields = ["dimensionKey", "itemKey", "action", "ownerUserId", "owner", "dueDate", "status"];
  return Object.fromEntries(fields.map((f) => { const v = form.get(f); return [f, typeof v === "string" ? v : ""]; }));
}

export default function ScanResultsPage() {
  const r = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, date, locale } = useI18n();
  const { name, itemLabel } = useDimensionNames(r.dimensions);
  const lowest = r.result.dimensions.reduce<number | null>((m, d) => (d.level === null ? m : m === null ? d.level : Math.min(m, d.level)), null);
  const firstGap = r.gaps[0]?.key;
  const failed = actionData && !actionData.ok ? actionData : null;
  const addFailed = failed?.intent === "addAction" ? failed : null;
  const editFailed = failed?.intent === "editAction" ? failed : null;
  const stale = editFailed?.formError === "scan.actions.errors.stale" ? editFailed.formErrorParams : null;
  // The action being edited: the one named in `?edit=`, or the one whose edit was just refused.
  const editId = Number(editFailed?.actionId || params.get("edit"));
  const editAction = r.actions.find((a) => a.id === editId);
  const editing = editAction
    ? {
        action: editAction,
        revision: stale && typeof stale.revision === "number" ? stale.revision : editAction.revision,
        values: editFailed
          ? editFailed.values
          : { dimensionKey: editAction.dimensionKey, itemKey: editAction.itemKey ?? "", action: editAction.action, ownerUserId: editAction.ownerUserId ? String(editAction.ownerUserId) : "", owner: editAction.ownerText, dueDate: editAction.dueDate ?? "", status: editAction.status },
        errors: editFailed?.errors,
      }
    : null;
  return (
    <>
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="/hr/scans">{t("scan.backToScans")}</Link>
          </p>
          <h1>{t("scan.resultsTitle", { period: r.scan.period })}</h1>
          <p className="page-header__intro">
            {t("scan.resultsIntro", { organisation: r.scan.organisationName, version: r.scan.instrumentVersion, date: r.scan.submittedAt ? date(r.scan.submittedAt) : "–" })}
          </p>
        </div>
        <div className="page-header__actions scan-export-actions">
          <Link className="button button--primary" to={`/hr/scans/${r.scan.id}/report`}>
            {t("scan.report")}
          </Link>
          <a className="button button--secondary" href={`/hr/scans/${r.scan.id}/export.xlsx`} download>
            {t("scan.export.xlsx")}
          </a>
          <a className="button button--secondary" href={`/hr/scans/${r.scan.id}/export.csv`} download>
            {t("scan.exportCsv")}
          </a>
          <a className="button button--secondary" href={`/hr/scans/${r.scan.id}/export.json`} download>
            {t("scan.exportJson")}
          </a>
        </div>
      </div>
      <Notice message={params.get("notice")} />
      {failed && !stale ? <Notice kind="error" message={failed.formError} params={failed.formErrorParams ?? undefined} /> : null}
      <div className="stack">
        <Card>
          <OverallScore overall={r.result.overall} level={r.result.overallLevel} capped={r.result.capped} lowest={lowest} />
        </Card>
        <div className="two-columns">
          <Card title="scan.radarTitle">
            <ScanRadar {...r.charts.radar} />
            <PeerNote {...r.peerInfo} />
          </Card>
          <Card title="scan.levelsTitle">
            <DimensionTable dimensions={r.dimensions} results={r.result.dimensions} previous={r.previous?.dimensions ?? null} />
            <div className="two-columns scan-ranking">
              <RankedList title={t("scan.strengths")} items={r.strengths} name={name} />
              <RankedList title={t("scan.gaps")} items={r.gaps} name={name} />
            </div>
          </Card>
        </div>
        <section className="card" id="perception-gap" aria-labelledby="perception-gap-title">
          <h2 className="card__title" id="perception-gap-title">
            {t("pulse.gap.title")}
          </h2>
          <PerceptionGap gap={r.perceptionGap} dimensionName={name} actionForm={{}} />
          <p>
            <Link to="/hr/pulse">{t("pulse.gap.open")}</Link>
          </p>
        </section>
        <Card title="scan.coreFlagsTitle">
          <CoreFlags flagged={r.result.flaggedCoreItems} itemLabel={itemLabel} />
        </Card>
        <Card title="scan.recommendationsTitle">
          <p className="muted">{t("scan.recommendationsIntro")}</p>
          {r.modules.length ? (
            <RecommendedModules recommendations={r.modules} departments={r.assignOptions.departments} minDueDate={r.assignOptions.minDueDate} redirectTo={`/hr/scans/${r.scan.id}/results`} />
          ) : (
            <p className="muted">{t("scan.recommendationsNone")}</p>
          )}
        </Card>
        <Card title="scan.trendTitle">
          <ScanTrend chart={r.charts.trend} trend={r.trend} dimensions={r.dimensions.map((d) => ({ key: d.key, name: `${d.number}. ${name(d.key)}` }))} />
        </Card>
        <section className="card" id="action-plan" aria-labelledby="action-plan-title">
          <h2 className="card__title" id="action-plan-title">
            {t("scan.actions.title")}
          </h2>
          <p className="muted">{t("scan.actions.intro")}</p>
          <ActionTable actions={r.actions} name={name} itemLabel={itemLabel} editable />
          {editing ? (
            <section id="action-edit" className="action-edit" aria-labelledby="action-edit-title">
              <h3 className="small-heading" id="action-edit-title">
                {t("scan.actions.editTitle")}
              </h3>
              {stale ? (
                <div className="alert alert--error" role="alert">
                  <p>
                    <strong>{t("scan.actions.staleTitle")}</strong>
                  </p>
                  <p>{t("scan.actions.staleBody")}</p>
                  <dl className="stale-version">
                    <dt>{t("scan.actions.action")}</dt>
                    <dd>{String(stale.action ?? "")}</dd>
                    <dt>{t("scan.actions.owner")}</dt>
                    <dd>{String(stale.owner ?? "")}</dd>
                    <dt>{t("scan.actions.dueDate")}</dt>
                    <dd>{stale.dueDate ? date(String(stale.dueDate)) : "–"}</dd>
                    <dt>{t("scan.actions.status")}</dt>
                    <dd>{t(actionStatusLabel(String(stale.status ?? "")))}</dd>
                  </dl>
                  <p>{t("scan.actions.staleAgain")}</p>
                </div>
              ) : null}
              <ActionForm
                key={`edit-${editing.action.id}-${editing.revision}-${locale}`}
                dimensions={r.dimensions}
                owners={r.owners}
                values={editing.values}
                errors={editing.errors}
                edit={{ actionId: editing.action.id, revision: editing.revision, ownerName: editing.action.owner }}
                cancelHref={`/hr/scans/${r.scan.id}/results#action-plan`}
              />
            </section>
          ) : null}
          <h3 className="small-heading">{t("scan.actions.add")}</h3>
          <ActionForm
            key={`add-${r.actions.length}-${locale}`}
            dimensions={r.dimensions}
            owners={r.owners}
            values={addFailed ? addFailed.values : { dimensionKey: firstGap }}
            errors={addFailed?.errors}
          />
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

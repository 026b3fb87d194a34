import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Notice } from "~/components/ui/page";
import { ActionTable, actionStatusLabel } from "~/features/scan/components/action-table";
import { useDimensionNames } from "~/features/scan/components/dimension-names";
import { ActionForm, editableActions } from "~/features/scan/components/action-plan-editor";
import { getActionPlanPage } from "~/features/scan/results-page.server";
import { addActionItem, deleteActionItem, editActionItem, setActionStatus } from "~/features/scan/action-plan.server";
import { ActionPlanFormSchema } from "~/features/scan/scan.schema";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrScanActions");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const scanId = parseId(params.scanId);
  const page = getActionPlanPage(user, scanId);
  if (!page) throw notFound({ user, entity: "scan", id: scanId });
  if (page.scan.status !== "submitted") throw redirect(`/hr/scans/${page.scan.id}`);
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const scanId = parseId(params.scanId);
  const form = await readForm(request);
  const input = parseForm(ActionPlanFormSchema, form);
  // What the person typed goes back into the form after a refusal, so nothing is lost without JavaScript.
  const typed = {
    intent: String(form.get("intent") ?? ""),
    actionId: String(form.get("actionId") ?? ""),
    values: actionFormValues(form),
  };
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
  const notice = {
    addAction: "scan.actions.added",
    editAction: "scan.actions.edited",
    actionStatus: "scan.actions.updated",
    deleteAction: "scan.actions.deleted",
  }[action.intent];
  return redirect(`/hr/scans/${scanId}/actions?notice=${notice}`);
}

function actionFormValues(form: FormData): Record<string, string> {
  const fields = ["dimensionKey", "itemKey", "action", "ownerUserId", "owner", "dueDate", "status"];
  return Object.fromEntries(
    fields.map((f) => {
      const v = form.get(f);
      return [f, typeof v === "string" ? v : ""];
    }),
  );
}

export default function ScanActionPlanPage() {
  const r = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, date, locale } = useI18n();
  const { name, itemLabel } = useDimensionNames(r.dimensions);
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
          : {
              dimensionKey: editAction.dimensionKey,
              itemKey: editAction.itemKey ?? "",
              action: editAction.action,
              ownerUserId: editAction.ownerUserId ? String(editAction.ownerUserId) : "",
              owner: editAction.ownerText,
              dueDate: editAction.dueDate ?? "",
              status: editAction.status,
            },
        errors: editFailed?.errors,
      }
    : null;

  return (
    <>
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to={`/hr/scans/${r.scan.id}/results`}>
              {t("scan.actions.backToResults", { period: r.scan.period })}
            </Link>
          </p>
          <h1>{t("scan.actions.pageTitle", { period: r.scan.period })}</h1>
          <p className="page-header__intro">{t("scan.actions.intro")}</p>
        </div>
      </div>
      <Notice message={params.get("notice")} />
      {failed && !stale ? (
        <Notice kind="error" message={failed.formError} params={failed.formErrorParams ?? undefined} />
      ) : null}
      <div className="stack">
        <section className="card" id="action-plan" aria-labelledby="action-plan-title">
          <h2 className="card__title" id="action-plan-title">
            {t("scan.actions.title")}
          </h2>
          <ActionTable actions={r.actions} name={name} itemLabel={itemLabel} edit={editableActions} />
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
                cancelHref={`/hr/scans/${r.scan.id}/actions`}
              />
            </section>
          ) : null}
          <h3 className="small-heading">{t("scan.actions.add")}</h3>
          <ActionForm
            key={`add-${r.actions.length}-${locale}`}
            dimensions={r.dimensions}
            owners={r.owners}
            values={addFailed ? addFailed.values : { dimensionKey: r.firstGap }}
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

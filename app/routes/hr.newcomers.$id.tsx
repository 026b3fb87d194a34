import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, Notice } from "~/components/ui/page";
import { StatusBadge } from "~/features/matching/components/matching-ui";
import { NewcomerForm } from "~/features/matching/components/profile-forms";
import { EraseNewcomerSchema, NewcomerSchema, newcomerValuesFromRaw } from "~/features/matching/matching.schema";
import { eraseNewcomer, getNewcomer, linkableAccounts, updateNewcomer } from "~/features/matching/newcomers.server";
import { departmentChoices } from "~/features/matching/store.server";
import { formDataToObject, parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { failureResponse } from "~/utils/respond.server";
import { fail, invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrNewcomer");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const id = parseId(params.id);
  const detail = getNewcomer(user, { id });
  if (!detail) throw notFound();
  return {
    detail,
    departments: departmentChoices(user.organisationId),
    accounts: linkableAccounts(user.organisationId, detail.record.userId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const id = parseId(params.id);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "erase") {
    const confirmed = parseForm(EraseNewcomerSchema, form);
    if (!confirmed.success) return failureResponse(fail("invalid", "confirm.required"), { values: null });
    const erased = eraseNewcomer(user, { id, ...confirmed.data });
    if (!erased.ok) return failureResponse(erased, { values: null });
    return redirect(
      `/hr/newcomers/${id}?notice=${erased.value.accountErased ? "matching.newcomers.erasedWithAccount" : "matching.newcomers.erased"}`,
    );
  }
  if (intent !== "save") return failureResponse(fail("invalid", "errors.badRequest"), { values: null });
  const values = newcomerValuesFromRaw(formDataToObject(form));
  const parsed = parseForm(NewcomerSchema, form);
  if (!parsed.success) return failureResponse(invalid(parsed, "common.formErrors"), { values });
  const updated = updateNewcomer(user, { id, ...parsed.data });
  if (!updated.ok) return failureResponse(updated, { values });
  return redirect(`/hr/newcomers/${id}?notice=matching.newcomers.saved`);
}

export default function NewcomerDetail() {
  const { detail, departments, accounts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, date } = useI18n();
  const { record } = detail;
  const erased = record.erasedAt != null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/hr/newcomers">{t("matching.newcomers.back")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t("matching.newcomers.editTitle", { name: erased ? t("matching.states.erased") : record.name })}</h1>
          <p className="page-header__intro">{t("matching.newcomers.privacy")}</p>
        </div>
      </div>
      <Notice message={params.get("notice")} />
      {erased ? (
        <Notice kind="info" message="matching.newcomers.erasedNotice" params={{ date: date(record.erasedAt ?? "") }} />
      ) : null}
      <div className="two-columns two-columns--wide-left">
        <div className="stack">
          {erased ? null : (
            <Card>
              <NewcomerForm
                values={actionData?.values ?? record}
                departments={departments}
                accounts={accounts}
                errors={actionData?.errors}
                formError={actionData?.formError === "confirm.required" ? undefined : actionData?.formError}
                submitLabel="matching.newcomers.save"
              />
            </Card>
          )}
        </div>
        <div className="stack">
          {erased ? null : (
            <p>
              <Link className="button button--secondary" to={`/hr/newcomers/${record.id}/trajectory`}>
                {t("trajectories.overview.open")}
              </Link>
            </p>
          )}
          <Card title="matching.newcomers.history">
            {detail.history.length === 0 ? (
              <EmptyState message="matching.newcomers.noHistory" />
            ) : (
              <ul className="plain-list">
                {detail.history.map((h) => (
                  <li key={h.id}>
                    <StatusBadge status={h.status} /> {h.buddyName}{" "}
                    <span className="muted">· {date(h.proposedAt)}</span>
                    {h.reason ? <span className="muted"> · “{h.reason}”</span> : null}
                    {h.status === "accepted" || h.status === "active" ? (
                      <>
                        {" "}
                        <Link to={`/hr/matching/matches/${h.id}`}>{t("matching.hr.view")}</Link>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {erased ? null : (
            <Card title="matching.newcomers.erase">
              <p>
                <a href={`/hr/newcomers/${record.id}/export`} download>
                  {t("matching.newcomers.export")}
                </a>
              </p>
              <p className="muted">
                {t(record.accountEmail ? "matching.newcomers.eraseIntroAccount" : "matching.newcomers.eraseIntro")}
              </p>
              <ConfirmAction
                name="erase"
                intent="erase"
                label={t("matching.newcomers.erase")}
                variant="danger"
                title={t("confirm.eraseNewcomer.title", { name: record.name })}
                confirmLabel={t("confirm.eraseNewcomer.yes")}
                confirmVariant="danger"
              >
                <p>
                  {t(record.accountEmail ? "matching.newcomers.eraseIntroAccount" : "matching.newcomers.eraseIntro")}
                </p>
              </ConfirmAction>
              {actionData?.formError === "confirm.required" ? (
                <Notice kind="error" message={actionData.formError} />
              ) : null}
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

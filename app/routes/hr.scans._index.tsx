import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { ErrorList } from "~/components/ui/error-list";
import { Field } from "~/components/ui/form";
import { Card, EmptyState, Notice, PageHeader } from "~/components/ui/page";
import { listScans, startScan } from "~/features/scan/scan.server";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";
import { StartScanSchema } from "~/features/scan/scan.schema";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";
import { useOwnAddress } from "~/components/ui/own-address";

export const meta = pageTitle("hrScans");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  return {
    organisationName: user.organisationName ?? "",
    scans: listScans(user.organisationId),
    suggestedPeriod: String(new Date().getUTCFullYear()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const input = parseForm(StartScanSchema, await readForm(request));
  if (!input.success) return failureResponse(invalid(input, "common.formErrors"));
  const started = startScan(user, input.data);
  if (!started.ok) return failureResponse(started);
  return redirect(`/hr/scans/${started.value.scanId}?notice=scan.started`);
}

export default function ScanList() {
  const ownAddress = useOwnAddress();
  const { organisationName, scans, suggestedPeriod } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, number } = useI18n();
  const hasScans = scans.length > 0;
  const takenPeriods = new Set(scans.map((s) => s.period));
  return (
    <>
      <PageHeader title="scan.listTitle" intro="scan.listIntro" introParams={{ organisation: organisationName }} />
      {actionData && !actionData.ok ? <Notice kind="error" message={actionData.formError} /> : null}
      <div className="two-columns two-columns--wide-left">
        <div className="stack">
          {hasScans ? (
            <DataTable label={t("scan.listTitle")}>
              <thead>
                <tr>
                  <th scope="col">{t("scan.columnPeriod")}</th>
                  <th scope="col">{t("scan.columnStatus")}</th>
                  <th scope="col">{t("scan.columnProgress")}</th>
                  <th scope="col">{t("scan.columnScore")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {scans.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.period}</th>
                    <td>
                      <span className={`badge ${s.status === "draft" ? "badge--muted" : ""}`}>
                        {t(s.status === "draft" ? "scan.statusDraft" : "scan.statusSubmitted")}
                      </span>
                    </td>
                    <td>{t("scan.progress", { answered: s.answered, total: s.total })}</td>
                    <td>
                      {s.overallScore === null
                        ? "–"
                        : `${number(s.overallScore)}${s.overallLevel ? ` · ${t(`scan.levels.${String(s.overallLevel) as "1"}`)}` : ""}`}
                    </td>
                    <td className="row-actions">
                      {s.status === "draft" ? (
                        <Link to={`/hr/scans/${s.id}`}>{t("scan.continue")}</Link>
                      ) : (
                        <>
                          <Link to={`/hr/scans/${s.id}/results`}>{t("scan.viewResults")}</Link> ·{" "}
                          <Link to={`/hr/scans/${s.id}`}>{t("scan.open")}</Link>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ) : (
            <EmptyState message="scan.noScans" />
          )}
        </div>
        <Card title="scan.startTitle">
          <Form method="post" action={ownAddress} className="fieldset">
            <Field
              name="period"
              label="scan.period"
              hint="scan.periodHint"
              defaultValue={takenPeriods.has(suggestedPeriod) ? "" : suggestedPeriod}
              errors={actionData && !actionData.ok ? actionData.errors.period : undefined}
              required
              maxLength={7}
            />
            <fieldset className="fieldset">
              <legend className="small-heading">{t("scan.startFrom")}</legend>
              <div className="field field--checkbox">
                <input type="radio" id="start-empty" name="start" value="empty" defaultChecked={!hasScans} />
                <label htmlFor="start-empty">{t("scan.startEmpty")}</label>
              </div>
              {hasScans ? (
                <div className="field field--checkbox">
                  <input type="radio" id="start-previous" name="start" value="previous" defaultChecked />
                  <label htmlFor="start-previous">{t("scan.startPrevious")}</label>
                </div>
              ) : null}
              <ErrorList errors={actionData && !actionData.ok ? actionData.errors.start : undefined} />
            </fieldset>
            <div className="form-actions">
              <button type="submit" className="button button--primary">
                {t("scan.startButton")}
              </button>
            </div>
          </Form>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

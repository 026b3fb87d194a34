import { ExportLinks } from "~/components/ui/export-links";
import { DataTable } from "~/components/ui/data-table";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, Notice, PageHeader } from "~/components/ui/page";
import { AssignForm } from "~/features/modules/components/assign-form";
import { CompletionMatrixTable } from "~/features/modules/components/completion-matrix";
import { RecommendedModules } from "~/features/modules/components/recommended-modules";
import {
  assignmentFormOptions,
  assignModule,
  completionOverview,
  remindOverdue,
  removeAssignment,
} from "~/features/modules/assignments.server";
import { AssignmentFormSchema } from "~/features/modules/modules.schema";
import { recommendationsForOrganisation } from "~/features/modules/recommendations.server";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { requireOrgRole, safeRedirectPath } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";
import { useOwnAddress } from "~/components/ui/own-address";

export const meta = pageTitle("hrModules");

// Recommendations shown before "show all": the most urgent first (recommendations.server.ts ranks them).
const TOP_RECOMMENDATIONS = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const locale = resolveLocale(request, user.locale);
  return {
    ...assignmentFormOptions(user, locale),
    ...completionOverview(user, locale),
    recommendations: recommendationsForOrganisation(user, locale),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const form = await readForm(request);
  // Echoed so the recommendation the form came from shows the errors (the page has several assign forms).
  const moduleKey = typeof form.get("moduleKey") === "string" ? String(form.get("moduleKey")).slice(0, 80) : null;
  const input = parseForm(AssignmentFormSchema, form);
  if (!input.success)
    return failureResponse(
      invalid(input, form.get("intent") === "assign" ? "common.formErrors" : "errors.badRequest"),
      { moduleKey, notice: null },
    );
  if (input.data.intent === "remind") {
    const reminded = remindOverdue(user);
    if (!reminded.ok) return failureResponse(reminded, { moduleKey: null, notice: null });
    return {
      ok: true as const,
      formError: null,
      errors: undefined,
      moduleKey: null,
      notice: reminded.value.reminded > 0 ? ("modules.remind.sent" as const) : ("modules.remind.alreadySent" as const),
      reminded: reminded.value.reminded,
    };
  }
  if (input.data.intent === "remove") {
    const removed = removeAssignment(user, { assignmentId: input.data.assignmentId });
    if (!removed.ok) return failureResponse(removed, { moduleKey: null, notice: null });
    return redirect("/hr/modules?notice=modules.assign.removed");
  }
  const { intent: _intent, redirectTo, ...assignment } = input.data;
  const back = safeRedirectPath(redirectTo, "/hr/modules");
  const assigned = assignModule(user, assignment);
  if (!assigned.ok) return failureResponse(assigned, { moduleKey, notice: null });
  return redirect(`${back}${back.includes("?") ? "&" : "?"}notice=${assigned.value.notice}`);
}

export default function HrModules() {
  const ownAddress = useOwnAddress();
  const { departments, modules, minDueDate, assignments, matrix, recommendations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, date } = useI18n();
  const failedFields = actionData ? actionData.errors : undefined;
  const fromRecommendation = Boolean(
    actionData?.moduleKey && recommendations?.modules.some((m) => m.moduleKey === actionData.moduleKey),
  );
  const recommendationErrors =
    fromRecommendation && failedFields ? { moduleKey: actionData?.moduleKey ?? null, fields: failedFields } : undefined;
  const overdue = assignments.filter((a) => a.overdue);
  const late = { assignments: overdue.length, people: overdue.reduce((sum, a) => sum + a.total - a.completed, 0) };
  return (
    <>
      <PageHeader
        title="modules.hr.title"
        intro="modules.hr.intro"
        actions={<ExportLinks href="/hr/modules/export" what={t("modules.hr.matrixTitle")} />}
      />
      <Notice message={params.get("notice")} />
      {actionData?.formError ? <Notice kind="error" message={actionData.formError} /> : null}
      {actionData && "reminded" in actionData ? (
        <Notice message={actionData.notice} params={{ count: actionData.reminded }} />
      ) : null}
      <div className="two-columns two-columns--wide-left">
        <div className="stack">
          <Card title="modules.hr.matrixTitle">
            {matrix.modules.length === 0 ? (
              <EmptyState message="modules.hr.noAssignments" />
            ) : (
              <>
                <p data-testid="overdue-summary">
                  {late.assignments === 0
                    ? t("modules.remind.overdueNone")
                    : t("modules.remind.overdueSome", { count: late.assignments, people: late.people })}
                </p>
                {late.people > 0 ? (
                  <Form method="post" action={ownAddress} className="remind-form">
                    <input type="hidden" name="intent" value="remind" />
                    <button type="submit" className="button button--primary">
                      {t("modules.remind.button")}
                    </button>
                    <p className="muted">{t("modules.remind.hint")}</p>
                  </Form>
                ) : null}
                <CompletionMatrixTable matrix={matrix} />
              </>
            )}
          </Card>
          <Card title="modules.hr.recommendTitle">
            {recommendations === null ? (
              <p className="muted">{t("modules.hr.noScan")}</p>
            ) : recommendations.modules.length === 0 ? (
              <p className="muted">{t("modules.hr.noRecommendations")}</p>
            ) : (
              <>
                <p className="muted">
                  {t("modules.hr.recommendIntro", { period: recommendations.scan.period })}{" "}
                  {t("modules.remind.topIntro")}
                </p>
                <RecommendedModules
                  recommendations={recommendations.modules.slice(0, TOP_RECOMMENDATIONS)}
                  departments={departments}
                  minDueDate={minDueDate}
                  errors={recommendationErrors}
                />
                {recommendations.modules.length > TOP_RECOMMENDATIONS ? (
                  <details
                    className="more-recommendations"
                    open={recommendations.modules
                      .slice(TOP_RECOMMENDATIONS)
                      .some((m) => m.moduleKey === recommendationErrors?.moduleKey)}
                  >
                    <summary>{t("modules.remind.showAll", { count: recommendations.modules.length })}</summary>
                    <RecommendedModules
                      recommendations={recommendations.modules.slice(TOP_RECOMMENDATIONS)}
                      departments={departments}
                      minDueDate={minDueDate}
                      errors={recommendationErrors}
                    />
                  </details>
                ) : null}
              </>
            )}
          </Card>
          <Card title="modules.hr.assignmentsTitle">
            {assignments.length === 0 ? (
              <p className="muted">{t("modules.hr.noAssignments")}</p>
            ) : (
              <DataTable compact>
                <thead>
                  <tr>
                    <th scope="col">{t("modules.hr.colModule")}</th>
                    <th scope="col">{t("modules.hr.colDepartment")}</th>
                    <th scope="col">{t("modules.hr.colDue")}</th>
                    <th scope="col" className="num">
                      {t("modules.hr.colCompleted")}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t("common.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {assignments.map((a) => {
                    const department = a.departmentName ?? t("modules.hr.allDepartments");
                    return (
                      <tr key={a.id}>
                        <th scope="row">
                          <Link
                            to={`/hr/modules/${a.moduleKey}`}
                            aria-label={t("modules.hr.perPersonLabel", { module: a.moduleTitle })}
                          >
                            {a.moduleTitle}
                          </Link>
                        </th>
                        <td>{department}</td>
                        <td>
                          {date(`${a.dueDate}T12:00:00Z`)}
                          {a.overdue ? <strong className="overdue-flag"> {t("modules.hr.overdue")}</strong> : null}
                        </td>
                        <td className="num">
                          {t("modules.hr.completedOf", { completed: a.completed, total: a.total })}
                        </td>
                        <td>
                          <Form method="post" action={ownAddress}>
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="assignmentId" value={a.id} />
                            <button
                              type="submit"
                              className="button button--ghost"
                              aria-label={t("modules.hr.removeLabel", { module: a.moduleTitle, department })}
                            >
                              {t("common.remove")}
                            </button>
                          </Form>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </DataTable>
            )}
          </Card>
        </div>
        <div className="stack">
          <Card title="modules.hr.assignTitle">
            <AssignForm
              departments={departments}
              modules={modules}
              minDueDate={minDueDate}
              errors={!fromRecommendation ? failedFields : undefined}
            />
          </Card>
          <Card title="modules.hr.catalogueTitle">
            <ul className="plain-list">
              {modules.map((m) => (
                <li key={m.key}>
                  <Link to={`/me/modules/${m.key}`}>{m.title}</Link>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

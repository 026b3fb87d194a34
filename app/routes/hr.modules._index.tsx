import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, Notice, PageHeader } from "~/components/ui/page";
import { AssignForm } from "~/features/modules/components/assign-form";
import { CompletionMatrixTable } from "~/features/modules/components/completion-matrix";
import { RecommendedModules } from "~/features/modules/components/recommended-modules";
import { assignmentFormOptions, assignModule, completionOverview, recommendationsForOrganisation, removeAssignment } from "~/features/modules/modules.server";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { parseId, requireOrgRole, safeRedirectPath } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";

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
  const intent = form.get("intent");
  if (intent === "remove") {
    let id: number;
    try {
      id = parseId(String(form.get("assignmentId") ?? ""));
    } catch {
      return data({ status: 400, formError: "errors.badRequest", errors: {}, notice: null, moduleKey: null }, { status: 400 });
    }
    const result = removeAssignment(user, id);
    if (result.status !== 200) return data(result, { status: result.status });
    return redirect(`/hr/modules?notice=${result.notice}`);
  }
  if (intent !== "assign") return data({ status: 400, formError: "errors.badRequest", errors: {}, notice: null, moduleKey: null }, { status: 400 });
  const back = safeRedirectPath(form.get("redirectTo"), "/hr/modules");
  const result = assignModule(user, form);
  if (result.status !== 200) return data(result, { status: result.status });
  return redirect(`${back}${back.includes("?") ? "&" : "?"}notice=${result.notice}`);
}

export default function HrModules() {
  const { departments, modules, minDueDate, assignments, matrix, recommendations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, date } = useI18n();
  const failedFields = actionData && actionData.status !== 200 ? actionData.errors : undefined;
  const fromRecommendation = Boolean(actionData?.moduleKey && recommendations?.modules.some((m) => m.moduleKey === actionData.moduleKey));
  return (
    <>
      <PageHeader
        title="modules.hr.title"
        intro="modules.hr.intro"
        actions={
          <a className="button button--secondary" href="/hr/modules/export" download>
            {t("modules.hr.export")}
          </a>
        }
      />
      <Notice message={params.get("notice")} />
      {actionData?.formError ? <Notice kind="error" message={actionData.formError} /> : null}
      <div className="two-columns two-columns--wide-left">
        <div className="stack">
          <Card title="modules.hr.recommendTitle">
            {recommendations === null ? (
              <p className="muted">{t("modules.hr.noScan")}</p>
            ) : recommendations.modules.length === 0 ? (
              <p className="muted">{t("modules.hr.noRecommendations")}</p>
            ) : (
              <>
                <p className="muted">{t("modules.hr.recommendIntro", { period: recommendations.scan.period })}</p>
                <RecommendedModules
                  recommendations={recommendations.modules}
                  departments={departments}
                  minDueDate={minDueDate}
                  errors={fromRecommendation && failedFields ? { moduleKey: actionData?.moduleKey ?? null, fields: failedFields } : undefined}
                />
              </>
            )}
          </Card>
          <Card title="modules.hr.matrixTitle">
            {matrix.modules.length === 0 ? <EmptyState message="modules.hr.noAssignments" /> : <CompletionMatrixTable matrix={matrix} />}
          </Card>
          <Card title="modules.hr.assignmentsTitle">
            {assignments.length === 0 ? (
              <p className="muted">{t("modules.hr.noAssignments")}</p>
            ) : (
              <div className="table-wrap">
                <table className="table table--compact">
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
                            <Link to={`/hr/modules/${a.moduleKey}`} aria-label={t("modules.hr.perPersonLabel", { module: a.moduleTitle })}>
                              {a.moduleTitle}
                            </Link>
                          </th>
                          <td>{department}</td>
                          <td>
                            {date(`${a.dueDate}T12:00:00Z`)}
                            {a.overdue ? <strong className="overdue-flag"> {t("modules.hr.overdue")}</strong> : null}
                          </td>
                          <td className="num">{t("modules.hr.completedOf", { completed: a.completed, total: a.total })}</td>
                          <td>
                            <Form method="post">
                              <input type="hidden" name="intent" value="remove" />
                              <input type="hidden" name="assignmentId" value={a.id} />
                              <button type="submit" className="button button--ghost" aria-label={t("modules.hr.removeLabel", { module: a.moduleTitle, department })}>
                                {t("common.remove")}
                              </button>
                            </Form>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>
        <div className="stack">
          <Card title="modules.hr.assignTitle">
            <AssignForm departments={departments} modules={modules} minDueDate={minDueDate} errors={!fromRecommendation ? failedFields : undefined} />
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

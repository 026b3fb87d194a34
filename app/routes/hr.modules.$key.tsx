import type { LoaderFunctionArgs } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState } from "~/components/ui/page";
import { ModuleKeySchema } from "~/features/modules/modules.schema";
import { moduleCompletionDetail } from "~/features/modules/assignments.server";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { notFound, requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrModule");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const key = ModuleKeySchema.safeParse(params.key);
  if (!key.success) throw notFound();
  const detail = moduleCompletionDetail(user, key.data, resolveLocale(request, user.locale));
  if (!detail) throw notFound();
  return detail;
}

export default function ModuleCompletionDetail() {
  const { title, rows } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <>
      <p className="module-reader__back">
        <Link to="/hr/modules">← {t("modules.hr.backToOverview")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          <p className="page-header__intro">{t("modules.hr.detailIntro")}</p>
        </div>
      </div>
      <Card>
        {rows.length === 0 ? (
          <EmptyState message="modules.hr.noPeople" />
        ) : (
          <DataTable compact>
            <thead>
              <tr>
                <th scope="col">{t("modules.hr.colName")}</th>
                <th scope="col">{t("modules.hr.colDepartment")}</th>
                <th scope="col">{t("modules.hr.colStatus")}</th>
                <th scope="col" className="num">
                  {t("modules.hr.colScore")}
                </th>
                <th scope="col" className="num">
                  {t("modules.hr.colAttempts")}
                </th>
                <th scope="col">{t("modules.hr.colDue")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.name}-${i}`}>
                  <th scope="row">{r.name}</th>
                  <td>{r.departmentName ?? t("modules.hr.noDepartment")}</td>
                  <td>
                    <span className={`status-pill status-pill--${r.status}`}>{t(`modules.status.${r.status}`)}</span>
                    {r.passedAt ? <span className="cell-sub">{date(r.passedAt)}</span> : null}
                  </td>
                  <td className="num">{r.score === null ? "—" : `${r.score} %`}</td>
                  <td className="num">{r.attempts}</td>
                  <td>
                    {date(`${r.dueDate}T12:00:00Z`)}
                    {r.overdue ? <strong className="overdue-flag"> {t("modules.hr.overdue")}</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

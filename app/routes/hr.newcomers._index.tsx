import type { LoaderFunctionArgs } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { stateTone, toneClass } from "~/features/matching/state-tone";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, Notice, PageHeader } from "~/components/ui/page";
import { key } from "~/features/matching/components/matching-ui";
import { viewNewcomerList } from "~/features/matching/newcomers.server";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrNewcomers");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  return { newcomers: viewNewcomerList(user) };
}

export default function HrNewcomers() {
  const { newcomers } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, date } = useI18n();
  return (
    <>
      <PageHeader
        title="matching.newcomers.title"
        intro="matching.newcomers.intro"
        actions={
          <>
            <Link className="button button--secondary" to="/hr/newcomers/trajectories">
              {t("trajectories.overview.link")}
            </Link>
            <Link className="button button--primary" to="/hr/newcomers/new">
              {t("matching.newcomers.add")}
            </Link>
          </>
        }
      />
      <Notice message={params.get("notice")} />
      <Card>
        {newcomers.length === 0 ? (
          <EmptyState
            message="matching.newcomers.empty"
            action={
              <Link className="button button--primary" to="/hr/newcomers/new">
                {t("matching.newcomers.add")}
              </Link>
            }
          />
        ) : (
          <DataTable>
            <thead>
              <tr>
                <th scope="col">{t("matching.fields.name")}</th>
                <th scope="col">{t("matching.fields.profession")}</th>
                <th scope="col">{t("matching.fields.department")}</th>
                <th scope="col">{t("matching.fields.startDate")}</th>
                <th scope="col">{t("matching.newcomers.state")}</th>
                <th scope="col">{t("matching.newcomers.buddy")}</th>
              </tr>
            </thead>
            <tbody>
              {newcomers.map((n) => (
                <tr key={n.id} className={n.state === "erased" ? "row--muted" : undefined}>
                  <td>
                    <Link to={`/hr/newcomers/${n.id}`}>
                      {n.state === "erased" ? t("matching.states.erased") : n.name}
                    </Link>
                  </td>
                  <td>{t(key(`matching.professions.${n.profession}`))}</td>
                  <td>{n.department ?? "—"}</td>
                  <td className="nowrap">{date(`${n.startDate}T12:00:00Z`)}</td>
                  <td>
                    <span className={toneClass(stateTone(n.state))}>{t(key(`matching.states.${n.state}`))}</span>
                  </td>
                  <td>{n.buddyName ?? "—"}</td>
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

import type { LoaderFunctionArgs } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { PageHeader } from "~/components/ui/page";
import { listOrganisations } from "~/features/organisations/organisations.server";
import { useI18n } from "~/utils/i18n-react";
import { requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminOrganisations");

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  return { organisations: listOrganisations() };
}

export default function OrganisationsList() {
  const { organisations } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title="admin.organisationsTitle"
        intro="admin.organisationsIntro"
        actions={
          <Link className="button" to="/admin/organisations/new">
            {t("admin.newOrganisation")}
          </Link>
        }
      />
      <DataTable>
        <thead>
          <tr>
            <th scope="col">{t("common.name")}</th>
            <th scope="col">{t("admin.kind")}</th>
            <th scope="col">{t("admin.country")}</th>
            <th scope="col">{t("admin.sector")}</th>
            <th scope="col">{t("admin.sizeBand")}</th>
            <th scope="col" className="num">
              {t("admin.members")}
            </th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <Link to={`/admin/organisations/${o.id}`}>{o.name}</Link>
              </th>
              <td>{t(`kinds.${o.kind}`)}</td>
              <td>{t(`countries.${o.country}`)}</td>
              <td>{t(`sectors.${o.sector}`)}</td>
              <td>{t(`sizeBands.${o.sizeBand}`)}</td>
              <td className="num">{o.members}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

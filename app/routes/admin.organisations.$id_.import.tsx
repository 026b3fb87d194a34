import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { ImportView } from "~/features/import/components/import-view";
import { importAction } from "~/features/import/import-action.server";
import { importPage } from "~/features/import/import.server";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminOrganisationImport");

// The platform admin imports for any care organisation (issue 15); the use case refuses partner organisations.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireRole(request, "admin");
  const page = importPage(user, parseId(params.id));
  if (!page.ok) throw notFound();
  return page.value;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireRole(request, "admin");
  const id = parseId(params.id);
  return importAction(request, user, id, `/admin/organisations/${id}/import`);
}

export default function AdminImport() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const path = `/admin/organisations/${page.organisation.id}`;
  return (
    <>
      <p className="breadcrumb">
        <Link to={path}>{page.organisation.name}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t("import.adminTitle", { organisation: page.organisation.name })}</h1>
          <p className="page-header__intro">{t("import.intro")}</p>
        </div>
      </div>
      <ImportView
        page={page}
        actionData={actionData}
        templateHref={(format, lang) => `/import-template?format=${format}&lang=${lang}`}
        refreshHref={`${path}/import`}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

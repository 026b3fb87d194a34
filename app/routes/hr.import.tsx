import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { PageHeader } from "~/components/ui/page";
import { ImportView } from "~/features/import/components/import-view";
import { importAction } from "~/features/import/import-action.server";
import { importPage } from "~/features/import/import.server";
import { notFound, requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrImport");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const page = importPage(user, user.organisationId);
  if (!page.ok) throw notFound();
  return page.value;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  return importAction(request, user, user.organisationId, "/hr/import");
}

export default function HrImport() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="import.title" intro="import.intro" />
      <ImportView
        page={page}
        actionData={actionData}
        templateHref={(format, lang) => `/import-template?format=${format}&lang=${lang}`}
        refreshHref="/hr/import"
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

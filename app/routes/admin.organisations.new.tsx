import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, PageHeader } from "~/components/ui/page";
import { OrganisationForm } from "~/features/organisations/components/organisation-form";
import { OrganisationSchema } from "~/features/organisations/organisation.schema";
import { createOrganisation } from "~/features/organisations/organisations.server";
import { parseForm } from "~/utils/forms";
import { requireRole } from "~/utils/permissions.server";
import { statusOf } from "~/utils/respond.server";
import { readForm } from "~/utils/form-body.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminOrganisationNew");

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "admin");
  const parsed = parseForm(OrganisationSchema, await readForm(request));
  if (!parsed.success) return data({ errors: parsed.fieldErrors }, { status: statusOf("invalid") });
  const result = createOrganisation(user, parsed.data);
  if (!result.ok) return data({ errors: result.fields ?? {} }, { status: statusOf(result.reason) });
  throw redirect(`/admin/organisations/${result.value.id}?notice=admin.organisationCreated`);
}

export default function NewOrganisation() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="admin.newOrganisation" />
      <Card>
        <OrganisationForm errors={actionData?.errors} />
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, PageHeader } from "~/components/ui/page";
import { NewcomerForm } from "~/features/matching/components/profile-forms";
import { NewcomerSchema, newcomerValuesFromRaw } from "~/features/matching/matching.schema";
import { createNewcomer, linkableAccounts } from "~/features/matching/newcomers.server";
import { departmentChoices } from "~/features/matching/store.server";
import { formDataToObject, parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrNewcomerNew");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  return { departments: departmentChoices(user.organisationId), accounts: linkableAccounts(user.organisationId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const form = await readForm(request);
  const values = newcomerValuesFromRaw(formDataToObject(form));
  const parsed = parseForm(NewcomerSchema, form);
  if (!parsed.success) return failureResponse(invalid(parsed, "common.formErrors"), { values });
  const created = createNewcomer(user, parsed.data);
  if (!created.ok) return failureResponse(created, { values });
  return redirect(`/hr/newcomers/${created.value.id}?notice=matching.newcomers.created`);
}

export default function NewNewcomer() {
  const { departments, accounts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/hr/newcomers">{t("matching.newcomers.back")}</Link>
      </p>
      <PageHeader title="matching.newcomers.newTitle" intro="matching.newcomers.intro" />
      <Card>
        <NewcomerForm
          values={actionData?.values}
          departments={departments}
          accounts={accounts}
          errors={actionData?.errors}
          formError={actionData?.formError}
          submitLabel="matching.newcomers.add"
        />
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

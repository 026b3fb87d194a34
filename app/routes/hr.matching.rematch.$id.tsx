import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Notice } from "~/components/ui/page";
import { rematchNewcomer, viewRematch } from "~/features/matching/runs.server";
import { readForm } from "~/utils/form-body.server";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { failureResponse } from "~/utils/respond.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrMatchingRematch");

// Where HR's decline and expiry notices lead (decision 075): a GET only shows; the POST starts a run for this
// newcomer alone and opens its preview. The id comes from the URL and is checked against HR's own organisation.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const result = viewRematch(user, { newcomerId: parseId(params.id) });
  if (!result.ok) throw notFound();
  return result.value;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  await readForm(request);
  const result = rematchNewcomer(user, { newcomerId: parseId(params.id) });
  if (!result.ok) return failureResponse(result);
  return redirect(`/hr/matching/runs/${result.value.runId}`);
}

export default function Rematch() {
  const { name, waiting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <h1>{t("notifications.rematch.title", { newcomer: name })}</h1>
      </div>
      <Notice kind="error" message={actionData?.formError} params={actionData?.formErrorParams ?? undefined} />
      <section className="card">
        {waiting ? (
          <>
            <p>{t("notifications.rematch.intro")}</p>
            <Form method="post">
              <SubmitButton>{t("notifications.rematch.start", { newcomer: name })}</SubmitButton>
            </Form>
          </>
        ) : (
          <p>{t("notifications.rematch.notWaiting", { newcomer: name })}</p>
        )}
        <p>
          <Link to="/hr/matching">{t("notifications.rematch.back")}</Link>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

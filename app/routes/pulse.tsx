import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, Notice } from "~/components/ui/page";
import { PulseForm, PulsePrivacy } from "~/features/pulse/components/pulse-form";
import { pulseAnswerSchema, pulseFormInput } from "~/features/pulse/pulse.schema";
import { answerPulse, audienceOfUser, getPulseForm, pulseStatementKeys } from "~/features/pulse/pulse.server";
import { readForm } from "~/utils/form-body.server";
import { formDataToObject, parseWith } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { ROLE_HOME, requireOrgRole } from "~/utils/permissions.server";
import { statusOf } from "~/utils/respond.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("pulse");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "newcomer", "employee");
  return { form: getPulseForm(user, resolveLocale(request, user.locale)), home: ROLE_HOME[user.role] };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "newcomer", "employee");
  const fields = formDataToObject(await readForm(request));
  const audience = audienceOfUser(user);
  if (!audience)
    return data(
      { formError: "pulse.errors.nothingDue", errors: {} as Record<string, string[]>, values: {} },
      { status: statusOf("conflict") },
    );
  const keys = pulseStatementKeys(audience);
  const parsed = parseWith(pulseAnswerSchema(keys), pulseFormInput(fields, keys));
  if (!parsed.success) {
    const errors = Object.fromEntries(
      Object.entries(parsed.fieldErrors).map(([k, v]) => [k.replace(/^answers\./, ""), v]),
    );
    return data({ formError: "common.formErrors", errors, values: fields }, { status: statusOf("invalid") });
  }
  const result = answerPulse(user, parsed.data);
  if (!result.ok)
    return data(
      { formError: result.message, errors: result.fields ?? {}, values: fields },
      { status: statusOf(result.reason) },
    );
  return redirect(`${ROLE_HOME[user.role]}?notice=pulse.answer.thanks`);
}

export default function PulsePage() {
  const { form, home } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to={home}>{t("pulse.answer.back")}</Link>
          </p>
          <h1>{t("pulse.answer.title")}</h1>
          {form ? (
            <p className="page-header__intro">
              {t(form.audience === "newcomer" ? "pulse.answer.introNewcomer" : "pulse.answer.introBuddy")}
            </p>
          ) : null}
        </div>
      </div>
      {form ? (
        <div className="stack pulse-page">
          <PulsePrivacy />
          <p className="muted">{t("pulse.answer.closesOn", { date: date(`${form.closesOn}T12:00:00Z`) })}</p>
          <PulseForm
            statements={form.statements}
            openQuestion={form.openQuestion}
            errors={actionData?.errors}
            formError={actionData?.formError}
            values={actionData?.values}
          />
        </div>
      ) : (
        <Card>
          <Notice kind="info" message={actionData?.formError} />
          <EmptyState message="pulse.answer.nothingDue" />
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

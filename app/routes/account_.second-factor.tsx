import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { Card, Notice, PageHeader } from "~/components/ui/page";
import { EnrolmentSteps, RecoveryCodes } from "~/features/auth/components/second-factor";
import { ConfirmEnrolmentSchema, DisableSecondFactorSchema } from "~/features/auth/second-factor";
import {
  confirmEnrolment,
  disableSecondFactor,
  pendingEnrolment,
  secondFactorStatus,
  startEnrolment,
} from "~/features/auth/second-factor.server";
import { readForm } from "~/utils/form-body.server";
import { isDemo } from "~/utils/env.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { requireUser } from "~/utils/permissions.server";
import { statusOf } from "~/utils/respond.server";
import type { Failure } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("accountSecondFactor");

const PATH = "/account/second-factor";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const status = secondFactorStatus(user.id);
  return { status, demo: isDemo(), enrolment: status.pending ? await pendingEnrolment(user.id) : null };
}

type Result = { intent: string; errors: FieldErrors; formError: string | null; recoveryCodes: string[] | null };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const ip = context.clientIp ?? "unknown";
  const fail = (errors: FieldErrors, formError: string | null, status = 400) =>
    data<Result>({ intent, errors, formError, recoveryCodes: null }, { status });
  // A refusal about one field (a wrong code or password) shows at that field; the others above the form.
  const refused = (failure: Failure) =>
    failure.fields
      ? fail(failure.fields, null, statusOf(failure.reason))
      : fail({}, failure.message, statusOf(failure.reason));

  if (intent === "start") {
    const result = startEnrolment(user);
    if (!result.ok) return fail({}, result.message);
    throw redirect(PATH);
  }
  if (intent === "confirm") {
    const parsed = parseForm(ConfirmEnrolmentSchema, form);
    if (!parsed.success) return fail(parsed.fieldErrors, null);
    const result = await confirmEnrolment(user, { code: parsed.data.code, ip });
    if (!result.ok) return refused(result);
    return data<Result>({ intent, errors: {}, formError: null, recoveryCodes: result.value.recoveryCodes });
  }
  if (intent === "disable") {
    const parsed = parseForm(DisableSecondFactorSchema, form);
    if (!parsed.success) return fail(parsed.fieldErrors, null);
    const result = await disableSecondFactor(user, { ...parsed.data, ip });
    if (!result.ok) return refused(result);
    throw redirect(`${PATH}?notice=secondFactor.disabled`);
  }
  return fail({}, "errors.badRequest");
}

export default function AccountSecondFactor() {
  const { status, demo, enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const formErrorFor = (intent: string) =>
    actionData?.intent === intent && actionData.formError !== "auth.rateLimited" ? actionData.formError : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/account">← {t("account.title")}</Link>
      </p>
      <PageHeader title="secondFactor.title" intro="secondFactor.intro" />
      <Notice message={params.get("notice")} />
      {actionData?.formError === "auth.rateLimited" ? (
        <div className="alert alert--error" role="alert">
          {t("auth.rateLimited", { minutes: 15 })}
        </div>
      ) : null}
      {actionData?.recoveryCodes ? (
        <Card>
          <div className="alert alert--success" role="status">
            {t("secondFactor.enabled")}
          </div>
          <RecoveryCodes codes={actionData.recoveryCodes} />
        </Card>
      ) : null}
      <div className="two-columns">
        <Card title="secondFactor.title">
          <p data-testid="second-factor-status">
            {status.enrolled
              ? t("secondFactor.statusOn", { count: status.recoveryCodesLeft })
              : status.pending
                ? t("secondFactor.statusPending")
                : t("secondFactor.statusOff")}
          </p>
          {status.policy === "required" ? <p>{t("secondFactor.required")}</p> : null}
          {status.policy === "required" && demo && !status.enrolled ? (
            <p className="muted">{t("secondFactor.demoOffer")}</p>
          ) : null}
          {status.enrolled && status.recoveryCodesLeft <= 3 ? <p>{t("secondFactor.recoveryLow")}</p> : null}
          {!status.enrolled && !status.pending ? (
            <Form method="post">
              <input type="hidden" name="intent" value="start" />
              {actionData?.intent === "start" ? <FormError error={actionData.formError} /> : null}
              <SubmitButton>{t("secondFactor.start")}</SubmitButton>
            </Form>
          ) : null}
          {status.pending && enrolment ? (
            <>
              <EnrolmentSteps
                enrolment={enrolment}
                intent="confirm"
                errors={errorsFor("confirm")?.code}
                formError={formErrorFor("confirm")}
              />
              <Form method="post">
                <input type="hidden" name="intent" value="start" />
                <SubmitButton variant="secondary">{t("secondFactor.restart")}</SubmitButton>
              </Form>
            </>
          ) : null}
        </Card>
        {status.enrolled && status.policy !== "required" ? (
          <Card title="secondFactor.disableTitle">
            <p className="muted">{t("secondFactor.disableIntro")}</p>
            <Form method="post" className="form-grid">
              <input type="hidden" name="intent" value="disable" />
              <FormError error={formErrorFor("disable")} />
              <Field
                name="password"
                type="password"
                label="auth.password"
                autoComplete="current-password"
                required
                errors={errorsFor("disable")?.password}
              />
              <Field
                name="code"
                label="secondFactor.codeLabel"
                hint="secondFactor.codeHint"
                autoComplete="one-time-code"
                required
                maxLength={40}
                errors={errorsFor("disable")?.code}
              />
              <div className="form-actions">
                <SubmitButton variant="danger">{t("secondFactor.disable")}</SubmitButton>
              </div>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

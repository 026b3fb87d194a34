import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Field, FormError, SubmitButton, CheckedForm } from "~/components/ui/form";
import { NewPasswordSchema, passwordProblemMessage } from "~/features/auth/auth.schema";
import { findValidPasswordReset, resetNeedsSso, resetPassword } from "~/features/auth/auth.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { readForm } from "~/utils/form-body.server";
import { statusOf } from "~/utils/respond.server";

type Result = { fieldErrors: FieldErrors; formError: string | null };
import { useI18n } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("resetPassword", [{ name: "referrer", content: "no-referrer" }]);

export async function loader({ params }: LoaderFunctionArgs) {
  const reset = findValidPasswordReset(params.token ?? "");
  if (!reset) return data({ valid: false, ssoRequired: false }, { status: statusOf("gone") });
  // The organisation now signs its people in through its provider: the link sets no password (decision 104).
  if (resetNeedsSso(reset)) return data({ valid: true, ssoRequired: true }, { status: statusOf("forbidden") });
  return data({ valid: true, ssoRequired: false });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const reset = findValidPasswordReset(token);
  if (!reset) return data<Result>({ fieldErrors: {}, formError: "auth.tokenInvalid" }, { status: statusOf("gone") });
  if (resetNeedsSso(reset))
    return data<Result>({ fieldErrors: {}, formError: "sso.resetRefused" }, { status: statusOf("forbidden") });
  const parsed = parseForm(NewPasswordSchema, await readForm(request));
  if (!parsed.success)
    return data<Result>(
      { fieldErrors: parsed.fieldErrors, formError: parsed.formError },
      { status: statusOf("invalid") },
    );
  const problem = passwordProblemMessage(parsed.data.password, reset.email);
  if (problem)
    return data<Result>({ fieldErrors: { password: [problem] }, formError: null }, { status: statusOf("invalid") });
  const result = await resetPassword({ token, password: parsed.data.password });
  if (!result.ok)
    return data<Result>({ fieldErrors: {}, formError: result.message }, { status: statusOf(result.reason) });
  throw redirect("/login?notice=auth.resetDone");
}

export default function ResetPassword() {
  const { valid, ssoRequired } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="reset-title">
        <h1 id="reset-title">{t("auth.resetTitle")}</h1>
        {!valid || actionData?.formError === "auth.tokenInvalid" ? (
          <>
            <div className="alert alert--error" role="alert">
              {t("auth.tokenInvalid")}
            </div>
            <p>
              <Link to="/forgot-password">{t("auth.forgotLink")}</Link>
            </p>
          </>
        ) : ssoRequired ? (
          <>
            <div className="alert alert--error" role="alert">
              {t("sso.resetRefused")}
            </div>
            <p>
              <Link className="button" to="/login/sso">
                {t("sso.continue")}
              </Link>
            </p>
          </>
        ) : (
          <CheckedForm method="post">
            <FormError error={actionData?.formError} />
            <Field
              name="password"
              type="password"
              label="auth.newPassword"
              hint="auth.passwordHint"
              autoComplete="new-password"
              required
              minLength={12}
              errors={actionData?.fieldErrors.password}
            />
            <Field
              name="confirm"
              type="password"
              label="auth.confirmPassword"
              autoComplete="new-password"
              required
              errors={actionData?.fieldErrors.confirm}
            />
            <SubmitButton>{t("auth.resetSubmit")}</SubmitButton>
          </CheckedForm>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

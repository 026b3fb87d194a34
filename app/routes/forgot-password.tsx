import { data, type ActionFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Field, FormError, SubmitButton, CheckedForm } from "~/components/ui/form";
import { ForgotPasswordSchema } from "~/features/auth/auth.schema";
import { requestPasswordReset } from "~/features/auth/auth.server";
import { getEnv } from "~/utils/env.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { readForm } from "~/utils/form-body.server";

type ForgotResult = { sent: boolean; minutes: number; fieldErrors: FieldErrors; formError?: "sso.resetRefused" };
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/page-title";
import { statusOf } from "~/utils/respond.server";

export const meta = pageTitle("forgotPassword");

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(ForgotPasswordSchema, await readForm(request));
  if (!parsed.success)
    return data<ForgotResult>(
      { sent: false, minutes: 0, fieldErrors: parsed.fieldErrors },
      { status: statusOf("invalid") },
    );
  const requested = await requestPasswordReset(parsed.data.email, resolveLocale(request));
  if (requested.ssoRequired)
    return data<ForgotResult>(
      { sent: false, minutes: 0, fieldErrors: {}, formError: "sso.resetRefused" },
      { status: statusOf("forbidden") },
    );
  return data<ForgotResult>({ sent: true, minutes: getEnv().PASSWORD_RESET_MINUTES, fieldErrors: {} });
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="forgot-title">
        <h1 id="forgot-title">{t("auth.forgotTitle")}</h1>
        {actionData?.sent ? (
          <div className="alert alert--success" role="status">
            {t("auth.forgotSent", { minutes: actionData.minutes })}
          </div>
        ) : (
          <>
            <p className="muted">{t("auth.forgotIntro")}</p>
            <FormError error={actionData?.formError} />
            <CheckedForm method="post">
              <Field
                name="email"
                type="email"
                label="common.email"
                autoComplete="username"
                required
                errors={actionData?.fieldErrors.email}
              />
              <SubmitButton>{t("auth.forgotSubmit")}</SubmitButton>
            </CheckedForm>
          </>
        )}
        <p className="auth-card__footer">
          <Link to="/login">{t("auth.backToLogin")}</Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Field, FormError, SubmitButton, CheckedForm } from "~/components/ui/form";
import { Notice } from "~/components/ui/page";
import { LoginSchema } from "~/features/auth/auth.schema";
import { signIn } from "~/features/auth/auth.server";
import { respondAfterPassword } from "~/features/auth/sign-in-response.server";
import { SsoStartForm } from "~/features/sso/components/sso-forms";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { readForm } from "~/utils/form-body.server";

type LoginResult = { fieldErrors: FieldErrors; formError: string | null; email: string };
import { useI18n } from "~/utils/i18n-react";
import { getUser, ROLE_HOME, safeRedirectPath } from "~/utils/permissions.server";
import { statusOf } from "~/utils/respond.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("login");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = getUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
  return { redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await readForm(request));
  if (!parsed.success) {
    return data<LoginResult>(
      { fieldErrors: parsed.fieldErrors, formError: null, email: "" },
      { status: statusOf("invalid") },
    );
  }
  const redirectTo = safeRedirectPath(parsed.data.redirectTo, "") || null;
  const result = await signIn({
    email: parsed.data.email,
    password: parsed.data.password,
    ip: context.clientIp ?? "unknown",
    redirectTo,
  });
  if (!result.ok)
    return data<LoginResult>(
      { fieldErrors: {}, formError: result.message, email: parsed.data.email },
      { status: statusOf(result.reason) },
    );
  respondAfterPassword(result.value.next, redirectTo);
}

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="login-title">
        <h1 id="login-title">{t("auth.loginTitle")}</h1>
        <p className="muted">{t("auth.loginIntro")}</p>
        <Notice kind="info" message={params.get("notice")} />
        {actionData?.formError === "auth.rateLimited" ? (
          <div className="alert alert--error" role="alert">
            {t("auth.rateLimited", { minutes: 15 })}
          </div>
        ) : (
          <FormError error={actionData?.formError} />
        )}
        <CheckedForm method="post" replace>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field
            name="email"
            type="email"
            label="common.email"
            autoComplete="username"
            required
            defaultValue={actionData?.email}
            errors={actionData?.fieldErrors.email}
          />
          <Field
            name="password"
            type="password"
            label="auth.password"
            autoComplete="current-password"
            required
            errors={actionData?.fieldErrors.password}
          />
          <SubmitButton>{t("auth.submitLogin")}</SubmitButton>
        </CheckedForm>
        <p className="auth-card__footer">
          <Link to="/forgot-password">{t("auth.forgotLink")}</Link>
        </p>
      </section>
      <section className="card auth-card" aria-labelledby="sso-title">
        <h2 id="sso-title">{t("sso.loginSectionTitle")}</h2>
        <p className="muted">{t("sso.loginSectionIntro")}</p>
        <SsoStartForm
          redirectTo={redirectTo}
          email={actionData?.formError === "sso.passwordRefused" ? actionData.email : undefined}
        />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

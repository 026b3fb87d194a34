import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { ContinueElsewhere, SsoStartForm } from "~/features/sso/components/sso-forms";
import { SsoStartSchema } from "~/features/sso/sso.schema";
import { startSsoSignIn } from "~/features/sso/sso-sign-in.server";
import { ssoStateCookie } from "~/features/sso/sso-session.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { getUser, ROLE_HOME, safeRedirectPath } from "~/utils/permissions.server";
import { failureResponse, statusOf } from "~/utils/respond.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("loginSso", [{ name: "referrer", content: "no-referrer" }]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = getUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
  return { redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(SsoStartSchema, form);
  if (!parsed.success) {
    return data(
      { ok: false as const, formError: null, formErrorParams: null, errors: parsed.fieldErrors, email: "" },
      { status: statusOf("invalid") },
    );
  }
  const redirectTo = safeRedirectPath(parsed.data.redirectTo, "") || null;
  const started = await startSsoSignIn({ ip: context.clientIp ?? "unknown" }, { ...parsed.data, redirectTo });
  if (!started.ok) return failureResponse(started, { email: parsed.data.email });
  return data(
    { ok: true as const, url: started.value.url, organisation: started.value.organisation },
    {
      headers: {
        "Set-Cookie": ssoStateCookie(started.value.state),
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
      },
    },
  );
}

export default function SsoLogin() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  if (actionData?.ok) {
    return (
      <ContinueElsewhere
        url={actionData.url}
        title="sso.redirectingTitle"
        body="sso.redirecting"
        button="sso.redirectingButton"
        params={{ organisation: actionData.organisation }}
      />
    );
  }
  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="sso-title">
        <h1 id="sso-title">{t("sso.pageTitle")}</h1>
        <p className="muted">{t("sso.pageIntro")}</p>
        <SsoStartForm
          email={actionData?.email}
          errors={actionData?.errors.email}
          formError={actionData?.formError}
          redirectTo={redirectTo}
        />
        <p className="auth-card__footer">
          <Link to={redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : "/login"}>
            {t("sso.withPassword")}
          </Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

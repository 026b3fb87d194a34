import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { FormError } from "~/components/ui/form";
import { homeOrTarget } from "~/features/auth/sign-in-response.server";
import { SsoCallbackSchema } from "~/features/sso/sso.schema";
import { clearSsoStateCookie, openSsoSession, readSsoState } from "~/features/sso/sso-session.server";
import { finishSsoSignIn } from "~/features/sso/sso-sign-in.server";
import { parseWith } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { failureResponse, statusOf } from "~/utils/respond.server";
import { clearChallengeCookie } from "~/utils/session.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("loginSsoCallback", [{ name: "referrer", content: "no-referrer" }]);

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

// The provider sends the browser here with a GET (the authorization response, RFC 6749 4.1.2). Whatever happens,
// the state cookie is spent; a refusal is a translated page with its 4xx (or 503 when the provider is down).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const headers = new Headers({ "Set-Cookie": clearSsoStateCookie(), "Cache-Control": "no-store" });
  const parsed = parseWith(SsoCallbackSchema, queryObject(url));
  if (!parsed.success) {
    return data(
      { ok: false as const, formError: "sso.errors.badCallback", formErrorParams: null, errors: {} },
      { status: statusOf("invalid"), headers },
    );
  }
  const result = await finishSsoSignIn(
    { ip: context.clientIp ?? "unknown" },
    { params: parsed.data, callbackUrl: url, browserState: readSsoState(request) },
  );
  if (!result.ok) {
    return data(failureResponse(result).data, { status: statusOf(result.reason), headers });
  }
  headers.append("Set-Cookie", openSsoSession(result.value));
  headers.append("Set-Cookie", clearChallengeCookie());
  throw redirect(homeOrTarget(result.value.role, result.value.redirectTo), { headers });
}

export default function SsoCallback() {
  const { formError } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="callback-title">
        <h1 id="callback-title">{t("sso.callbackFailedTitle")}</h1>
        <FormError error={formError} />
        <p>
          <Link className="button" to="/login/sso">
            {t("sso.tryAgain")}
          </Link>
        </p>
        <p className="auth-card__footer">
          <Link to="/login">{t("sso.withPassword")}</Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

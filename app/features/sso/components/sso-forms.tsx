// The "sign in with your organisation" form (on the sign-in page and its own page) and the page that sends the
// browser on to a provider. A form post cannot redirect to another site under the portal's CSP (form-action
// 'self'), so the page continues by a script, a meta refresh (without JavaScript) and a plain link.
import { useEffect } from "react";
import { CheckedForm, Field, FormError, SubmitButton } from "~/components/ui/form";
import { useI18n } from "~/utils/i18n-react";

export function SsoStartForm({
  email,
  errors,
  formError,
  redirectTo,
}: {
  email?: string;
  errors?: string[];
  formError?: string | null;
  redirectTo?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <FormError error={formError} />
      <CheckedForm method="post" action="/login/sso">
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Field
          name="email"
          type="email"
          label="sso.emailLabel"
          autoComplete="email"
          required
          defaultValue={email}
          errors={errors}
        />
        <SubmitButton variant="secondary">{t("sso.continue")}</SubmitButton>
      </CheckedForm>
    </>
  );
}

export function ContinueElsewhere({
  url,
  title,
  body,
  button,
  params,
}: {
  url: string;
  title: "sso.redirectingTitle" | "sso.signedOutTitle";
  body: "sso.redirecting" | "sso.signedOut";
  button: "sso.redirectingButton" | "sso.signedOutButton";
  params?: Record<string, string>;
}) {
  const { t } = useI18n();
  useEffect(() => {
    window.location.assign(url);
  }, [url]);
  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="continue-title">
        <meta httpEquiv="refresh" content={`0;url=${url}`} />
        <h1 id="continue-title">{t(title)}</h1>
        <p role="status">{t(body, params)}</p>
        <p>
          <a className="button" href={url}>
            {t(button)}
          </a>
        </p>
      </section>
    </div>
  );
}

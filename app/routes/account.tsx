import { data, redirectDocument, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Card, Notice, PageHeader } from "~/components/ui/page";
import { updateProfile } from "~/features/account/account.server";
import { ChangePasswordSchema, passwordProblemMessage, ProfileSchema } from "~/features/auth/auth.schema";
import { changePassword, passwordChangeNeedsSso } from "~/features/auth/auth.server";
import { secondFactorStatus } from "~/features/auth/second-factor.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { localeCookie, resolveLocale } from "~/utils/locale.server";
import { requireUser } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { pageTitle } from "~/utils/page-title";
import { statusOf } from "~/utils/respond.server";

export const meta = pageTitle("account");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const saved = new URL(request.url).searchParams.get("saved") === "profile";
  return {
    name: user.name,
    email: user.email,
    locale: resolveLocale(request, user.locale),
    secondFactor: secondFactorStatus(user.id),
    notice: saved ? ("account.profileSaved" as const) : null,
    // Signed in through the organisation's provider: no portal password to change (decision 104).
    passwordThroughOrganisation: passwordChangeNeedsSso(user),
  };
}

type Result = { intent: string; errors: FieldErrors; formError: string | null; notice: string | null };

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const fail = (errors: FieldErrors, formError: string | null = "common.formErrors") =>
    data<Result>({ intent, errors, formError, notice: null }, { status: statusOf("invalid") });
  if (intent === "profile") {
    const parsed = parseForm(ProfileSchema, form);
    if (!parsed.success) return fail(parsed.fieldErrors);
    updateProfile(user, parsed.data);
    // A new document, not a revalidation: the language may have changed, and the page's catalogue, the root's
    // language and the header's name all come with the document.
    return redirectDocument("/account?saved=profile", { headers: { "Set-Cookie": localeCookie(parsed.data.locale) } });
  }
  if (intent === "password") {
    if (passwordChangeNeedsSso(user))
      return data<Result>(
        { intent, errors: {}, formError: "sso.accountNoPassword", notice: null },
        { status: statusOf("forbidden") },
      );
    const parsed = parseForm(ChangePasswordSchema, form);
    if (!parsed.success) return fail(parsed.fieldErrors);
    const problem = passwordProblemMessage(parsed.data.password, user.email);
    if (problem) return fail({ password: [problem] });
    const changed = await changePassword(user, parsed.data);
    if (!changed.ok) return fail(changed.fields ?? {});
    return data<Result>({ intent, errors: {}, formError: null, notice: "account.passwordChanged" });
  }
  return fail({}, "errors.badRequest");
}

export default function Account() {
  const { name, email, locale, secondFactor, notice, passwordThroughOrganisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  return (
    <>
      <PageHeader title="account.title" />
      <Notice message={actionData?.notice ?? notice} />
      <div className="two-columns">
        <Card title="account.profile">
          <Form method="post" className="form-grid">
            <input type="hidden" name="intent" value="profile" />
            {actionData?.intent === "profile" ? <FormError error={actionData.formError} /> : null}
            <Field
              name="name"
              label="common.name"
              defaultValue={name}
              required
              maxLength={120}
              autoComplete="name"
              errors={errorsFor("profile")?.name}
            />
            <p className="field__static">
              <span className="field__static-label">{t("common.email")}</span> {email}
            </p>
            <SelectField
              name="locale"
              label="account.preferredLanguage"
              defaultValue={locale}
              options={[
                { value: "nl", label: t("language.nl") },
                { value: "en", label: t("language.en") },
              ]}
              errors={errorsFor("profile")?.locale}
            />
            <div className="form-actions">
              <SubmitButton>{t("common.save")}</SubmitButton>
            </div>
          </Form>
        </Card>
        <div className="stack">
          <Card title="account.changePassword">
            {passwordThroughOrganisation ? (
              <p>{t("sso.accountNoPassword")}</p>
            ) : (
              <Form method="post" className="form-grid">
                <input type="hidden" name="intent" value="password" />
                <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
                {actionData?.intent === "password" ? <FormError error={actionData.formError} /> : null}
                <Field
                  name="current"
                  type="password"
                  label="account.currentPassword"
                  autoComplete="current-password"
                  required
                  errors={errorsFor("password")?.current}
                />
                <Field
                  name="password"
                  type="password"
                  label="auth.newPassword"
                  hint="auth.passwordHint"
                  autoComplete="new-password"
                  required
                  minLength={12}
                  errors={errorsFor("password")?.password}
                />
                <Field
                  name="confirm"
                  type="password"
                  label="auth.confirmPassword"
                  autoComplete="new-password"
                  required
                  errors={errorsFor("password")?.confirm}
                />
                <div className="form-actions">
                  <SubmitButton>{t("account.changePassword")}</SubmitButton>
                </div>
              </Form>
            )}
          </Card>
          <Card title="secondFactor.title">
            <p>
              {secondFactor.enrolled
                ? t("secondFactor.statusOn", { count: secondFactor.recoveryCodesLeft })
                : t("secondFactor.statusOff")}
              {secondFactor.policy === "required" ? ` ${t("secondFactor.required")}` : null}
            </p>
            <Link className="button button--secondary" to="/account/second-factor">
              {secondFactor.enrolled ? t("secondFactor.manage") : t("secondFactor.start")}
            </Link>
          </Card>
          <Card title="account.exportTitle">
            <p className="muted">{t("account.exportIntro")}</p>
            <a className="button button--secondary" href="/account/export" download>
              {t("account.exportButton")}
            </a>
          </Card>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Field, FormError, SubmitButton, CheckedForm } from "~/components/ui/form";
import { NewPasswordSchema, passwordProblemMessage } from "~/features/auth/auth.schema";
import {
  acceptInvitation,
  addressHasAccount,
  findPendingInvitation,
  invitationNeedsSso,
} from "~/features/auth/invitations.server";
import { respondAfterPassword } from "~/features/auth/sign-in-response.server";
import { SsoStartForm } from "~/features/sso/components/sso-forms";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { readForm } from "~/utils/form-body.server";
import { statusOf } from "~/utils/respond.server";

type Result = { fieldErrors: FieldErrors; formError: string | null };
import { useI18n } from "~/utils/i18n-react";
import { localeCookie } from "~/utils/locale.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("invite", [{ name: "referrer", content: "no-referrer" }]);

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = findPendingInvitation(params.token ?? "");
  if (!invitation)
    return data({ invitation: null, accountExists: false, ssoRequired: false }, { status: statusOf("gone") });
  // Only whoever holds the mailed link learns this: the inviting organisation was told nothing (finding 10).
  if (addressHasAccount(invitation.email))
    return data({ invitation: null, accountExists: true, ssoRequired: false }, { status: statusOf("conflict") });
  return {
    accountExists: false,
    // The organisation signs everyone in through its provider: no password here, the first sign-in there accepts it.
    ssoRequired: invitationNeedsSso(invitation),
    invitation: {
      name: invitation.name,
      email: invitation.email,
      role: invitation.role,
      organisationName: invitation.organisationName,
      inviterName: invitation.inviterName,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const invitation = findPendingInvitation(token);
  if (!invitation)
    return data<Result>({ fieldErrors: {}, formError: "auth.tokenInvalid" }, { status: statusOf("gone") });
  if (invitationNeedsSso(invitation))
    return data<Result>({ fieldErrors: {}, formError: "sso.inviteRefused" }, { status: statusOf("forbidden") });
  const parsed = parseForm(NewPasswordSchema, await readForm(request));
  if (!parsed.success)
    return data<Result>(
      { fieldErrors: parsed.fieldErrors, formError: parsed.formError },
      { status: statusOf("invalid") },
    );
  const problem = passwordProblemMessage(parsed.data.password, invitation.email);
  if (problem)
    return data<Result>({ fieldErrors: { password: [problem] }, formError: null }, { status: statusOf("invalid") });
  const result = await acceptInvitation({ token, password: parsed.data.password });
  if (!result.ok)
    return data<Result>({ fieldErrors: {}, formError: result.message }, { status: statusOf(result.reason) });
  respondAfterPassword(result.value.next, null, [localeCookie(invitation.locale)]);
}

export default function AcceptInvitation() {
  const { invitation, accountExists, ssoRequired } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="invite-title">
        <h1 id="invite-title">{t("auth.inviteTitle")}</h1>
        {!invitation || actionData?.formError === "auth.tokenInvalid" ? (
          <>
            <div className="alert alert--error" role="alert">
              {t(accountExists ? "auth.inviteAccountExists" : "auth.tokenInvalid")}
            </div>
            <p>
              <Link to="/login">{t("auth.backToLogin")}</Link>
            </p>
          </>
        ) : (
          <>
            <p>
              {invitation.organisationName
                ? t("auth.inviteIntro", {
                    inviter: invitation.inviterName ?? "",
                    role: t(`roles.${invitation.role}`),
                    organisation: invitation.organisationName,
                  })
                : t("auth.inviteIntroNoOrg", { role: t(`roles.${invitation.role}`) })}
            </p>
            {ssoRequired ? (
              <>
                <p role="status">
                  {t("sso.inviteThroughOrganisation", { organisation: invitation.organisationName ?? "" })}
                </p>
                <SsoStartForm email={invitation.email} />
              </>
            ) : (
              <CheckedForm method="post">
                <FormError error={actionData?.formError} />
                <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
                <Field
                  name="password"
                  type="password"
                  label="auth.password"
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
                <SubmitButton>{t("auth.inviteSubmit")}</SubmitButton>
              </CheckedForm>
            )}
          </>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

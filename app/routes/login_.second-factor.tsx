import { data, redirect, redirectDocument, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { EnrolmentSteps, RecoveryCodes } from "~/features/auth/components/second-factor";
import { ChallengeSchema } from "~/features/auth/second-factor";
import { completeChallenge, findChallenge, pendingEnrolment } from "~/features/auth/second-factor.server";
import { homeOrTarget } from "~/features/auth/sign-in-response.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { getUser, ROLE_HOME } from "~/utils/permissions.server";
import { statusOf } from "~/utils/respond.server";
import { clearChallengeCookie, createSession, readChallengeToken } from "~/utils/session.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("loginSecondFactor");

const EXPIRED = "/login?notice=secondFactor.challengeExpired";

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = findChallenge(readChallengeToken(request));
  if (!pending) {
    // Right after an enrolment the action has already signed the user in: the page keeps showing the codes.
    const user = getUser(request);
    if (user) return { mode: "signedIn" as const, home: ROLE_HOME[user.role], enrolment: null };
    throw redirect(EXPIRED, { headers: { "Set-Cookie": clearChallengeCookie() } });
  }
  if (pending.purpose === "verify") return { mode: "verify" as const, home: null, enrolment: null };
  const enrolment = await pendingEnrolment(pending.userId);
  if (!enrolment) throw redirect(EXPIRED, { headers: { "Set-Cookie": clearChallengeCookie() } });
  return { mode: "enrol" as const, home: null, enrolment };
}

type Result = {
  fieldErrors: FieldErrors;
  formError: string | null;
  recoveryCodes: string[] | null;
  next: string | null;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(ChallengeSchema, await readForm(request));
  if (!parsed.success)
    return data<Result>(
      { fieldErrors: parsed.fieldErrors, formError: null, recoveryCodes: null, next: null },
      { status: statusOf("invalid") },
    );
  const completed = await completeChallenge({
    token: readChallengeToken(request),
    code: parsed.data.code,
    ip: context.clientIp ?? "unknown",
  });
  if (!completed.ok) {
    if (completed.reason === "gone") throw redirect(EXPIRED, { headers: { "Set-Cookie": clearChallengeCookie() } });
    const fieldErrors = completed.fields ?? {};
    return data<Result>(
      { fieldErrors, formError: completed.fields ? null : completed.message, recoveryCodes: null, next: null },
      { status: statusOf(completed.reason) },
    );
  }
  const result = completed.value;
  const headers = new Headers();
  headers.append("Set-Cookie", createSession(result.userId));
  headers.append("Set-Cookie", clearChallengeCookie());
  const next = homeOrTarget(result.role, result.redirectTo);
  // A first enrolment shows the recovery codes once, on this response; otherwise straight on.
  if (result.recoveryCodes)
    return data<Result>({ fieldErrors: {}, formError: null, recoveryCodes: result.recoveryCodes, next }, { headers });
  throw redirectDocument(next, { headers });
}

export default function SecondFactorStep() {
  const { mode, home, enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const codes = actionData?.recoveryCodes;
  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="second-factor-title">
        <h1 id="second-factor-title">
          {t(mode === "enrol" || codes ? "secondFactor.enrolTitle" : "secondFactor.challengeTitle")}
        </h1>
        {codes ? (
          <>
            <div className="alert alert--success" role="status">
              {t("secondFactor.enabled")}
            </div>
            <RecoveryCodes codes={codes} continueTo={actionData.next ?? home ?? "/"} />
          </>
        ) : mode === "signedIn" ? (
          <p>
            <Link to={home ?? "/"}>{t("secondFactor.continue")}</Link>
          </p>
        ) : mode === "enrol" && enrolment ? (
          <>
            <p className="muted">{t("secondFactor.enrolRequiredIntro")}</p>
            <EnrolmentSteps
              enrolment={enrolment}
              errors={actionData?.fieldErrors.code}
              formError={actionData?.formError === "auth.rateLimited" ? null : actionData?.formError}
            />
            {actionData?.formError === "auth.rateLimited" ? (
              <div className="alert alert--error" role="alert">
                {t("auth.rateLimited", { minutes: 15 })}
              </div>
            ) : null}
          </>
        ) : (
          <>
            <p className="muted">{t("secondFactor.challengeIntro")}</p>
            {actionData?.formError === "auth.rateLimited" ? (
              <div className="alert alert--error" role="alert">
                {t("auth.rateLimited", { minutes: 15 })}
              </div>
            ) : (
              <FormError error={actionData?.formError} />
            )}
            <Form method="post" className="form-grid">
              <Field
                name="code"
                label="secondFactor.codeLabel"
                hint="secondFactor.codeHint"
                autoComplete="one-time-code"
                required
                maxLength={40}
                autoFocus
                errors={actionData?.fieldErrors.code}
              />
              <SubmitButton>{t("secondFactor.verify")}</SubmitButton>
            </Form>
          </>
        )}
        {codes || mode === "signedIn" ? null : (
          <p className="auth-card__footer">
            <Link to="/login">{t("secondFactor.cancel")}</Link>
          </p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

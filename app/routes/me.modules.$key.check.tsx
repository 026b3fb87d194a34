import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { ErrorList } from "~/components/ui/error-list";
import { Notice } from "~/components/ui/page";
import { CheckAnswersSchema, ModuleKeySchema } from "~/features/modules/modules.schema";
import { BUDDY_MODULE_KEY } from "~/features/modules/catalogue.server";
import { getCheck, submitCheck } from "~/features/modules/learning.server";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { notFound, requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("meModuleCheck");

const ROLES = ["employee", "newcomer", "hr"] as const;

function moduleKey(value: string | undefined): string {
  const parsed = ModuleKeySchema.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, ...ROLES);
  const view = getCheck(user, moduleKey(params.key), resolveLocale(request, user.locale));
  if (!view) throw notFound();
  return { ...view, buddyModule: view.key === BUDDY_MODULE_KEY };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, ...ROLES);
  const key = moduleKey(params.key);
  const input = parseForm(CheckAnswersSchema, await readForm(request));
  if (!input.success) return failureResponse(invalid(input, "modules.errors.tampered"), { feedback: null });
  const checked = submitCheck(user, { moduleKey: key, answers: input.data }, resolveLocale(request, user.locale));
  if (!checked.ok) return failureResponse(checked, { feedback: null });
  const errors: FieldErrors = {};
  return { ok: true as const, feedback: checked.value, formError: null, errors };
}

export default function KnowledgeCheck() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const feedback = result?.feedback ?? null;
  const byField = new Map((feedback?.questions ?? []).map((q) => [q.field, q]));
  const resultRef = useRef<HTMLElement>(null);
  // With JavaScript the page does not reload: move focus to the result so screen readers announce it.
  useEffect(() => {
    if (feedback) resultRef.current?.focus();
  }, [feedback]);
  return (
    <article className="module-reader">
      <p className="module-reader__back">
        <Link to={`/me/modules/${view.key}`}>← {t("modules.check.backToModule")}</Link>
      </p>
      <header className="module-reader__header">
        <h1>
          {t("modules.check.title")}: {view.title}
        </h1>
        <p className="muted">{t("modules.check.intro", { n: view.questions.length })}</p>
        {feedback || view.attempts === 0 ? null : (
          <p className="muted">{t("modules.check.attempts", { n: view.attempts })}</p>
        )}
      </header>
      {!feedback && view.status === "completed" && view.score !== null ? (
        <Notice kind="info" message="modules.check.alreadyPassed" params={{ score: view.score }} />
      ) : null}
      {result?.formError ? <Notice kind="error" message={result.formError} /> : null}
      {feedback ? (
        <section
          ref={resultRef}
          className={`check-result ${feedback.passed ? "check-result--passed" : "check-result--failed"}`}
          aria-labelledby="check-result-heading"
          tabIndex={-1}
        >
          <h2 id="check-result-heading">{t("modules.check.results")}</h2>
          <p role="status">
            <strong>
              {t(feedback.passed ? "modules.check.passed" : "modules.check.failed", {
                correct: feedback.correctCount,
                total: feedback.total,
                percent: feedback.percent,
              })}
            </strong>
          </p>
          {feedback.passed && view.buddyModule ? <p>{t("modules.check.buddyTrained")}</p> : null}
          <p className="muted">{t("modules.check.attempts", { n: feedback.attempts })}</p>
          <ol className="check-feedback">
            {view.questions.map((q) => {
              const answer = byField.get(q.field);
              if (!answer) return null;
              return (
                <li key={q.field} className={answer.isCorrect ? "is-right" : "is-wrong"}>
                  <p className="check-feedback__question">{q.question}</p>
                  <p>
                    <strong>
                      {answer.isCorrect ? `✓ ${t("modules.check.right")}` : `✗ ${t("modules.check.wrong")}`}
                    </strong>{" "}
                    — {t("modules.check.yourAnswer", { answer: answer.chosenText })}
                  </p>
                  <p>{answer.feedback}</p>
                </li>
              );
            })}
          </ol>
          <div className="form-actions">
            {feedback.passed ? (
              <Link className="button button--primary" to="/me/modules">
                {t("modules.read.backToList")}
              </Link>
            ) : (
              <Link className="button button--primary" to={`/me/modules/${view.key}/check`} reloadDocument>
                {t("modules.check.retry")}
              </Link>
            )}
          </div>
        </section>
      ) : (
        <Form method="post" className="check-form">
          {view.questions.map((q, qi) => {
            const errors = result?.errors?.[q.field];
            return (
              <fieldset
                key={q.field}
                className="check-question"
                aria-describedby={errors?.length ? `${q.field}-error` : undefined}
              >
                <legend>
                  <span className="check-question__number">{t("modules.check.question", { n: qi + 1 })}</span>{" "}
                  {q.question}
                </legend>
                {q.options.map((o) => (
                  <label key={o.id} className="check-option">
                    <input type="radio" name={q.field} value={o.id} required />
                    <span>{o.text}</span>
                  </label>
                ))}
                <ErrorList id={`${q.field}-error`} errors={errors} />
              </fieldset>
            );
          })}
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t("modules.check.submit")}
            </button>
          </div>
        </Form>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

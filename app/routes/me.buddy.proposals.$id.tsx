import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card } from "~/components/ui/page";
import { Explanation, FitHelp, key, languageList } from "~/features/matching/components/matching-ui";
import { DeclineSchema } from "~/features/matching/matching.schema";
import { acceptProposalAndNotify, declineProposal, matchForBuddy } from "~/features/matching/proposals.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { parseId, requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { failureResponse, statusOf } from "~/utils/respond.server";
import { fail, invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("meBuddyProposal");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  const found = matchForBuddy(user, { matchId: parseId(params.id) });
  if (!found.ok) throw new Response(found.message, { status: statusOf(found.reason) });
  return { match: found.value.match };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  const id = parseId(params.id);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "accept") {
    const accepted = await acceptProposalAndNotify(user, { matchId: id });
    if (!accepted.ok) return failureResponse(accepted, { intent });
    return redirect(`/me/buddy/matches/${id}?notice=matching.proposal.accepted`);
  }
  if (intent === "decline") {
    const parsed = parseForm(DeclineSchema, form);
    if (!parsed.success) return failureResponse(invalid(parsed, "common.formErrors"), { intent });
    const declined = declineProposal(user, { matchId: id, reason: parsed.data.reason });
    if (!declined.ok) return failureResponse(declined, { intent });
    return redirect(`/me/buddy?notice=matching.proposal.declined`);
  }
  return failureResponse(fail("invalid", "errors.badRequest"), { intent });
}

export default function ProposalPage() {
  const { match } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const open = match.status === "proposed";
  return (
    <>
      <p className="breadcrumb">
        <Link to="/me/buddy">{t("matching.me.back")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t("matching.proposal.title", { name: match.newcomer.name })}</h1>
          <p className="page-header__intro">{t("matching.proposal.intro")}</p>
        </div>
      </div>
      <FormError error={actionData?.formError === "common.formErrors" ? null : actionData?.formError} />
      <div className="stack">
        <Card>
          <dl className="match-detail">
            <dt>{t("matching.fields.profession")}</dt>
            <dd>{t(key(`matching.professions.${match.newcomer.profession}`))}</dd>
            <dt>{t("matching.fields.department")}</dt>
            <dd>{match.newcomer.department ?? "—"}</dd>
            <dt>{t("matching.fields.startDate")}</dt>
            <dd>{date(`${match.newcomer.startDate}T12:00:00Z`)}</dd>
            <dt>{t("matching.fields.dutchLevel")}</dt>
            <dd>{match.newcomer.dutchLevel}</dd>
            <dt>{t("matching.fields.languages")}</dt>
            <dd>{languageList(t, match.newcomer.languages) || "—"}</dd>
          </dl>
        </Card>
        <Card title="matching.proposal.why">
          <Explanation contributions={match.explanation} fit={match.score} />
          <FitHelp />
        </Card>
        {open ? (
          <Card>
            <p>
              <strong>
                {t("matching.me.answerBefore", {
                  date: date(match.deadline, true),
                })}
              </strong>
            </p>
            {/* The two answers side by side; the reason belongs to the decline choice and opens with it (decision 163). */}
            <div className="proposal-answers">
              <Form method="post" className="proposal-answers__accept">
                <SubmitButton intent="accept">{t("matching.proposal.accept")}</SubmitButton>
              </Form>
              <details className="proposal-answers__decline" open={actionData?.intent === "decline" || undefined}>
                <summary className="button button--secondary">{t("matching.proposal.decline")}</summary>
                <Form method="post" className="proposal-answers__decline-form stack" noValidate>
                  {actionData?.intent === "decline" && actionData.formError === "common.formErrors" ? (
                    <FormError error={actionData.formError} />
                  ) : null}
                  <p className="muted">{t("matching.proposal.declineHint")}</p>
                  <Field
                    name="reason"
                    label="matching.proposal.declineReason"
                    errors={actionData?.errors?.reason}
                    maxLength={500}
                  />
                  <div className="form-actions">
                    <SubmitButton intent="decline" variant="secondary">
                      {t("matching.proposal.declineSend")}
                    </SubmitButton>
                  </div>
                </Form>
              </details>
            </div>
          </Card>
        ) : (
          <p className="alert alert--info">
            {t("matching.proposal.answered", {
              status: t(key(`matching.status.${match.status}`)).toLowerCase(),
            })}
          </p>
        )}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

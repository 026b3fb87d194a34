import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CheckboxField, Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, Notice } from "~/components/ui/page";
import { CheckInList, Explanation, FitHelp, StatusBadge } from "~/features/matching/components/matching-ui";
import { EndMatchSchema } from "~/features/matching/matching.schema";
import { endMatch, matchForHr } from "~/features/matching/proposals.server";
import { todayIso } from "~/features/matching/store.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrMatchingMatch");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const found = matchForHr(user, { matchId: parseId(params.id) });
  if (!found) throw notFound();
  return { ...found, today: todayIso() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const id = parseId(params.id);
  const parsed = parseForm(EndMatchSchema, await readForm(request));
  if (!parsed.success) return failureResponse(invalid(parsed, "common.formErrors"));
  const ended = endMatch(user, { matchId: id, ...parsed.data });
  if (!ended.ok) return failureResponse(ended);
  return redirect(`/hr/matching/matches/${id}?notice=matching.match.ended`);
}

export default function HrMatch() {
  const { match, checkIns, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const running = match.status === "active" || match.status === "accepted";
  return (
    <>
      <p className="breadcrumb">
        <Link to="/hr/matching">{t("matching.run.back")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            {t("matching.match.hrTitle", {
              newcomer: match.newcomer.erased ? t("matching.states.erased") : match.newcomer.name,
              buddy: match.buddyName,
            })}
          </h1>
          <p className="page-header__intro">
            <StatusBadge status={match.status} />
          </p>
        </div>
      </div>
      <Notice message={params.get("notice")} />
      <div className="two-columns">
        <Card title="matching.match.checkIns">
          <CheckInList checkIns={checkIns} today={today} />
        </Card>
        <div className="stack">
          <Card title="matching.run.why">
            <Explanation contributions={match.explanation} fit={match.score} />
            <FitHelp />
          </Card>
          {running ? (
            <Card title="matching.match.end">
              <p className="muted">{t("matching.match.endIntro")}</p>
              <Form method="post" className="stack" noValidate>
                <FormError error={actionData?.formError} />
                <SelectField
                  name="outcome"
                  label="matching.match.outcome"
                  options={[
                    { value: "completed", label: t("matching.match.completed") },
                    { value: "stopped", label: t("matching.match.stopped") },
                  ]}
                  errors={(actionData?.errors as Record<string, string[]> | undefined)?.outcome}
                />
                <Field
                  name="reason"
                  label="matching.fields.reason"
                  errors={(actionData?.errors as Record<string, string[]> | undefined)?.reason}
                  required
                  maxLength={500}
                />
                <CheckboxField name="doNotRematch" label="matching.match.doNotRematch" />
                <div className="form-actions">
                  <SubmitButton variant="secondary">{t("matching.match.end")}</SubmitButton>
                </div>
              </Form>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

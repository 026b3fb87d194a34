import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useId } from "react";
import { FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, Notice } from "~/components/ui/page";
import { logCheckIn } from "~/features/matching/checkins.server";
import { CheckInList, Explanation, FitHelp, key, StatusBadge } from "~/features/matching/components/matching-ui";
import { CHECKIN_NOTE_MAX } from "~/features/matching/matching.options";
import { CheckInSchema } from "~/features/matching/matching.schema";
import { matchForBuddy } from "~/features/matching/proposals.server";
import { newcomerNotesForBuddy } from "~/features/journey/journey.server";
import { NewcomerNotes } from "~/features/journey/components/newcomer-notes";
import { todayIso } from "~/features/matching/store.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { parseId, requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { failureResponse, statusOf } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("meBuddyMatch");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  const found = matchForBuddy(user, { matchId: parseId(params.id) });
  if (!found.ok) throw new Response(found.message, { status: statusOf(found.reason) });
  return {
    match: found.value.match,
    checkIns: found.value.checkIns,
    today: todayIso(),
    newcomerNotes: newcomerNotesForBuddy(user, found.value.match.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  const id = parseId(params.id);
  const parsed = parseForm(CheckInSchema, await readForm(request));
  if (!parsed.success) return failureResponse(invalid(parsed, "common.formErrors"));
  const logged = logCheckIn(user, { matchId: id, ...parsed.data });
  if (!logged.ok) return failureResponse(logged);
  return redirect(`/me/buddy/matches/${id}?notice=matching.match.logged`);
}

export default function BuddyMatchPage() {
  const { match, checkIns, today, newcomerNotes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const noteId = useId();
  const running = match.status === "active" || match.status === "accepted";
  const nextOpen = checkIns.find((c) => !c.doneAt);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/me/buddy">{t("matching.me.back")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t("matching.match.title", { name: match.newcomer.name })}</h1>
          <p className="page-header__intro">
            <StatusBadge status={match.status} />
          </p>
        </div>
      </div>
      <Notice message={params.get("notice")} />
      <div className="stack">
        <Card title="matching.match.checkIns">
          <CheckInList checkIns={checkIns} today={today} />
          {running ? (
            // A saved check-in gives a fresh form on the next moment due (decision 163): without the key React would
            // keep the note just saved and the moment just done, because the page stays mounted after the redirect.
            <Form
              method="post"
              className="stack"
              noValidate
              key={checkIns.map((c) => `${c.key}:${c.doneAt ?? ""}`).join("|")}
            >
              <FormError error={actionData?.formError} />
              <SelectField
                name="key"
                label="matching.match.checkInMoment"
                options={checkIns.map((c) => ({
                  value: c.key,
                  label: t(key(`matching.match.checkinKeys.${c.key}`)),
                }))}
                defaultValue={nextOpen?.key ?? "week1"}
                errors={actionData?.errors?.key}
              />
              <div className="field">
                <label htmlFor={noteId}>{t("matching.match.note")}</label>
                <p id={`${noteId}-hint`} className="field__hint">
                  {t("matching.match.noteHint")}
                </p>
                <textarea
                  id={noteId}
                  name="note"
                  rows={3}
                  maxLength={CHECKIN_NOTE_MAX}
                  aria-describedby={`${noteId}-hint`}
                  aria-invalid={actionData?.errors?.note ? true : undefined}
                />
                {actionData?.errors?.note ? (
                  <p className="field-errors">{t(key(actionData.errors.note[0] ?? ""))}</p>
                ) : null}
              </div>
              <div className="form-actions">
                <SubmitButton>{t("matching.match.log")}</SubmitButton>
              </div>
            </Form>
          ) : null}
        </Card>
        <Card title="pulse.buddy.newcomerNotes">
          <NewcomerNotes notes={newcomerNotes} />
        </Card>
        <Card title="matching.proposal.why">
          <Explanation contributions={match.explanation} fit={match.score} />
          <FitHelp />
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

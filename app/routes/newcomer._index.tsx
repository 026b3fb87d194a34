import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { TextWithEmail } from "~/components/ui/email";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, Notice } from "~/components/ui/page";
import { newcomerJourney, saveNewcomerNote } from "~/features/journey/journey.server";
import { newcomerOwnView } from "~/features/matching/newcomers.server";
import { todayIso } from "~/features/matching/store.server";
import { PulseInvitationCard } from "~/features/pulse/components/invitation-card";
import { NEWCOMER_NOTE_MAX } from "~/features/pulse/pulse.options";
import { NewcomerNoteSchema } from "~/features/pulse/pulse.schema";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { requireOrgRole } from "~/utils/permissions.server";
import { statusOf } from "~/utils/respond.server";
import { pageTitle } from "~/utils/page-title";
import { useOwnAddress } from "~/components/ui/own-address";

export const meta = pageTitle("newcomerHome");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "newcomer");
  return {
    name: user.name,
    buddy: newcomerOwnView(user.id),
    journey: newcomerJourney(user, resolveLocale(request, user.locale)),
    today: todayIso(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "newcomer");
  const parsed = parseForm(NewcomerNoteSchema, await readForm(request));
  if (!parsed.success)
    return data({ formError: "common.formErrors", errors: parsed.fieldErrors }, { status: statusOf("invalid") });
  const result = saveNewcomerNote(user, parsed.data);
  if (!result.ok)
    return data(
      { formError: result.message, errors: {} as Record<string, string[]> },
      { status: statusOf(result.reason) },
    );
  return redirect("/newcomer?notice=pulse.home.noteSaved");
}

export default function NewcomerHome() {
  const ownAddress = useOwnAddress();
  const { name, journey, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, date } = useI18n();
  const day = (iso: string) => date(`${iso.slice(0, 10)}T12:00:00Z`);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("home.welcome", { name })}</h1>
          <p className="page-header__intro">{t("home.newcomerIntro")}</p>
        </div>
      </div>
      <Notice message={params.get("notice")} />
      <div className="stack">
        <PulseInvitationCard invitation={journey.pulse} />
        <Card title="trajectories.mine.title">
          <p className="muted">{t("trajectories.mine.linkIntro")}</p>
          <p>
            <Link to="/newcomer/trajectory">{t("trajectories.mine.link")}</Link>
          </p>
        </Card>
        <Card title="pulse.home.journey">
          {!journey.hasRecord ? (
            <EmptyState message="pulse.home.noRecord" />
          ) : (
            <ol className="journey">
              {journey.startDate ? (
                <li className={`journey__step${journey.startDate <= today ? " journey__step--done" : ""}`}>
                  <p className="journey__title">
                    {t(journey.startDate <= today ? "pulse.home.started" : "pulse.home.starts", {
                      date: day(journey.startDate),
                    })}
                  </p>
                </li>
              ) : null}
              <li className={`journey__step${journey.buddy ? " journey__step--done" : ""}`}>
                {journey.buddy ? (
                  <>
                    <p className="journey__title buddy-name">{t("pulse.home.buddy", { name: journey.buddy.name })}</p>
                    <h2 className="small-heading">{t("pulse.home.buddyIntroTitle")}</h2>
                    <p className="buddy-intro">{journey.buddy.introduction ?? t("pulse.home.noIntro")}</p>
                    <p>
                      <a href={`mailto:${journey.buddy.email}`}>
                        <TextWithEmail
                          text={t("pulse.home.contact", { email: journey.buddy.email })}
                          address={journey.buddy.email}
                        />
                      </a>
                    </p>
                  </>
                ) : (
                  <p className="journey__title">{t("pulse.home.waiting")}</p>
                )}
              </li>
              {journey.checkIns.map((c) => (
                <li
                  key={c.id}
                  className={`journey__step${c.doneAt ? " journey__step--done" : c.dueDate <= today ? " journey__step--now" : ""}`}
                >
                  <p className="journey__title">
                    {t("pulse.home.checkIn")}: {t(`matching.match.checkinKeys.${c.key}`)}
                  </p>
                  <p className="journey__meta">
                    {c.doneAt ? t("pulse.home.checkInDone") : t("pulse.home.checkInPlanned", { date: day(c.dueDate) })}
                  </p>
                  {c.wantsToTalk ? <p className="talk-flag">{t("pulse.home.talkRequested")}</p> : null}
                  <Form method="post" action={ownAddress} className="stack">
                    <input type="hidden" name="checkInId" value={c.id} />
                    <div className="field">
                      <label htmlFor={`note-${c.id}`}>{t("pulse.home.yourNote")}</label>
                      <p id={`note-${c.id}-hint`} className="field__hint">
                        {t("pulse.home.yourNoteHint")}
                      </p>
                      <textarea
                        id={`note-${c.id}`}
                        name="note"
                        rows={2}
                        maxLength={NEWCOMER_NOTE_MAX}
                        defaultValue={c.note ?? ""}
                        aria-describedby={`note-${c.id}-hint`}
                      />
                    </div>
                    <label className="checkbox">
                      <input type="checkbox" name="wantsToTalk" defaultChecked={c.wantsToTalk} />{" "}
                      {t("pulse.home.wantsToTalk")}
                    </label>
                    <div>
                      <button type="submit" className="button button--secondary">
                        {t("pulse.home.saveNote")}
                      </button>
                    </div>
                  </Form>
                </li>
              ))}
            </ol>
          )}
          {actionData?.formError ? <FormError error={actionData.formError} /> : null}
        </Card>
        <Card title="pulse.home.modulesTitle">
          <p className="muted">{t("pulse.home.modulesIntro")}</p>
          <ul className="plain-list stack">
            {journey.modules.map((m) => (
              <li key={m.key}>
                <Link to={`/me/modules/${m.key}`}>{m.title}</Link>
                <span className="cell-sub"> · {t("modules.list.minutes", { minutes: m.durationMinutes })}</span>
                {m.status !== "not_started" ? (
                  <span className="cell-sub"> · {t(`modules.status.${m.status}`)}</span>
                ) : null}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/me/modules">{t("pulse.home.allModules")}</Link>
          </p>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

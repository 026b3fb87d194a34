import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useId } from "react";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { SubmitButton } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, Notice } from "~/components/ui/page";
import { Explanation, FitHelp, key } from "~/features/matching/components/matching-ui";
import { RunActionSchema } from "~/features/matching/matching.schema";
import { changeRun, viewRun, type RunRow } from "~/features/matching/runs.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { pageTitle } from "~/utils/page-title";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";

export const meta = pageTitle("hrMatchingRun");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const viewed = viewRun(user, { runId: parseId(params.id) });
  if (!viewed.ok) throw notFound();
  return viewed.value;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const runId = parseId(params.id);
  // Sending e-mails every buddy: only the confirmation step (with its summary) posts `confirm=yes` (decision 150).
  const parsed = parseForm(RunActionSchema, await readForm(request));
  if (!parsed.success) return failureResponse(invalid(parsed));
  const changed = await changeRun(user, { runId, ...parsed.data });
  if (!changed.ok) return failureResponse(changed);
  const { value } = changed;
  if (value.done === "sent") return redirect(`/hr/matching/runs/${runId}?notice=matching.run.sent&count=${value.sent}`);
  if (value.done === "discarded") return redirect(`/hr/matching?notice=matching.run.discarded`);
  return redirect(`/hr/matching/runs/${runId}?notice=matching.run.pinnedNotice`);
}

function RowCard({ row, draft }: { row: RunRow; draft: boolean }) {
  const { t } = useI18n();
  const selectId = useId();
  return (
    <article className="card run-row">
      <h2 className="card__title">{row.newcomerName}</h2>
      <p className="muted">{row.department ?? "—"}</p>
      {row.chosen ? (
        <div className="run-row__chosen">
          <p>
            {t("matching.run.proposal")}: <strong>{row.chosen.buddyName}</strong> · {t("matching.run.score")}{" "}
            {t("matching.fitScale.outOf", { fit: row.chosen.fit })}{" "}
            {row.chosen.pinned ? <span className="badge">{t("matching.run.pinned")}</span> : null}{" "}
            {row.chosen.kept ? <span className="badge badge--muted">{t("matching.run.kept")}</span> : null}
          </p>
          <h3 className="small-heading">{t("matching.run.why")}</h3>
          <Explanation contributions={row.chosen.contributions} fit={row.chosen.fit} />
        </div>
      ) : (
        <div>
          <p>
            <strong>{t("matching.run.noBuddy")}</strong>
          </p>
          <p className="muted">
            {t("matching.run.reasons", {
              reasons: row.reasons.map((r) => `${t(key(`matching.rules.${r.rule}`))} (${r.count})`).join(", "),
            })}
          </p>
        </div>
      )}
      <h3 className="small-heading">{t("matching.run.alternatives")}</h3>
      {row.alternatives.length === 0 ? (
        <p className="muted">{t("matching.run.noAlternatives")}</p>
      ) : (
        <ul className="plain-list">
          {row.alternatives.map((a) => (
            <li key={a.buddyId}>
              <details>
                <summary>
                  {a.buddyName} · {t("matching.run.score")} {t("matching.fitScale.outOf", { fit: a.fit })}
                </summary>
                <Explanation contributions={a.contributions} />
              </details>
            </li>
          ))}
        </ul>
      )}
      {draft ? (
        <div className="run-row__actions">
          {row.chosen && !row.chosen.pinned ? (
            <Form method="post">
              <input type="hidden" name="newcomerId" value={row.newcomerId} />
              <input type="hidden" name="buddyId" value={row.chosen.buddyId} />
              <SubmitButton intent="pin" variant="secondary">
                {t("matching.run.lock")}
              </SubmitButton>
            </Form>
          ) : null}
          {row.chosen?.pinned ? (
            <Form method="post">
              <input type="hidden" name="newcomerId" value={row.newcomerId} />
              <SubmitButton intent="unpin" variant="secondary">
                {t("matching.run.unlock")}
              </SubmitButton>
            </Form>
          ) : null}
          {row.allowed.length > 1 || (!row.chosen && row.allowed.length > 0) ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="newcomerId" value={row.newcomerId} />
              <label htmlFor={selectId}>{t("matching.run.overrideLabel", { name: row.newcomerName })}</label>
              <select id={selectId} name="buddyId" defaultValue="">
                <option value="" disabled>
                  —
                </option>
                {row.allowed
                  .filter((o) => o.buddyId !== row.chosen?.buddyId)
                  .map((o) => (
                    <option key={o.buddyId} value={o.buddyId}>
                      {o.buddyName} ({t("matching.fitScale.outOf", { fit: o.fit })})
                    </option>
                  ))}
              </select>
              <SubmitButton intent="pin" variant="ghost">
                {t("matching.run.apply")}
              </SubmitButton>
            </Form>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function PinCost({ cost }: { cost: { fitPoints: number; newcomers: number } }) {
  const { t } = useI18n();
  if (cost.newcomers > 0)
    return <>{t("matching.fitScale.pinnedCostNewcomers", { newcomers: cost.newcomers, fitPoints: cost.fitPoints })}</>;
  if (cost.fitPoints > 0) return <>{t("matching.fitScale.pinnedCost", { fitPoints: cost.fitPoints })}</>;
  return <>{t("matching.fitScale.pinnedBest")}</>;
}

/** The send button and its summary: how many proposals, to which buddies about whom, and what they receive. */
function SendConfirmation({ rows, days }: { rows: RunRow[]; days: number }) {
  const { t } = useI18n();
  const fresh = rows.flatMap((row) =>
    row.chosen && !row.chosen.kept
      ? [{ newcomer: row.newcomerName, buddy: row.chosen.buddyName, id: row.newcomerId }]
      : [],
  );
  const kept = rows.filter((row) => row.chosen?.kept).length;
  const unmatched = rows.filter((row) => !row.chosen).length;
  return (
    <ConfirmAction
      name="send"
      intent="send"
      label={t("matching.run.send")}
      title={fresh.length === 1 ? t("confirm.sendRun.titleOne") : t("confirm.sendRun.title", { count: fresh.length })}
      confirmLabel={t("confirm.sendRun.yes")}
    >
      {fresh.length > 0 ? (
        <>
          <p>{t("confirm.sendRun.body", { days })}</p>
          <ul className="confirm-step__list">
            {fresh.map((pair) => (
              <li key={pair.id}>{t("confirm.sendRun.pair", { buddy: pair.buddy, newcomer: pair.newcomer })}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("confirm.sendRun.none")}</p>
      )}
      {kept > 0 ? <p className="muted">{t("confirm.sendRun.kept", { count: kept })}</p> : null}
      {unmatched > 0 ? <p className="muted">{t("confirm.sendRun.unmatched", { count: unmatched })}</p> : null}
    </ConfirmAction>
  );
}

export default function RunPreview() {
  const { run, days } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, date } = useI18n();
  const draft = run.status === "draft";
  // After HR pins pairs the run is the best one *given* those pins: say what they cost, not "nothing is better".
  const cost = run.pinCost;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/hr/matching">{t("matching.run.back")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t("matching.run.title", { id: run.id })}</h1>
          <p className="page-header__intro">
            {t("matching.run.intro", { matched: run.matched, total: run.result.rows.length })}{" "}
            {run.weightsVersion === 0
              ? t("matching.fitScale.weightsStandard")
              : t("matching.fitScale.weightsAdjusted", { version: run.weightsVersion })}
          </p>
          <FitHelp />
        </div>
      </div>
      <Notice message={params.get("notice")} params={{ count: params.get("count") ?? "" }} />
      <Notice kind="error" message={actionData?.formError} />
      {run.certificateOk ? (
        <div className="alert alert--success certificate" role="status">
          <strong>{t("matching.hr.certified")}.</strong> {cost ? <PinCost cost={cost} /> : t("matching.run.certified")}
        </div>
      ) : (
        <div className="alert alert--error" role="status">
          {t("matching.run.notCertified", { reason: run.certificateReason ?? "—" })}
        </div>
      )}
      {run.status === "sent" ? (
        <Notice kind="info" message="matching.run.statusSent" params={{ date: date(run.sentAt ?? "", true) }} />
      ) : null}
      {run.status === "discarded" ? <Notice kind="info" message="matching.run.statusDiscarded" /> : null}
      {draft && run.result.rows.some((r) => r.chosen?.kept) ? (
        <p className="muted">{t("matching.run.heldNote")}</p>
      ) : null}
      <div className="run-rows">
        {run.result.rows.map((row) => (
          <RowCard key={row.newcomerId} row={row} draft={draft} />
        ))}
      </div>
      {draft ? (
        <Card>
          <p>{t("matching.run.sendIntro", { days })}</p>
          <div className="row-actions">
            <SendConfirmation rows={run.result.rows} days={days} />
            <Form method="post">
              <SubmitButton intent="discard" variant="ghost">
                {t("matching.run.discard")}
              </SubmitButton>
            </Form>
          </div>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, Notice, PageHeader, StatGrid } from "~/components/ui/page";
import { key } from "~/features/matching/components/matching-ui";
import { CRITERIA, LEVELS } from "~/features/matching/criteria";
import { WeightsSchema } from "~/features/matching/matching.schema";
import { viewMatchingOverview } from "~/features/matching/proposals.server";
import { currentWeights, listRuns, saveWeights, startRun } from "~/features/matching/runs.server";
import { todayIso } from "~/features/matching/store.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { failureResponse } from "~/utils/respond.server";
import { fail, invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";
import { useOwnAddress } from "~/components/ui/own-address";

export const meta = pageTitle("hrMatching");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  return {
    ...viewMatchingOverview(user),
    runs: listRuns(user.organisationId),
    weights: currentWeights(user.organisationId),
    today: todayIso(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "run") {
    const started = startRun(user);
    if (!started.ok) return failureResponse(started, { intent });
    return redirect(`/hr/matching/runs/${started.value.id}`);
  }
  if (intent === "weights") {
    const parsed = parseForm(WeightsSchema, form);
    if (!parsed.success) return failureResponse(invalid(parsed, "common.formErrors"), { intent });
    const saved = saveWeights(user, parsed.data);
    if (!saved.ok) return failureResponse(saved, { intent });
    return redirect(`/hr/matching?notice=matching.hr.weightsSaved&version=${saved.value.version}`);
  }
  return failureResponse(fail("invalid", "errors.badRequest"), { intent });
}

export default function HrMatching() {
  const ownAddress = useOwnAddress();
  const { waiting, proposals, running, answered, overdue, runs, weights } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, date } = useI18n();
  return (
    <>
      <PageHeader
        title="matching.hr.title"
        intro="matching.hr.intro"
        actions={
          <Form method="post" action={ownAddress}>
            <SubmitButton intent="run">{t("matching.hr.run")}</SubmitButton>
          </Form>
        }
      />
      <Notice message={params.get("notice")} params={{ version: params.get("version") ?? "" }} />
      {actionData?.intent === "run" ? <Notice kind="error" message={actionData.formError} /> : null}
      <StatGrid
        stats={[
          { label: "matching.hr.statWaiting", value: waiting.length },
          { label: "matching.hr.statProposals", value: proposals.length },
          { label: "matching.hr.statRunning", value: running.length },
          { label: "matching.hr.statOverdue", value: overdue.length },
        ]}
      />
      <div className="two-columns">
        <Card title="matching.hr.waiting">
          {waiting.length === 0 ? (
            <EmptyState message="matching.hr.noWaiting" />
          ) : (
            <ul className="plain-list">
              {waiting.map((n) => (
                <li key={n.id}>
                  <Link to={`/hr/newcomers/${n.id}`}>{n.name}</Link>{" "}
                  <span className="muted">
                    · {t(key(`matching.professions.${n.profession}`))} · {n.department ?? "—"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="matching.hr.proposals">
          {proposals.length === 0 ? (
            <EmptyState message="matching.hr.noProposals" />
          ) : (
            <ul className="plain-list">
              {proposals.map((p) => (
                <li key={p.id}>
                  {p.newcomer.name} → <strong>{p.buddyName}</strong>{" "}
                  <span className="muted">
                    · {t("matching.hr.deadline")} {date(p.deadline)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title="matching.hr.running">
        {running.length === 0 ? (
          <EmptyState message="matching.hr.noRunning" />
        ) : (
          <DataTable>
            <thead>
              <tr>
                <th scope="col">{t("matching.newcomers.title")}</th>
                <th scope="col">{t("matching.newcomers.buddy")}</th>
                <th scope="col">{t("matching.newcomers.state")}</th>
                <th scope="col">{t("matching.hr.nextCheckIn")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("matching.hr.view")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {running.map((m) => (
                <tr key={m.id}>
                  <td>{m.newcomer.name}</td>
                  <td>{m.buddyName}</td>
                  <td>{t(key(`matching.status.${m.status}`))}</td>
                  <td className="nowrap">{m.nextCheckIn ? date(`${m.nextCheckIn}T12:00:00Z`) : "—"}</td>
                  <td>
                    <Link to={`/hr/matching/matches/${m.id}`}>{t("matching.hr.view")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Card>
      <div className="two-columns">
        <Card title="matching.hr.overdue">
          {overdue.length === 0 ? (
            <EmptyState message="matching.hr.noOverdue" />
          ) : (
            <ul className="plain-list">
              {overdue.map((c) => (
                <li key={`${c.matchId}-${c.key}`}>
                  <Link to={`/hr/matching/matches/${c.matchId}`}>
                    {c.newcomerName} – {c.buddyName}
                  </Link>{" "}
                  <span className="muted">
                    · {t(key(`matching.match.checkinKeys.${c.key}`))} · {date(`${c.dueDate}T12:00:00Z`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="matching.hr.answered">
          {answered.length === 0 ? (
            <EmptyState message="matching.hr.noAnswered" />
          ) : (
            <ul className="plain-list">
              {answered.map((m) => (
                <li key={m.id}>
                  {m.newcomer.name} – {m.buddyName}{" "}
                  <span className="muted">· {t(key(`matching.status.${m.status}`))}</span>
                  {m.reason ? <span className="muted"> · “{m.reason}”</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <div className="two-columns">
        <Card title="matching.hr.runs">
          {runs.length === 0 ? (
            <EmptyState message="matching.hr.noRuns" />
          ) : (
            <ul className="plain-list">
              {runs.map((r) => (
                <li key={r.id}>
                  <Link to={`/hr/matching/runs/${r.id}`}>{t("matching.run.title", { id: r.id })}</Link>{" "}
                  <span className="muted">
                    · {date(r.createdAt, true)} · {t(key(`matching.hr.runStatus.${r.status}`))} ·{" "}
                    {r.certificateOk ? t("matching.hr.certified") : t("matching.hr.notCertified")}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="matching.hr.weightsTitle">
          <p className="muted">
            {t("matching.hr.weightsIntro")}{" "}
            {weights.version === 0
              ? t("matching.fitScale.weightsStandardNow")
              : t("matching.hr.weightsVersion", { version: weights.version })}
          </p>
          <Form method="post" action={ownAddress} className="stack">
            {actionData?.intent === "weights" ? <FormError error={actionData.formError} /> : null}
            <div className="form-grid">
              {CRITERIA.map((c) => (
                <SelectField
                  key={c}
                  name={c}
                  label={key(`matching.criteria.${c}`)}
                  options={LEVELS.map((l) => ({ value: l, label: t(key(`matching.levels.${l}`)) }))}
                  defaultValue={weights.levels[c]}
                  errors={
                    actionData?.intent === "weights" ? (actionData.errors as Record<string, string[]>)[c] : undefined
                  }
                />
              ))}
            </div>
            <div className="form-actions">
              <SubmitButton intent="weights" variant="secondary">
                {t("matching.hr.weightsSave")}
              </SubmitButton>
            </div>
          </Form>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

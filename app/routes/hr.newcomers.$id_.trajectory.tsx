import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { z } from "zod";
import { ErrorList } from "~/components/ui/error-list";
import { FormError } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, Notice } from "~/components/ui/page";
import { CEFR_LEVELS } from "~/features/matching/criteria";
import { FollowUpConfirm, useDay } from "~/features/trajectories/components/route-parts";
import { CONTRACT_TYPES, LEAVE_REASONS, OUTCOMES, QUALIFIED_ROLES, ROLES } from "~/features/trajectories/rules";
import {
  ContractInputSchema,
  FollowUpInputSchema,
  LanguageInputSchema,
  OutcomeInputSchema,
  RemoveInputSchema,
  RolesInputSchema,
  StepInputSchema,
} from "~/features/trajectories/trajectory.schema";
import {
  clearOutcome,
  confirmFollowUp,
  recordContract,
  recordLanguageLevel,
  recordOutcome,
  recordStep,
  removeContract,
  removeLanguageLevel,
  removeStep,
  setRoles,
  viewTrajectory,
} from "~/features/trajectories/trajectories.server";
import { readForm } from "~/utils/form-body.server";
import { formDataToObject, parseWith } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { failureResponse, statusOf } from "~/utils/respond.server";
import { fail, type Outcome } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrNewcomerTrajectory");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const recordId = parseId(params.id);
  const result = viewTrajectory(user, recordId, resolveLocale(request, user.locale));
  if (!result.ok) throw notFound();
  return { route: result.value };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const recordId = parseId(params.id);
  const form = await readForm(request);
  const raw = formDataToObject(form);
  const intent = typeof raw.intent === "string" ? raw.intent : "";
  const run = <S extends z.ZodType>(
    schema: S,
    perform: (input: z.output<S>) => Outcome<null>,
    notice = "trajectories.notices.saved",
  ) => {
    const parsed = parseWith(schema, raw);
    if (!parsed.success)
      return failureResponse(fail("invalid", "common.formErrors", { fields: parsed.fieldErrors }), { intent });
    const result = perform(parsed.data);
    if (!result.ok) return failureResponse(result, { intent });
    return redirect(`/hr/newcomers/${recordId}/trajectory?notice=${notice}`);
  };
  switch (intent) {
    case "step":
      return run(StepInputSchema, (i) => recordStep(user, { recordId, ...i }));
    case "removeStep":
      return run(RemoveInputSchema, (i) => removeStep(user, { recordId, ...i }));
    case "language":
      return run(LanguageInputSchema, (i) => recordLanguageLevel(user, { recordId, ...i }));
    case "removeLanguage":
      return run(RemoveInputSchema, (i) => removeLanguageLevel(user, { recordId, ...i }));
    case "roles":
      return run(RolesInputSchema, (i) => setRoles(user, { recordId, ...i }));
    case "contract":
      return run(ContractInputSchema, (i) => recordContract(user, { recordId, ...i }));
    case "removeContract":
      return run(RemoveInputSchema, (i) => removeContract(user, { recordId, ...i }));
    case "outcome":
      return run(OutcomeInputSchema, (i) => recordOutcome(user, { recordId, ...i }));
    case "clearOutcome":
      return run(RemoveInputSchema.partial(), () => clearOutcome(user, { recordId }));
    case "followUp":
      return run(
        FollowUpInputSchema,
        (i) => confirmFollowUp(user, { recordId, ...i }),
        "trajectories.notices.followUpConfirmed",
      );
    default:
      return data(
        {
          ok: false as const,
          formError: "errors.badRequest",
          formErrorParams: null,
          errors: {} as Record<string, string[]>,
          intent,
        },
        { status: statusOf("invalid") },
      );
  }
}

export default function TrajectoryDetail() {
  const { route } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const day = useDay();
  const errorsFor = (intent: string, field: string) =>
    actionData && actionData.intent === intent ? actionData.errors[field] : undefined;
  const formErrorFor = (intent: string) =>
    actionData && actionData.intent === intent ? actionData.formError : undefined;
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`trajectories.roles.${r}`) }));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/hr/newcomers/trajectories">{t("trajectories.detail.back")}</Link> ·{" "}
        <Link to={`/hr/newcomers/${route.recordId}`}>{t("trajectories.detail.recordLink")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t("trajectories.detail.title", { name: route.name })}</h1>
          <p className="page-header__intro">
            {t(`matching.professions.${route.profession}` as "matching.professions.nurse")} ·{" "}
            {t("trajectories.detail.started", { date: day(route.startDate) })}
          </p>
          <p className="muted">{t("trajectories.detail.intro")}</p>
        </div>
      </div>
      <Notice message={params.get("notice")} />
      {actionData && !["step", "language", "contract", "outcome", "roles"].includes(actionData.intent) ? (
        <FormError error={actionData.formError} />
      ) : null}
      <div className="two-columns">
        <div className="stack">
          <Card title="trajectories.detail.stepsTitle">
            <p className="muted">{t("trajectories.detail.stepsIntro")}</p>
            {formErrorFor("step") ? <FormError error={formErrorFor("step")} /> : null}
            <ol className="journey">
              {route.route.map((s) => (
                <li key={s.key} className={`journey__step${s.reachedOn ? " journey__step--done" : ""}`}>
                  <p className="journey__title">{s.title}</p>
                  <p className="journey__meta">{s.help}</p>
                  <Form method="post" className="route-step-form">
                    <input type="hidden" name="intent" value="step" />
                    <input type="hidden" name="stepKey" value={s.key} />
                    <div className="field">
                      <label htmlFor={`step-${s.key}`}>{t("trajectories.detail.reachedOn")}</label>
                      <input
                        id={`step-${s.key}`}
                        type="date"
                        name="reachedOn"
                        defaultValue={s.reachedOn ?? ""}
                        max={route.today}
                        required
                      />
                    </div>
                    <button type="submit" className="button button--secondary button--small">
                      {t("trajectories.detail.saveStep")}
                    </button>
                  </Form>
                  {s.stepId ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="removeStep" />
                      <input type="hidden" name="itemId" value={s.stepId} />
                      <button type="submit" className="link-button">
                        {t("trajectories.detail.removeStep")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ol>
            <ErrorList errors={[...(errorsFor("step", "reachedOn") ?? []), ...(errorsFor("step", "stepKey") ?? [])]} />
          </Card>
          <Card title="trajectories.detail.followUpsTitle">
            <p className="muted">{t("trajectories.detail.followUpsIntro")}</p>
            {route.followUps.map((f) => (
              <FollowUpConfirm key={f.moment} recordId={route.recordId} followUp={f} />
            ))}
          </Card>
        </div>
        <div className="stack">
          <Card title="trajectories.detail.languageTitle">
            {route.languages.length === 0 ? (
              <EmptyState message="trajectories.detail.noLevels" />
            ) : (
              <ul className="plain-list">
                {route.languages.map((l) => (
                  <li key={l.id}>
                    <strong>{l.level}</strong> · {day(l.measuredOn)}{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="removeLanguage" />
                      <input type="hidden" name="itemId" value={l.id} />
                      <button type="submit" className="link-button">
                        {t("trajectories.detail.remove")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
            <Form method="post" className="form-grid">
              <input type="hidden" name="intent" value="language" />
              <FormError error={formErrorFor("language")} />
              <div className="field">
                <label htmlFor="level">{t("trajectories.detail.level")}</label>
                <select
                  id="level"
                  name="level"
                  required
                  aria-invalid={errorsFor("language", "level") ? true : undefined}
                >
                  {CEFR_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
                <ErrorList errors={errorsFor("language", "level")} />
              </div>
              <div className="field">
                <label htmlFor="measuredOn">{t("trajectories.detail.measuredOn")}</label>
                <input
                  id="measuredOn"
                  type="date"
                  name="measuredOn"
                  max={route.today}
                  required
                  aria-invalid={errorsFor("language", "measuredOn") ? true : undefined}
                />
                <ErrorList errors={errorsFor("language", "measuredOn")} />
              </div>
              <div>
                <button type="submit" className="button button--secondary">
                  {t("trajectories.detail.addLevel")}
                </button>
              </div>
            </Form>
          </Card>
          <Card title="trajectories.detail.rolesTitle">
            <Form method="post" className="form-grid">
              <input type="hidden" name="intent" value="roles" />
              <FormError error={formErrorFor("roles")} />
              <div className="field">
                <label htmlFor="currentRole">{t("trajectories.detail.currentRole")}</label>
                <select id="currentRole" name="currentRole" defaultValue={route.currentRole ?? ""}>
                  <option value="">—</option>
                  {roleOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="targetRole">{t("trajectories.detail.targetRole")}</label>
                <select id="targetRole" name="targetRole" defaultValue={route.targetRole ?? ""}>
                  <option value="">—</option>
                  {QUALIFIED_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`trajectories.roles.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <button type="submit" className="button button--secondary">
                  {t("trajectories.detail.saveRoles")}
                </button>
              </div>
            </Form>
          </Card>
          <Card title="trajectories.detail.contractsTitle">
            {route.contracts.length === 0 ? (
              <EmptyState message="trajectories.detail.noContracts" />
            ) : (
              <ul className="plain-list">
                {route.contracts.map((c) => (
                  <li key={c.id}>
                    {t("trajectories.detail.contractLine", {
                      type: t(`trajectories.contractTypes.${c.type}` as "trajectories.contractTypes.permanent"),
                      role: t(`trajectories.roles.${c.role}` as "trajectories.roles.nurse"),
                      start: day(c.startDate),
                    })}
                    {c.endDate ? ` ${t("trajectories.detail.contractUntil", { end: day(c.endDate) })}` : ""}{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="removeContract" />
                      <input type="hidden" name="itemId" value={c.id} />
                      <button type="submit" className="link-button">
                        {t("trajectories.detail.remove")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
            <Form method="post" className="form-grid">
              <input type="hidden" name="intent" value="contract" />
              <FormError error={formErrorFor("contract")} />
              <div className="field">
                <label htmlFor="contractType">{t("trajectories.detail.contractType")}</label>
                <select id="contractType" name="type" required>
                  {CONTRACT_TYPES.map((c) => (
                    <option key={c} value={c}>
                      {t(`trajectories.contractTypes.${c}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="contractRole">{t("trajectories.detail.contractRole")}</label>
                <select id="contractRole" name="role" required>
                  {roleOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="contractStart">{t("trajectories.detail.startDate")}</label>
                <input id="contractStart" type="date" name="startDate" required />
                <ErrorList errors={errorsFor("contract", "startDate")} />
              </div>
              <div className="field">
                <label htmlFor="contractEnd">{t("trajectories.detail.endDate")}</label>
                <input
                  id="contractEnd"
                  type="date"
                  name="endDate"
                  aria-invalid={errorsFor("contract", "endDate") ? true : undefined}
                />
                <ErrorList errors={errorsFor("contract", "endDate")} />
              </div>
              <div>
                <button type="submit" className="button button--secondary">
                  {t("trajectories.detail.addContract")}
                </button>
              </div>
            </Form>
          </Card>
          <Card title="trajectories.detail.outcomeTitle">
            {route.outcome && route.outcomeDate ? (
              <p data-testid="outcome">
                {t("trajectories.detail.outcomeLine", {
                  outcome: t(`trajectories.situations.${route.outcome}` as "trajectories.situations.left"),
                  date: day(route.outcomeDate),
                })}
                {route.outcomeReason
                  ? ` · ${t(`trajectories.reasons.${route.outcomeReason}` as "trajectories.reasons.other")}`
                  : ""}
              </p>
            ) : (
              <p className="muted">{t("trajectories.detail.outcomeIntro")}</p>
            )}
            <Form method="post" className="form-grid">
              <input type="hidden" name="intent" value="outcome" />
              <FormError error={formErrorFor("outcome")} />
              <div className="field">
                <label htmlFor="outcome">{t("trajectories.detail.outcome")}</label>
                <select id="outcome" name="outcome" defaultValue={route.outcome ?? undefined} required>
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`trajectories.situations.${o}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="outcomeDate">{t("trajectories.detail.outcomeDate")}</label>
                <input
                  id="outcomeDate"
                  type="date"
                  name="outcomeDate"
                  defaultValue={route.outcomeDate ?? ""}
                  max={route.today}
                  aria-invalid={errorsFor("outcome", "outcomeDate") ? true : undefined}
                />
                <ErrorList errors={errorsFor("outcome", "outcomeDate")} />
              </div>
              <div className="field">
                <label htmlFor="reason">{t("trajectories.detail.reason")}</label>
                <select id="reason" name="reason" defaultValue={route.outcomeReason ?? ""}>
                  <option value="">{t("trajectories.detail.noReason")}</option>
                  {LEAVE_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`trajectories.reasons.${r}`)}
                    </option>
                  ))}
                </select>
                <ErrorList errors={errorsFor("outcome", "reason")} />
              </div>
              <div>
                <button type="submit" className="button button--secondary">
                  {t("trajectories.detail.saveOutcome")}
                </button>
              </div>
            </Form>
            {route.outcome ? (
              <Form method="post">
                <input type="hidden" name="intent" value="clearOutcome" />
                <button type="submit" className="link-button">
                  {t("trajectories.detail.clearOutcome")}
                </button>
              </Form>
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, Notice } from "~/components/ui/page";
import { ScanItem } from "~/features/scan/components/scan-item";
import { saveAnswer } from "~/features/scan/autosave.server";
import { AnswerSchema } from "~/features/scan/scan.schema";
import { getScanPage, labelScanItems, submitScan } from "~/features/scan/scan.server";
import type { AnswerValue } from "~/features/scan/scoring";
import { useRootData } from "~/root";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { ConfirmedSchema } from "~/utils/form-fields";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { statusOf } from "~/utils/respond.server";
import { fail, invalid, type Failure } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrScan");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const dimension = new URL(request.url).searchParams.get("d");
  const scanId = parseId(params.scanId);
  const page = getScanPage(user.organisationId, scanId, resolveLocale(request, user.locale), dimension);
  if (!page) throw notFound({ user, entity: "scan", id: scanId });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const scanId = parseId(params.scanId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  // This page's forms read `error` (one message) and `missing` (the unanswered items) rather than field lists.
  const refuse = (failure: Failure, itemKey = "") => {
    if (failure.reason === "not_found") throw notFound({ user, entity: "scan", id: scanId });
    const missing = intent === "submit" ? Object.keys(failure.fields ?? {}) : [];
    // The unanswered items as the screen names them ("6.3 <statement>"), never their keys.
    const missingItems = labelScanItems(user.organisationId, scanId, resolveLocale(request, user.locale), missing);
    return data(
      { intent, itemKey, error: failure.message, missing, missingItems, conflict: null },
      { status: statusOf(failure.reason) },
    );
  };
  if (intent === "answer") {
    const input = parseForm(AnswerSchema, form);
    const saved = input.success ? await saveAnswer(user, { scanId, answer: input.data }) : invalid(input);
    if (!saved.ok) return refuse(saved, String(form.get("itemKey") ?? "").slice(0, 50));
    const result = saved.value;
    // Without JavaScript the choice between both comments is shown on the page itself (decision 061).
    if (result.commentConflict) {
      const conflict = { ...result.commentConflict, answer: result.answer };
      return data(
        {
          intent,
          itemKey: result.answer.itemKey,
          error: "scan.errors.commentConflict" as const,
          missing: [] as string[],
          missingItems: [] as { key: string; dimensionKey: string; label: string }[],
          conflict,
        },
        { status: statusOf("conflict") },
      );
    }
    const query = new URLSearchParams({
      d: result.answer.itemKey.split(".")[0] ?? "",
      saved: result.answer.itemKey,
      ...(result.replaced ? { replaced: "1" } : {}),
    });
    return redirect(`/hr/scans/${scanId}?${query}#item-${result.answer.itemKey}`);
  }
  if (intent === "submit") {
    // Locking cannot be undone: only the confirmation step's form carries `confirm=yes` (decision 150).
    const confirmed = parseForm(ConfirmedSchema, form);
    if (!confirmed.success) return refuse(invalid(confirmed));
    const submitted = submitScan(user, { scanId });
    if (!submitted.ok) return refuse(submitted);
    return redirect(`/hr/scans/${scanId}/results?notice=scan.submitted`);
  }
  return refuse(fail("invalid", "errors.badRequest"));
}

export default function ScanPage() {
  const {
    scan,
    dimensions,
    current,
    previousKey,
    nextKey,
    answers,
    answered: answeredOnServer,
    total,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, isKey } = useI18n();
  const revalidator = useRevalidator();
  const organisationName = useRootData()?.user?.organisationName ?? "";
  const locked = scan.status !== "draft";
  const byKey = useMemo(() => new Map(answers.map((a) => [a.itemKey, a])), [answers]);
  const [values, setValues] = useState<Record<string, AnswerValue | undefined>>(() =>
    Object.fromEntries(answers.map((a) => [a.itemKey, a.value])),
  );
  const unsaved = useRef(new Set<string>());
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // Another dimension (a step link): start from what the server says for its items.
  useEffect(() => setValues(Object.fromEntries(answers.map((a) => [a.itemKey, a.value]))), [current.key, answers]);

  const onValue = useCallback(
    (key: string, value: AnswerValue | undefined) => setValues((v) => (v[key] === value ? v : { ...v, [key]: value })),
    [],
  );
  const onStatus = useCallback((key: string, isUnsaved: boolean) => {
    if (isUnsaved) unsaved.current.add(key);
    else unsaved.current.delete(key);
  }, []);

  // Colleagues may answer at the same time: refresh when the tab comes back into view.
  useEffect(() => {
    if (locked) return;
    const refresh = () => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    };
    document.addEventListener("visibilitychange", refresh);
    // Warn before leaving while an answer is still unsaved.
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (unsaved.current.size > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      document.removeEventListener("visibilitychange", refresh);
      window.removeEventListener("beforeunload", beforeUnload);
    };
  }, [locked, revalidator]);

  const currentDone = current.items.filter((i) => values[i.key] !== undefined).length;
  const serverCurrent = dimensions.find((d) => d.key === current.key)?.answered ?? 0;
  const answered = answeredOnServer - serverCurrent + currentDone;
  const savedKey = params.get("saved");
  const missing = actionData?.missingItems ?? [];
  const stepUrl = (key: string) => `/hr/scans/${scan.id}?d=${key}`;

  return (
    <>
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="/hr/scans">{t("scan.backToScans")}</Link>
          </p>
          <h1>{t("scan.fillTitle", { period: scan.period })}</h1>
          <p className="page-header__intro">{t(locked ? "scan.lockedIntro" : "scan.fillIntro")}</p>
        </div>
        {locked ? (
          <div className="page-header__actions">
            <Link className="button button--primary" to={`/hr/scans/${scan.id}/results`}>
              {t("scan.viewResults")}
            </Link>
          </div>
        ) : null}
      </div>
      <Notice message={params.get("notice")} />
      {actionData?.intent === "submit" ? <Notice kind="error" message={actionData.error} /> : null}
      <div className="scan-layout" data-hydrated={hydrated ? "true" : undefined}>
        <nav className="scan-toc card" aria-labelledby="scan-toc-title">
          <h2 id="scan-toc-title" className="card__title">
            {t("scan.contents")}
          </h2>
          <p className="muted">
            <span className="scan-progress-total">{t("scan.progress", { answered, total })}</span>
          </p>
          <progress
            className="scan-progress"
            value={answered}
            max={total}
            aria-label={t("scan.progress", { answered, total })}
          />
          <ol className="scan-toc__list">
            {dimensions.map((d) => {
              const done = d.key === current.key ? currentDone : d.answered;
              return (
                <li key={d.key}>
                  <Link
                    to={stepUrl(d.key)}
                    aria-current={d.key === current.key ? "step" : undefined}
                    className={d.key === current.key ? "scan-toc__current" : undefined}
                  >
                    {d.name}
                  </Link>{" "}
                  <span className={`badge ${done === d.total ? "" : "badge--muted"}`} data-testid={`progress-${d.key}`}>
                    {t("scan.dimensionProgress", { answered: done, total: d.total })}
                  </span>
                </li>
              );
            })}
          </ol>
        </nav>
        <div className="stack scan-main">
          <section
            key={current.key}
            id={`dim-${current.key}`}
            className="card scan-dimension"
            aria-labelledby={`dim-${current.key}-title`}
          >
            <h2 id={`dim-${current.key}-title`} className="card__title">
              {current.number}. {current.name}
            </h2>
            <p className="muted">{current.description}</p>
            <ol className="scan-items">
              {current.items.map((item) => (
                <ScanItem
                  key={item.key}
                  scanId={scan.id}
                  item={item}
                  number={`${current.number}.${item.position}`}
                  answer={byKey.get(item.key)}
                  locked={locked}
                  notice={
                    savedKey === item.key ? (params.get("replaced") ? "scan.replacedNoJs" : "scan.savedNoJs") : null
                  }
                  error={
                    actionData?.intent === "answer" && actionData.itemKey === item.key && !actionData.conflict
                      ? actionData.error
                      : null
                  }
                  conflict={
                    actionData?.intent === "answer" && actionData.itemKey === item.key ? actionData.conflict : null
                  }
                  onValue={onValue}
                  onStatus={onStatus}
                />
              ))}
            </ol>
            <div className="scan-steps">
              {previousKey ? (
                <Link className="button button--secondary" to={stepUrl(previousKey)} rel="prev">
                  {t("scan.previousStep")}
                </Link>
              ) : (
                <span />
              )}
              {nextKey ? (
                <Link className="button button--primary" to={stepUrl(nextKey)} rel="next">
                  {t("scan.nextStep")}
                </Link>
              ) : null}
            </div>
          </section>
          {actionData?.intent === "answer" && !current.items.some((i) => i.key === actionData.itemKey) ? (
            <Notice kind="error" message={actionData.error} />
          ) : null}
          {locked ? null : (
            <Card title="scan.submitTitle">
              <p>{t("scan.submitIntro")}</p>
              {answered < total ? (
                <p className="muted">{t("scan.submitMissing", { count: total - answered })}</p>
              ) : null}
              {missing.length > 0 ? (
                <div className="alert alert--error" role="alert">
                  <p>{isKey(actionData?.error) ? t(actionData.error) : null}</p>
                  <p>{t("scan.missingList")}</p>
                  <ul className="plain-list scan-missing">
                    {missing.map((item) => (
                      <li key={item.key}>
                        <Link to={`${stepUrl(item.dimensionKey)}#item-${item.key}`}>{item.label}</Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <ConfirmAction
                name="submit-scan"
                intent="submit"
                label={t("scan.submitButton")}
                title={t("confirm.submitScan.title", { period: scan.period })}
                confirmLabel={t("confirm.submitScan.yes")}
              >
                <p>{t("confirm.submitScan.body", { period: scan.period, organisation: organisationName })}</p>
                <p>{t("confirm.submitScan.progress", { answered, total })}</p>
                <p>
                  <strong>{t("confirm.irreversible")}</strong>
                </p>
              </ConfirmAction>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

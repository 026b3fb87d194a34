import { Form } from "@remix-run/react";
import { useId } from "react";
import { Card, Notice, StatGrid } from "~/components/ui/page";
import type { ImportPage } from "~/features/import/import.server";
import type { FieldChange } from "~/features/import/plan";
import type { RowProblem } from "~/features/import/rows";
import { isMessageKey, type MessageKey, type TranslateParams } from "~/utils/i18n";
import { useI18n } from "~/utils/i18n-react";

export type ImportActionData =
  | { intent?: string; notice?: MessageKey; noticeParams?: TranslateParams; formError?: string; formErrorParams?: TranslateParams | null }
  | undefined;

const PROBLEM_KEYS: Record<RowProblem, MessageKey> = {
  missingName: "import.problems.missingName",
  nameTooLong: "import.problems.nameTooLong",
  missingEmail: "import.problems.missingEmail",
  invalidEmail: "import.problems.invalidEmail",
  duplicateEmail: "import.problems.duplicateEmail",
  invalidRole: "import.problems.invalidRole",
  invalidLanguage: "import.problems.invalidLanguage",
  formula: "import.problems.formula",
  tooLong: "import.problems.tooLong",
  otherOrganisation: "import.problems.otherOrganisation",
  newcomerAccount: "import.problems.newcomerAccount",
  ownRole: "import.problems.ownRole",
  unknownDepartment: "import.problems.unknownDepartment",
  ambiguousDepartment: "import.problems.ambiguousDepartment",
};

function TemplateLinks({ templateHref }: { templateHref: (format: "xlsx" | "csv", lang: "nl" | "en") => string }) {
  const { t } = useI18n();
  return (
    <Card title="import.template.title">
      <p className="muted">{t("import.template.intro")}</p>
      <ul className="link-list">
        <li>
          <a href={templateHref("xlsx", "nl")} download>{t("import.template.xlsxNl")}</a>
        </li>
        <li>
          <a href={templateHref("csv", "nl")} download>{t("import.template.csvNl")}</a>
        </li>
        <li>
          <a href={templateHref("xlsx", "en")} download>{t("import.template.xlsxEn")}</a>
        </li>
        <li>
          <a href={templateHref("csv", "en")} download>{t("import.template.csvEn")}</a>
        </li>
      </ul>
    </Card>
  );
}

function UploadForm({ error, errorParams }: { error?: string; errorParams?: TranslateParams | null }) {
  const { t } = useI18n();
  const id = useId();
  const hasError = Boolean(error && isMessageKey(error));
  return (
    <Card title="import.upload.title">
      <Form method="post" encType="multipart/form-data" className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t("import.upload.label")}</label>
          <p id={`${id}-hint`} className="field__hint">
            {t("import.upload.hint")}
          </p>
          <input
            id={`${id}-file`}
            type="file"
            name="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            aria-invalid={hasError ? true : undefined}
            aria-describedby={hasError ? `${id}-hint ${id}-error` : `${id}-hint`}
          />
          {hasError && error && isMessageKey(error) ? (
            <ul id={`${id}-error`} className="field-errors" role="alert">
              <li>{t(error, errorParams ?? undefined)}</li>
            </ul>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" name="intent" value="upload" className="button">
            {t("import.upload.submit")}
          </button>
        </div>
      </Form>
    </Card>
  );
}

function ChangeText({ change }: { change: FieldChange }) {
  const { t } = useI18n();
  const show = (value: string) => {
    if (change.field === "role") return value === "hr" || value === "employee" || value === "newcomer" ? t(`roles.${value}`) : value;
    if (change.field === "language") return value === "nl" || value === "en" ? t(`import.languages.${value}`) : "—";
    if (change.field === "status") return value === "deactivated" ? t("import.preview.statusDeactivated") : t("import.preview.statusActive");
    if (change.field === "department") return value === "" ? t("import.preview.noDepartment") : value;
    return value;
  };
  return (
    <>
      {t(`import.preview.fields.${change.field}`)}: {show(change.from)} → {show(change.to)}
    </>
  );
}

function Preview({ preview }: { preview: NonNullable<ImportPage["preview"]> }) {
  const { t, number } = useI18n();
  const { plan, counts } = preview;
  const more = (shown: number, total: number) => (total > shown ? <p className="muted">{t("import.preview.more", { count: number(total - shown) })}</p> : null);
  const nothing = counts.creates + counts.changes + counts.deactivations + counts.sites + counts.departments === 0;
  return (
    <section className="card" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" className="card__title">
        {t("import.preview.title")}
      </h2>
      <p>
        {t("import.preview.file", { name: preview.fileName, count: preview.rowCount })} <strong>{t("import.preview.nothingYet")}</strong>
      </p>
      {preview.ignored.length ? <p className="muted">{t("import.preview.ignored", { columns: preview.ignored.join(", ") })}</p> : null}
      <StatGrid
        stats={[
          { label: "import.preview.countCreates", value: number(counts.creates) },
          { label: "import.preview.countChanges", value: number(counts.changes) },
          { label: "import.preview.countUnchanged", value: number(counts.unchanged) },
          { label: "import.preview.countProblems", value: number(counts.problems) },
          { label: "import.preview.countDeactivations", value: number(counts.deactivations) },
          { label: "import.preview.countPlaces", value: number(counts.sites + counts.departments) },
        ]}
      />

      {plan.problems.length ? (
        <>
          <h3>{t("import.preview.problemsTitle")}</h3>
          <p className="muted">{t("import.preview.problemsIntro")}</p>
          <div className="table-wrap" role="region" aria-label={t("import.preview.problemsTitle")} tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("import.preview.line")}</th>
                  <th scope="col">{t("import.preview.name")}</th>
                  <th scope="col">{t("import.preview.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {plan.problems.map((p) => (
                  <tr key={p.line}>
                    <td>{p.line}</td>
                    <th scope="row">
                      <span className="cell-title">{p.name || "—"}</span>
                      <span className="cell-sub">{p.email}</span>
                    </th>
                    <td>
                      <ul className="plain-list">
                        {p.problems.map((problem) => (
                          <li key={problem}>{t(PROBLEM_KEYS[problem], { line: p.otherLine ?? "" })}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more(plan.problems.length, counts.problems)}
        </>
      ) : null}

      {plan.sitesToCreate.length + plan.departmentsToCreate.length ? (
        <>
          <h3>{t("import.preview.placesTitle")}</h3>
          <ul className="link-list">
            {plan.sitesToCreate.map((s) => (
              <li key={`s-${s}`}>{t("import.preview.newSite", { name: s })}</li>
            ))}
            {plan.departmentsToCreate.map((d) => (
              <li key={`d-${d.site}-${d.name}`}>{t("import.preview.newDepartment", { name: d.name, site: d.site })}</li>
            ))}
          </ul>
        </>
      ) : null}

      {plan.creates.length ? (
        <>
          <h3>{t("import.preview.createsTitle")}</h3>
          <div className="table-wrap" role="region" aria-label={t("import.preview.createsTitle")} tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("import.preview.line")}</th>
                  <th scope="col">{t("import.preview.name")}</th>
                  <th scope="col">{t("import.preview.role")}</th>
                  <th scope="col">{t("import.preview.department")}</th>
                </tr>
              </thead>
              <tbody>
                {plan.creates.map((c) => (
                  <tr key={c.line}>
                    <td>{c.line}</td>
                    <th scope="row">
                      <span className="cell-title">{c.name}</span>
                      <span className="cell-sub">{c.email}</span>
                    </th>
                    <td>{t(`roles.${c.role}`)}</td>
                    <td>{c.department == null ? t("import.preview.noDepartment") : "id" in c.department ? departmentName(preview, c.department.id) : `${c.department.site} – ${c.department.name}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more(plan.creates.length, counts.creates)}
        </>
      ) : null}

      {plan.changes.length ? (
        <>
          <h3>{t("import.preview.changesTitle")}</h3>
          <div className="table-wrap" role="region" aria-label={t("import.preview.changesTitle")} tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("import.preview.line")}</th>
                  <th scope="col">{t("import.preview.name")}</th>
                  <th scope="col">{t("import.preview.change")}</th>
                </tr>
              </thead>
              <tbody>
                {plan.changes.map((c) => (
                  <tr key={c.line}>
                    <td>{c.line}</td>
                    <th scope="row">
                      <span className="cell-title">{c.values.name}</span>
                      <span className="cell-sub">{c.email}</span>
                    </th>
                    <td>
                      <ul className="plain-list">
                        {c.changes.map((change) => (
                          <li key={change.field}>
                            <ChangeText change={change} />
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more(plan.changes.length, counts.changes)}
        </>
      ) : null}

      <Form method="post" className="form-grid">
        <input type="hidden" name="batchId" value={preview.batchId} />
        <input type="hidden" name="planHash" value={preview.planHash} />
        {plan.deactivations.length ? (
          <fieldset className="fieldset">
            <legend>
              <strong>{t("import.preview.deactivationsTitle")}</strong>
            </legend>
            <p className="muted">{t("import.preview.deactivationsIntro")}</p>
            <div className="field field--checkbox">
              <input id="deactivate-all" type="checkbox" name="deactivateAll" value="yes" />
              <label htmlFor="deactivate-all">{t("import.preview.deactivateAll")}</label>
            </div>
            <ul className="plain-list">
              {plan.deactivations.map((d) => (
                <li key={d.userId} className="field field--checkbox">
                  <input id={`deactivate-${d.userId}`} type="checkbox" name="deactivate" value={d.userId} />
                  <label htmlFor={`deactivate-${d.userId}`}>
                    <span className="visually-hidden">{t("import.preview.deactivate", { name: d.name })}</span>
                    <span aria-hidden="true">
                      {d.name} <span className="muted">({d.email}{d.department ? `, ${d.department}` : ""})</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        {nothing ? <p>{t("import.preview.nothingToDo")}</p> : null}
        <div className="form-actions">
          <button type="submit" name="intent" value="apply" className="button">
            {t("import.preview.confirm")}
          </button>
          <button type="submit" name="intent" value="discard" className="button button--ghost">
            {t("import.preview.discard")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function departmentName(preview: NonNullable<ImportPage["preview"]>, id: number): string {
  return preview.departmentNames[id] ?? "";
}

function LastImport({ last, refreshHref }: { last: NonNullable<ImportPage["lastApplied"]>; refreshHref: string }) {
  const { t, number, date } = useI18n();
  const { progress } = last;
  return (
    <Card title="import.last.title">
      <p>{t("import.last.summary", { name: last.fileName, date: date(last.appliedAt, true) })}</p>
      {progress.total === 0 ? (
        <p className="muted">{t("import.last.none")}</p>
      ) : (
        <>
          <p role="status">
            <strong>{t("import.last.progress", { sent: number(progress.sent), total: number(progress.total) })}</strong>
          </p>
          <progress max={progress.total} value={progress.sent} aria-label={t("import.last.progress", { sent: number(progress.sent), total: number(progress.total) })} />
          {progress.failed ? <p className="muted">{t("import.last.failed", { count: progress.failed })}</p> : null}
          {progress.waiting ? (
            <p>
              <a href={refreshHref}>{t("import.last.refresh")}</a>
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}

export function ImportView({
  page,
  actionData,
  templateHref,
  refreshHref,
}: {
  page: ImportPage;
  actionData: ImportActionData;
  templateHref: (format: "xlsx" | "csv", lang: "nl" | "en") => string;
  refreshHref: string;
}) {
  return (
    <div className="stack">
      <Notice message={actionData?.notice ?? null} params={actionData?.noticeParams} />
      {actionData?.intent !== "upload" ? <Notice kind="error" message={actionData?.formError ?? null} params={actionData?.formErrorParams ?? undefined} /> : null}
      {page.lastApplied ? <LastImport last={page.lastApplied} refreshHref={refreshHref} /> : null}
      <div className="two-columns">
        <TemplateLinks templateHref={templateHref} />
        <UploadForm error={actionData?.intent === "upload" ? actionData.formError : undefined} errorParams={actionData?.formErrorParams} />
      </div>
      {page.preview ? <Preview preview={page.preview} /> : null}
    </div>
  );
}

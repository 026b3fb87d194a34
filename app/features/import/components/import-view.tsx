import { Form } from "@remix-run/react";
import { EmailAddress } from "~/components/ui/email";
import { DataTable } from "~/components/ui/data-table";
import { useId, type ReactNode } from "react";
import { Card, Notice, StatGrid } from "~/components/ui/page";
import type { ImportPage } from "~/features/import/import.server";
import type { FieldChange } from "~/features/import/plan";
import type { RowProblem } from "~/features/import/rows";
import type { MessageKey, TranslateParams } from "~/utils/i18n-core";
import { useI18n } from "~/utils/i18n-react";

export type ImportActionData =
  | {
      intent?: string;
      notice?: MessageKey;
      noticeParams?: TranslateParams;
      formError?: string;
      formErrorParams?: TranslateParams | null;
    }
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
          <a href={templateHref("xlsx", "nl")} download>
            {t("import.template.xlsxNl")}
          </a>
        </li>
        <li>
          <a href={templateHref("csv", "nl")} download>
            {t("import.template.csvNl")}
          </a>
        </li>
        <li>
          <a href={templateHref("xlsx", "en")} download>
            {t("import.template.xlsxEn")}
          </a>
        </li>
        <li>
          <a href={templateHref("csv", "en")} download>
            {t("import.template.csvEn")}
          </a>
        </li>
      </ul>
    </Card>
  );
}

function UploadForm({ error, errorParams }: { error?: string; errorParams?: TranslateParams | null }) {
  const { t, isKey } = useI18n();
  const id = useId();
  const hasError = Boolean(error && isKey(error));
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
          {hasError && error && isKey(error) ? (
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
    if (change.field === "role")
      return value === "hr" || value === "employee" || value === "newcomer" ? t(`roles.${value}`) : value;
    if (change.field === "language") return value === "nl" || value === "en" ? t(`import.languages.${value}`) : "—";
    if (change.field === "status")
      return value === "deactivated" ? t("import.preview.statusDeactivated") : t("import.preview.statusActive");
    if (change.field === "department") return value === "" ? t("import.preview.noDepartment") : value;
    return value;
  };
  return (
    <>
      {t(`import.preview.fields.${change.field}`)}: {show(change.from)} → {show(change.to)}
    </>
  );
}

/**
 * One list of the preview (problems, new people, changes): a heading, a scrollable table of line, person and the
 * given columns, and how many more rows the file has than the preview shows.
 */
function PreviewTable<R extends { line: number }>({
  title,
  intro,
  column,
  rows,
  total,
  person,
  cells,
}: {
  title: MessageKey;
  intro?: MessageKey;
  column: MessageKey | MessageKey[];
  rows: readonly R[];
  total: number;
  person: (row: R) => { name: string; email: string };
  cells: (row: R) => ReactNode[];
}) {
  const { t, number } = useI18n();
  if (rows.length === 0) return null;
  const columns = Array.isArray(column) ? column : [column];
  return (
    <>
      <h3>{t(title)}</h3>
      {intro ? <p className="muted">{t(intro)}</p> : null}
      <DataTable label={t(title)}>
        <thead>
          <tr>
            <th scope="col">{t("import.preview.line")}</th>
            <th scope="col">{t("import.preview.name")}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { name, email } = person(row);
            return (
              <tr key={row.line}>
                <td>{row.line}</td>
                <th scope="row">
                  <span className="cell-title">{name}</span>
                  <span className="cell-sub">
                    <EmailAddress address={email} />
                  </span>
                </th>
                {cells(row).map((cell, i) => (
                  <td key={columns[i]}>{cell}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      {total > rows.length ? (
        <p className="muted">{t("import.preview.more", { count: number(total - rows.length) })}</p>
      ) : null}
    </>
  );
}

function Preview({ preview }: { preview: NonNullable<ImportPage["preview"]> }) {
  const { t, number } = useI18n();
  const { plan, counts } = preview;
  const nothing = counts.creates + counts.changes + counts.deactivations + counts.sites + counts.departments === 0;
  return (
    <section className="card" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" className="card__title">
        {t("import.preview.title")}
      </h2>
      <p>
        {t("import.preview.file", { name: preview.fileName, count: preview.rowCount })}{" "}
        <strong>{t("import.preview.nothingYet")}</strong>
      </p>
      {preview.ignored.length ? (
        <p className="muted">{t("import.preview.ignored", { columns: preview.ignored.join(", ") })}</p>
      ) : null}
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

      <PreviewTable
        title="import.preview.problemsTitle"
        intro="import.preview.problemsIntro"
        column="import.preview.problem"
        rows={plan.problems}
        total={counts.problems}
        person={(p) => ({ name: p.name || "—", email: p.email })}
        cells={(p) => [
          <ul key="problems" className="plain-list">
            {p.problems.map((problem) => (
              <li key={problem}>{t(PROBLEM_KEYS[problem], { line: p.otherLine ?? "" })}</li>
            ))}
          </ul>,
        ]}
      />

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

      <PreviewTable
        title="import.preview.createsTitle"
        column={["import.preview.role", "import.preview.department"]}
        rows={plan.creates}
        total={counts.creates}
        person={(c) => ({ name: c.name, email: c.email })}
        cells={(c) => [
          t(`roles.${c.role}`),
          c.department == null
            ? t("import.preview.noDepartment")
            : "id" in c.department
              ? departmentName(preview, c.department.id)
              : `${c.department.site} – ${c.department.name}`,
        ]}
      />

      <PreviewTable
        title="import.preview.changesTitle"
        column="import.preview.change"
        rows={plan.changes}
        total={counts.changes}
        person={(c) => ({ name: c.values.name, email: c.email })}
        cells={(c) => [
          <ul key="changes" className="plain-list">
            {c.changes.map((change) => (
              <li key={change.field}>
                <ChangeText change={change} />
              </li>
            ))}
          </ul>,
        ]}
      />

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
                      {d.name}{" "}
                      <span className="muted">
                        ({d.email}
                        {d.department ? `, ${d.department}` : ""})
                      </span>
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
          <progress
            max={progress.total}
            value={progress.sent}
            aria-label={t("import.last.progress", { sent: number(progress.sent), total: number(progress.total) })}
          />
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
      {actionData?.intent !== "upload" ? (
        <Notice
          kind="error"
          message={actionData?.formError ?? null}
          params={actionData?.formErrorParams ?? undefined}
        />
      ) : null}
      {page.lastApplied ? <LastImport last={page.lastApplied} refreshHref={refreshHref} /> : null}
      <div className="two-columns">
        <TemplateLinks templateHref={templateHref} />
        <UploadForm
          error={actionData?.intent === "upload" ? actionData.formError : undefined}
          errorParams={actionData?.formErrorParams}
        />
      </div>
      {page.preview ? <Preview preview={page.preview} /> : null}
    </div>
  );
}

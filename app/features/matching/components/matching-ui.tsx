// Building blocks of the matching pages: explanations, status badges and the profile form parts.
import { useEffect, useId, useState } from "react";
import { ErrorList } from "~/components/ui/error-list";
import { SelectField } from "~/components/ui/form";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/i18n-react";
import {
  CEFR_LEVELS,
  GENDERS,
  INTERESTS,
  LANGUAGE_CODES,
  PROFESSIONS,
  SHIFTS,
  type Contribution,
  type LanguageSkill,
} from "../criteria";
import { LANGUAGE_ROWS } from "../matching.options";

export type FieldErrors = Partial<Record<string, string[]>>;

/** A translation key built from data (a language code, a status); the catalogue test keeps them complete. */
export function key(k: string): MessageKey {
  return k as MessageKey;
}

export function contributionLabel(
  t: (k: MessageKey, p?: Record<string, string | number>) => string,
  c: Contribution,
): string {
  if (c.key === "sharedLanguage" && c.language)
    return t("matching.explain.sharedLanguage", { language: t(key(`matching.languages.${c.language}`)) });
  if (c.key === "shiftOverlap" && c.count) return t("matching.explain.shiftOverlap", { count: c.count });
  if (c.key === "sharedInterests" && c.count) return t("matching.explain.sharedInterests", { count: c.count });
  if (c.key === "load" && c.count) return t("matching.explain.load", { count: c.count });
  return t(key(`matching.criteria.${c.key}`));
}

/**
 * Why a pair fits: the criteria it meets, then its fit on 0–100 (`fit`, computed once with the run and stored
 * with the proposal). The keep bonus is the run's own preference and is not part of the fit, so it is not listed.
 */
export function Explanation({ contributions, fit }: { contributions: Contribution[]; fit?: number }) {
  const { t } = useI18n();
  const shown = contributions.filter((c) => c.key !== "keep");
  if (shown.length === 0) return <p className="muted">{t("matching.explain.none")}</p>;
  return (
    <ul className="explanation">
      {shown.map((c, i) => (
        <li key={`${c.key}-${i}`}>
          <span>{contributionLabel(t, c)}</span>{" "}
          <strong className={c.points < 0 ? "explanation__minus" : "explanation__plus"}>
            {c.points > 0 ? `+${c.points}` : c.points}
          </strong>
        </li>
      ))}
      {fit != null ? (
        <li className="explanation__total">
          <span>{t("matching.explain.total", { score: fit })}</span>
        </li>
      ) : null}
    </ul>
  );
}

/** The short line under a fit that says what the 0–100 scale means. */
export function FitHelp() {
  const { t } = useI18n();
  return <p className="muted">{t("matching.fitScale.help")}</p>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const muted = ["declined", "expired", "withdrawn", "stopped", "erased"].includes(status);
  return (
    <span className={`badge ${muted ? "badge--muted" : ""} match-status match-status--${status}`}>
      {t(key(`matching.status.${status}`))}
    </span>
  );
}

export function languageList(t: (k: MessageKey) => string, languages: LanguageSkill[]): string {
  return languages.map((l) => `${t(key(`matching.languages.${l.code}`))} ${l.level}`).join(", ");
}

function useOptions() {
  const { t } = useI18n();
  return {
    professions: PROFESSIONS.map((p) => ({ value: p, label: t(key(`matching.professions.${p}`)) })),
    levels: CEFR_LEVELS.map((l) => ({ value: l, label: l })),
    languages: [...LANGUAGE_CODES]
      .map((c) => ({ value: c, label: t(key(`matching.languages.${c}`)) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    genders: GENDERS.map((g) => ({ value: g, label: t(key(`matching.genders.${g}`)) })),
  };
}

export function ProfessionField({ defaultValue, errors }: { defaultValue?: string; errors?: string[] }) {
  const { professions } = useOptions();
  return (
    <SelectField
      name="profession"
      label="matching.fields.profession"
      options={professions}
      defaultValue={defaultValue ?? "nurse"}
      errors={errors}
    />
  );
}

export function DepartmentField({
  departments,
  defaultValue,
  errors,
}: {
  departments: { id: number; name: string; siteName: string | null }[];
  defaultValue?: number | null;
  errors?: string[];
}) {
  return (
    <SelectField
      name="departmentId"
      label="matching.fields.department"
      options={departments.map((d) => ({
        value: String(d.id),
        label: d.siteName ? `${d.name} — ${d.siteName}` : d.name,
      }))}
      defaultValue={defaultValue ? String(defaultValue) : undefined}
      errors={errors}
      includeEmpty
    />
  );
}

export function DutchLevelField({ defaultValue, errors }: { defaultValue?: string; errors?: string[] }) {
  const { levels } = useOptions();
  return (
    <SelectField
      name="dutchLevel"
      label="matching.fields.dutchLevel"
      hint="matching.fields.dutchLevelHint"
      options={levels}
      defaultValue={defaultValue ?? "B1"}
      errors={errors}
    />
  );
}

/** Fixed rows of language + level: works as a plain form; empty rows are ignored. */
export function LanguageRows({
  languages,
  errors,
}: {
  languages: { code: string; level: string }[];
  errors?: FieldErrors;
}) {
  const { t } = useI18n();
  const options = useOptions();
  const hintId = useId();
  // Without JavaScript every row shows; with it, the filled rows plus one, and a button for more.
  const errorRows = Array.from({ length: LANGUAGE_ROWS }, (_, i) => i).filter(
    (i) => errors?.[`lang${i}code`] || errors?.[`lang${i}level`],
  );
  const filled = languages.reduce((n, l, i) => (l.code || l.level ? i + 1 : n), 0);
  const needed = Math.min(LANGUAGE_ROWS, Math.max(filled + 1, ...errorRows.map((i) => i + 1)));
  const [shown, setShown] = useState(LANGUAGE_ROWS);
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => {
    setShown(needed);
    setEnhanced(true);
  }, [needed]);
  return (
    <fieldset className="fieldset language-rows" aria-describedby={hintId}>
      <legend>{t("matching.fields.languages")}</legend>
      <p id={hintId} className="field__hint">
        {t("matching.fields.languagesHint")}
      </p>
      {Array.from({ length: LANGUAGE_ROWS }, (_, i) => {
        const l = languages[i];
        return (
          <div key={i} className="language-row" hidden={i >= shown}>
            <LabelledSelect
              name={`lang${i}code`}
              label={t("matching.fields.language", { n: i + 1 })}
              options={options.languages}
              defaultValue={l?.code}
              errors={errors?.[`lang${i}code`]}
            />
            <LabelledSelect
              name={`lang${i}level`}
              label={t("matching.fields.level", { n: i + 1 })}
              options={options.levels}
              defaultValue={l?.level}
              errors={errors?.[`lang${i}level`]}
            />
          </div>
        );
      })}
      {enhanced && shown < LANGUAGE_ROWS ? (
        <div>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setShown((n) => Math.min(LANGUAGE_ROWS, n + 1))}
          >
            {t("matching.fields.addLanguage")}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}

function LabelledSelect({
  name,
  label,
  options,
  defaultValue,
  errors,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  errors?: string[];
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
      >
        <option value="">—</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function CheckboxGroup({
  name,
  legend,
  values,
  selected,
  prefix,
  errors,
}: {
  name: string;
  legend: MessageKey;
  values: readonly string[];
  selected: string[];
  prefix: string;
  errors?: string[];
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="fieldset checkbox-group">
      <legend>{t(legend)}</legend>
      <div className="checkbox-group__items">
        {values.map((v) => (
          <div key={v} className="field--checkbox">
            <input id={`${id}-${v}`} type="checkbox" name={name} value={v} defaultChecked={selected.includes(v)} />
            <label htmlFor={`${id}-${v}`}>{t(key(`${prefix}.${v}`))}</label>
          </div>
        ))}
      </div>
      <ErrorList errors={errors} />
    </fieldset>
  );
}

export function ShiftsField({ selected, errors }: { selected: string[]; errors?: string[] }) {
  return (
    <CheckboxGroup
      name="shifts"
      legend="matching.fields.shifts"
      values={SHIFTS}
      selected={selected}
      prefix="matching.shifts"
      errors={errors}
    />
  );
}

export function InterestsField({ selected, errors }: { selected: string[]; errors?: string[] }) {
  return (
    <CheckboxGroup
      name="interests"
      legend="matching.fields.interests"
      values={INTERESTS}
      selected={selected}
      prefix="matching.interests"
      errors={errors}
    />
  );
}

export function GenderSelect({
  name,
  label,
  hint,
  defaultValue,
  emptyLabel,
  errors,
}: {
  name: string;
  label: MessageKey;
  hint: MessageKey;
  defaultValue?: string | null;
  emptyLabel: MessageKey;
  errors?: string[];
}) {
  const { t } = useI18n();
  const { genders } = useOptions();
  return (
    <SelectField
      name={name}
      label={label}
      hint={hint}
      options={[{ value: "", label: t(emptyLabel) }, ...genders]}
      defaultValue={defaultValue ?? ""}
      errors={errors}
    />
  );
}

export function CheckInList({
  checkIns,
  today,
}: {
  checkIns: { key: string; dueDate: string; doneAt: string | null; note?: string | null }[];
  today: string;
}) {
  const { t, date } = useI18n();
  return (
    <ol className="checkin-list">
      {checkIns.map((c) => (
        <li
          key={c.key}
          className={`checkin ${c.doneAt ? "checkin--done" : c.dueDate < today ? "checkin--overdue" : ""}`}
        >
          <strong>{t(key(`matching.match.checkinKeys.${c.key}`))}</strong>{" "}
          <span>
            {c.doneAt
              ? t("matching.match.done", { date: date(c.doneAt) })
              : t("matching.match.due", { date: date(`${c.dueDate}T12:00:00Z`) })}
          </span>
          {!c.doneAt && c.dueDate < today ? <span className="badge"> {t("matching.match.overdue")}</span> : null}
          {c.note ? <p className="checkin__note">{c.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

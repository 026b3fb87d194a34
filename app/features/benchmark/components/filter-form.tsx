// The comparison filters: a plain GET form (works without JavaScript; the URL is the state, so a view can be shared).
import { Form, Link } from "@remix-run/react";
import { BREAKDOWNS, FILTER_COUNTRIES, FILTER_SECTORS, FILTER_SIZE_BANDS } from "../filters.options";
import { useI18n } from "~/utils/i18n-react";
import type { MessageKey } from "~/utils/i18n";

type Values = { country?: string; sector?: string; sizeBand?: string; year?: string; breakdown?: string };

export function breakdownLabel(by: string): MessageKey {
  return by === "country"
    ? "benchmark.comparison.country"
    : by === "sizeBand"
      ? "benchmark.comparison.sizeBand"
      : "benchmark.comparison.sector";
}

function Select({
  name,
  label,
  value,
  options,
  allLabel,
  errors,
}: {
  name: string;
  label: MessageKey;
  value?: string;
  options: { value: string; label: string }[];
  allLabel?: string;
  errors?: string[];
}) {
  const { t } = useI18n();
  const id = `filter-${name}`;
  const known = value === undefined || value === "" || options.some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{t(label)}</label>
      <select
        id={id}
        name={name}
        defaultValue={known ? (value ?? "") : ""}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
      >
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors ? (
        <ul className="field-errors" id={`${id}-error`}>
          {errors.map((e) => (
            <li key={e}>{t(e as MessageKey)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function FilterForm({
  values,
  periods,
  errors,
}: {
  values: Values;
  periods: string[];
  errors?: Record<string, string[]>;
}) {
  const { t } = useI18n();
  return (
    <Form method="get" className="filter-bar benchmark-filters" aria-label={t("benchmark.comparison.filters")}>
      <Select
        name="country"
        label="benchmark.comparison.country"
        value={values.country}
        allLabel={t("common.all")}
        errors={errors?.country}
        options={FILTER_COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))}
      />
      <Select
        name="sector"
        label="benchmark.comparison.sector"
        value={values.sector}
        allLabel={t("common.all")}
        errors={errors?.sector}
        options={FILTER_SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
      />
      <Select
        name="sizeBand"
        label="benchmark.comparison.sizeBand"
        value={values.sizeBand}
        allLabel={t("common.all")}
        errors={errors?.sizeBand}
        options={FILTER_SIZE_BANDS.map((s) => ({ value: s, label: t(`sizeBands.${s}`) }))}
      />
      <Select
        name="year"
        label="benchmark.comparison.year"
        value={values.year}
        allLabel={t("benchmark.comparison.latest")}
        errors={errors?.year}
        options={[...periods].reverse().map((p) => ({ value: p, label: p }))}
      />
      <Select
        name="breakdown"
        label="benchmark.comparison.breakdown"
        value={values.breakdown ?? "sector"}
        errors={errors?.breakdown}
        options={BREAKDOWNS.map((b) => ({ value: b, label: t(breakdownLabel(b)) }))}
      />
      <div className="benchmark-filters__actions">
        <button type="submit" className="button">
          {t("benchmark.comparison.apply")}
        </button>
        <Link to="." className="button button--ghost">
          {t("benchmark.comparison.reset")}
        </Link>
      </div>
    </Form>
  );
}

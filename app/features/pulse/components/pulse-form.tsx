// The pulse answer form: one fieldset per statement, the scale as radio buttons (a plain form post).
import { Form } from "@remix-run/react";
import { useId } from "react";
import { FormError, SubmitButton } from "~/components/ui/form";
import { useI18n } from "~/utils/i18n-react";
import { OPEN_ANSWER_MAX } from "../anonymity";
import { PULSE_VALUES } from "../pulse.options";

export type PulseFormProps = {
  statements: { key: string; text: string }[];
  openQuestion: string;
  errors?: Record<string, string[]>;
  formError?: string | null;
  values?: Record<string, string | string[]>;
};

export function PulseForm({ statements, openQuestion, errors, formError, values }: PulseFormProps) {
  const { t, isKey } = useI18n();
  const openId = useId();
  const openValue = typeof values?.open === "string" ? values.open : undefined;
  return (
    <Form method="post" className="stack pulse-form">
      <FormError error={formError} />
      <h2 className="small-heading">{t("pulse.answer.statementsLegend")}</h2>
      <ol className="scan-items">
        {statements.map((s, index) => {
          const error = errors?.[s.key]?.[0];
          const errorId = `${s.key}-error`;
          return (
            <li key={s.key} className="scan-item">
              <fieldset className="scan-item__fieldset" aria-describedby={error ? errorId : undefined}>
                <legend className="scan-item__text">
                  <span className="scan-item__number">{index + 1}.</span> {s.text}
                </legend>
                {error ? (
                  <p id={errorId} className="field-errors">
                    {isKey(error) ? t(error) : t("errors.badRequest")}
                  </p>
                ) : null}
                <div className="scan-scale pulse-scale">
                  {PULSE_VALUES.map((v) => (
                    <label
                      key={v}
                      className={`scan-scale__option${v === "dont_know" ? " scan-scale__option--other" : ""}`}
                    >
                      <input type="radio" name={s.key} value={v} defaultChecked={values?.[s.key] === v} />
                      <span>{t(`pulse.scale.${v}`)}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="field">
        <label htmlFor={openId}>
          {openQuestion} <span className="field__optional">{t("common.optional")}</span>
        </label>
        <p id={`${openId}-warning`} className="alert alert--info pulse-warning">
          {t("pulse.answer.openWarning")}
        </p>
        <p id={`${openId}-hint`} className="field__hint">
          {t("pulse.answer.openHint", { max: OPEN_ANSWER_MAX })}
        </p>
        <textarea
          id={openId}
          name="open"
          rows={4}
          maxLength={OPEN_ANSWER_MAX}
          defaultValue={openValue}
          aria-describedby={`${openId}-warning ${openId}-hint`}
          aria-invalid={errors?.open ? true : undefined}
        />
        {errors?.open?.[0] ? (
          <p className="field-errors">{isKey(errors.open[0]) ? t(errors.open[0]) : t("errors.badRequest")}</p>
        ) : null}
      </div>
      <div className="form-actions">
        <SubmitButton>{t("pulse.answer.submit")}</SubmitButton>
      </div>
    </Form>
  );
}

export function PulsePrivacy() {
  const { t } = useI18n();
  return (
    <section className="card pulse-privacy" aria-labelledby="pulse-privacy-title">
      <h2 className="card__title" id="pulse-privacy-title">
        {t("pulse.answer.privacyTitle")}
      </h2>
      <ul className="plain-list stack">
        <li>✓ {t("pulse.answer.privacyWill")}</li>
        <li>✗ {t("pulse.answer.privacyWillNot")}</li>
        <li>✓ {t("pulse.answer.privacyOpen")}</li>
      </ul>
    </section>
  );
}

// The second factor's UI: enrolment (QR code, key, first code) and the one-time list of recovery codes.
// Plain forms: everything works without JavaScript.
import { Form, Link } from "@remix-run/react";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { useI18n } from "~/utils/i18n-react";

export type EnrolmentView = { secret: string; uri: string; qrDataUri: string };

export function EnrolmentSteps({
  enrolment,
  errors,
  formError,
  intent,
}: {
  enrolment: EnrolmentView;
  errors?: string[];
  formError?: string | null;
  intent?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <ol className="steps">
        <li>{t("secondFactor.step1")}</li>
        <li>
          {t("secondFactor.step2")}
          <div className="second-factor__qr">
            <img src={enrolment.qrDataUri} alt={t("secondFactor.qrAlt")} width={200} height={200} />
          </div>
          <p className="field__static">
            <span className="field__static-label">{t("secondFactor.secretLabel")}</span>{" "}
            <code className="second-factor__secret" data-testid="totp-secret">
              {enrolment.secret}
            </code>
          </p>
          <p>
            <a href={enrolment.uri}>{t("secondFactor.openInApp")}</a>
          </p>
        </li>
        <li>{t("secondFactor.step3")}</li>
      </ol>
      <Form method="post" className="form-grid">
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <FormError error={formError} />
        <Field
          name="code"
          label="secondFactor.codeLabel"
          hint="secondFactor.totpHint"
          autoComplete="one-time-code"
          required
          maxLength={12}
          errors={errors}
        />
        <div className="form-actions">
          <SubmitButton>{t("secondFactor.confirm")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}

export function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo?: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="recovery-title" className="stack">
      <h2 id="recovery-title">{t("secondFactor.recoveryTitle")}</h2>
      <p>{t("secondFactor.recoveryIntro")}</p>
      <ul className="second-factor__codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      {continueTo ? (
        <p>
          <Link className="button button--primary" to={continueTo}>
            {t("secondFactor.continue")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

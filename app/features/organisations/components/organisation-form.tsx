import { Form } from "@remix-run/react";
import { CheckboxField, Field, SelectField, SubmitButton } from "~/components/ui/form";
import { useI18n } from "~/utils/i18n-react";
import { COUNTRIES, ORGANISATION_KINDS, SECTORS, SIZE_BANDS } from "../organisation.options";

type Values = {
  kind: "care_provider" | "partner";
  name: string;
  country: string;
  sector: string;
  sizeBand: string;
  benchmarkConsent: boolean;
  requireBuddyTraining: boolean;
  requireSameSite: boolean;
  requireHrSecondFactor: boolean;
};

export function OrganisationForm({
  values,
  errors,
  intent,
}: {
  values?: Values;
  errors?: Record<string, string[]>;
  intent?: string;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="form-grid">
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <Field
        name="name"
        label="common.name"
        defaultValue={values?.name}
        required
        maxLength={160}
        errors={errors?.name}
      />
      <SelectField
        name="kind"
        label="admin.kind"
        defaultValue={values?.kind ?? "care_provider"}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        errors={errors?.kind}
      />
      <SelectField
        name="country"
        label="admin.country"
        defaultValue={values?.country ?? "BE"}
        options={COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))}
        errors={errors?.country}
      />
      <SelectField
        name="sector"
        label="admin.sector"
        defaultValue={values?.sector ?? "hospital"}
        options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
        errors={errors?.sector}
      />
      <SelectField
        name="sizeBand"
        label="admin.sizeBand"
        defaultValue={values?.sizeBand ?? "medium"}
        options={SIZE_BANDS.map((s) => ({ value: s, label: t(`sizeBands.${s}`) }))}
        errors={errors?.sizeBand}
      />
      <fieldset className="fieldset">
        <legend className="visually-hidden">{t("admin.benchmarkConsent")}</legend>
        <CheckboxField
          name="benchmarkConsent"
          label="admin.benchmarkConsent"
          hint="admin.benchmarkConsentHelp"
          defaultChecked={values?.benchmarkConsent ?? false}
        />
        <CheckboxField
          name="requireBuddyTraining"
          label="admin.requireBuddyTraining"
          defaultChecked={values?.requireBuddyTraining ?? true}
        />
        <CheckboxField
          name="requireSameSite"
          label="admin.requireSameSite"
          defaultChecked={values?.requireSameSite ?? false}
        />
        <CheckboxField
          name="requireHrSecondFactor"
          label="secondFactor.requireForHr"
          hint="secondFactor.requireForHrHelp"
          defaultChecked={values?.requireHrSecondFactor ?? false}
        />
      </fieldset>
      <div className="form-actions">
        <SubmitButton>{t("common.save")}</SubmitButton>
      </div>
    </Form>
  );
}

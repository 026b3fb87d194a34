// The admin's form for an organisation's single sign-on settings. Works without JavaScript (plain form posts).
import { Form } from "@remix-run/react";
import { useId } from "react";
import { ErrorList } from "~/components/ui/error-list";
import { CheckboxField, Field, SelectField, SubmitButton } from "~/components/ui/form";
import { useI18n } from "~/utils/i18n-react";
import type { SsoSettingsView } from "../sso-settings.server";

type Errors = Record<string, string[]> | undefined;

function DomainsField({ defaultValue, errors }: { defaultValue: string; errors?: string[] }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t("sso.admin.domains")}</label>
      <p id={`${id}-hint`} className="field__hint">
        {t("sso.admin.domainsHint")}
      </p>
      <textarea
        id={id}
        name="domains"
        rows={3}
        maxLength={5000}
        required
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[`${id}-hint`, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ")}
      />
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function SsoSettingsForm({
  settings,
  errors,
  values,
}: {
  settings: SsoSettingsView;
  errors: Errors;
  values?: Record<string, string> | null;
}) {
  const { t } = useI18n();
  const value = (key: string, fallback: string) => values?.[key] ?? fallback;
  return (
    <Form method="post" className="form-grid">
      <input type="hidden" name="intent" value="save" />
      <Field
        name="issuer"
        label="sso.admin.issuer"
        hint="sso.admin.issuerHint"
        required
        maxLength={500}
        defaultValue={value("issuer", settings.issuer)}
        errors={errors?.issuer}
      />
      <Field
        name="clientId"
        label="sso.admin.clientId"
        required
        maxLength={255}
        defaultValue={value("clientId", settings.clientId)}
        errors={errors?.clientId}
      />
      <Field
        name="clientSecret"
        type="password"
        label="sso.admin.clientSecret"
        hint={settings.configured ? "sso.admin.clientSecretKeep" : "sso.admin.clientSecretHint"}
        autoComplete="off"
        required={!settings.configured}
        maxLength={1000}
        errors={errors?.clientSecret}
      />
      <DomainsField defaultValue={value("domains", settings.domains.join("\n"))} errors={errors?.domains} />
      <SelectField
        name="breakGlassUserId"
        label="sso.admin.breakGlass"
        hint="sso.admin.breakGlassHint"
        defaultValue={value("breakGlassUserId", settings.breakGlassUserId ? String(settings.breakGlassUserId) : "")}
        options={[
          { value: "", label: t("sso.admin.noBreakGlass") },
          ...settings.candidates.map((c) => ({ value: String(c.id), label: `${c.name} (${c.email})` })),
        ]}
        errors={errors?.breakGlassUserId}
      />
      <fieldset className="fieldset">
        <legend className="visually-hidden">{t("sso.admin.requireSso")}</legend>
        <CheckboxField
          name="requireSso"
          label="sso.admin.requireSso"
          hint="sso.admin.requireSsoHint"
          defaultChecked={values ? values.requireSso === "on" : settings.requireSso}
        />
      </fieldset>
      <Field
        name="departmentClaim"
        label="sso.admin.departmentClaim"
        hint="sso.admin.departmentClaimHint"
        optional
        maxLength={64}
        defaultValue={value("departmentClaim", settings.departmentClaim ?? "")}
        errors={errors?.departmentClaim}
      />
      <SelectField
        name="defaultDepartmentId"
        label="sso.admin.defaultDepartment"
        defaultValue={value(
          "defaultDepartmentId",
          settings.defaultDepartmentId ? String(settings.defaultDepartmentId) : "",
        )}
        options={[
          { value: "", label: t("sso.admin.noDepartment") },
          ...settings.departments.map((d) => ({ value: String(d.id), label: d.name })),
        ]}
        errors={errors?.defaultDepartmentId}
      />
      <div className="form-actions">
        <SubmitButton>{t("sso.admin.save")}</SubmitButton>
      </div>
    </Form>
  );
}

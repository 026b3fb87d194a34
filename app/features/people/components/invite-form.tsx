import { Field, FormError, SelectField, SubmitButton, CheckedForm } from "~/components/ui/form";
import type { Role } from "~/features/auth/roles";
import { useI18n } from "~/utils/i18n-react";

type Option = { id: number; name: string };

export function InviteForm({
  roles,
  organisations,
  departments,
  errors,
  formError,
}: {
  roles: Role[];
  organisations?: Option[];
  departments: { id: number; name: string; organisationName?: string }[];
  errors?: Record<string, string[]>;
  formError?: string | null;
}) {
  const { t, locale } = useI18n();
  return (
    <CheckedForm method="post" className="form-grid">
      <input type="hidden" name="intent" value="invite" />
      <FormError error={formError} />
      <Field name="name" label="common.name" required maxLength={120} autoComplete="off" errors={errors?.name} />
      <Field
        name="email"
        type="email"
        label="common.email"
        required
        maxLength={254}
        autoComplete="off"
        errors={errors?.email}
      />
      <SelectField
        name="role"
        label="common.role"
        options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        errors={errors?.role}
      />
      {organisations ? (
        <SelectField
          name="organisationId"
          label="admin.organisation"
          options={[
            { value: "", label: t("admin.noOrganisation") },
            ...organisations.map((o) => ({ value: String(o.id), label: o.name })),
          ]}
          errors={errors?.organisationId}
        />
      ) : null}
      <SelectField
        name="departmentId"
        label="admin.department"
        options={[
          { value: "", label: "—" },
          ...departments.map((d) => ({
            value: String(d.id),
            label: d.organisationName ? `${d.organisationName} · ${d.name}` : d.name,
          })),
        ]}
        errors={errors?.departmentId}
      />
      <SelectField
        name="locale"
        label="admin.inviteLanguage"
        defaultValue={locale}
        options={[
          { value: "nl", label: t("language.nl") },
          { value: "en", label: t("language.en") },
        ]}
      />
      <div className="form-actions">
        <SubmitButton>{t("admin.inviteSend")}</SubmitButton>
      </div>
    </CheckedForm>
  );
}

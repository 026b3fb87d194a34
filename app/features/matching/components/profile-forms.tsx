// The newcomer record form (HR) and the buddy profile form (employee): plain posts, server-validated.
import { Form } from "@remix-run/react";
import { CheckboxField, Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { useI18n } from "~/utils/i18n-react";
import { RECOGNITION_STATUSES } from "../matching.options";
import {
  DepartmentField,
  DutchLevelField,
  GenderSelect,
  InterestsField,
  key,
  LanguageRows,
  ProfessionField,
  ShiftsField,
  type FieldErrors,
} from "./matching-ui";

type Department = { id: number; name: string; siteName: string | null };

export type NewcomerFormValues = {
  name: string;
  userId: number | null;
  profession: string;
  departmentId: number | null;
  startDate: string;
  dutchLevel: string;
  languages: { code: string; level: string }[];
  shifts: string[];
  interests: string[];
  buddyGenderPreference: string | null;
  recognitionStatus: string;
  notes: string | null;
};

export function NewcomerForm({
  values,
  departments,
  accounts,
  errors,
  formError,
  submitLabel,
}: {
  values?: NewcomerFormValues;
  departments: Department[];
  accounts: { id: number; name: string; email: string }[];
  errors?: FieldErrors;
  formError?: string | null;
  submitLabel: "matching.newcomers.add" | "matching.newcomers.save";
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="stack matching-form" noValidate>
      <input type="hidden" name="intent" value="save" />
      <FormError error={formError} />
      <div className="form-grid">
        <Field
          name="name"
          label="matching.fields.name"
          defaultValue={values?.name}
          errors={errors?.name}
          required
          maxLength={120}
          autoComplete="off"
        />
        <SelectField
          name="userId"
          label="matching.fields.account"
          options={[
            { value: "", label: t("matching.fields.accountNone") },
            ...accounts.map((a) => ({ value: String(a.id), label: `${a.name} (${a.email})` })),
          ]}
          defaultValue={values?.userId ? String(values.userId) : ""}
          errors={errors?.userId}
        />
        <ProfessionField defaultValue={values?.profession} errors={errors?.profession} />
        <DepartmentField departments={departments} defaultValue={values?.departmentId} errors={errors?.departmentId} />
        <Field
          name="startDate"
          type="date"
          label="matching.fields.startDate"
          defaultValue={values?.startDate}
          errors={errors?.startDate}
          required
        />
        <DutchLevelField defaultValue={values?.dutchLevel} errors={errors?.dutchLevel} />
      </div>
      <LanguageRows languages={values?.languages ?? []} errors={errors} />
      <ShiftsField selected={values?.shifts ?? []} errors={errors?.shifts} />
      <InterestsField selected={values?.interests ?? []} errors={errors?.interests} />
      <div className="form-grid">
        <GenderSelect
          name="buddyGenderPreference"
          label="matching.fields.genderPreference"
          hint="matching.fields.genderPreferenceHint"
          emptyLabel="matching.fields.noPreference"
          defaultValue={values?.buddyGenderPreference}
          errors={errors?.buddyGenderPreference}
        />
        <SelectField
          name="recognitionStatus"
          label="matching.fields.recognition"
          options={RECOGNITION_STATUSES.map((s) => ({ value: s, label: t(key(`matching.recognition.${s}`)) }))}
          defaultValue={values?.recognitionStatus ?? "not_started"}
          errors={errors?.recognitionStatus}
        />
      </div>
      <NotesField defaultValue={values?.notes ?? ""} errors={errors?.notes} />
      <div className="form-actions">
        <SubmitButton>{t(submitLabel)}</SubmitButton>
      </div>
    </Form>
  );
}

function NotesField({ defaultValue, errors }: { defaultValue: string; errors?: string[] }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor="newcomer-notes">
        {t("matching.fields.notes")} <span className="field__optional">{t("common.optional")}</span>
      </label>
      <textarea
        id="newcomer-notes"
        name="notes"
        rows={3}
        maxLength={2000}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
      />
      {errors?.length ? <p className="field-errors">{t(key(errors[0] ?? ""))}</p> : null}
    </div>
  );
}

export type BuddyFormValues = {
  profession: string;
  departmentId: number | null;
  dutchLevel: string;
  languages: { code: string; level: string }[];
  shifts: string[];
  interests: string[];
  gender: string | null;
  capacity: number;
  yearsInOrganisation: number;
  ownNewcomerExperience: boolean;
  status: string;
  pausedUntil: string | null;
};

export function BuddyProfileForm({
  values,
  departments,
  errors,
  formError,
  exists,
}: {
  values?: BuddyFormValues;
  departments: Department[];
  errors?: FieldErrors;
  formError?: string | null;
  exists: boolean;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="stack matching-form" noValidate>
      <FormError error={formError} />
      <div className="form-grid">
        <ProfessionField defaultValue={values?.profession} errors={errors?.profession} />
        <DepartmentField departments={departments} defaultValue={values?.departmentId} errors={errors?.departmentId} />
        <DutchLevelField defaultValue={values?.dutchLevel ?? "C2"} errors={errors?.dutchLevel} />
        <Field
          name="capacity"
          type="number"
          label="matching.fields.capacity"
          defaultValue={values?.capacity ?? 1}
          errors={errors?.capacity}
          required
        />
        <Field
          name="yearsInOrganisation"
          type="number"
          label="matching.fields.years"
          defaultValue={values?.yearsInOrganisation ?? 0}
          errors={errors?.yearsInOrganisation}
          required
        />
        <GenderSelect
          name="gender"
          label="matching.fields.gender"
          hint="matching.fields.genderHint"
          emptyLabel="matching.fields.notSaid"
          defaultValue={values?.gender}
          errors={errors?.gender}
        />
      </div>
      <CheckboxField
        name="ownNewcomerExperience"
        label="matching.fields.experience"
        defaultChecked={values?.ownNewcomerExperience}
      />
      <LanguageRows languages={values?.languages ?? []} errors={errors} />
      <ShiftsField selected={values?.shifts ?? []} errors={errors?.shifts} />
      <InterestsField selected={values?.interests ?? []} errors={errors?.interests} />
      <div className="form-grid">
        <SelectField
          name="status"
          label="matching.fields.status"
          options={(["active", "paused", "inactive"] as const).map((s) => ({
            value: s,
            label: t(key(`matching.buddyStatus.${s}`)),
          }))}
          defaultValue={values?.status ?? "active"}
          errors={errors?.status}
        />
        <Field
          name="pausedUntil"
          type="date"
          label="matching.fields.pausedUntil"
          defaultValue={values?.pausedUntil ?? ""}
          errors={errors?.pausedUntil}
          optional
        />
      </div>
      <div className="form-actions">
        <SubmitButton>{t(exists ? "matching.me.editProfile" : "matching.me.optIn")}</SubmitButton>
      </div>
    </Form>
  );
}

// The assignment form: a plain POST to HR's modules action (works without JavaScript), used on HR's modules
// page and, through RecommendedModules, on the scan results page.
import { Form } from "@remix-run/react";
import { useId } from "react";
import { ErrorList } from "~/components/ui/error-list";
import { useI18n } from "~/utils/i18n-react";

export const ASSIGN_ACTION = "/hr/modules";

export type DepartmentOption = { id: number; name: string };

type Props = {
  departments: DepartmentOption[];
  minDueDate: string;
  /** A fixed module (hidden field), or the modules to choose from. */
  moduleKey?: string;
  moduleTitle?: string;
  modules?: { key: string; title: string }[];
  errors?: Record<string, string[] | undefined>;
  /** Where to come back to after assigning (a same-site path). */
  redirectTo?: string;
  action?: string;
  compact?: boolean;
};

export function AssignForm({
  departments,
  minDueDate,
  moduleKey,
  moduleTitle,
  modules,
  errors,
  redirectTo,
  action = ASSIGN_ACTION,
  compact,
}: Props) {
  const { t } = useI18n();
  const id = useId();
  const field = (name: string) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": errors?.[name]?.length ? true : undefined,
    "aria-describedby": errors?.[name]?.length ? `${id}-${name}-error` : undefined,
  });
  return (
    <Form method="post" action={action} className={compact ? "assign-form assign-form--compact" : "assign-form"}>
      <input type="hidden" name="intent" value="assign" />
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      {moduleKey ? (
        <input type="hidden" name="moduleKey" value={moduleKey} />
      ) : (
        <div className="field">
          <label htmlFor={`${id}-moduleKey`}>{t("modules.hr.module")}</label>
          <select {...field("moduleKey")} required>
            {(modules ?? []).map((m) => (
              <option key={m.key} value={m.key}>
                {m.title}
              </option>
            ))}
          </select>
          <ErrorList id={`${id}-moduleKey-error`} errors={errors?.moduleKey} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-departmentId`}>{t("modules.hr.department")}</label>
        <select {...field("departmentId")} required defaultValue="all">
          <option value="all">{t("modules.hr.allDepartments")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <ErrorList id={`${id}-departmentId-error`} errors={errors?.departmentId} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-dueDate`}>{t("modules.hr.dueDate")}</label>
        <input {...field("dueDate")} type="date" min={minDueDate} required />
        <ErrorList id={`${id}-dueDate-error`} errors={errors?.dueDate} />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          aria-label={moduleTitle ? `${t("modules.hr.assignThis")}: ${moduleTitle}` : undefined}
        >
          {t("modules.hr.assignThis")}
        </button>
      </div>
    </Form>
  );
}

// Modules a scan's results call for, each with its reasons and a one-click assignment form.
// Rendered on HR's modules page and, after merge, on the scan results page (pass redirectTo to come back).
import { useI18n } from "~/utils/i18n-react";
import type { MessageKey } from "~/utils/i18n";
import { DIMENSION_KEYS } from "~/features/scan/constants";
import type { RecommendationReason } from "../recommendations";
import { AssignForm, type DepartmentOption } from "./assign-form";

export type RecommendedModuleView = {
  moduleKey: string;
  title: string;
  summary: string;
  durationMinutes: number;
  reasons: RecommendationReason[];
};

type Props = {
  recommendations: RecommendedModuleView[];
  departments: DepartmentOption[];
  minDueDate: string;
  redirectTo?: string;
  /** Field errors of a failed assignment, for the module they belong to. */
  errors?: { moduleKey: string | null; fields: Record<string, string[] | undefined> };
};

export function useDimensionName() {
  const { t } = useI18n();
  return (key: string) =>
    (DIMENSION_KEYS as readonly string[]).includes(key) ? t(`modules.dimensions.${key}` as MessageKey) : key;
}

export function RecommendedModules({ recommendations, departments, minDueDate, redirectTo, errors }: Props) {
  const { t } = useI18n();
  const dimensionName = useDimensionName();
  return (
    <ul className="module-recommendations">
      {recommendations.map((r) => (
        <li key={r.moduleKey} className="module-recommendation">
          <h3 className="module-recommendation__title">
            {r.title} <span className="badge badge--muted">{t("modules.list.minutes", { n: r.durationMinutes })}</span>
          </h3>
          <p>{r.summary}</p>
          <p className="module-recommendation__reasons">
            <span className="visually-hidden">{t("modules.hr.reasons")}: </span>
            {r.reasons.map((reason) => (
              <span
                key={`${reason.kind}-${reason.dimensionKey}`}
                className={`module-reason module-reason--${reason.kind}`}
              >
                {t(reason.kind === "core" ? "modules.hr.reasonCore" : "modules.hr.reasonWeak", {
                  dimension: dimensionName(reason.dimensionKey),
                })}
              </span>
            ))}
          </p>
          <AssignForm
            compact
            departments={departments}
            minDueDate={minDueDate}
            moduleKey={r.moduleKey}
            moduleTitle={r.title}
            redirectTo={redirectTo}
            errors={errors?.moduleKey === r.moduleKey ? errors.fields : undefined}
          />
        </li>
      ))}
    </ul>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportResponse, requestedFormat } from "~/features/exports/export.server";
import { completionTable } from "~/features/modules/assignments.server";
import { makeTranslate } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { requireOrgRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const locale = resolveLocale(request, user.locale);
  const format = requestedFormat(request, locale);
  const t = makeTranslate(locale);
  const table = completionTable(user, locale, {
    sheet: t("modules.hr.matrixTitle"),
    header: [
      t("modules.csv.department"),
      t("modules.csv.moduleKey"),
      t("modules.csv.module"),
      t("modules.csv.dueDate"),
      t("modules.csv.completed"),
      t("modules.csv.total"),
      t("modules.csv.overdue"),
    ],
    allDepartments: t("modules.hr.allDepartments"),
    noDepartment: t("modules.hr.noDepartment"),
    yes: t("common.yes"),
    no: t("common.no"),
  });
  return exportResponse([table], format, locale, `module-completion-${new Date().toISOString().slice(0, 10)}`);
}

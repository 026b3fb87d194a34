import type { LoaderFunctionArgs } from "@remix-run/node";
import { completionCsv } from "~/features/modules/assignments.server";
import { makeTranslate } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { requireOrgRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const locale = resolveLocale(request, user.locale);
  const t = makeTranslate(locale);
  const csv = completionCsv(user, locale, {
    header: [t("modules.csv.department"), t("modules.csv.moduleKey"), t("modules.csv.module"), t("modules.csv.dueDate"), t("modules.csv.completed"), t("modules.csv.total"), t("modules.csv.overdue")],
    allDepartments: t("modules.hr.allDepartments"),
    noDepartment: t("modules.hr.noDepartment"),
    yes: t("common.yes"),
    no: t("common.no"),
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="module-completion-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

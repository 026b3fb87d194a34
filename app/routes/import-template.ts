import type { LoaderFunctionArgs } from "@remix-run/node";
import { TemplateQuerySchema } from "~/features/import/import.schema";
import { templateCsv } from "~/features/import/template";
import { templateXlsx } from "~/features/import/xlsx.server";
import { parseWith } from "~/utils/forms";
import { translate } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { requireRole } from "~/utils/permissions.server";
import { statusOf } from "~/utils/respond.server";

// The import template (HR and the platform admin): .xlsx or .csv, Dutch or English headers.
export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "hr", "admin");
  const url = new URL(request.url);
  const parsed = parseWith(TemplateQuerySchema, {
    format: url.searchParams.get("format") ?? undefined,
    lang: url.searchParams.get("lang") ?? undefined,
  });
  if (!parsed.success)
    return new Response(translate(resolveLocale(request), "errors.badRequest"), {
      status: statusOf("invalid"),
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const { format, lang } = parsed.data;
  const base = lang === "nl" ? "sjabloon-import" : "import-template";
  if (format === "csv") {
    return new Response(templateCsv(lang), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${base}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  return new Response(await templateXlsx(lang), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${base}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}

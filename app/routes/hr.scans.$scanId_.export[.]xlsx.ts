// The scan as a spreadsheet table (xlsx; decision 159). The JSON export stays in export[.]json.ts.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportResponse } from "~/features/exports/export.server";
import { exportScanTable } from "~/features/scan/scan.server";
import { resolveLocale } from "~/utils/locale.server";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const scanId = parseId(params.scanId);
  const locale = resolveLocale(request, user.locale);
  const file = exportScanTable(user, scanId, locale);
  if (!file) throw notFound({ user, entity: "scan", id: scanId });
  return exportResponse([file.table], "xlsx", locale, file.baseName);
}

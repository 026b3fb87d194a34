import type { LoaderFunctionArgs } from "@remix-run/node";
import { indicatorsTable } from "~/features/benchmark/indicators-csv.server";
import { exportResponse, requestedFormat } from "~/features/exports/export.server";
import { resolveLocale } from "~/utils/locale.server";
import { requireRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "admin");
  const locale = resolveLocale(request, user.locale);
  const format = requestedFormat(request, locale);
  return exportResponse([indicatorsTable(locale)], format, locale, "programme-indicators");
}

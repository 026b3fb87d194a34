import type { LoaderFunctionArgs } from "@remix-run/node";
import { indicatorsCsv } from "~/features/benchmark/indicators-csv.server";
import { resolveLocale } from "~/utils/locale.server";
import { requireRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "admin");
  return new Response(indicatorsCsv(resolveLocale(request, user.locale)), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="programme-indicators.csv"', "Cache-Control": "no-store" },
  });
}

// CSV export of the comparison with the filters on screen: the same disclosure decisions, suppressed cells
// marked (never filled), and the individual rows of every page of the list.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { comparisonCsv } from "~/features/benchmark/csv.server";
import { parseComparisonFilters } from "~/features/benchmark/filters";
import { resolveLocale } from "~/utils/locale.server";
import { requireRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "partner");
  const parsed = parseComparisonFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return new Response("Bad Request: unknown filter value", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const csv = comparisonCsv(parsed.filters, resolveLocale(request, user.locale));
  if (csv === null) return new Response("Bad Request: no submitted scans for this year", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="benchmark-${parsed.filters.year ?? "latest"}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

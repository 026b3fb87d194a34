// The comparison with the filters on screen as .xlsx or CSV (`?format=`, decision 158): the same disclosure
// decisions, suppressed cells marked (never filled), and the individual rows of every page of the list.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { comparisonTable } from "~/features/benchmark/csv.server";
import { parseComparisonFilters } from "~/features/benchmark/filters";
import { exportResponse, requestedFormat } from "~/features/exports/export.server";
import { translate } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { requireRole } from "~/utils/permissions.server";
import { statusOf } from "~/utils/respond.server";

const badRequest = (text: string) =>
  new Response(text, { status: statusOf("invalid"), headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "partner");
  const locale = resolveLocale(request, user.locale);
  const format = requestedFormat(request, locale);
  const searchParams = new URL(request.url).searchParams;
  searchParams.delete("format");
  const parsed = parseComparisonFilters(searchParams);
  if (!parsed.ok) return badRequest(translate(locale, "benchmark.errors.unknownValue"));
  const table = comparisonTable(parsed.filters, locale);
  if (table === null) return badRequest(translate(locale, "benchmark.errors.unknownYear"));
  return exportResponse([table], format, locale, `benchmark-${parsed.filters.year ?? "latest"}`);
}

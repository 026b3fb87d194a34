import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportNewcomer } from "~/features/matching/newcomers.server";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const id = parseId(params.id);
  const body = exportNewcomer(user, { id });
  if (!body) throw notFound();
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="newcomer-${id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}

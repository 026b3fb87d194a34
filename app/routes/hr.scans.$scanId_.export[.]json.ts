import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportScan } from "~/features/scan/scan.server";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const scanId = parseId(params.scanId);
  const file = exportScan(user, scanId);
  if (!file) throw notFound({ user, entity: "scan", id: scanId });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

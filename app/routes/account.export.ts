import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportMyData } from "~/features/account/account.server";
import { requireUser } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return new Response(JSON.stringify(exportMyData(user), null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mijn-gegevens.json"',
      "Cache-Control": "no-store",
    },
  });
}

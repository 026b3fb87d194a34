import { checkDatabase } from "~/features/health/health.server";
import { statusOf } from "~/utils/respond.server";

export async function loader() {
  // Answers ok only after a real query: a process that cannot reach its database is not healthy.
  const ok = checkDatabase();
  return Response.json(ok ? { status: "ok" } : { status: "error" }, {
    ...(ok ? {} : { status: statusOf("unavailable") }),
    headers: { "Cache-Control": "no-store" },
  });
}

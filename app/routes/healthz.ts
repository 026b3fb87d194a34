import { checkDatabase } from "~/features/health/health.server";

export async function loader() {
  // Answers ok only after a real query: a process that cannot reach its database is not healthy.
  const ok = checkDatabase();
  return Response.json(ok ? { status: "ok" } : { status: "error" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}

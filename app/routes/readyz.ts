// Readiness, beside /healthz (liveness): may a load balancer send traffic here? Not while the server drains
// for a shutdown, not before every migration has run, not when the database cannot take a write.
import { checkReadiness } from "~/features/health/health.server";
import { isDraining, replicationStatus } from "~/utils/lifecycle.server";
import { statusOf } from "~/utils/respond.server";

export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  // Replication is reported, not required: a failing replica is an alert for the admin, not a reason to stop serving.
  const replication = replicationStatus().state;
  if (isDraining())
    return Response.json({ status: "draining", replication }, { status: statusOf("unavailable"), headers });
  const readiness = checkReadiness();
  const ready = readiness.migrations === "applied" && readiness.database === "writable";
  return Response.json(
    { status: ready ? "ready" : "not-ready", ...readiness, replication },
    { ...(ready ? {} : { status: statusOf("unavailable") }), headers },
  );
}

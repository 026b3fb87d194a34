// Graceful shutdown (decision 096). On SIGTERM or SIGINT: readiness turns 503, the listener closes, requests in
// flight finish (each answered with Connection: close so no client reuses the socket), queued autosaves are
// written, Litestream makes its final sync, the WAL is checkpointed and the database closed — all within
// SHUTDOWN_TIMEOUT_MS. A second signal exits at once: every acknowledged answer is already durable in the WAL
// (synchronous=FULL), so only unanswered requests are dropped.
import type { Server, ServerResponse } from "node:http";
import net from "node:net";
import type { ServerBuild } from "@remix-run/node";
import type { AppLifecycle, ShutdownReport } from "~/utils/lifecycle.server";
import type { ReplicationSupervisor } from "./replication";

function isLifecycle(value: unknown): value is AppLifecycle {
  return (
    typeof value === "object" &&
    value !== null &&
    "attach" in value &&
    typeof value.attach === "function" &&
    "beginDrain" in value &&
    typeof value.beginDrain === "function" &&
    "close" in value &&
    typeof value.close === "function"
  );
}

/** The lifecycle the build exports from app/entry.server.tsx (the build holds the app's own module copies). */
export function appLifecycle(build: ServerBuild): AppLifecycle {
  const entry = build.entry.module;
  const candidate = "lifecycle" in entry ? entry.lifecycle : undefined;
  if (!isLifecycle(candidate))
    throw new Error("The build exports no lifecycle from app/entry.server.tsx: rebuild with `npm run build`.");
  return candidate;
}

const log = (event: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), component: "shutdown", ...event })}\n`);

export function installGracefulShutdown(options: {
  server: Server;
  lifecycle: AppLifecycle;
  replication: ReplicationSupervisor | null;
  timeoutMs: number;
  /** Stops background work (the reminders' worker thread) before the drain, so nothing writes after the checkpoint. */
  beforeDrain?: () => void;
}) {
  const { server, lifecycle, replication, timeoutMs, beforeDrain } = options;
  let shuttingDown = false;
  const open = new Set<ServerResponse>();

  // First listener on every request: known while in flight; told to close its connection once draining.
  server.prependListener("request", (_req, res) => {
    if (shuttingDown) res.setHeader("Connection", "close");
    open.add(res);
    res.once("close", () => open.delete(res));
  });

  async function shutdown(signal: NodeJS.Signals) {
    if (shuttingDown) {
      log({ level: "warn", msg: `second ${signal}: exiting now`, inFlight: open.size });
      process.exit(1);
    }
    shuttingDown = true;
    const started = Date.now();
    const deadline = started + timeoutMs;
    beforeDrain?.();
    lifecycle.beginDrain();
    for (const res of open) if (!res.headersSent) res.setHeader("Connection", "close");

    // Stop listening first (new connections are refused from here on), then say so. net.Server's close, not
    // http.Server's: the latter also destroys every connection without a request *parsed yet* — including
    // one whose request is already in its socket, unread on a busy machine, which would then see a reset.
    const closed = new Promise<boolean>((resolve) => net.Server.prototype.close.call(server, () => resolve(true)));
    log({ level: "info", msg: `${signal} received: draining`, inFlight: open.size, timeoutMs });
    // Leave part of the budget for the final sync and the checkpoint.
    const requestBudget = Math.max(100, Math.floor(timeoutMs * (replication ? 0.6 : 0.9)));
    // Idle keep-alive sockets are closed only after a grace period in which any request already on its way has
    // been read (it is then served, with Connection: close), and again every half second after that.
    const grace = Math.min(2000, Math.floor(requestBudget / 4));
    const idleCloser = setTimeout(function closeIdle() {
      server.closeIdleConnections();
      idleTimer = setTimeout(closeIdle, 500);
    }, grace);
    let idleTimer: NodeJS.Timeout = idleCloser;
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      closed,
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), requestBudget))),
    ]);
    clearTimeout(timer);
    clearTimeout(idleTimer);
    if (!drained) {
      log({
        level: "warn",
        msg: `requests still open after ${requestBudget} ms: closing their connections`,
        inFlight: open.size,
      });
      server.closeAllConnections();
    }

    let report: ShutdownReport | null = null;
    let exitCode = drained ? 0 : 1;
    try {
      const flushed = lifecycle.flush();
      if (replication) {
        const stopped = await replication.stop(Math.max(500, deadline - Date.now()));
        log({ level: stopped.clean ? "info" : "warn", msg: "replication stopped", ...stopped });
        if (!stopped.clean) exitCode = 1;
      }
      report = lifecycle.close();
      report.flushed = Object.fromEntries(Object.entries(report.flushed).map(([k, v]) => [k, v + (flushed[k] ?? 0)]));
    } catch (error) {
      exitCode = 1;
      log({ level: "error", msg: "shutdown failed", error: error instanceof Error ? error.message : String(error) });
    }
    log({
      level: "info",
      msg: "stopped",
      ms: Date.now() - started,
      drained,
      flushed: report?.flushed ?? null,
      checkpoint: report?.checkpoint ?? null,
      exitCode,
    });
    process.exit(exitCode);
  }

  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

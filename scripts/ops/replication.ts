// Continuous replication: the server starts Litestream as a child process and supervises it (decision 095).
// Litestream runs under a small sh watcher whose stdin is a pipe from this process: when the server exits for
// any reason, even SIGKILL, the pipe closes and the watcher asks Litestream to stop, which makes it copy the
// last WAL frames to the replica first. Litestream never outlives the server, and never misses its last commits.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describeReplica, type ReplicationStatus } from "~/utils/operations";
import { litestreamBinary, replicaConfig, writeLitestreamConfig } from "./litestream";

// $1 = binary, $2 = config, $3 = a FIFO for Litestream's log. Litestream's own stdin is closed; the watcher
// waits for ours to end (sh gives background jobs /dev/null as stdin, hence the copy of ours on fd 3).
// The log goes through a relay instead of straight into our pipe: once this process is gone, a Go program
// writing its log to a dead pipe would die of SIGPIPE before its final sync; the relay's second cat keeps
// reading, so Litestream can finish.
const WATCHER = `rm -f "$3" && mkfifo "$3" || exit 1
exec 3<&0
{ cat; cat >/dev/null; } <"$3" &
"$1" replicate -config "$2" </dev/null >"$3" 2>&1 &
child=$!
{ cat <&3 >/dev/null; kill -TERM "$child" 2>/dev/null; } &
exec 3<&-
wait "$child"`;

type LogLine = { level?: string; msg?: string; error?: string; [key: string]: unknown };

export type ReplicationSupervisor = {
  status(): ReplicationStatus;
  /** Asks Litestream for its final sync and waits for it to exit (SIGKILL after timeoutMs). */
  stop(timeoutMs: number): Promise<{ clean: boolean; code: number | null; signal: NodeJS.Signals | null }>;
};

export type ReplicationOptions = {
  databaseFile: string;
  replicaUrl: string;
  syncInterval?: string;
  /** Where operational events go: one JSON object a line. */
  log?: (event: Record<string, unknown>) => void;
};

const defaultLog = (event: Record<string, unknown>) => {
  const line = JSON.stringify({ t: new Date().toISOString(), component: "replication", ...event });
  if (event.level === "error" || event.level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

export function startReplication(options: ReplicationOptions): ReplicationSupervisor {
  const log = options.log ?? defaultLog;
  const replica = replicaConfig(options.replicaUrl, options.syncInterval);
  const binary = litestreamBinary();
  const config = writeLitestreamConfig(options.databaseFile, replica);
  const status: ReplicationStatus = {
    state: "starting",
    replica: describeReplica(options.replicaUrl),
    since: new Date().toISOString(),
    lastReplicatedAt: null,
    lastError: null,
    restarts: 0,
  };
  let child: ChildProcess | null = null;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | null = null;
  let backoffMs = 1000;

  const fail = (message: string) => {
    status.state = "failing";
    status.lastError = { message, at: new Date().toISOString() };
    log({ level: "error", msg: message, replica: status.replica });
  };

  const onLine = (raw: string) => {
    let line: LogLine;
    try {
      line = JSON.parse(raw);
    } catch {
      log({ level: "info", msg: raw });
      return;
    }
    const msg = String(line.msg ?? "");
    if (line.level === "ERROR") {
      fail(`litestream: ${msg}${line.error ? `: ${line.error}` : ""}`);
      return;
    }
    const { time: _time, level: _level, msg: _msg, ...fields } = line;
    if (msg === "snapshot written" || msg === "wal segment written") {
      status.lastReplicatedAt = new Date().toISOString();
      if (status.state !== "running") log({ level: "info", msg: "replicating again", replica: status.replica });
      status.state = "running";
      backoffMs = 1000;
      // WAL segments go every second under load: counted in the status, not logged.
      if (msg === "snapshot written") log({ level: "info", msg: `litestream: ${msg}`, ...fields });
      return;
    }
    if (msg === "write wal segment" || msg === "write snapshot") return;
    if (msg === "replicating to" && status.state === "starting") status.state = "running";
    log({ level: line.level === "WARN" ? "warn" : "info", msg: `litestream: ${msg}`, ...fields });
  };

  const launch = () => {
    restartTimer = null;
    // Detached: a Ctrl-C in the terminal reaches the server, which then stops Litestream in its own order.
    const fifo = path.join(path.dirname(config), "log.fifo");
    const proc = spawn("sh", ["-c", WATCHER, "litestream-watcher", binary, config, fifo], {
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
    });
    child = proc;
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const raw = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (raw) onLine(raw);
      }
    };
    proc.stdout?.on("data", onData);
    proc.stderr?.on("data", onData);
    proc.on("error", (error) => fail(`cannot start litestream: ${error.message}`));
    proc.on("exit", (code, signal) => {
      proc.stdin?.destroy();
      if (child === proc) child = null;
      if (stopping) return;
      fail(
        `litestream exited unexpectedly (${signal ?? `code ${code}`}); restarting in ${Math.round(backoffMs / 1000)} s`,
      );
      status.restarts++;
      restartTimer = setTimeout(launch, backoffMs);
      backoffMs = Math.min(backoffMs * 2, 30_000);
    });
  };

  if (replica.type === "file" && typeof replica.path === "string") {
    try {
      fs.mkdirSync(replica.path, { recursive: true });
    } catch (error) {
      // Litestream would fail the same way; say it in our words first, then let it retry.
      fail(
        `replica directory ${replica.path} cannot be created: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  launch();
  log({
    level: "info",
    msg: "litestream started",
    replica: status.replica,
    binary: path.relative(process.cwd(), binary),
  });

  return {
    status: () => ({ ...status }),
    stop(timeoutMs) {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const proc = child;
      const cleanup = () => fs.rmSync(path.dirname(config), { recursive: true, force: true });
      if (!proc || proc.exitCode !== null) {
        status.state = "stopped";
        cleanup();
        return Promise.resolve({ clean: true, code: proc?.exitCode ?? null, signal: null });
      }
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          log({ level: "warn", msg: `litestream did not finish its final sync within ${timeoutMs} ms: killed` });
          if (proc.pid) process.kill(-proc.pid, "SIGKILL");
        }, timeoutMs);
        proc.once("exit", (code, signal) => {
          clearTimeout(timer);
          status.state = "stopped";
          cleanup();
          resolve({ clean: code === 0, code, signal });
        });
        // Closing the pipe is the watcher's signal: Litestream syncs what is left and exits.
        proc.stdin?.end();
      });
    },
  };
}

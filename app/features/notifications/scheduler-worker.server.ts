// The scheduler in a worker thread with its own database connection: a tick's queries and commits (better-sqlite3
// is synchronous) never hold up the thread that answers requests. WAL lets the request thread read while this
// thread writes. The thread also yields the processor to requests and skips the per-commit fsync (decision 074).
import fs from "node:fs";
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { getDb } from "~/utils/db.server";
import { deliverDue, wakeOutbox } from "./outbox.server";
import { configureTick, currentThreadId, runTick, startScheduler } from "./scheduler.server";

/**
 * On Linux a thread has its own nice value: setpriority() on the thread's id lowers only this thread, so on a busy
 * machine the request thread gets the processor first. Elsewhere (no /proc/thread-self) it stays as it is.
 */
const ownThreadId = currentThreadId();
function lowerThreadPriority(): void {
  try {
    if (ownThreadId !== null) os.setPriority(ownThreadId, os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or not allowed: the tick still runs, only without the lower priority.
  }
}

/**
 * The tick's garbage is collected and its hot code compiled by V8's helper threads, which every thread of the process
 * shares, and its asynchronous file work runs on libuv's pool: all created at the request thread's priority. Measured,
 * they did 40 % of a tick's processor work at nice 0 beside the request thread (decision 192), so this thread lowers
 * every thread of the process except the one that answers requests (named by the parent in `workerData`), and again
 * before each piece of work (a pool thread may have been started since). The request thread's own GC helpers run lower
 * too; V8 then does that work on the request thread itself when it has to wait for it, as it does without helpers.
 */
const requestThread = (workerData as { requestThread?: number } | null)?.requestThread ?? process.pid;
function lowerHelperThreads(): void {
  try {
    for (const entry of fs.readdirSync("/proc/self/task")) {
      const tid = Number(entry);
      if (!Number.isInteger(tid) || tid === requestThread) continue;
      try {
        if (os.getPriority(tid) < os.constants.priority.PRIORITY_LOW)
          os.setPriority(tid, os.constants.priority.PRIORITY_LOW);
      } catch {
        // The thread ended between listing and lowering.
      }
    }
  } catch {
    // Not Linux: nothing to lower.
  }
}

lowerThreadPriority();
lowerHelperThreads();

/**
 * Priority ceiling for the write lock (decision 193). At nice 19 this thread loses the processor to almost anything,
 * also while it holds SQLite's write lock for a batch of five inserts; the request thread's next write then sleeps in
 * SQLite's busy handler, with its event loop stopped (measured: lock wait p99 84 ms during ticks vs 2 ms between, at
 * load 7–9). So each write transaction runs at the request thread's nice value and the thread drops back to 19
 * after the commit — where the process may raise a thread's priority again (CAP_SYS_NICE, or RLIMIT_NICE, e.g.
 * systemd's LimitNICE=0). Where it may not, the first refusal turns this off and the writes run at 19 as before.
 */
let mayRaise = ownThreadId !== null;
function atRequestPriority<T>(write: () => T): T {
  if (!mayRaise || ownThreadId === null) return write();
  let ceiling: number;
  try {
    ceiling = os.getPriority(requestThread);
    os.setPriority(ownThreadId, ceiling);
  } catch {
    mayRaise = false;
    return write();
  }
  try {
    return write();
  } finally {
    if (ceiling !== os.constants.priority.PRIORITY_LOW) os.setPriority(ownThreadId, os.constants.priority.PRIORITY_LOW);
  }
}
// What this connection writes is either derived again from the state by the next tick (notifications and their
// mails, under the same event keys) or a claim/sent mark: it need not wait for fsync at every commit. A process
// crash loses nothing; a power cut may lose its last commits until the next fsync (any request's commit, which
// runs with synchronous=FULL, or a checkpoint) — at worst a mail is sent again with the same Message-ID.
getDb().$client.pragma("synchronous = NORMAL");

// …but its pages must reach the disk some time, and an fsync of the WAL flushes every dirty page of the file: left
// alone, the next request's commit (synchronous=FULL) would write this thread's pages out, on the request thread,
// while requests wait. So this thread flushes the WAL itself after each of its write transactions, with the lock
// released (decision 173). The request thread leaves checkpoints to this thread too (schedulerWorker sets its
// wal_autocheckpoint to 0); this connection keeps SQLite's automatic checkpoint and runs one after every tick.
const walPath = `${getDb().$client.name}-wal`;
let walFd: number | undefined;
function flushWal(): void {
  try {
    walFd ??= fs.openSync(walPath, "r");
    fs.fdatasyncSync(walFd);
  } catch {
    // No WAL file yet (or it was replaced): the request's commit flushes it as before.
    walFd = undefined;
  }
}
configureTick({ start: lowerHelperThreads, aroundWrite: atRequestPriority, afterWrite: flushWal });
const checkpoint = () => getDb().$client.pragma("wal_checkpoint(PASSIVE)");

/** This thread's CPU time in ms (Linux accounts per thread in 10 ms clock ticks); NaN elsewhere. */
function threadCpuMs(): number {
  try {
    const fields = fs.readFileSync("/proc/thread-self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

const mode = (workerData as { mode?: string } | null)?.mode;
if (mode === "loop") {
  startScheduler({ keepAlive: true });
  // The request thread's wake-ups (a request queued mail): delivered here, never on the thread serving requests.
  parentPort?.on("message", (message: { wake?: boolean }) => {
    if (message.wake) wakeOutbox();
  });
} else if (parentPort) {
  // Driven tick by tick (the bench): { id, at, deliver, tick } in, { id, result, sent } out. `tick: false` only
  // delivers, so the bench can tell the tick's window from the delivery's.
  const port = parentPort;
  port.on("message", (message: { id: number; at: string; deliver?: boolean; tick?: boolean }) => {
    const at = new Date(message.at);
    void (async () => {
      lowerHelperThreads();
      const started = performance.now();
      const cpuStarted = threadCpuMs();
      const result =
        message.tick === false
          ? { notifications: 0, mails: 0, organisations: 0, longestWriteMs: 0 }
          : await runTick(at);
      checkpoint();
      const tickMs = performance.now() - started;
      const tickCpuMs = threadCpuMs() - cpuStarted;
      const sent = message.deliver ? await deliverDue(() => at) : 0;
      port.postMessage({
        id: message.id,
        tid: ownThreadId,
        result,
        sent,
        tickMs,
        tickCpuMs,
        deliverMs: performance.now() - started - tickMs,
        deliverCpuMs: threadCpuMs() - cpuStarted - tickCpuMs,
      });
    })();
  });
}

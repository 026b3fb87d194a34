// The scheduler in a worker thread with its own database connection: a tick's queries and commits (better-sqlite3
// is synchronous, and a commit waits for fsync) never hold up the thread that answers requests. WAL lets the
// request thread read while this thread writes.
import { parentPort, workerData } from "node:worker_threads";
import { runTick, startScheduler } from "./scheduler.server";

const mode = (workerData as { mode?: string } | null)?.mode;
if (mode === "loop") {
  startScheduler({ keepAlive: true });
} else if (parentPort) {
  // Driven tick by tick (the bench): { id, at } in, { id, result } out.
  const port = parentPort;
  port.on("message", (message: { id: number; at: string }) => {
    void runTick(new Date(message.at)).then((result) => port.postMessage({ id: message.id, result }));
  });
}

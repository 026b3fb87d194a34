// The scheduler's worker thread yields the processor to the request thread (decisions 074, 078, 192): on Linux it
// lowers its own thread's nice value to 19, and the process's helper threads' (V8's GC and compiler threads, libuv's
// pool: they did 40 % of a tick's processor work at the request thread's priority) — the thread that answers requests
// keeps its priority.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { schedulerWorker } from "~/features/notifications/scheduler.server";

/** Nice value of each thread of this process, from /proc/self/task/<tid>/stat (field 19). */
function niceByThread(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of fs.readdirSync("/proc/self/task")) {
    try {
      const fields = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      out.set(Number(tid), Number(fields[16]));
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return out;
}

describe("the scheduler thread's priority", () => {
  it("runs at nice 19 with the process's helper threads, while the thread that started it keeps its nice value", async () => {
    // libuv's pool starts at the first asynchronous file operation: have it running before the scheduler starts.
    await fs.promises.readFile("package.json");
    const before = niceByThread();
    const mainNice = before.get(process.pid);
    expect(mainNice).not.toBe(19);
    const helpers = [...before].filter(([tid]) => tid !== process.pid).map(([tid]) => tid);
    expect(helpers.length).toBeGreaterThan(0);
    const worker = schedulerWorker("driven");
    try {
      // A driven worker answers every request with its own thread id (here: no tick, no delivery).
      const { tid } = await new Promise<{ tid: number }>((resolve) => {
        worker.once("message", resolve);
        worker.postMessage({ id: 1, at: new Date().toISOString(), tick: false, deliver: false });
      });
      const now = niceByThread();
      expect(now.get(tid)).toBe(19);
      expect(helpers.filter((h) => now.has(h) && now.get(h) !== 19)).toEqual([]);
      expect(now.get(process.pid)).toBe(mainNice);
    } finally {
      await worker.terminate();
    }
  }, 90_000);
});

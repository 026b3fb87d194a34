// The scheduler's worker thread yields the processor to the request thread (decisions 074, 078): on Linux it lowers
// its own thread's nice value to 19, and only its own — the thread that answers requests keeps its priority.
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
  it("runs at nice 19 while the process's main thread keeps its nice value", async () => {
    const before = niceByThread();
    const mainNice = before.get(process.pid);
    const worker = schedulerWorker("driven");
    try {
      // The worker lowers its priority as its module loads (after tsx compiles it): wait for a new thread at 19.
      let lowered: number[] = [];
      for (let waited = 0; waited < 60_000 && lowered.length === 0; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
        lowered = [...niceByThread()].filter(([tid, nice]) => !before.has(tid) && nice === 19).map(([tid]) => tid);
      }
      expect(lowered).toHaveLength(1);
      expect(niceByThread().get(process.pid)).toBe(mainNice);
      expect(mainNice).not.toBe(19);
    } finally {
      await worker.terminate();
    }
  }, 90_000);
});

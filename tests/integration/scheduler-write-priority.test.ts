// Priority ceiling for the write lock (decision 193): the scheduler's thread runs at nice 19, but each of a tick's
// write transactions runs at the nice value of the thread that answers requests, so the thread cannot lose the
// processor to it while holding SQLite's write lock — where the process may raise a thread's priority again.
import Database from "better-sqlite3";
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { moduleAssignments } from "@db/schema-modules";
import { unsubscribeToken } from "~/features/notifications/notify.server";
import { schedulerWorker } from "~/features/notifications/scheduler.server";
import { getDb } from "~/utils/db.server";
import { createCareOrganisation, createUser } from "../support/factories";

const T0 = new Date();
const dueIn30Days = new Date(T0.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);

/** A thread's nice value, from /proc/self/task/<tid>/stat (field 19). */
function niceOf(tid: number): number {
  const fields = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return Number(fields[16]);
}

/** Whether this process may lower a thread's nice value again: CAP_SYS_NICE (bit 23) or RLIMIT_NICE above 20 − nice. */
function mayRaisePriority(nice: number): boolean {
  const status = fs.readFileSync("/proc/self/status", "utf8");
  const capEff = BigInt(`0x${/CapEff:\s*([0-9a-f]+)/.exec(status)?.[1] ?? "0"}`);
  if ((capEff >> 23n) & 1n) return true;
  const limit = Number(/Max nice priority\s+(\S+)/.exec(fs.readFileSync("/proc/self/limits", "utf8"))?.[1] ?? 0);
  return 20 - nice <= limit;
}

type Answer = { id: number; tid: number; result: { notifications: number } };

beforeAll(() => {
  const { organisation, department, hr } = createCareOrganisation();
  // The database's unsubscribe secret exists before the scheduler starts, as on every database after its first mail.
  unsubscribeToken(hr.id, "module_assigned");
  for (let i = 0; i < 9; i++)
    createUser({ role: "employee", organisationId: organisation.id, departmentId: department.id });
  getDb()
    .insert(moduleAssignments)
    .values({
      organisationId: organisation.id,
      departmentId: department.id,
      moduleKey: "being-a-buddy",
      dueDate: dueIn30Days,
    })
    .run();
});

describe("a tick's write transactions", () => {
  it("wait for and hold the write lock at the request thread's priority, and the thread is back at 19 after", async () => {
    const worker = schedulerWorker("driven");
    const ask = (message: { id: number; at: string; tick: boolean; deliver: boolean }) =>
      new Promise<Answer>((resolve) => {
        const onMessage = (m: Answer) => {
          if (m.id !== message.id) return;
          worker.off("message", onMessage);
          resolve(m);
        };
        worker.on("message", onMessage);
        worker.postMessage(message);
      });
    const blocker = new Database(getDb().$client.name);
    try {
      const { tid } = await ask({ id: 1, at: T0.toISOString(), tick: false, deliver: false });
      const requestNice = niceOf(process.pid);
      expect(niceOf(tid)).toBe(19);
      expect(requestNice).not.toBe(19);
      // This test holds the write lock, so the tick's first write transaction waits for it (busy_timeout: 5 s).
      blocker.prepare("BEGIN IMMEDIATE").run();
      const ticked = ask({ id: 2, at: T0.toISOString(), tick: true, deliver: false });
      let seen = niceOf(tid);
      for (let waited = 0; waited < 3000 && seen === 19; waited += 10) {
        await new Promise((r) => setTimeout(r, 10));
        seen = niceOf(tid);
      }
      blocker.prepare("COMMIT").run();
      const answer = await ticked;
      // "Module assigned" for each of the ten employees (the factory's own and the nine above).
      expect(answer.result.notifications).toBeGreaterThanOrEqual(10);
      expect(seen).toBe(mayRaisePriority(requestNice) ? requestNice : 19);
      expect(niceOf(tid)).toBe(19);
    } finally {
      blocker.close();
      await worker.terminate();
    }
  }, 90_000);
});

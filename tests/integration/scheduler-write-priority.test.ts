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

/** Holds the write lock from this thread while a driven tick runs; returns the nice values its thread was seen at. */
async function tickBehindTheLock(at: Date) {
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
    const { tid } = await ask({ id: 1, at: at.toISOString(), tick: false, deliver: false });
    const before = niceOf(tid);
    // This thread holds the write lock, so the tick's first write transaction waits for it (busy_timeout: 5 s).
    blocker.prepare("BEGIN IMMEDIATE").run();
    const ticked = ask({ id: 2, at: at.toISOString(), tick: true, deliver: false });
    let waiting = niceOf(tid);
    for (let waited = 0; waited < 3000 && waiting === 19; waited += 10) {
      await new Promise((r) => setTimeout(r, 10));
      waiting = niceOf(tid);
    }
    blocker.prepare("COMMIT").run();
    const answer = await ticked;
    return { before, waiting, after: niceOf(tid), answer };
  } finally {
    blocker.close();
    await worker.terminate();
  }
}

describe("a tick's write transactions", () => {
  it("wait for and hold the write lock at the request thread's priority, and the thread is back at 19 after", async () => {
    const requestNice = niceOf(process.pid);
    expect(requestNice).not.toBe(19);
    const seen = await tickBehindTheLock(T0);
    expect(seen.before).toBe(19);
    // "Module assigned" for each of the ten employees (the factory's own and the nine above).
    expect(seen.answer.result.notifications).toBeGreaterThanOrEqual(10);
    expect(seen.waiting).toBe(mayRaisePriority(requestNice) ? requestNice : 19);
    expect(seen.after).toBe(19);
  }, 90_000);

  it("expire a proposal under the same ceiling", async () => {
    const requestNice = niceOf(process.pid);
    const { organisation, department, employee } = createCareOrganisation();
    const sqlite = getDb().$client;
    const newcomer = sqlite
      .prepare(
        "INSERT INTO newcomer_records (organisation_id, name, profession, start_date, dutch_level) VALUES (?, 'Amina Test', 'nurse', ?, 'B1')",
      )
      .run(organisation.id, dueIn30Days).lastInsertRowid;
    const buddy = sqlite
      .prepare(
        "INSERT INTO buddy_profiles (organisation_id, user_id, profession, department_id, dutch_level, capacity) VALUES (?, ?, 'nurse', ?, 'C2', 2)",
      )
      .run(organisation.id, employee.id, department.id).lastInsertRowid;
    const match = sqlite
      .prepare(
        "INSERT INTO matches (organisation_id, newcomer_id, buddy_id, status, deadline) VALUES (?, ?, ?, 'proposed', ?)",
      )
      .run(organisation.id, newcomer, buddy, new Date(T0.getTime() - 3_600_000).toISOString()).lastInsertRowid;
    const seen = await tickBehindTheLock(T0);
    expect(sqlite.prepare("SELECT status FROM matches WHERE id = ?").pluck().get(match)).toBe("expired");
    expect(seen.waiting).toBe(mayRaisePriority(requestNice) ? requestNice : 19);
    expect(seen.after).toBe(19);
  }, 90_000);
});

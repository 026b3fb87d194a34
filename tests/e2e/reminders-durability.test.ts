// Exactly once across processes: the server is killed in the middle of an SMTP conversation, two servers then
// share the file, and a restart after the clock jumped sends what fell due while it was down — each message once.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase } from "@db/client";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "~/utils/mail-catcher.server";
import { spawnPortal, until, type PortalProcess } from "../support/portal-process";
import { copyBase } from "../support/databases";
import { buildWorld, DAY, type World } from "../support/reminder-world";

const dir = path.resolve("tests/.tmp");
const stamp = `${process.pid}-${Date.now()}`;
const databasePath = path.join(dir, `durability-${stamp}.db`);
const clockFile = path.join(dir, `durability-${stamp}.clock`);
const T0 = new Date();
let world: World;
let catcher: MailCatcher;
let hold = 0;
const running: PortalProcess[] = [];

const env = { PORTAL_CLOCK_FILE: clockFile, SCHEDULER_INTERVAL_SECONDS: "0.3", OUTBOX_LEASE_SECONDS: "3" };
const setClock = (at: Date) => fs.writeFileSync(clockFile, at.toISOString());
const start = async () => {
  const p = await spawnPortal({ databasePath, smtpPort: catcher.port, env });
  running.push(p);
  return p;
};
const outboxStatuses = () => {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status").all() as {
      status: string;
      n: number;
    }[];
  } finally {
    db.close();
  }
};
const count = (status: string) => outboxStatuses().find((r) => r.status === status)?.n ?? 0;
const kindOf = (m: CaughtMail) => m.headers?.["x-portal-kind"] ?? "";
/** Every (recipient, kind, subject) must have arrived exactly once. */
function duplicates(): string[] {
  const seen = new Map<string, number>();
  for (const m of catcher.messages) {
    const key = `${m.to.join(",")} ${kindOf(m)} ${m.subject}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}
const settle = async () => {
  // Several ticks and delivery runs of every process, then nothing may be left to send.
  await until(() => count("queued") + count("sending") === 0, 20_000, "an empty queue");
  const before = catcher.messages.length;
  await new Promise((r) => setTimeout(r, 1500));
  await until(() => count("queued") + count("sending") === 0, 20_000, "an empty queue");
  return before;
};

beforeAll(async () => {
  fs.mkdirSync(dir, { recursive: true });
  await copyBase("migrated", databasePath);
  const db = openDatabase(databasePath);
  prepareDatabase(db);
  world = await buildWorld(db, T0, "durability");
  db.$client.close();
  catcher = await startMailCatcher({ port: 0, holdMs: () => hold });
});

afterAll(async () => {
  for (const p of running) await p.kill("SIGKILL");
  await catcher?.close();
  for (const f of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`, clockFile])
    fs.rmSync(f, { force: true });
});

describe("reminders survive crashes and restarts", () => {
  it("killed during a send: the message is sent once by the next server, none lost; two servers never double", async () => {
    const deadline = T0.getTime() + 3 * DAY;
    setClock(new Date(deadline - 12 * 3_600_000));
    // Held for longer than it takes to notice and kill: the server dies before the listener accepts the message.
    hold = 30_000;
    const first = await start();
    // Each delivery lane claims a few rows at once (decision 078): at least one is in its SMTP conversation.
    await until(() => count("sending") >= 1, 20_000, "a message in the middle of its SMTP conversation");
    await first.kill("SIGKILL");
    expect(catcher.messages).toHaveLength(0);
    hold = 0;

    await Promise.all([start(), start()]);
    await until(() => catcher.messages.some((m) => kindOf(m) === "proposal_expiring"), 20_000, "the proposal reminder");
    const before = await settle();
    expect(catcher.messages.length).toBe(before);
    if (duplicates().length) {
      const db = new Database(databasePath, { readonly: true });
      console.log(
        JSON.stringify(
          db.prepare("SELECT id, event_key, status, attempts, lease_until, sent_at, last_error FROM outbox").all(),
          null,
          1,
        ),
      );
      console.log(catcher.messages.map((m) => `${m.receivedAt} ${kindOf(m)} ${m.to}`).join("\n"));
      console.log(running.map((p) => p.output()).join("\n-----\n"));
    }
    expect(duplicates()).toEqual([]);
    expect(catcher.messages.filter((m) => kindOf(m) === "proposal_expiring").map((m) => m.to)).toEqual([
      [world.buddy.email],
    ]);
    expect(
      catcher.messages
        .filter((m) => kindOf(m) === "module_assigned")
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual([world.buddy.email, world.employee.email, world.newcomer.email].sort());
    expect(count("sent")).toBe(catcher.messages.length);
  }, 120_000);

  it("down while reminders fell due: after the start each is sent once, and a second restart sends nothing again", async () => {
    for (const p of running.splice(0)) await p.kill("SIGTERM");
    const sentBefore = catcher.messages.length;
    // The clock jumps past the module's due date and the proposal's deadline while no server runs.
    setClock(new Date(T0.getTime() + 12 * DAY));
    await start();
    await until(
      () => catcher.messages.filter((m) => kindOf(m) === "module_overdue").length === 3,
      20_000,
      "the overdue reminders",
    );
    await until(() => catcher.messages.some((m) => kindOf(m) === "match_expired"), 20_000, "HR's expiry notice");
    await settle();
    const afterFirst = catcher.messages.length;
    expect(afterFirst).toBeGreaterThan(sentBefore);
    const expired = catcher.messages.filter((m) => kindOf(m) === "match_expired");
    expect(expired.map((m) => [m.to, m.subject])).toEqual([
      [[world.hr.email], "Het voorstel voor Nour Haddad is verlopen"],
    ]);

    for (const p of running.splice(0)) await p.kill("SIGTERM");
    await start();
    await settle();
    expect(catcher.messages.length).toBe(afterFirst);
    expect(duplicates()).toEqual([]);
  }, 120_000);
});

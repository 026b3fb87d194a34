// Benchmark of the reminder scheduler (not a test: it prints figures).
//   npm run bench:reminders [-- --orgs 2000 --days 180] [--no-deliver] [--estimate-only]
// (`--estimate-only` seeds, prints the expected reminders and the estimated duration, and stops.)
// Seeds a fresh database with N care organisations, each with a running match (four check-ins), a pending
// proposal, a waiting newcomer, a module assignment for four people, an open action, and a draft or a submitted
// scan — all at different stages — then runs the real scheduler tick once per simulated day (09:00 UTC) for D
// days, in the scheduler's worker thread as the server runs it, beside the real Remix /healthz served from
// this process's main thread and polled from another process.
// Each simulated day the worker does what the server's loop does: a tick, then the outbox delivers everything due
// over real SMTP to a listener in another process (so parsing mail does not run on the thread that answers
// /healthz). Prints per simulated day the notifications created, mails queued and mails sent, tick time p50/p99,
// /healthz p99 while a tick runs vs. while nothing runs (target: rise ≤ 20 %; also while mail is delivered), and
// duplicates/missing against an independent recomputation from the seeded rows, for notifications, queued mails and
// received mails (target: 0). `--no-deliver` skips the SMTP part. `/healthz` is requested at a fixed rate (`--rate`,
// 50/s) in every window; below `--min-samples` (500) requests in a window no verdict is printed (decision 173).
import { spawn } from "node:child_process";
import type { Server } from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const ORGS = arg("--orgs", 2000);
const DAYS = arg("--days", 180);
const DAY = 86_400_000;
const dir = path.resolve("tests/.tmp");
fs.mkdirSync(dir, { recursive: true });
// One file per run: two runs side by side must not seed and tick over each other.
const databasePath = path.join(dir, `bench-reminders-${process.pid}.db`);
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
process.env.DATABASE_PATH = databasePath;
process.env.LOG_REQUESTS = "false";
process.env.PUBLIC_URL = "http://portal.bench";
process.env.SCHEDULER = "off";
const DELIVER = !args.includes("--no-deliver");
// /healthz requests per second, the same in every window: the poller sends on a fixed schedule (open loop), not after
// each answer, so a slow answer does not thin out the samples of the window it falls in (decision 173).
const RATE = arg("--rate", 50);
// Fewer samples than this in a window and its p99 rests on a handful of requests: no verdict then.
const MIN_SAMPLES = arg("--min-samples", 500);
// The SMTP listener runs in its own process, as a mail server would; it answers how many messages it received
// per Message-ID when asked.
// It keeps no messages and parses none (countOnly): at the full size 100,000 parsed mails would fill the memory, and
// parsing them would take a core from the process being measured.
const catcherSource = `
  const { startMailCatcher } = await import(${JSON.stringify(pathToFileURL(path.resolve("app/utils/mail-catcher.server.ts")).href)});
  const catcher = await startMailCatcher({ port: 0, countOnly: true });
  process.on("disconnect", () => process.exit(0));
  process.on("message", () => {
    let received = 0;
    for (const n of catcher.messageIds.values()) received += n;
    process.send({ received, ids: Object.fromEntries(catcher.messageIds), connections: catcher.connections() });
  });
  process.send({ port: catcher.port });
`;
const catcherProcess = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", catcherSource], {
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const catcherPort = await new Promise<number>((resolve) =>
  catcherProcess.once("message", (m) => resolve((m as { port: number }).port)),
);
type CatcherReport = { received: number; ids: Record<string, number>; connections: number };
const catcherReport = () =>
  new Promise<CatcherReport>((resolve) => {
    catcherProcess.once("message", (m) => resolve(m as CatcherReport));
    catcherProcess.send("report");
  });
process.env.SMTP_URL = `smtp://127.0.0.1:${catcherPort}`;

const { openDatabase, prepareDatabase } = await import("../db/client");
const { schedulerWorker } = await import("../app/features/notifications/scheduler.server");
const { mailsSentByThisThread } = await import("../app/features/notifications/outbox.server");
// Simulation starts on a Monday.
const S = Date.UTC(2027, 0, 4);
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addMonths = (d: string, m: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCMonth(x.getUTCMonth() + m);
  return x.toISOString().slice(0, 10);
};
const addDays = (d: string, n: number) => date(Date.parse(`${d}T00:00:00Z`) + n * DAY);

// ——— 1. Seed ——————————————————————————————————————————————————————————————————————————
const seedStarted = performance.now();
const seedDb = openDatabase(databasePath);
prepareDatabase(seedDb);
const sql = seedDb.$client;
type Expect = Set<string>;
const expected: Expect = new Set();
const expect = (userId: number, key: string) => expected.add(`${userId}|${key}`);
const firstTick = date(S);
const lastTick = date(S + (DAYS - 1) * DAY);
const lastTickAt = S + (DAYS - 1) * DAY + 9 * 3_600_000;
const inTicks = (from: string, to: string) => from <= lastTick && to >= firstTick && from <= to; // some tick date in [from, to]

sql.transaction(() => {
  const q = {
    org: sql.prepare(
      "INSERT INTO organisations (kind, name, country, sector, size_band) VALUES ('care_provider', ?, ?, 'hospital', 'large')",
    ),
    dep: sql.prepare("INSERT INTO departments (organisation_id, name) VALUES (?, 'Afdeling A')"),
    user: sql.prepare("INSERT INTO users (email, name, locale) VALUES (?, ?, ?)"),
    member: sql.prepare("INSERT INTO memberships (user_id, organisation_id, department_id, role) VALUES (?, ?, ?, ?)"),
    record: sql.prepare(
      "INSERT INTO newcomer_records (organisation_id, user_id, name, profession, department_id, start_date, dutch_level, created_at) VALUES (?, ?, ?, 'nurse', ?, ?, 'B1', ?)",
    ),
    buddy: sql.prepare(
      "INSERT INTO buddy_profiles (organisation_id, user_id, profession, department_id, dutch_level, capacity) VALUES (?, ?, 'nurse', ?, 'C2', 2)",
    ),
    match: sql.prepare(
      "INSERT INTO matches (organisation_id, newcomer_id, buddy_id, status, proposed_at, deadline, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    checkIn: sql.prepare("INSERT INTO check_ins (match_id, key, due_date) VALUES (?, ?, ?)"),
    assign: sql.prepare(
      "INSERT INTO module_assignments (organisation_id, department_id, module_key, due_date) VALUES (?, ?, 'being-a-buddy', ?)",
    ),
    scan: sql.prepare(
      "INSERT INTO scans (organisation_id, instrument_version, period, status, created_at, submitted_at) VALUES (?, 1, ?, ?, ?, ?)",
    ),
    action: sql.prepare(
      "INSERT INTO action_items (organisation_id, scan_id, dimension_key, action, owner, due_date) VALUES (?, ?, 'commitment', 'Onthaalplan herzien', 'HR', ?)",
    ),
  };
  const id = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);
  for (let i = 0; i < ORGS; i++) {
    const org = id(q.org.run(`Bench ${i}`, i % 2 ? "NL" : "BE"));
    const dep = id(q.dep.run(org));
    const person = (tag: string, role: string, locale: string) => {
      const u = id(q.user.run(`${tag}.${i}@bench.example`, `${tag} ${i}`, locale));
      q.member.run(u, org, dep, role);
      return u;
    };
    const hr = person("hr", "hr", "nl");
    const b1 = person("buddy1", "employee", i % 3 ? "nl" : "en");
    const b2 = person("buddy2", "employee", "nl");
    const n1 = person("newcomer", "newcomer", "en");
    const e1 = person("employee", "employee", "nl");
    const hrKey = (key: string) => expect(hr, `${key}:${hr}`);

    // A running match that started somewhere in the 60 days before or after the simulation's start.
    const start = date(S + ((i % 120) - 60) * DAY);
    const r1 = id(q.record.run(org, n1, `N1 ${i}`, dep, start, new Date(S - 90 * DAY).toISOString()));
    const p1 = id(q.buddy.run(org, b1, dep));
    const m1 = id(
      q.match.run(
        org,
        r1,
        p1,
        "active",
        new Date(S - 95 * DAY).toISOString(),
        new Date(S - 90 * DAY).toISOString(),
        new Date(S - 92 * DAY).toISOString(),
      ),
    );
    const dues = {
      week1: addDays(start, 7),
      week6: addDays(start, 42),
      month3: addMonths(start, 3),
      month6: addMonths(start, 6),
    };
    for (const [key, due] of Object.entries(dues)) {
      q.checkIn.run(m1, key, due);
      if (inTicks(addDays(due, -2), due)) expect(n1, `checkin-upcoming:${m1}:${key}:${due}`);
      if (inTicks(due, addDays(due, 2))) expect(b1, `checkin-due:${m1}:${key}:${due}`);
      if (inTicks(addDays(due, 3), "9999-12-31")) expect(b1, `checkin-overdue:${m1}:${key}:${due}`);
    }

    // A proposal whose deadline falls at 19:00 UTC on some day of the simulation (or after it).
    const r2 = id(q.record.run(org, null, `N2 ${i}`, dep, date(S + 30 * DAY), new Date(S - DAY).toISOString()));
    const p2 = id(q.buddy.run(org, b2, dep));
    const deadline = S + (i % (DAYS + 20)) * DAY + 19 * 3_600_000;
    const m2 = id(
      q.match.run(org, r2, p2, "proposed", new Date(S - DAY).toISOString(), new Date(deadline).toISOString(), null),
    );
    if (deadline - 24 * 3_600_000 <= lastTickAt) expect(b2, `proposal-expiring:${m2}`);
    if (deadline < lastTickAt) {
      hrKey(`match-expired:${m2}`);
      // After the expiry N2 has no match again: waiting since its record was made, told once that is 14 days ago.
      if (lastTickAt >= S - DAY + 14 * DAY) hrKey(`newcomer-waiting:${r2}`);
    }

    // A newcomer waiting from up to 30 days before the start.
    const r3Since = S - (i % 30) * DAY;
    const r3 = id(q.record.run(org, null, `N3 ${i}`, dep, date(S), new Date(r3Since).toISOString()));
    if (lastTickAt >= r3Since + 14 * DAY) hrKey(`newcomer-waiting:${r3}`);

    // A module for the department, due somewhere in the first 150 days; nobody completes it.
    const dueModule = date(S + (i % 150) * DAY);
    const a = id(q.assign.run(org, dep, dueModule));
    for (const u of [b1, b2, n1, e1]) {
      expect(u, `module-assigned:${a}:${u}`);
      if (inTicks(addDays(dueModule, -3), dueModule)) expect(u, `module-due:${a}:${u}:${dueModule}`);
      if (inTicks(addDays(dueModule, 1), "9999-12-31")) expect(u, `module-overdue:${a}:${u}:${dueModule}`);
    }

    // Even: a scan in progress, untouched since it was started; odd: a submitted scan, the next one due 11 months on.
    const submittedAt = S - 335 * DAY + (i % 200) * DAY + 10 * 3_600_000;
    const submitted = id(
      q.scan.run(
        org,
        "2026",
        "submitted",
        new Date(submittedAt - 5 * DAY).toISOString(),
        new Date(submittedAt).toISOString(),
      ),
    );
    if (i % 2 === 0) {
      const created = S + ((i % 100) - 20) * DAY + 8 * 3_600_000;
      const draft = id(q.scan.run(org, "2027", "draft", new Date(created).toISOString(), null));
      if (created + 30 * DAY <= lastTickAt) hrKey(`scan-stale:${draft}:${date(created)}`);
    } else if (addMonths(date(submittedAt), 11) <= lastTick) {
      hrKey(`scan-due:${submitted}`);
    }

    const dueAction = date(S + (i % 170) * DAY);
    const action = id(q.action.run(org, submitted, dueAction));
    if (addDays(dueAction, -3) <= lastTick) hrKey(`action-due:${action}:${dueAction}`);

    // HR's digest every Monday of the simulation (09:00 UTC is after 08:00 in both time zones).
    for (let d = 0; d < DAYS; d += 7) expect(hr, `weekly-digest:${date(S + d * DAY)}`);
  }
})();
seedDb.$client.close();
const seedMs = performance.now() - seedStarted;
console.log(
  `Seeded ${ORGS} organisations in ${Math.round(seedMs)} ms; ${expected.size} reminders expected over ${DAYS} days.`,
);
// How long this run should take on a quiet 2-core machine, from the worker's CPU time measured per organisation and
// per mail (decision 078; CPU time moves far less with the machine's load than wall time does). The worker does the
// ticks and the delivery on one thread; the baseline pause after each day is as long as that day's tick.
const COST = { firstTickMsPerOrg: 3.5, tickMsPerOrgDay: 0.35, mailMs: 6 };
{
  const firstTickMs = ORGS * COST.firstTickMsPerOrg;
  const ticks = firstTickMs + ORGS * (DAYS - 1) * COST.tickMsPerOrgDay;
  const pauses =
    Math.min(5000, Math.max(300, firstTickMs)) +
    (DAYS - 1) * Math.min(5000, Math.max(300, ORGS * COST.tickMsPerOrgDay));
  const delivery = DELIVER ? expected.size * COST.mailMs : 0;
  const total = seedMs + 3000 + ticks + pauses + delivery;
  const min = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
  console.log(
    `Estimated duration on a quiet 2-core machine: ${min(total)} (seeding ${min(seedMs)}, ticks ${min(ticks)}, baseline pauses ${min(pauses)}, delivering ${expected.size} mails ${min(delivery)}); on a loaded machine several times that. Each simulated day prints the time still to go.`,
  );
}
if (args.includes("--estimate-only")) {
  catcherProcess.disconnect();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
  process.exit(0);
}

// ——— 2. /healthz from the real build, served here, polled from another process ————————————————————
const buildPath = path.resolve("build/index.js");
if (!fs.existsSync(buildPath)) {
  console.error("No build found: run `npm run build` first.");
  process.exit(1);
}
const { createRequestHandler } = await import("@remix-run/express");
const express = (await import("express")).default;
const build = await import(pathToFileURL(buildPath).href);
const app = express();
app.all("*", createRequestHandler({ build, mode: "production" }));
const server = await new Promise<Server>((resolve) => {
  const s = app.listen(0, "127.0.0.1", () => resolve(s));
});
const address = server.address();
const port = typeof address === "object" && address ? address.port : 0;
// Open loop: one request every 1000/RATE ms whether or not the last one has been answered (at most 64 in flight;
// one more is counted as skipped, -2). Each sample is [sent at (epoch ms), latency ms or -1 failed / -2 skipped].
const pollerSource = `
  const url = process.argv[1]; const every = Number(process.argv[2]); const out = []; let stop = false; let inFlight = 0;
  process.on("message", () => { stop = true; }); process.on("disconnect", () => process.exit(0));
  const fire = () => {
    const t = performance.timeOrigin + performance.now();
    if (inFlight >= 64) { out.push([t, -2]); return; }
    inFlight++; const a = performance.now();
    fetch(url).then((r) => r.text()).then(() => out.push([t, performance.now() - a]), () => out.push([t, -1])).finally(() => { inFlight--; });
  };
  // Catches up on sends a late timer missed, so each window gets the same rate even when this process is
  // descheduled for a moment (the requests it owes go out at once).
  const started = performance.now(); let sentCount = 0;
  const timer = setInterval(() => {
    if (!stop) { const owed = Math.floor((performance.now() - started) / every) - sentCount; for (let i = 0; i < owed; i++) { sentCount++; fire(); } return; }
    clearInterval(timer);
    const done = () => (inFlight ? setTimeout(done, 10) : process.send(out, () => process.exit(0)));
    done();
  }, every);
`;
const poller = spawn(process.execPath, ["-e", pollerSource, `http://127.0.0.1:${port}/healthz`, String(1000 / RATE)], {
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const samples = new Promise<[number, number][]>((resolve) =>
  poller.once("message", (m) => resolve(m as [number, number][])),
);
// Warm-up: the first requests to a fresh build compile its code; they are not counted in either bucket.
await new Promise((r) => setTimeout(r, 3000));
const measuredFrom = performance.timeOrigin + performance.now();

// ——— 3. The simulation ————————————————————————————————————————————————————————————————————
const { getDb } = await import("../app/utils/db.server");
const db = getDb().$client;
const countOf = (q: string) => (db.prepare(q).get() as { n: number }).n;
type Phase = { start: number; end: number };
const ticks: (Phase & { ms: number; cpuMs: number; writeMs: number })[] = [];
const deliveries: (Phase & { ms: number; sent: number; cpuMs: number })[] = [];
// The tick runs where the server runs it: in the scheduler's worker thread, with its own connection.
const worker = schedulerWorker("driven");
let nextId = 0;
// The scheduler thread's kernel id, from its first answer (its helpers run at nice 19 too: decision 192).
let schedulerTid = NaN;
type Answer = {
  id: number;
  tid: number;
  result: { notifications: number; mails: number; longestWriteMs?: number };
  sent: number;
  tickMs: number;
  tickCpuMs: number;
  deliverMs: number;
  deliverCpuMs: number;
};
const onWorker = (at: Date, work: { tick: boolean; deliver: boolean }) =>
  new Promise<Answer>((resolve) => {
    const id = ++nextId;
    const onMessage = (m: Answer) => {
      if (m.id !== id) return;
      worker.off("message", onMessage);
      schedulerTid = m.tid;
      resolve(m);
    };
    worker.on("message", onMessage);
    worker.postMessage({ id, at: at.toISOString(), ...work });
  });
const wall = () => performance.timeOrigin + performance.now();
// CPU time of this process's main thread (the one answering /healthz), from Linux's per-thread accounting in clock
// ticks (10 ms): what a request costs while a tick runs vs. while nothing runs, independent of the machine's load.
const mainThreadCpuMs = () => {
  try {
    const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
};
const mainCpu = { tick: 0, delivery: 0, idle: 0 };
// Where each window's processor time went, from Linux's accounting (/proc): per thread of this process (the request
// thread, the scheduler's thread — the one at nice 19 — and the rest: V8's GC and compiler helpers, libuv), for the
// poller's and the SMTP listener's processes, and for the whole machine (/proc/stat). Beside the CPU time, the time
// each spent runnable but waiting for a processor (schedstat): a request thread that waits there is a request that
// waits, whatever the code does (decision 192).
type Usage = { cpuMs: number; waitMs: number };
const PARTS = ["request thread", "scheduler thread", "other threads", "poller", "SMTP listener", "machine"] as const;
type Part = (typeof PARTS)[number];
const tasksOf = (pid: number): { tid: number; cpuMs: number; waitMs: number; nice: number }[] => {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).flatMap((t) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/task/${t}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
        const sched = fs.readFileSync(`/proc/${pid}/task/${t}/schedstat`, "utf8").split(" ");
        return [
          {
            tid: Number(t),
            cpuMs: (Number(stat[11]) + Number(stat[12])) * 10,
            waitMs: Number(sched[1]) / 1e6,
            nice: Number(stat[16]),
          },
        ];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
};
const machineBusyMs = () => {
  try {
    const [, ...f] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = f;
    return (user + nice + system + irq + softirq + steal) * 10;
  } catch {
    return NaN;
  }
};
/** Cumulative figures per thread ("pid/tid") with the part each belongs to, and the machine's busy time. */
const usageNow = () => {
  const threads = new Map<string, { part: Part; cpuMs: number; waitMs: number }>();
  for (const t of tasksOf(process.pid))
    threads.set(`${process.pid}/${t.tid}`, {
      part: t.tid === process.pid ? "request thread" : t.tid === schedulerTid ? "scheduler thread" : "other threads",
      ...t,
    });
  for (const [pid, part] of [
    [poller.pid ?? 0, "poller"],
    [catcherProcess.pid ?? 0, "SMTP listener"],
  ] as const)
    for (const t of tasksOf(pid)) threads.set(`${pid}/${t.tid}`, { part, ...t });
  return { threads, machineMs: machineBusyMs() };
};
type Window = "tick" | "delivery" | "idle";
const noUsage = () => Object.fromEntries(PARTS.map((p) => [p, { cpuMs: 0, waitMs: 0 }])) as Record<Part, Usage>;
const usage: Record<Window, Record<Part, Usage>> = { tick: noUsage(), delivery: noUsage(), idle: noUsage() };
let lastUsage = usageNow();
/** Adds what each thread did since the last call to the given window. */
const chargeUsage = (w: Window) => {
  const u = usageNow();
  for (const [id, t] of u.threads) {
    const before = lastUsage.threads.get(id) ?? { cpuMs: 0, waitMs: 0 };
    usage[w][t.part].cpuMs += t.cpuMs - before.cpuMs;
    usage[w][t.part].waitMs += t.waitMs - before.waitMs;
  }
  usage[w].machine.cpuMs += u.machineMs - lastUsage.machineMs;
  lastUsage = u;
};
const windowMs = { tick: 0, delivery: 0, idle: 0 };
// A request's write, as a sign-in or an autosave makes one: a one-row transaction on this thread's connection every
// 100 ms. better-sqlite3 waits for the write lock synchronously, so time spent here is time no request is served.
// Timed in two parts: waiting for the write lock (BEGIN IMMEDIATE) and the insert with its commit (fsync, and a WAL
// checkpoint when the log has grown past its threshold) — which of the two a tick lengthens is the profile.
const probeWrite = db.prepare(
  "INSERT INTO app_settings (name, value) VALUES ('bench-probe', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
);
const beginImmediate = db.prepare("BEGIN IMMEDIATE");
const commit = db.prepare("COMMIT");
const writes: { t: number; lockMs: number; commitMs: number }[] = [];
// A write still locked out after busy_timeout (5 s) is what a request would answer with a 500: counted, not fatal.
const lockedOut: number[] = [];
// `--no-probe` leaves it out: then nothing but /healthz runs on the request thread (decision 192).
const PROBE = !args.includes("--no-probe");
const prober = setInterval(() => {
  if (!PROBE) return;
  const t = wall();
  const a = performance.now();
  try {
    beginImmediate.run();
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "SQLITE_BUSY")) throw error;
    lockedOut.push(t);
    return;
  }
  const locked = performance.now();
  probeWrite.run(String(t));
  commit.run();
  writes.push({ t, lockMs: locked - a, commitMs: performance.now() - locked });
}, 100);
const cpuBefore = process.cpuUsage();
const simulationStarted = performance.now();
const loadAtStart = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(" ");
lastUsage = usageNow();
console.log("\nday        notifications  mails queued  mails sent  tick ms  delivery ms   elapsed  remaining (est.)");
for (let d = 0; d < DAYS; d++) {
  const at = new Date(S + d * DAY + 9 * 3_600_000);
  // The tick and the delivery after it are two requests to the worker, so each has its own window on this thread's
  // clock and its own share of this thread's CPU time.
  const start = wall();
  const cpuAtStart = mainThreadCpuMs();
  chargeUsage("idle");
  const ticked = await onWorker(at, { tick: true, deliver: false });
  const tickEnd = wall();
  const cpuAtTickEnd = mainThreadCpuMs();
  chargeUsage("tick");
  const delivered = DELIVER
    ? await onWorker(at, { tick: false, deliver: true })
    : { sent: 0, deliverMs: 0, deliverCpuMs: 0 };
  const end = wall();
  const cpuAtEnd = mainThreadCpuMs();
  chargeUsage("delivery");
  mainCpu.tick += cpuAtTickEnd - cpuAtStart;
  mainCpu.delivery += cpuAtEnd - cpuAtTickEnd;
  windowMs.tick += tickEnd - start;
  windowMs.delivery += end - tickEnd;
  const answer = {
    ...ticked,
    sent: delivered.sent,
    deliverMs: delivered.deliverMs,
    deliverCpuMs: delivered.deliverCpuMs,
  };
  ticks.push({
    start,
    end: tickEnd,
    ms: answer.tickMs,
    cpuMs: answer.tickCpuMs,
    writeMs: answer.result.longestWriteMs ?? NaN,
  });
  deliveries.push({ start: tickEnd, end, ms: answer.deliverMs, sent: answer.sent, cpuMs: answer.deliverCpuMs });
  // Counted by the worker (nothing in this thread but /healthz while the poller measures the baseline).
  const n = answer.result.notifications;
  const m = answer.result.mails;
  // Between days the server only serves requests: a pause the poller measures as the baseline, as long as the tick
  // took (0.3–5 s), so the baseline is sampled about as often as the tick and right beside it (the machine's other
  // load changes by the minute; a baseline taken at another time would compare loads, not the tick).
  const pause = Math.min(5000, Math.max(300, tickEnd - start));
  // Progress: the days still to go at the pace of the days so far (the first day, with every "assigned" mail, is
  // the heaviest, so the estimate only falls after it).
  const elapsedS = (performance.now() - simulationStarted + pause) / 1000;
  const remainingS = (elapsedS / (d + 1)) * (DAYS - d - 1);
  console.log(
    `${date(at.getTime())}  ${String(n).padStart(13)}  ${String(m).padStart(12)}  ${String(answer.sent).padStart(10)}  ${answer.tickMs.toFixed(0).padStart(7)}  ${answer.deliverMs.toFixed(0).padStart(11)}  ${`${elapsedS.toFixed(0)} s`.padStart(8)}  ${`${remainingS.toFixed(0)} s`.padStart(16)}`,
  );
  await new Promise((r) => setTimeout(r, pause));
  mainCpu.idle += mainThreadCpuMs() - cpuAtEnd;
  windowMs.idle += wall() - end;
}
chargeUsage("idle");
const simulationMs = performance.now() - simulationStarted;
clearInterval(prober);
const cpu = process.cpuUsage(cpuBefore);
await worker.terminate();
poller.on("error", () => {});
poller.send("stop");
const polled = await samples;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN) : NaN;
};
const tickMs = ticks.map((t) => t.ms);
const during: number[] = [];
const delivering: number[] = [];
const idle: number[] = [];
const failedPolls = polled.filter(([, ms]) => ms === -1).length;
const skippedPolls = polled.filter(([, ms]) => ms === -2).length;
if (failedPolls || skippedPolls)
  console.log(`/healthz: ${failedPolls} requests failed, ${skippedPolls} not sent (64 already in flight)`);
const overlaps = (phases: Phase[], t: number, ms: number) => phases.some((k) => t + ms >= k.start && t <= k.end);
for (const [t, ms] of polled.filter(([at, x]) => x >= 0 && at >= measuredFrom)) {
  if (overlaps(ticks, t, ms)) during.push(ms);
  else if (overlaps(deliveries, t, ms)) delivering.push(ms);
  else idle.push(ms);
}
const totalSent = deliveries.reduce((n, x) => n + x.sent, 0);
const rate = (n: number, ms: number) => `${(n / Math.max(0.001, ms / 1000)).toFixed(1)} req/s`;
const cpuPerRequest = {
  tick: mainCpu.tick / Math.max(1, during.length),
  delivery: mainCpu.delivery / Math.max(1, delivering.length),
  idle: mainCpu.idle / Math.max(1, idle.length),
};
console.log(
  `Windows: ticks ${(windowMs.tick / 1000).toFixed(1)} s (${during.length} requests, ${rate(during.length, windowMs.tick)}), between ticks ${(windowMs.idle / 1000).toFixed(1)} s (${idle.length}, ${rate(idle.length, windowMs.idle)}), delivery ${(windowMs.delivery / 1000).toFixed(1)} s (${delivering.length}, ${rate(delivering.length, windowMs.delivery)}); poller set to ${RATE} req/s`,
);
console.log(
  `Request thread CPU per /healthz request (10 ms clock ticks, the write probe included): ${cpuPerRequest.tick.toFixed(2)} ms during ticks, ${cpuPerRequest.idle.toFixed(2)} ms between ticks (${(((cpuPerRequest.tick - cpuPerRequest.idle) / cpuPerRequest.idle) * 100).toFixed(0)} %), ${cpuPerRequest.delivery.toFixed(2)} ms during delivery`,
);
console.log(
  `Where the processor time went, per second of each window: CPU ms / ms runnable but waiting for a processor (2 cores = 2,000 CPU ms per s)`,
);
for (const w of ["tick", "idle", "delivery"] as const) {
  const secs = Math.max(0.001, windowMs[w] / 1000);
  console.log(
    `  ${w === "tick" ? "ticks        " : w === "idle" ? "between ticks" : "delivery     "}  ${PARTS.map((p) => `${p} ${(usage[w][p].cpuMs / secs).toFixed(0)}${p === "machine" ? ` (others ${((usage[w].machine.cpuMs - PARTS.filter((q) => q !== "machine").reduce((n, q) => n + usage[w][q].cpuMs, 0)) / secs).toFixed(0)})` : `/${(usage[w][p].waitMs / secs).toFixed(0)}`}`).join(", ")}`,
  );
}
console.log(
  `\nTick (${ORGS} organisations): p50 ${pct(tickMs, 0.5).toFixed(0)} ms, p99 ${pct(tickMs, 0.99).toFixed(0)} ms, max ${Math.max(...tickMs).toFixed(0)} ms`,
);
const tickCpu = ticks.map((t) => t.cpuMs);
console.log(
  `Tick CPU (the worker thread): p50 ${pct(tickCpu, 0.5).toFixed(0)} ms, p99 ${pct(tickCpu, 0.99).toFixed(0)} ms, first ${tickCpu[0]?.toFixed(0)} ms, all ticks ${(tickCpu.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`,
);
if (DELIVER) {
  const deliverSecs = deliveries.reduce((n, x) => n + x.ms, 0) / 1000;
  const deliverCpu = deliveries.reduce((n, x) => n + x.cpuMs, 0);
  console.log(
    `Mails sent by the request thread itself: ${mailsSentByThisThread()} (target 0: the worker sends, decision 173)`,
  );
  console.log(
    `Delivery: ${totalSent} mails over SMTP in ${deliverSecs.toFixed(0)} s (${(totalSent / deliverSecs).toFixed(0)} mails/s); worker CPU ${(deliverCpu / Math.max(1, totalSent)).toFixed(2)} ms per mail`,
  );
}
console.log(
  `Simulation: ${(simulationMs / 1000).toFixed(0)} s wall, process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s (both threads); load average at start ${loadAtStart}, at end ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
const p99During = pct(during, 0.99);
const p99Idle = pct(idle, 0.99);
const rise = (x: number) => `${(((x - p99Idle) / p99Idle) * 100).toFixed(0)} %`;
console.log(
  `/healthz p99 while a tick runs: ${p99During.toFixed(1)} ms (p50 ${pct(during, 0.5).toFixed(1)}, n=${during.length}); between ticks: ${p99Idle.toFixed(1)} ms (p50 ${pct(idle, 0.5).toFixed(1)}, n=${idle.length}); rise ${rise(p99During)} (target ≤ 20 %)`,
);
const enough = during.length >= MIN_SAMPLES && idle.length >= MIN_SAMPLES;
console.log(
  `Target (/healthz p99 during ticks ≤ 1.2 × between ticks): ${enough ? (p99During <= 1.2 * p99Idle ? "MET" : "NOT MET") : `no verdict — fewer than ${MIN_SAMPLES} requests in a window (more days or organisations, or a higher --rate)`}; load average now ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(
      " ",
    )} on ${os.cpus().length} cores${os.loadavg()[0]! > os.cpus().length ? " (a loaded machine: latency figures say more about the other processes than about the tick; compare the CPU per request)" : ""}`,
);
const inTick = (w: { t: number; lockMs: number; commitMs: number }) => overlaps(ticks, w.t, w.lockMs + w.commitMs);
const writesDuring = writes.filter(inTick);
const writesIdle = writes.filter((w) => !inTick(w) && !overlaps(deliveries, w.t, w.lockMs + w.commitMs));
const writeFigures = (ws: typeof writes) =>
  `lock wait p99 ${pct(
    ws.map((w) => w.lockMs),
    0.99,
  ).toFixed(1)} ms (max ${Math.max(0, ...ws.map((w) => w.lockMs)).toFixed(1)}), insert+commit p99 ${pct(
    ws.map((w) => w.commitMs),
    0.99,
  ).toFixed(1)} ms (max ${Math.max(0, ...ws.map((w) => w.commitMs)).toFixed(1)}), n=${ws.length}`;
console.log(
  `Request-thread write (one row, own transaction) during ticks: ${writeFigures(writesDuring)}; between ticks: ${writeFigures(writesIdle)}; longest write transaction of a tick ${Math.max(0, ...ticks.map((k) => k.writeMs)).toFixed(1)} ms; writes locked out for longer than busy_timeout: ${lockedOut.length} (target 0)`,
);
if (DELIVER)
  console.log(
    `/healthz p99 while mail is delivered: ${pct(delivering, 0.99).toFixed(1)} ms (n=${delivering.length}); rise ${rise(pct(delivering, 0.99))}`,
  );

// ——— 4. Against the independent recomputation ————————————————————————————————————————————
const actual = new Set(
  (db.prepare("SELECT user_id AS u, event_key AS k FROM notifications").all() as { u: number; k: string }[]).map(
    (r) => `${r.u}|${r.k}`,
  ),
);
const rowCount = countOf("SELECT COUNT(*) AS n FROM notifications");
const missing = [...expected].filter((k) => !actual.has(k));
const unexpected = [...actual].filter((k) => !expected.has(k));
// A duplicate would be a second row for the same occasion: the same key (impossible by the index) or a mail twice.
const mailDuplicates = countOf(
  "SELECT COUNT(*) AS n FROM (SELECT to_email, event_key FROM outbox GROUP BY to_email, event_key HAVING COUNT(*) > 1)",
);
console.log(
  `\nReminders: ${rowCount} recorded, ${expected.size} expected; missing ${missing.length}, unexpected ${unexpected.length}, duplicate rows ${rowCount - actual.size}, duplicate mails ${mailDuplicates} (target 0)`,
);
if (missing.length) console.log(`  first missing: ${missing.slice(0, 5).join(", ")}`);
if (unexpected.length) console.log(`  first unexpected: ${unexpected.slice(0, 5).join(", ")}`);
// Nobody chose the digest or switched anything off, so every expected reminder is also an expected mail.
const queuedKeys = new Set((db.prepare("SELECT event_key AS k FROM outbox").all() as { k: string }[]).map((r) => r.k));
const expectedMails = new Set(
  [...expected].map((k) => {
    const [u, key] = k.split("|");
    return `notify:${u}:${key}`;
  }),
);
const mailsMissing = [...expectedMails].filter((k) => !queuedKeys.has(k)).length;
const mailsUnexpected = [...queuedKeys].filter((k) => !expectedMails.has(k)).length;
console.log(
  `Mails queued: ${queuedKeys.size}, expected ${expectedMails.size}; missing ${mailsMissing}, unexpected ${mailsUnexpected} (target 0)`,
);
let deliveryProblems = 0;
if (DELIVER) {
  const report = await catcherReport();
  const twice = Object.values(report.ids).filter((n) => n > 1).length;
  const sentRows = countOf("SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent'");
  const unsent = countOf("SELECT COUNT(*) AS n FROM outbox WHERE status != 'sent'");
  deliveryProblems = twice + unsent + Math.abs(report.received - queuedKeys.size);
  console.log(
    `Mails received by the SMTP listener: ${report.received} over ${report.connections} SMTP connections (rows marked sent ${sentRows}, not sent ${unsent}); received twice ${twice} (target 0, and received = queued)`,
  );
}

catcherProcess.disconnect();
server.close();
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
process.exit(
  missing.length + unexpected.length + mailDuplicates + mailsMissing + mailsUnexpected + deliveryProblems === 0 ? 0 : 1,
);

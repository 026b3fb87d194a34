// npm run bench:capacity — how much one machine carries (decisions 097, 098). Seeds a large world into a fresh
// database (the demo, then BENCH_ORGS synthetic organisations with BENCH_PEOPLE_PER_ORG people each, five years
// of submitted scans, a draft scan, newcomers, buddies, matches over the years, module progress and
// completions, and this week's digests already recorded, as on a machine that has been running), starts the
// production server on it and then, in order:
//   1. a warm-up that is not measured (JIT, SQLite's page cache, the benchmark dataset, the scheduler's first tick);
//   2. each kind of request alone on one connection: its CPU per request, p50 and p99;
//   3. the mix at rising concurrency (closed loop, no think time) until p99 passes 500 ms or errors appear, and
//      one step beyond, so the knee shows.
// CPU comes from /proc: the server's main thread (what limits one Node process) and the whole process (with the
// scheduler's worker thread and argon2's thread pool). Prints the sustainable figure. Loopback only; a benchmark,
// never a test. BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { addSyntheticScans, random } from "./large-scans";
import { QUIET_SERVER_ENV } from "./bench-server-env";
import { freePort } from "../tests/support/ports";

const ORGS = Number(process.env.BENCH_ORGS || 2000);
const PEOPLE_PER_ORG = Number(process.env.BENCH_PEOPLE_PER_ORG || 100);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS || 15);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS || 10);
const KIND_SECONDS = Number(process.env.BENCH_KIND_SECONDS || 4);
const LEVELS = (process.env.BENCH_LEVELS || "1,2,4,8,16,32").split(",").map(Number);
const P99_LIMIT_MS = 500;
const PASSWORD = "Nieuwkomer-demo-2026";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-capacity-"));
const databasePath = path.join(dir, "capacity.db");
// The app's own modules (session creation) open DATABASE_PATH: point it at the bench database first.
process.env.DATABASE_PATH = databasePath;
const { openDatabase, prepareDatabase } = await import("@db/client");
const { seedDemo, seedLarge } = await import("@db/seed/seed");
const { scoreScan } = await import("~/features/scan/scoring");
const { createSession } = await import("~/utils/session.server");
const { digestWeek } = await import("~/features/notifications/calendar");

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const fileSize = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);

// ——— 1. The world ——————————————————————————————————————————————————————————————————————
const seedStarted = performance.now();
const db = openDatabase(databasePath);
prepareDatabase(db);
await seedDemo(db, { password: PASSWORD, scoreScan });
const sqlite = db.$client;
const passwordHash = String(
  sqlite.prepare("select password_hash from users where email = 'hr@zas.example'").pluck().get(),
);
const orgIds = seedLarge(db, ORGS);
addSyntheticScans(db, orgIds, { periods: ["2021", "2022", "2023", "2024", "2025"] });
const moduleKeys = sqlite.prepare("select key from modules order by position").pluck().all().map(String);
const itemKeys = sqlite
  .prepare("select key from instrument_items where version = 1 order by dimension_key, position")
  .pluck()
  .all()
  .map(String);
const next = random(20261201);

type OrgWorld = { hr: number[]; buddies: number[]; proposals: number[]; draftScan: number; submittedScan: number };
const world = new Map<number, OrgWorld>();
sqlite.transaction(() => {
  const departmentsOf = sqlite.prepare("select id, site_id from departments where organisation_id = ? order by id");
  const insertUser = sqlite.prepare(
    "insert into users (email, name, password_hash, locale, status) values (?, ?, ?, 'nl', 'active')",
  );
  const insertMembership = sqlite.prepare(
    "insert into memberships (user_id, organisation_id, department_id, role) values (?, ?, ?, ?)",
  );
  const insertNewcomer = sqlite.prepare(
    `insert into newcomer_records (organisation_id, user_id, name, profession, site_id, department_id, start_date, dutch_level, languages, shifts, interests, recognition_status)
     values (?, ?, ?, 'nurse', ?, ?, ?, 'B1', '[{"code":"ar","level":"C2"},{"code":"en","level":"B2"}]', '["early","late"]', '["music"]', 'in_progress')`,
  );
  const insertBuddy = sqlite.prepare(
    `insert into buddy_profiles (organisation_id, user_id, profession, site_id, department_id, dutch_level, languages, shifts, interests, capacity, years_in_organisation, status)
     values (?, ?, 'nurse', ?, ?, 'C2', '[{"code":"en","level":"B2"}]', '["early","late"]', '["music"]', 2, ?, 'active')`,
  );
  const insertMatch = sqlite.prepare(
    `insert into matches (organisation_id, newcomer_id, buddy_id, status, score, explanation, proposed_at, deadline, responded_at, accepted_at, ended_at)
     values (?, ?, ?, ?, 40, '[{"criterion":"same_department","points":30},{"criterion":"shift_overlap","points":10}]', ?, ?, ?, ?, ?)`,
  );
  const insertProgress = sqlite.prepare(
    "insert into module_progress (user_id, module_key, sections_read, attempts, last_score_percent) values (?, ?, '[0,1,2]', 1, 80)",
  );
  const insertCompletion = sqlite.prepare(
    "insert into module_completions (user_id, organisation_id, module_key, score_percent, passed_at) values (?, ?, ?, 90, ?)",
  );
  const insertDraft = sqlite.prepare(
    "insert into scans (organisation_id, instrument_version, period, status, created_at) values (?, 1, '2026', 'draft', ?)",
  );
  const insertAnswer = sqlite.prepare(
    "insert into scan_answers (scan_id, item_key, value, answered_by_user_id, answered_at) values (?, ?, ?, ?, ?)",
  );
  const submittedOf = sqlite
    .prepare("select id from scans where organisation_id = ? and status = 'submitted' order by period desc limit 1")
    .pluck();
  const now = new Date().toISOString();
  for (const orgId of orgIds) {
    const departments = departmentsOf
      .all(orgId)
      .flatMap((d) =>
        d && typeof d === "object" && "id" in d && "site_id" in d
          ? [{ id: Number(d.id), siteId: Number(d.site_id) }]
          : [],
      );
    const org: OrgWorld = {
      hr: [],
      buddies: [],
      proposals: [],
      draftScan: 0,
      submittedScan: Number(submittedOf.get(orgId)),
    };
    const newcomers: number[] = [];
    const buddyProfiles: number[] = [];
    for (let p = 0; p < PEOPLE_PER_ORG; p++) {
      const role = p < 2 ? "hr" : p < 7 ? "newcomer" : "employee";
      const department = departments[p % departments.length] ?? { id: null, siteId: null };
      const userId = Number(
        insertUser.run(`p${p}.org${orgId}@capacity.example`, `Persoon ${p} van ${orgId}`, passwordHash).lastInsertRowid,
      );
      insertMembership.run(userId, orgId, department.id, role);
      if (role === "hr") org.hr.push(userId);
      if (role === "newcomer") {
        const start = `${2021 + (p % 5)}-0${1 + (p % 9)}-01`;
        newcomers.push(
          Number(
            insertNewcomer.run(orgId, userId, `Nieuwkomer ${p} van ${orgId}`, department.siteId, department.id, start)
              .lastInsertRowid,
          ),
        );
      }
      if (role === "employee" && p < 17) {
        buddyProfiles.push(
          Number(insertBuddy.run(orgId, userId, department.siteId, department.id, 1 + (p % 20)).lastInsertRowid),
        );
        org.buddies.push(userId);
      }
      if (role === "employee") {
        // Module progress and completions over the years: every employee started two modules, most passed one.
        const first = moduleKeys[p % moduleKeys.length] ?? "";
        const second = moduleKeys[(p + 3) % moduleKeys.length] ?? "";
        insertProgress.run(userId, first);
        insertProgress.run(userId, second);
        if (next() < 0.7) insertCompletion.run(userId, orgId, first, `${2021 + (p % 5)}-06-15T10:00:00.000Z`);
      }
    }
    // Five years of matches: completed ones, a stopped one, active ones, and an open proposal to a buddy.
    newcomers.forEach((newcomerId, i) => {
      const buddyIndex = i % buddyProfiles.length;
      const buddyId = buddyProfiles[buddyIndex] ?? 0;
      const status = i < 3 ? "completed" : i === 3 ? "active" : "proposed";
      const proposed = `${2021 + i}-02-01T09:00:00.000Z`;
      const deadline = status === "proposed" ? "2099-01-01T00:00:00.000Z" : `${2021 + i}-02-15T09:00:00.000Z`;
      const id = Number(
        insertMatch.run(
          orgId,
          newcomerId,
          buddyId,
          status,
          proposed,
          deadline,
          status === "proposed" ? null : proposed,
          status === "proposed" ? null : proposed,
          status === "completed" ? `${2021 + i}-08-01T09:00:00.000Z` : null,
        ).lastInsertRowid,
      );
      if (status === "proposed") org.proposals.push(id, org.buddies[buddyIndex] ?? 0);
    });
    org.draftScan = Number(insertDraft.run(orgId, now).lastInsertRowid);
    itemKeys
      .slice(0, 20)
      .forEach((key, i) => insertAnswer.run(org.draftScan, key, String(i % 5), org.hr[0] ?? null, now));
    world.set(orgId, org);
  }
})();
// A machine that has been running sent this week's digests already (the weekly pass for every HR user is a
// burst of its own, measured apart in decision 098); the server's scheduler then makes its ordinary ticks.
const week = digestWeek(new Date(), "Europe/Brussels");
if (week) {
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO notifications (user_id, organisation_id, kind, event_key, params, link, created_at)
       SELECT m.user_id, m.organisation_id, 'weekly_digest', ?, ?, '/hr', ? FROM memberships m WHERE m.role = 'hr' AND m.organisation_id IS NOT NULL`,
    )
    .run(`weekly-digest:${week}`, JSON.stringify({ weekDate: week }), new Date().toISOString());
}
sqlite.pragma("wal_checkpoint(TRUNCATE)");
const counts = Object.fromEntries(
  [
    "organisations",
    "users",
    "scans",
    "scan_answers",
    "newcomer_records",
    "buddy_profiles",
    "matches",
    "module_progress",
    "module_completions",
  ].map((t) => [t, Number(sqlite.prepare(`select count(*) from ${t}`).pluck().get())]),
);
console.log(
  `World seeded in ${Math.round((performance.now() - seedStarted) / 1000)} s: ${Object.entries(counts)
    .map(([t, n]) => `${t} ${n.toLocaleString("en")}`)
    .join(", ")}.`,
);

// Sessions for the traffic: HR users, buddies with an open proposal, and the demo partner, across many organisations.
const sample = orgIds.filter((_, i) => i % Math.max(1, Math.floor(orgIds.length / 200)) === 0);
const cookieOf = (userId: number) => createSession(userId).split(";")[0] ?? "";
const hrSessions = sample.map((orgId) => {
  const org = world.get(orgId);
  return { cookie: cookieOf(org?.hr[0] ?? 0), draftScan: org?.draftScan ?? 0, submittedScan: org?.submittedScan ?? 0 };
});
const buddySessions = sample.map((orgId) => {
  const org = world.get(orgId);
  return { cookie: cookieOf(org?.proposals[1] ?? 0), proposal: org?.proposals[0] ?? 0 };
});
const partnerId = Number(
  sqlite.prepare("select id from users where email = 'onderzoek@thomasmore.example'").pluck().get(),
);
const partnerCookie = cookieOf(partnerId);
const signInEmails = sample.map((orgId) => `p1.org${orgId}@capacity.example`);
db.$client.close();
const databaseBytes = fileSize(databasePath);

// ——— 2. The server ————————————————————————————————————————————————————————————————————
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
let output = "";
const profileDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
const child = spawn(
  process.execPath,
  [...(profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : []), "--import", "tsx", "scripts/server.ts"],
  {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      DATABASE_PATH: databasePath,
      PORTAL_MODE: "demo",
      ...QUIET_SERVER_ENV,
      LOGIN_MAX_PER_IP: "100000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  },
);
child.stdout.on("data", (c: Buffer) => (output += c.toString()));
child.stderr.on("data", (c: Buffer) => (output += c.toString()));
const rssOf = (pid: number | undefined) => {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return Number(kb) * 1024;
  } catch {
    return 0;
  }
};

/**
 * CPU seconds the server has used (user + system), from /proc, in ticks of 1/100 s: what a request costs,
 * whatever else runs. The main thread (its thread id is the process id) answers every request and is what one
 * Node process is limited by; the process total adds the scheduler's worker thread, argon2's thread pool and GC
 * helpers.
 */
const cpuSecondsOf = (file: string) => {
  try {
    const fields = fs
      .readFileSync(file, "utf8")
      .replace(/^.*\) /, "")
      .split(" ");
    // After the command name: field 14 (utime) and 15 (stime) of proc(5) are at 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
};
const serverCpu = () => ({
  process: cpuSecondsOf(`/proc/${child.pid}/stat`),
  main: cpuSecondsOf(`/proc/${child.pid}/task/${child.pid}/stat`),
});

async function stopServer() {
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 20_000).unref();
  });
}

// ——— 3. Traffic ——————————————————————————————————————————————————————————————————————
const KINDS = ["hr page", "autosave", "buddy proposal", "module page", "partner comparison", "sign-in"] as const;
type Kind = (typeof KINDS)[number];
type Req = { kind: Kind; method: "GET" | "POST"; path: string; cookie?: string; body?: string };
const DEFAULT_MIX: [Kind, number][] = [
  ["hr page", 30],
  ["autosave", 35],
  ["buddy proposal", 15],
  ["module page", 10],
  ["partner comparison", 8],
  ["sign-in", 2],
];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);
/** BENCH_MIX="hr page=30,autosave=35,…" replaces the mix, e.g. to leave a kind out (weight 0). */
function mixFrom(spec: string | undefined): [Kind, number][] {
  if (!spec) return DEFAULT_MIX;
  return spec.split(",").map((part) => {
    const [name = "", weight = ""] = part.split("=").map((x) => x.trim());
    if (!isKind(name) || !(Number(weight) >= 0))
      throw new Error(`BENCH_MIX: "${part}" is not <kind>=<weight> with a kind of ${KINDS.join(", ")}`);
    return [name, Number(weight)];
  });
}
const MIX = mixFrom(process.env.BENCH_MIX).filter(([, w]) => w > 0);
const totalWeight = MIX.reduce((s, [, w]) => s + w, 0);
const pick = random(7);
const values = ["0", "1", "2", "3", "4", "dont_know", "not_applicable"];
let counter = 0;

function pickKind(): Kind {
  let r = pick() * totalWeight;
  for (const [k, w] of MIX) if ((r -= w) < 0) return k;
  return "hr page";
}

function nextRequest(only?: Kind): Req {
  const kind = only ?? pickKind();
  const i = counter++;
  const hr = hrSessions[i % hrSessions.length];
  const buddy = buddySessions[i % buddySessions.length];
  switch (kind) {
    case "hr page": {
      const pages = [
        "/hr",
        `/hr/scans/${hr?.draftScan}`,
        `/hr/scans/${hr?.submittedScan}/results`,
        "/hr/newcomers",
        "/hr/matching",
        "/hr/benchmark",
      ];
      return { kind, method: "GET", path: pages[i % pages.length] ?? "/hr", cookie: hr?.cookie };
    }
    case "autosave":
      return {
        kind,
        method: "POST",
        path: `/hr/scans/${hr?.draftScan}/answers`,
        cookie: hr?.cookie,
        body: new URLSearchParams({
          itemKey: itemKeys[i % itemKeys.length] ?? "",
          value: values[i % values.length] ?? "2",
        }).toString(),
      };
    case "buddy proposal":
      return {
        kind,
        method: "GET",
        path: i % 2 === 0 ? `/me/buddy/proposals/${buddy?.proposal}` : "/me/buddy",
        cookie: buddy?.cookie,
      };
    case "module page":
      return { kind, method: "GET", path: "/me/modules", cookie: buddy?.cookie };
    case "partner comparison":
      return {
        kind,
        method: "GET",
        path: i % 2 === 0 ? "/partner/benchmark" : "/partner/indicators",
        cookie: partnerCookie,
      };
    case "sign-in":
      return {
        kind,
        method: "POST",
        path: "/login",
        body: new URLSearchParams({
          email: signInEmails[i % signInEmails.length] ?? "",
          password: PASSWORD,
        }).toString(),
      };
  }
}

function send(agent: http.Agent, req: Req): Promise<{ ms: number; ok: boolean; status: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = {
      Accept: req.kind === "autosave" ? "application/json" : "text/html",
    };
    if (req.cookie) headers.Cookie = req.cookie;
    if (req.body) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers["Content-Length"] = Buffer.byteLength(req.body);
    }
    const request = http.request(
      { host: "127.0.0.1", port, method: req.method, path: req.path, agent, headers },
      (response) => {
        response.resume();
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          // A sign-in answers with a redirect; everything else with 200.
          const ok = req.kind === "sign-in" ? status === 302 : status === 200;
          resolve({ ms: performance.now() - started, ok, status });
        });
      },
    );
    request.on("error", () => resolve({ ms: performance.now() - started, ok: false, status: 0 }));
    request.end(req.body);
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const sortedOf = (list: number[]) => [...list].sort((a, b) => a - b);

type Run = {
  concurrency: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  byKind: Map<Kind, number[]>;
  rss: number;
  failures: string[];
  /** CPU per request: the main thread's and the whole process's, in ms. */
  mainMs: number;
  processMs: number;
  /** Share of a core the main thread used. */
  mainCores: number;
};

/** Closed loop: `concurrency` connections, each sending its next request as soon as the last one answered. */
async function run(concurrency: number, seconds: number, only?: Kind): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const byKind = new Map<Kind, number[]>();
  const failures: string[] = [];
  let errors = 0;
  let rss = 0;
  const sampler = setInterval(() => (rss = Math.max(rss, rssOf(child.pid))), 500);
  const before = serverCpu();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const req = nextRequest(only);
        const result = await send(agent, req);
        latencies.push(result.ms);
        const list = byKind.get(req.kind) ?? [];
        list.push(result.ms);
        byKind.set(req.kind, list);
        if (!result.ok) {
          errors++;
          if (failures.length < 5) failures.push(`${req.method} ${req.path} → ${result.status}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  agent.destroy();
  const after = serverCpu();
  const sorted = sortedOf(latencies);
  const n = Math.max(1, latencies.length);
  return {
    concurrency,
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    errors,
    byKind,
    rss,
    failures,
    mainMs: ((after.main - before.main) * 1000) / n,
    processMs: ((after.process - before.process) * 1000) / n,
    mainCores: (after.main - before.main) / elapsed,
  };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const pad = (v: string | number, n: number) => String(v).padStart(n);
const benchStarted = Date.now();

try {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    if (
      await fetch(`${url}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    if (Date.now() > deadline) throw new Error(`Server did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // Every kind of request answers as it should before anything is measured.
  const agent = new http.Agent({ keepAlive: true });
  for (const [kind] of MIX) {
    for (let i = 0; i < 4; i++) {
      const req = nextRequest(kind);
      const result = await send(agent, req);
      if (!result.ok) throw new Error(`Sanity check: ${req.method} ${req.path} answered ${result.status}`);
    }
  }
  agent.destroy();
  console.log(
    `Server up on a ${mib(databaseBytes)} database; ${os.cpus().length} cores, load average ${load()} (the load generator shares the machine).`,
  );

  // 1. Warm-up, not measured.
  const warm = await run(2, WARMUP_SECONDS);
  console.log(`Warm-up (not measured): ${WARMUP_SECONDS} s of the mix on 2 connections, ${warm.requests} requests.\n`);

  // 2. Each kind alone: what it costs, without queueing behind the others.
  console.log(`Each kind alone on one connection, ${KIND_SECONDS} s each (load average ${load()}):`);
  console.log(
    `${"kind".padEnd(19)} ${pad("req/s", 6)} ${pad("p50 ms", 7)} ${pad("p99 ms", 7)} ${pad("main CPU ms/req", 15)} ${pad("process CPU ms/req", 18)}`,
  );
  const alone = new Map<Kind, Run>();
  for (const [kind] of MIX) {
    const r = await run(1, KIND_SECONDS, kind);
    alone.set(kind, r);
    console.log(
      `${kind.padEnd(19)} ${pad(r.rps.toFixed(1), 6)} ${pad(r.p50.toFixed(0), 7)} ${pad(r.p99.toFixed(0), 7)} ${pad(r.mainMs.toFixed(1), 15)} ${pad(r.processMs.toFixed(1), 18)}${r.errors ? `  ${r.errors} errors, e.g. ${r.failures.join("; ")}` : ""}`,
    );
  }
  const mixMainMs = MIX.reduce((s, [k, w]) => s + w * (alone.get(k)?.mainMs ?? 0), 0) / totalWeight;
  const mixProcessMs = MIX.reduce((s, [k, w]) => s + w * (alone.get(k)?.processMs ?? 0), 0) / totalWeight;
  console.log(
    `${"the mix, weighted".padEnd(19)} ${pad("", 6)} ${pad("", 7)} ${pad("", 7)} ${pad(mixMainMs.toFixed(1), 15)} ${pad(mixProcessMs.toFixed(1), 18)}\n`,
  );

  // 3. The mix at rising concurrency, one step past the limit.
  console.log(
    `Mix: ${MIX.map(([k, w]) => `${k} ${w}%`).join(", ")}; ${STEP_SECONDS} s per step; the limit is p99 > ${P99_LIMIT_MS} ms or any error, and one more step is run past it.`,
  );
  console.log(
    `${pad("conns", 5)} ${pad("req/s", 6)} ${pad("p50", 5)} ${pad("p99", 5)} ${pad("errors", 6)} ${pad("RSS", 8)} ${pad("main ms/req", 11)} ${pad("proc ms/req", 11)} ${pad("main core", 9)} ${pad("load", 5)}  p50/p99 ms per kind`,
  );
  const steps: Run[] = [];
  let pastLimit = 0;
  for (const concurrency of LEVELS) {
    const s = await run(concurrency, STEP_SECONDS);
    steps.push(s);
    const kinds = KINDS.filter((k) => s.byKind.has(k))
      .map((k) => {
        const l = sortedOf(s.byKind.get(k) ?? []);
        return `${k} ${Math.round(quantile(l, 0.5))}/${Math.round(quantile(l, 0.99))}`;
      })
      .join(", ");
    const over = s.p99 > P99_LIMIT_MS || s.errors > 0;
    console.log(
      `${pad(concurrency, 5)} ${pad(s.rps.toFixed(0), 6)} ${pad(s.p50.toFixed(0), 5)} ${pad(s.p99.toFixed(0), 5)} ${pad(s.errors, 6)} ${pad(mib(s.rss), 8)} ${pad(s.mainMs.toFixed(1), 11)} ${pad(s.processMs.toFixed(1), 11)} ${pad(s.mainCores.toFixed(2), 9)} ${pad(os.loadavg()[0]?.toFixed(1) ?? "", 5)}  ${kinds}${over ? "  ← over the limit" : ""}`,
    );
    if (s.failures.length > 0) console.log(`      e.g. ${s.failures.join("; ")}`);
    if (over && ++pastLimit > 1) break;
  }

  const sustainable = steps.filter((s) => s.p99 <= P99_LIMIT_MS && s.errors === 0);
  const best = sustainable.reduce<Run | null>((b, s) => (!b || s.rps > b.rps ? s : b), null);
  const costMs =
    steps.reduce((sum, s) => sum + s.mainMs * s.requests, 0) /
    Math.max(
      1,
      steps.reduce((sum, s) => sum + s.requests, 0),
    );
  console.log("");
  console.log(
    best
      ? `SUSTAINABLE: ${best.rps.toFixed(0)} req/s of this mix at ${best.concurrency} concurrent connections (p50 ${best.p50.toFixed(0)} ms, p99 ${best.p99.toFixed(0)} ms, no errors).`
      : `SUSTAINABLE: none — no step kept p99 ≤ ${P99_LIMIT_MS} ms without errors.`,
  );
  console.log(
    `CPU bound: the main thread spent ${costMs.toFixed(1)} ms per request of the mix (${mixMainMs.toFixed(1)} ms weighted from the kinds alone) → at most ~${(1000 / costMs).toFixed(0)} req/s for one Node process on one free core, whatever else the machine runs.`,
  );
  console.log(
    `Database: ${mib(fileSize(databasePath))} (+ WAL ${mib(fileSize(`${databasePath}-wal`))}) for ${counts.organisations?.toLocaleString("en")} organisations and ${counts.users?.toLocaleString("en")} people; server RSS peak ${mib(Math.max(...steps.map((s) => s.rss)))}.`,
  );
  console.log(
    `Load average at the end ${load()}; measuring took ${Math.round((Date.now() - benchStarted) / 1000)} s after the seed.`,
  );
} finally {
  await stopServer();
  fs.rmSync(dir, { recursive: true, force: true });
}

// npm run bench:http — the scan page and the autosave endpoint under load, next to /healthz, in one run.
// Starts the production server (scripts/server.ts over the built app) on a copy of the demo database:
// data/portal.db copied with SQLite's online backup when it holds the demo, else a freshly seeded demo.
// Prints requests/s and p50/p99 latency per endpoint and the ratio to /healthz. Targets (2 cores, 16
// connections): autosave p99 < 30 ms, scan page p99 < 50 ms. A benchmark, not a test: it never fails a build.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { QUIET_SERVER_ENV } from "./bench-server-env";
import { freePort } from "../tests/support/ports";

// autocannon ships no types: the few fields used here, typed locally (a global declaration could clash).
type CannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type CannonOptions = {
  url: string;
  connections?: number;
  duration?: number;
  method?: string;
  headers?: Record<string, string>;
  requests?: { setupRequest?: (request: CannonRequest) => CannonRequest }[];
};
type CannonResult = { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number };
const autocannon = createRequire(import.meta.url)("autocannon") as (options: CannonOptions, done: (error: Error | null, result: CannonResult) => void) => unknown;

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 16);
const DURATION = Number(process.env.BENCH_SECONDS || 10);
const PASSWORD = process.env.DEMO_PASSWORD || "Nieuwkomer-demo-2026";
const HR_EMAIL = "hr@zas.example";


async function copyDemoDatabase(target: string): Promise<string> {
  const source = path.resolve(process.env.DATABASE_PATH || "data/portal.db");
  if (!fs.existsSync(source)) return "fresh demo seed (no data/portal.db)";
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const hasDemo = db.prepare("select count(*) as n from users where email = ?").get(HR_EMAIL) as { n: number } | undefined;
    if (!hasDemo?.n) return "fresh demo seed (data/portal.db holds no demo)";
    await db.backup(target);
    return `copy of ${path.relative(process.cwd(), source)}`;
  } catch {
    fs.rmSync(target, { force: true });
    return "fresh demo seed (data/portal.db could not be copied)";
  } finally {
    db.close();
  }
}

type Row = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

function run(name: string, options: Omit<CannonOptions, "url"> & { url: string }): Promise<Row> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...options }, (error, result) => {
      if (error) return reject(error);
      resolve({ name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx });
    });
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
const databasePath = path.join(dir, "bench.db");
const origin = await copyDemoDatabase(databasePath);
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
let output = "";
const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    DATABASE_PATH: databasePath,
    PORTAL_MODE: "demo",
    ...QUIET_SERVER_ENV,
    LOGIN_MAX_PER_IP: "1000",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

async function stop() {
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 4000).unref();
  });
  fs.rmSync(dir, { recursive: true, force: true });
}

try {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`Server did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }

  const login = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: HR_EMAIL, password: PASSWORD }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (login.status !== 302 || !cookie) throw new Error(`Sign-in failed with ${login.status}`);

  // The organisation's draft scan (the demo's "2026"); start one if a copied database has none left.
  const db = new Database(databasePath, { readonly: true });
  const draft = db
    .prepare(
      `select s.id from scans s join memberships m on m.organisation_id = s.organisation_id join users u on u.id = m.user_id
       where u.email = ? and s.status = 'draft' order by s.period desc limit 1`,
    )
    .get(HR_EMAIL) as { id: number } | undefined;
  const itemKeys = (db.prepare("select key from instrument_items where version = 1 order by dimension_key, position").all() as { key: string }[]).map((r) => r.key);
  db.close();
  let scanId = draft?.id;
  if (!scanId) {
    const started = await fetch(`${url}/hr/scans`, {
      method: "POST",
      body: new URLSearchParams({ period: "2099", start: "empty" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      redirect: "manual",
    });
    scanId = Number(/\/hr\/scans\/(\d+)/.exec(started.headers.get("location") ?? "")?.[1]);
    if (!scanId) throw new Error("Could not find or start a draft scan");
  }

  const scanPath = `/hr/scans/${scanId}`;
  const pageCheck = await fetch(`${url}${scanPath}`, { headers: { Cookie: cookie } });
  if (pageCheck.status !== 200) throw new Error(`Scan page answered ${pageCheck.status}`);
  const values = ["0", "1", "2", "3", "4", "dont_know", "not_applicable"];
  let n = 0;

  console.log(`Benchmark on ${os.cpus().length} cores, ${CONNECTIONS} connections, ${DURATION} s per endpoint; database: ${origin}.`);
  // Warm-up: the first requests compile templates and fill the instrument cache.
  await run("warm-up", { url: `${url}${scanPath}`, headers: { Cookie: cookie }, duration: 2 });

  const rows: Row[] = [];
  rows.push(await run("/healthz", { url: `${url}/healthz` }));
  rows.push(await run(`GET ${scanPath} (scan page)`, { url: `${url}${scanPath}`, headers: { Cookie: cookie } }));
  rows.push(
    await run(`POST ${scanPath}/answers (autosave)`, {
      url: `${url}${scanPath}/answers`,
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      requests: [
        {
          setupRequest: (request: CannonRequest) => {
            n++;
            const body = new URLSearchParams({ itemKey: itemKeys[n % itemKeys.length] ?? "leadership.1", value: values[n % values.length] ?? "2" }).toString();
            return { ...request, body };
          },
        },
      ],
    }),
  );

  const health = rows[0];
  const pad = (s: string, w: number) => s.padEnd(w);
  const num = (x: number, w: number, digits = 1) => x.toFixed(digits).padStart(w);
  console.log("");
  console.log(`${pad("endpoint", 44)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"×healthz rps".padStart(13)} ${"×healthz p99".padStart(13)} errors`);
  for (const r of rows) {
    const rpsRatio = health && health.rps > 0 ? r.rps / health.rps : 0;
    const p99Ratio = health && health.p99 > 0 ? r.p99 / health.p99 : 0;
    console.log(`${pad(r.name, 44)} ${num(r.rps, 9, 0)} ${num(r.p50, 8)} ${num(r.p99, 8)} ${num(rpsRatio, 13, 2)} ${num(p99Ratio, 13, 2)} ${r.errors + r.non2xx}`);
  }
  const autosave = rows[2];
  const page = rows[1];
  console.log("");
  console.log(`Targets: autosave p99 < 30 ms → ${autosave && autosave.p99 < 30 ? "met" : "NOT met"}; scan page p99 < 50 ms → ${page && page.p99 < 50 ? "met" : "NOT met"}.`);
} finally {
  await stop();
}

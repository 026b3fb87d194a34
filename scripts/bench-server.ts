// The production server a benchmark measures: scripts/server.ts over the built app, on a copy of the demo database
// (data/portal.db copied with SQLite's online backup when it holds the demo, else a freshly seeded demo), quiet
// (QUIET_SERVER_ENV), on a free port or BENCH_PORT. Used by bench-http and bench-pages.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { QUIET_SERVER_ENV } from "./bench-server-env";
import { freePort } from "../tests/support/ports";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "Nieuwkomer-demo-2026";
const PROBE_EMAIL = "hr@zas.example";

async function benchPort(): Promise<number> {
  return process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : freePort();
}

async function copyDemoDatabase(target: string): Promise<string> {
  const source = path.resolve(process.env.DATABASE_PATH || "data/portal.db");
  if (!fs.existsSync(source)) return "fresh demo seed (no data/portal.db)";
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const hasDemo = db.prepare("select count(*) as n from users where email = ?").get(PROBE_EMAIL) as
      { n: number } | undefined;
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

export type BenchServer = {
  url: string;
  pid: number;
  databasePath: string;
  /** Where the database came from, for the report. */
  origin: string;
  /** CPU seconds the server process has used so far (user + system, from /proc). */
  cpuSeconds: () => number;
  stop: () => Promise<void>;
};

export async function startBenchServer(options: { cpuProfileDir?: string } = {}): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
  const databasePath = path.join(dir, "bench.db");
  const origin = await copyDemoDatabase(databasePath);
  const port = await benchPort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const profile = options.cpuProfileDir ? ["--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/server.ts"], {
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
      LOGIN_MAX_PER_ACCOUNT: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid ?? 0;
  const stop = async () => {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 8000).unref();
    });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const cpuSeconds = () => {
    // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): user and system ticks.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
      const ok = await fetch(`${url}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`Server did not become healthy:\n${output}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid, databasePath, origin, cpuSeconds, stop };
}

/** Signs in through the login form and returns the session cookie ("name=value"). */
export async function signIn(url: string, email: string): Promise<string> {
  const login = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (login.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} failed with ${login.status}`);
  return cookie;
}

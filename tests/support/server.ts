// Starts the real production server (scripts/server.ts over the built app) on a fresh database.
import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { newToken } from "~/utils/crypto.server";
import { startMailCatcher, type MailCatcher } from "~/utils/mail-catcher.server";
import { baseDatabases, copyBase, removeDatabase, sameReferenceData } from "./databases";
import { freePort } from "./ports";

export type RunningServer = {
  url: string;
  mail: MailCatcher;
  databasePath: string;
  output: () => string;
  stop: () => Promise<void>;
};

export { freePort };

export type StartOptions = {
  /**
   * What the database file starts as (decision 091): a copy of the run's demo base (the default without
   * `prepare`: what a first `npm start` seeds, in a millisecond), of the migrated base, or nothing ("empty", the
   * default with `prepare`: the server then migrates and seeds it itself). Another module catalogue or demo
   * password in `env` always starts empty.
   */
  from?: "demo" | "migrated" | "empty";
  /** Runs on the database file (as `from` left it) before the server starts, e.g. to migrate and fill it. */
  prepare?: (databasePath: string) => Promise<void> | void;
};

export async function startServer(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningServer> {
  const dir = path.resolve("tests/.tmp");
  fs.mkdirSync(dir, { recursive: true });
  const databasePath = path.join(dir, `server-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
  const from = options.from ?? (options.prepare ? "empty" : "demo");
  const ownReferenceData =
    env.MODULES_DIR !== undefined || (env.DEMO_PASSWORD !== undefined && env.DEMO_PASSWORD !== "Nieuwkomer-demo-2026");
  if (from !== "empty" && !ownReferenceData && sameReferenceData(await baseDatabases()))
    await copyBase(from, databasePath);
  if (options.prepare) await options.prepare(databasePath);
  const mail = await startMailCatcher({ port: 0 });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      DATABASE_PATH: databasePath,
      PORTAL_MODE: "demo",
      SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      LOG_REQUESTS: "false",
      LOGIN_MAX_PER_IP: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  // A ceiling, not an expectation: on a loaded 2-core machine a cold tsx start took over 60 s.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Server did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  return {
    url,
    mail,
    databasePath,
    output: () => output,
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 4000).unref();
      });
      await mail.close();
      removeDatabase(databasePath);
    },
  };
}

/** Signs in over HTTP like a browser form post and returns the session cookie. */
export async function signIn(server: RunningServer, email: string, password = "Nieuwkomer-demo-2026"): Promise<string> {
  const response = await fetch(`${server.url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const setCookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !setCookie) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
  return setCookie.split(";")[0] ?? "";
}

/**
 * A session of the account written straight into the server's database, the row a sign-in writes (the SHA-256 of
 * a new random token, 12 hours like SESSION_ABSOLUTE_HOURS' default), and its cookie ("portal_session=…"). No
 * login form and no argon2 verification: for tests that are not about signing in (decision 196). The tests of
 * signing in keep the form (`login`) or the POST (`signIn`).
 */
export function storedSession(server: RunningServer, email: string, now = new Date()): string {
  const db = new Database(server.databasePath);
  try {
    db.pragma("busy_timeout = 5000");
    const user = db.prepare("select id from users where email = ?").get(email) as { id: number } | undefined;
    if (!user) throw new Error(`No user ${email} in ${server.databasePath}`);
    const { token, tokenHash } = newToken();
    const iso = now.toISOString();
    const expiresAt = new Date(now.getTime() + 12 * 3_600_000).toISOString();
    db.prepare("insert into sessions (id, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)").run(
      tokenHash,
      user.id,
      iso,
      iso,
      expiresAt,
    );
    const name = server.url.startsWith("https://") ? "__Host-portal_session" : "portal_session";
    return `${name}=${token}`;
  } finally {
    db.close();
  }
}

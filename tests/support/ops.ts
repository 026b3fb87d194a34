// Helpers for the operations tests: the real server as a child process we can signal, the real restore command,
// and autosaves over raw HTTP so a test sees exactly what a client sees (status, body, or a reset connection).
import Database from "better-sqlite3";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { freePort } from "./server";

export const HR_EMAIL = "hr@zas.example";
export const PASSWORD = "Nieuwkomer-demo-2026";

export function tempDir(name: string): string {
  const dir = path.resolve(
    "tests/.tmp",
    `${name}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
  );
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export type PortalProcess = {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when the server's output matches, polling what it has written so far. */
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
};

export async function poll<T>(
  what: string,
  probe: () => Promise<T | null | undefined> | T | null | undefined,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Starts scripts/server.ts (over the built app) on the given database; waits for /healthz unless told not to. */
export async function startPortal(
  databasePath: string,
  env: Record<string, string> = {},
  options: { waitHealthy?: boolean } = {},
): Promise<PortalProcess> {
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
      SMTP_URL: "smtp://127.0.0.1:9",
      LOG_REQUESTS: "false",
      LOGIN_MAX_PER_IP: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const portal: PortalProcess = {
    url,
    port,
    child,
    output: () => output,
    exited,
    waitForOutput: (pattern, timeoutMs = 30_000) =>
      poll(`server output ${pattern}`, () => output.match(pattern), timeoutMs, 25),
  };
  if (options.waitHealthy !== false) {
    await poll(
      "a healthy server",
      async () => {
        if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
        const response = await fetch(`${url}/healthz`).catch(() => null);
        return response?.ok ? true : null;
      },
      90_000,
      150,
    ).catch((error: unknown) => {
      child.kill("SIGKILL");
      throw error;
    });
  }
  return portal;
}

export async function stopPortal(portal: PortalProcess): Promise<void> {
  if (portal.child.exitCode !== null || portal.child.signalCode !== null) return;
  portal.child.kill("SIGTERM");
  const timer = setTimeout(() => portal.child.kill("SIGKILL"), 15_000);
  await portal.exited;
  clearTimeout(timer);
}

export async function signIn(url: string, email = HR_EMAIL): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: PASSWORD }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
  return cookie;
}

/** Starts a new empty scan for the period; returns its id. */
export async function startScan(url: string, cookie: string, period: string): Promise<number> {
  const response = await fetch(`${url}/hr/scans`, {
    method: "POST",
    body: new URLSearchParams({ period, start: "empty" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    redirect: "manual",
  });
  const id = Number(/\/hr\/scans\/(\d+)/.exec(response.headers.get("location") ?? "")?.[1]);
  if (!id) throw new Error(`Starting scan ${period} answered ${response.status}`);
  return id;
}

export function itemKeys(databasePath: string): string[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("select key from instrument_items where version = 1 order by dimension_key, position")
      .pluck()
      .all()
      .map(String);
  } finally {
    db.close();
  }
}

export type Acknowledged = { itemKey: string; value: string; comment: string; revision: number };
export type Outcome = { ok: true; ack: Acknowledged } | { ok: false; status: number | null; error: string };

function isAnswerBody(
  value: unknown,
): value is { answer: { itemKey: string; value: string; comment: string; revision: number } } {
  if (!value || typeof value !== "object" || !("answer" in value)) return false;
  const answer = value.answer;
  return !!answer && typeof answer === "object" && "revision" in answer && typeof answer.revision === "number";
}

/**
 * One autosave over a fresh connection (no keep-alive). `hold` sends the headers and half the body, then waits
 * for the promise before sending the rest: the request is then in flight on the server.
 */
export function autosave(
  url: string,
  cookie: string,
  scanId: number,
  fields: { itemKey: string; value: string; comment: string },
  hold?: Promise<void>,
): { sent: Promise<void>; outcome: Promise<Outcome> } {
  const body = Buffer.from(new URLSearchParams(fields).toString());
  const { hostname, port } = new URL(url);
  let markSent: () => void = () => {};
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const outcome = new Promise<Outcome>((resolve) => {
    const request = http.request(
      {
        hostname,
        port,
        method: "POST",
        path: `/hr/scans/${scanId}/answers`,
        agent: false,
        headers: {
          Cookie: cookie,
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
          "Content-Length": body.length,
        },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("error", (error) =>
          resolve({ ok: false, status: response.statusCode ?? null, error: error.message }),
        );
        response.on("end", () => {
          let parsed: unknown = null;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          if (response.statusCode === 200 && isAnswerBody(parsed)) {
            resolve({
              ok: true,
              ack: {
                itemKey: parsed.answer.itemKey,
                value: parsed.answer.value,
                comment: parsed.answer.comment,
                revision: parsed.answer.revision,
              },
            });
          } else resolve({ ok: false, status: response.statusCode ?? null, error: text.slice(0, 200) });
        });
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, status: null, error: error.code ?? error.message }),
    );
    if (hold) {
      const half = Math.floor(body.length / 2);
      request.write(body.subarray(0, half), () => markSent());
      void hold.then(() => request.end(body.subarray(half)));
    } else {
      request.end(body, () => markSent());
    }
  });
  return { sent, outcome };
}

/** The answers of a scan as stored in a database file: item → value, comment, revision. */
export function storedAnswers(
  databasePath: string,
  scanId: number,
): Map<string, { value: string; comment: string | null; revision: number }> {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare("select item_key, value, comment, revision from scan_answers where scan_id = ?")
      .all(scanId);
    const map = new Map<string, { value: string; comment: string | null; revision: number }>();
    for (const row of rows) {
      if (
        row &&
        typeof row === "object" &&
        "item_key" in row &&
        "value" in row &&
        "comment" in row &&
        "revision" in row
      ) {
        map.set(String(row.item_key), {
          value: String(row.value),
          comment: row.comment === null ? null : String(row.comment),
          revision: Number(row.revision),
        });
      }
    }
    return map;
  } finally {
    db.close();
  }
}

/**
 * Which acknowledged answers a database lacks. An answer counts as held when the item's stored revision is at
 * least the acknowledged one, and equal to it with the same value and comment (a later, unacknowledged save
 * of the same item may have overwritten it: that is not a loss).
 */
export function missingAcknowledged(
  stored: ReturnType<typeof storedAnswers>,
  acknowledged: Acknowledged[],
): Acknowledged[] {
  const latest = new Map<string, Acknowledged>();
  for (const ack of acknowledged) {
    const seen = latest.get(ack.itemKey);
    if (!seen || ack.revision > seen.revision) latest.set(ack.itemKey, ack);
  }
  return [...latest.values()].filter((ack) => {
    const row = stored.get(ack.itemKey);
    if (!row || row.revision < ack.revision) return true;
    return row.revision === ack.revision && (row.value !== ack.value || row.comment !== ack.comment);
  });
}

export function runRestore(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/restore.ts", ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Processes that hold the file open (Linux /proc), to see that Litestream does not outlive the server. */
export function processesHolding(file: string): number[] {
  const found: number[] = [];
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    if (
      fds.some((fd) => {
        try {
          return fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
        } catch {
          return false;
        }
      })
    )
      found.push(Number(pid));
  }
  return found;
}

// A benchmark that does not measure mail starts the server with QUIET_SERVER_ENV: with mail waiting in the outbox and
// no SMTP server listening, the server must not try to send it (before, every such bench printed
// "outbox: message N … failed: ESOCKET" from the scheduler's first tick).
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUIET_SERVER_ENV } from "../../scripts/bench-server-env";
import { copyBase } from "../support/databases";
import { spawnPortal, type PortalProcess } from "../support/portal-process";

const dir = path.resolve("tests/.tmp");
const databasePath = path.join(dir, `bench-quiet-${process.pid}-${Date.now()}.db`);
let server: PortalProcess | undefined;

const outboxRow = () => {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT status, attempts FROM outbox").get() as { status: string; attempts: number };
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  fs.mkdirSync(dir, { recursive: true });
  await copyBase("migrated", databasePath);
  const db = new Database(databasePath);
  db.prepare(
    "INSERT INTO outbox (event_key, kind, to_email, locale, subject, text, next_attempt_at) VALUES ('bench:quiet', 'module_assigned', 'someone@bench.example', 'nl', 'Onderwerp', 'Tekst', '1970-01-01T00:00:00.000Z')",
  ).run();
  db.close();
});

afterAll(async () => {
  await server?.kill("SIGKILL");
  for (const f of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) fs.rmSync(f, { force: true });
});

describe("a benchmark's server", () => {
  it("leaves the outbox alone and prints nothing about mail", { timeout: 180_000 }, async () => {
    // spawnPortal's SMTP port is replaced by QUIET_SERVER_ENV's dead address (port 9: nothing listens).
    server = await spawnPortal({
      databasePath,
      smtpPort: 9,
      env: { ...QUIET_SERVER_ENV, SCHEDULER_INTERVAL_SECONDS: "0.2" },
    });
    // Long enough for a scheduler thread to boot (tsx compiles it: seconds on a loaded machine) and tick many
    // times at 0.2 s; without QUIET_SERVER_ENV's SCHEDULER=off the row is tried and the ESOCKET line printed.
    const until = Date.now() + 30_000;
    while (Date.now() < until && outboxRow().attempts === 0) {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(outboxRow()).toEqual({ status: "queued", attempts: 0 });
    expect(server.output()).not.toMatch(/outbox:|ESOCKET|ECONNREFUSED/);
  });
});

// Operations (issue 19): continuous replication with the real Litestream binary to a local directory, restore,
// and graceful shutdown — the real server process, real HTTP, real SQLite files. Replication is waited for by
// polling a restore, never by sleeping a fixed time.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  autosave,
  itemKeys,
  missingAcknowledged,
  poll,
  processesHolding,
  runRestore,
  signIn,
  startPortal,
  startScan,
  stopPortal,
  storedAnswers,
  tempDir,
  type Acknowledged,
  type PortalProcess,
} from "../support/ops";
import { copyBase } from "../support/databases";

const running: PortalProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const portal of running.splice(0)) await stopPortal(portal);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A GET on a connection of its own (no keep-alive pool): its answer proves the server accepted it. */
function freshGet(port: number, pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: pathname, agent: false }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

/** A directory of its own with a copy of the demo base as the portal's database (decision 091): no server seeds. */
async function workspace(name: string) {
  const dir = tempDir(name);
  dirs.push(dir);
  const database = await copyBase("demo", path.join(dir, "portal.db"));
  return { dir, database, replica: path.join(dir, "replica") };
}

async function portal(database: string, env: Record<string, string> = {}) {
  const p = await startPortal(database, env);
  running.push(p);
  return p;
}

/** Restores the replica into a fresh file until it holds every acknowledged answer (or the deadline passes). */
async function restoreHolding(
  replica: string,
  dir: string,
  scanId: number,
  acknowledged: Acknowledged[],
  extra: string[] = [],
) {
  let attempt = 0;
  let lastMissing: Acknowledged[] = acknowledged;
  return poll(
    "a restore holding every acknowledged answer",
    () => {
      const target = path.join(dir, `restored-${attempt++}.db`);
      const result = runRestore([replica, target, ...extra]);
      if (result.status !== 0) throw new Error(`restore exited ${result.status}: ${result.stderr}`);
      lastMissing = missingAcknowledged(storedAnswers(target, scanId), acknowledged);
      if (lastMissing.length > 0)
        throw new Error(`${lastMissing.length} acknowledged answers missing, e.g. ${JSON.stringify(lastMissing[0])}`);
      return { target, stdout: result.stdout };
    },
    45_000,
    250,
  );
}

describe("continuous replication", () => {
  it("a restore after the server is killed with SIGKILL under load holds every acknowledged write", async () => {
    const { dir, database, replica } = await workspace("replication-kill");
    const server = await portal(database, { REPLICA_URL: replica, REPLICA_SYNC_INTERVAL: "1s" });
    await server.waitForOutput(/litestream: replicating to/);
    const cookie = await signIn(server.url);
    const scanId = await startScan(server.url, cookie, "2099");
    const keys = itemKeys(database);

    // Eight writers save answers as fast as the server acknowledges them; the server is killed mid-stream.
    const acknowledged: Acknowledged[] = [];
    const failures: string[] = [];
    let n = 0;
    let killed = false;
    const values = ["0", "1", "2", "3", "4", "dont_know", "not_applicable"];
    const writer = async () => {
      while (!killed) {
        const i = n++;
        const fields = {
          itemKey: keys[i % keys.length] ?? "",
          value: values[i % values.length] ?? "2",
          comment: `write-${i}`,
        };
        const outcome = await autosave(server.url, cookie, scanId, fields).outcome;
        if (outcome.ok) acknowledged.push(outcome.ack);
        else if (!killed) failures.push(`${outcome.status}: ${outcome.error}`);
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    await poll("300 acknowledged writes", () => (acknowledged.length >= 300 ? true : null), 60_000, 20);
    // Replication is asynchronous: a server killed before Litestream's first copy leaves no replica at all, which
    // is what asynchronous replication promises, not what this test is about. On a fast machine the 300 writes
    // are acknowledged before the first sync, so the kill waits (writers still running) for the replica to exist.
    await poll(
      "Litestream's first copy in the replica",
      () => (fs.existsSync(path.join(replica, "generations")) ? true : null),
      30_000,
      20,
    );
    server.child.kill("SIGKILL");
    killed = true;
    await Promise.all(writers);
    expect(await server.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(failures).toEqual([]);

    // Litestream copies what the killed server had committed, then stops: it does not outlive the server.
    const { target, stdout } = await restoreHolding(replica, dir, scanId, acknowledged);
    await poll(
      "Litestream to let go of the database",
      () => (processesHolding(database).length === 0 ? true : null),
      20_000,
    );
    expect(stdout).toMatch(/integrity ok/);
    expect(stdout).toMatch(/scan_answers\s+\d+/);
    // The restored file is a working portal database: the server starts on it and serves the answers.
    const restoredServer = await portal(target);
    const restoredCookie = await signIn(restoredServer.url);
    const page = await fetch(`${restoredServer.url}/hr/scans/${scanId}`, { headers: { Cookie: restoredCookie } });
    expect(page.status).toBe(200);
  }, 180_000);

  it("restores a point in time: the state before a later write, not after it", async () => {
    const { dir, database, replica } = await workspace("replication-pitr");
    const server = await portal(database, { REPLICA_URL: replica, REPLICA_SYNC_INTERVAL: "1s" });
    const cookie = await signIn(server.url);
    const scanId = await startScan(server.url, cookie, "2098");
    const [first, second] = itemKeys(database);
    const before = await autosave(server.url, cookie, scanId, { itemKey: first ?? "", value: "3", comment: "before" })
      .outcome;
    if (!before.ok) throw new Error(before.error);
    await restoreHolding(replica, dir, scanId, [before.ack]);
    // The point in time lies strictly after the first write reached the replica: wait for the clock to pass it.
    const pointInTime = new Date(Date.now() + 1000);
    await poll(
      "the clock to pass the chosen point in time",
      () => (Date.now() > pointInTime.getTime() + 1000 ? true : null),
      5000,
      50,
    );
    const after = await autosave(server.url, cookie, scanId, { itemKey: second ?? "", value: "1", comment: "after" })
      .outcome;
    if (!after.ok) throw new Error(after.error);
    await restoreHolding(replica, dir, scanId, [before.ack, after.ack]);

    const target = path.join(dir, "as-of.db");
    const result = runRestore([replica, target, "--timestamp", pointInTime.toISOString()]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const stored = storedAnswers(target, scanId);
    expect(stored.get(first ?? "")?.comment).toBe("before");
    expect(stored.has(second ?? "")).toBe(false);
  });

  it("an unreachable replica is shown to the admin and logged, and the portal keeps serving", async () => {
    const { dir, database } = await workspace("replication-unreachable");
    const blocker = path.join(dir, "not-a-directory");
    fs.writeFileSync(blocker, "a file where the replica directory should be");
    const server = await portal(database, { REPLICA_URL: path.join(blocker, "replica") });
    const cookie = await signIn(server.url, "admin@portal.example");
    const page = await poll("the operations page to show failing replication", async () => {
      const html = await (await fetch(`${server.url}/admin/operations`, { headers: { Cookie: cookie } })).text();
      return html.includes('data-replication-state="failing"') ? html : null;
    });
    expect(page).toContain("De replicatie mislukt");
    expect(page).toContain("not a directory");
    const home = await (await fetch(`${server.url}/admin`, { headers: { Cookie: cookie } })).text();
    expect(home).toContain("De replicatie mislukt");
    expect(server.output()).toMatch(/"component":"replication","level":"error"/);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", replication: "failing" });
  });

  it("a replica URL of an unsupported kind stops the server at start with a clear message", async () => {
    const { database } = await workspace("replication-bad-url");
    const server = await startPortal(database, { REPLICA_URL: "ftp://backup.example/portal" }, { waitHealthy: false });
    running.push(server);
    expect((await server.exited).code).toBe(1);
    expect(server.output()).toContain("REPLICA_URL: Replica ftp://backup.example/portal: only a local directory");
  });
});

describe("npm run restore refuses what it must not do", () => {
  it("refuses a target a running server has open, and one that merely exists; the live database keeps working", async () => {
    const { dir, database, replica } = await workspace("restore-in-use");
    const server = await portal(database, { REPLICA_URL: replica });
    const cookie = await signIn(server.url);
    const scanId = await startScan(server.url, cookie, "2097");
    const [key] = itemKeys(database);
    const saved = await autosave(server.url, cookie, scanId, { itemKey: key ?? "", value: "4", comment: "live" })
      .outcome;
    if (!saved.ok) throw new Error(saved.error);
    await restoreHolding(replica, dir, scanId, [saved.ack]);

    const inUse = runRestore([replica, database]);
    expect(inUse.status).toBe(3);
    expect(inUse.stderr).toMatch(/is in use by process [\d, ]+: stop the server first\. Nothing was changed\./);
    expect(fs.readdirSync(dir).filter((f) => f.includes(".restoring-"))).toEqual([]);
    const again = await autosave(server.url, cookie, scanId, { itemKey: key ?? "", value: "2", comment: "still live" })
      .outcome;
    expect(again.ok).toBe(true);

    const existing = path.join(dir, "existing.db");
    fs.writeFileSync(existing, "keep me");
    const exists = runRestore([replica, existing]);
    expect(exists.status).toBe(3);
    expect(exists.stderr).toContain("already exists");
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");

    // --replace moves an unused file aside instead of deleting it.
    const replaced = runRestore([replica, existing, "--replace"]);
    expect(replaced.status).toBe(0);
    const aside = fs.readdirSync(dir).find((f) => f.startsWith("existing.db.before-restore-"));
    expect(aside && fs.readFileSync(path.join(dir, aside), "utf8")).toBe("keep me");
    expect(storedAnswers(existing, scanId).get(key ?? "")?.comment).toMatch(/live/);
  });

  it("a corrupt replica fails with a clear message, a non-zero exit and no file written", async () => {
    const { dir, database, replica } = await workspace("restore-corrupt");
    const server = await portal(database, { REPLICA_URL: replica });
    const cookie = await signIn(server.url);
    const scanId = await startScan(server.url, cookie, "2096");
    const [key] = itemKeys(database);
    const saved = await autosave(server.url, cookie, scanId, { itemKey: key ?? "", value: "4", comment: "x" }).outcome;
    if (!saved.ok) throw new Error(saved.error);
    await restoreHolding(replica, dir, scanId, [saved.ack]);
    await stopPortal(server);

    // Damage every snapshot and WAL segment in the middle, as a failing disk or a bad copy would.
    const files: string[] = [];
    const walk = (d: string) => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith(".lz4")) files.push(full);
      }
    };
    walk(replica);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (let i = Math.floor(bytes.length / 3); i < bytes.length - 8; i += 7) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
      fs.writeFileSync(file, bytes);
    }
    const target = path.join(dir, "from-corrupt.db");
    const result = runRestore([replica, target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/failed|damaged/);
    expect(result.stderr).toContain("Nothing was changed");
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("from-corrupt.db"))).toEqual([]);
  });

  it("a replica directory that does not exist is a usage error", () => {
    const dir = tempDir("restore-missing");
    dirs.push(dir);
    const result = runRestore([path.join(dir, "nowhere"), path.join(dir, "x.db")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("No Litestream replica at");
  });
});

describe("graceful shutdown", () => {
  it("a SIGTERM during 50 concurrent autosaves answers every one, loses none, and replicates them", async () => {
    const { dir, database, replica } = await workspace("shutdown");
    const server = await portal(database, { REPLICA_URL: replica, SHUTDOWN_TIMEOUT_MS: "20000" });
    const cookie = await signIn(server.url);
    const scanId = await startScan(server.url, cookie, "2095");
    const keys = itemKeys(database);

    // 50 autosaves in flight: headers and half of each body sent, the rest only after the signal.
    let release: () => void = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    const saves = Array.from({ length: 50 }, (_, i) =>
      autosave(
        server.url,
        cookie,
        scanId,
        { itemKey: keys[i % keys.length] ?? "", value: String(i % 5), comment: `in-flight-${i}` },
        hold,
      ),
    );
    await Promise.all(saves.map((s) => s.sent));
    // A later request on a new connection is answered only after the server has accepted the 50 before it.
    expect(await freshGet(server.port, "/healthz")).toBe(200);

    server.child.kill("SIGTERM");
    // From the clients' side all 50 are in flight; on a busy machine the server may not have read every one yet.
    await server.waitForOutput(/"msg":"SIGTERM received: draining"/);
    // The listener is closed: a new connection is refused outright, not accepted and then reset.
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect(server.port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve("accepted");
      });
      socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(refused).toBe("ECONNREFUSED");

    release();
    const outcomes = await Promise.all(saves.map((s) => s.outcome));
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const acknowledged = outcomes.flatMap((o) => (o.ok ? [o.ack] : []));
    expect(acknowledged).toHaveLength(50);

    expect(await server.exited, server.output()).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/"msg":"stopped".*"drained":true/);
    // The WAL was folded into the file: nothing is left to replay.
    expect(fs.existsSync(`${database}-wal`) ? fs.statSync(`${database}-wal`).size : 0).toBe(0);
    expect(missingAcknowledged(storedAnswers(database, scanId), acknowledged)).toEqual([]);
    // Litestream's final sync ran before the database closed: the replica holds all 50 as well.
    await restoreHolding(replica, dir, scanId, acknowledged);
  });

  it("readiness says ready with migrations applied and a writable database; a second signal exits at once", async () => {
    const { database } = await workspace("readiness");
    const server = await portal(database, { SHUTDOWN_TIMEOUT_MS: "30000" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      migrations: "applied",
      database: "writable",
      replication: "off",
    });

    // A request that never finishes its body keeps the first signal's drain waiting; the second ends it.
    const cookie = await signIn(server.url);
    const scanId = await startScan(server.url, cookie, "2094");
    const stuck = autosave(
      server.url,
      cookie,
      scanId,
      { itemKey: "x", value: "1", comment: "never sent" },
      new Promise<void>(() => {}),
    );
    await stuck.sent;
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    server.child.kill("SIGTERM");
    await server.waitForOutput(/SIGTERM received: draining/);
    server.child.kill("SIGINT");
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.output()).toContain("second SIGINT: exiting now");
  });
});

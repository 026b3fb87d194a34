// npm run restore -- <replica> <file> [--timestamp 2026-12-01T20:15:00Z] [--replace]
// Restores a Litestream replica (a local directory or s3://bucket/path?endpoint=…) into <file>: the latest
// state, or the state at --timestamp. It restores into a temporary file beside <file>, verifies it
// (integrity_check, migrations, row counts) and only then moves it into place. It never writes over a database
// that a process has open; an existing, unused <file> is only replaced with --replace, and then moved aside
// (<file>.before-restore-<time>), never deleted. Exit codes: 0 restored, 1 restore or verification failed,
// 2 wrong arguments or no replica, 3 the target is in use or exists.
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describeReplica } from "~/utils/operations";
import { isLocalReplica, litestreamBinary, replicaConfig, writeLitestreamConfig } from "./ops/litestream";

const USAGE =
  "Usage: npm run restore -- <replica directory or s3://bucket/path> <database file> [--timestamp <ISO time>] [--replace]";

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
const positional: string[] = [];
let timestamp: string | null = null;
let replace = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? "";
  if (arg === "--timestamp") {
    const value = args[++i];
    if (!value || Number.isNaN(Date.parse(value)))
      fail(2, `--timestamp needs a time such as 2026-12-01T20:15:00Z.\n${USAGE}`);
    timestamp = new Date(value).toISOString().replace(/\.\d{3}Z$/, "Z");
  } else if (arg === "--replace") replace = true;
  else if (arg.startsWith("--")) fail(2, `Unknown option ${arg}.\n${USAGE}`);
  else positional.push(arg);
}
const [replicaArg, fileArg] = positional;
if (!replicaArg || !fileArg || positional.length > 2) fail(2, USAGE);

const target = path.resolve(fileArg);
let replica: ReturnType<typeof replicaConfig>;
try {
  replica = replicaConfig(replicaArg);
} catch (error) {
  fail(2, error instanceof Error ? error.message : String(error));
}
if (
  isLocalReplica(replica) &&
  typeof replica.path === "string" &&
  !fs.existsSync(path.join(replica.path, "generations"))
) {
  fail(2, `No Litestream replica at ${replica.path} (no generations/ folder in it).`);
}

/** Processes that have the file (or its WAL or shared memory) open, from /proc (Linux). */
function processesUsing(file: string): number[] {
  const names = new Set([file, `${file}-wal`, `${file}-shm`]);
  const found: number[] = [];
  let pids: string[] = [];
  try {
    pids = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  } catch {
    return found;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (names.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          found.push(Number(pid));
          break;
        }
      } catch {
        /* gone meanwhile */
      }
    }
  }
  return found;
}

const users = processesUsing(target);
if (users.length > 0) {
  fail(3, `${target} is in use by process ${users.join(", ")}: stop the server first. Nothing was changed.`);
}
if (fs.existsSync(target) && !replace) {
  fail(
    3,
    `${target} already exists. Restore to a new file, or pass --replace to move the existing one aside first. Nothing was changed.`,
  );
}

let binary: string;
try {
  binary = litestreamBinary();
} catch (error) {
  fail(2, error instanceof Error ? error.message : String(error));
}

fs.mkdirSync(path.dirname(target), { recursive: true });
const temporary = `${target}.restoring-${process.pid}`;
// Litestream restores into <temporary>.tmp and renames it, leaving that name's -wal and -shm behind.
const TEMPORARY_SUFFIXES = ["", "-wal", "-shm", ".tmp", ".tmp-wal", ".tmp-shm"];
const removeTemporary = (keepDatabase = false) => {
  for (const suffix of TEMPORARY_SUFFIXES)
    if (!(keepDatabase && suffix === "")) fs.rmSync(`${temporary}${suffix}`, { force: true });
};
const config = writeLitestreamConfig(target, replica);
const started = performance.now();
const restoreArgs = [
  "restore",
  "-config",
  config,
  "-o",
  temporary,
  ...(timestamp ? ["-timestamp", timestamp] : []),
  target,
];
const restored = spawnSync(binary, restoreArgs, { encoding: "utf8" });
fs.rmSync(path.dirname(config), { recursive: true, force: true });

function litestreamMessages(output: string): string {
  return output
    .split("\n")
    .map((line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        if (parsed && typeof parsed === "object" && "msg" in parsed) {
          const error = "error" in parsed ? `: ${String(parsed.error)}` : "";
          return `${String(parsed.msg)}${error}`;
        }
      } catch {
        /* plain line */
      }
      return line.trim();
    })
    .filter(Boolean)
    .join("\n  ");
}

if (restored.status !== 0 || !fs.existsSync(temporary)) {
  removeTemporary();
  const why =
    litestreamMessages(`${restored.stderr ?? ""}\n${restored.stdout ?? ""}`) ||
    restored.error?.message ||
    `exit ${restored.status}`;
  fail(
    1,
    `Restore from ${describeReplica(replicaArg)}${timestamp ? ` at ${timestamp}` : ""} failed:\n  ${why}\nNothing was changed at ${target}.`,
  );
}

// Verification, before the file takes the target's place.
type Counted = { table: string; rows: number };
let counts: Counted[] = [];
let migrations = 0;
try {
  // Read-write, so closing the last connection removes the -wal and -shm files under the temporary name.
  const copy = new Database(temporary, { fileMustExist: true });
  try {
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`integrity_check: ${String(integrity)}`);
    const tables = copy
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_litestream_%' order by name",
      )
      .pluck()
      .all()
      .map(String);
    if (!tables.includes("__drizzle_migrations"))
      throw new Error("no __drizzle_migrations table: this is not a portal database");
    counts = tables.map((table) => ({
      table,
      rows: Number(
        copy
          .prepare(`select count(*) from "${table.replace(/"/g, '""')}"`)
          .pluck()
          .get(),
      ),
    }));
    migrations = counts.find((c) => c.table === "__drizzle_migrations")?.rows ?? 0;
  } finally {
    copy.close();
  }
} catch (error) {
  removeTemporary();
  fail(
    1,
    `The restored copy failed verification (${error instanceof Error ? error.message : String(error)}): the replica is damaged or not a portal database. Nothing was changed at ${target}.`,
  );
}

let movedAside: string | null = null;
if (fs.existsSync(target)) {
  // --replace, and no process has it open (checked above; checked again just before the move).
  const lateUsers = processesUsing(target);
  if (lateUsers.length > 0) {
    removeTemporary();
    fail(3, `${target} was opened by process ${lateUsers.join(", ")} during the restore: nothing was changed.`);
  }
  movedAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  for (const suffix of ["", "-wal", "-shm"])
    if (fs.existsSync(`${target}${suffix}`)) fs.renameSync(`${target}${suffix}`, `${movedAside}${suffix}`);
}
removeTemporary(true);
fs.renameSync(temporary, target);

const size = fs.statSync(target).size;
const ms = Math.round(performance.now() - started);
console.log(
  `Restored ${describeReplica(replicaArg)}${timestamp ? ` as of ${timestamp}` : " (latest)"} into ${target}: ${(size / 1024 / 1024).toFixed(1)} MiB, integrity ok, ${migrations} migrations, ${ms} ms.`,
);
if (movedAside) console.log(`The previous file was moved to ${movedAside}.`);
const width = Math.max(...counts.map((c) => c.table.length));
for (const c of counts)
  if (c.table !== "__drizzle_migrations") console.log(`  ${c.table.padEnd(width)} ${String(c.rows).padStart(9)}`);

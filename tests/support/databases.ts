// The test databases (decision 091): a migrated base and a demo-seeded base, built once per test run by the
// global setup (tests/support/global-setup.ts) and copied for every test file and every server a test starts.
// Copying an 800 KB file takes about a millisecond; migrating and seeding took 2–7 s per file.
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { openDatabase, prepareDatabase, type PortalDb } from "@db/client";
import { DEFAULT_MODULES_DIR } from "@db/reference/modules";
import { seedDemo } from "@db/seed/seed";
import { scoreScan } from "~/features/scan/scoring";

/** The password of every demo account in the demo base (the portal's default DEMO_PASSWORD). */
export const BASE_DEMO_PASSWORD = "Nieuwkomer-demo-2026";

export type BaseDatabases = {
  /** Every migration and the reference data (instrument, module catalogue), nothing else. */
  migrated: string;
  /** The migrated base plus the demo world, as `npm start` creates it on a first start. */
  demo: string;
  /** The module catalogue the reference data was read from (absolute path). */
  modulesDir: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabases: BaseDatabases;
  }
}

const TMP = path.resolve("tests/.tmp");

/** Folds the WAL into the file and closes it: the base is then one self-contained file, safe to copy. */
function closeForCopy(db: PortalDb): void {
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}

/** Builds both bases in a new directory (the global setup calls this once per run). */
export async function buildBaseDatabases(
  dir = path.join(TMP, `base-${process.pid}-${Date.now()}`),
): Promise<BaseDatabases> {
  fs.mkdirSync(dir, { recursive: true });
  const migrated = path.join(dir, "migrated.db");
  const demo = path.join(dir, "demo.db");
  const modulesDir = path.resolve(process.env.MODULES_DIR || DEFAULT_MODULES_DIR);
  const db = openDatabase(migrated);
  prepareDatabase(db);
  closeForCopy(db);
  fs.copyFileSync(migrated, demo);
  const seeded = openDatabase(demo);
  await seedDemo(seeded, { password: BASE_DEMO_PASSWORD, scoreScan });
  closeForCopy(seeded);
  return { migrated, demo, modulesDir };
}

let fallback: Promise<BaseDatabases> | undefined;

/**
 * The run's base databases. Under the project configuration they come from the global setup; a process started
 * some other way (a config without it) builds its own once.
 */
export async function baseDatabases(): Promise<BaseDatabases> {
  let provided: BaseDatabases | undefined;
  try {
    provided = inject("baseDatabases");
  } catch {
    provided = undefined;
  }
  if (provided && fs.existsSync(provided.migrated) && fs.existsSync(provided.demo)) return provided;
  fallback ??= buildBaseDatabases();
  return fallback;
}

/** True when this process reads the same module catalogue as the bases were built with. */
export function sameReferenceData(base: BaseDatabases, env: NodeJS.ProcessEnv = process.env): boolean {
  return path.resolve(env.MODULES_DIR || DEFAULT_MODULES_DIR) === base.modulesDir;
}

/**
 * Puts a copy of a base at `target` (which must not exist yet): "migrated" for a database a test fills itself,
 * "demo" for one with the demo world. Returns the target.
 */
export async function copyBase(kind: "migrated" | "demo", target: string): Promise<string> {
  const base = await baseDatabases();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(base[kind], target, fs.constants.COPYFILE_EXCL);
  return target;
}

/** A new file under tests/.tmp holding a copy of a base, for a test that opens or serves it. */
export async function freshDatabase(kind: "migrated" | "demo", name = "db"): Promise<string> {
  const target = path.join(TMP, `${name}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
  return copyBase(kind, target);
}

/** Removes a database file with its WAL and shared-memory files. */
export function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

type Sqlite = PortalDb["$client"];

function names(sqlite: Sqlite, schema: "main" | "demo"): string[] {
  return sqlite
    .prepare(
      `select name from ${schema}.sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name`,
    )
    .pluck()
    .all()
    .map(String);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Fills an open, migrated but unseeded database with the demo base's rows (the fast path of `seeded()`), in one
 * transaction. Tables that already hold rows must hold exactly the demo base's rows (the reference data the
 * connection loaded at open); otherwise nothing is copied and false is returned, and the caller seeds as before.
 */
export async function copyDemoRowsInto(db: PortalDb): Promise<boolean> {
  const base = await baseDatabases();
  if (!sameReferenceData(base)) return false;
  const sqlite = db.$client;
  if (sqlite.inTransaction) return false;
  sqlite.prepare("attach database ? as demo").run(base.demo);
  try {
    const tables = names(sqlite, "demo");
    if (names(sqlite, "main").join() !== tables.join()) return false;
    const count = (schema: string, table: string) =>
      Number(
        sqlite
          .prepare(`select count(*) from ${schema}.${quote(table)}`)
          .pluck()
          .get(),
      );
    const toCopy: string[] = [];
    for (const table of tables) {
      const own = count("main", table);
      if (own === 0) {
        toCopy.push(table);
        continue;
      }
      const differ = Number(
        sqlite
          .prepare(
            `select count(*) from (select * from main.${quote(table)} except select * from demo.${quote(table)})`,
          )
          .pluck()
          .get(),
      );
      if (own !== count("demo", table) || differ !== 0) return false;
    }
    // Rows go in in any order, so foreign keys are checked once at the end, not per insert.
    sqlite.pragma("foreign_keys = OFF");
    try {
      sqlite
        .transaction(() => {
          for (const table of toCopy)
            sqlite.exec(`insert into main.${quote(table)} select * from demo.${quote(table)}`);
          sqlite.exec(
            "delete from main.sqlite_sequence; insert into main.sqlite_sequence select * from demo.sqlite_sequence",
          );
          const broken = sqlite.pragma("foreign_key_check");
          if (Array.isArray(broken) && broken.length > 0)
            throw new Error(`demo copy breaks foreign keys: ${JSON.stringify(broken.slice(0, 3))}`);
        })
        .immediate();
    } finally {
      sqlite.pragma("foreign_keys = ON");
    }
    return true;
  } finally {
    sqlite.prepare("detach database demo").run();
  }
}

/**
 * How many transactions are committed in the database's write-ahead log right now: each commit ends with one
 * frame whose "database size after commit" field is set (https://sqlite.org/fileformat.html#the_write_ahead_log).
 * After `pragma wal_checkpoint(TRUNCATE)` the log is empty, so this counts the commits — the fsyncs with
 * synchronous=FULL — made since then.
 */
export function walCommits(databaseFile: string): number {
  const wal = `${databaseFile}-wal`;
  if (!fs.existsSync(wal)) return 0;
  const bytes = fs.readFileSync(wal);
  if (bytes.length < 32) return 0;
  const pageSize = bytes.readUInt32BE(8);
  const salt1 = bytes.readUInt32BE(16);
  const salt2 = bytes.readUInt32BE(20);
  let commits = 0;
  for (let offset = 32; offset + 24 + pageSize <= bytes.length; offset += 24 + pageSize) {
    // Frames left over from before the last restart of the log carry other salts: they do not count.
    if (bytes.readUInt32BE(offset + 8) !== salt1 || bytes.readUInt32BE(offset + 12) !== salt2) break;
    if (bytes.readUInt32BE(offset + 4) !== 0) commits++;
  }
  return commits;
}

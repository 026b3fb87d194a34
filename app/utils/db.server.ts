import { openDatabase, prepareDatabase, resolveDatabasePath, type PortalDb } from "@db/client";

// One connection per process: better-sqlite3 is synchronous, and WAL lets readers run beside the writer.
let instance: PortalDb | undefined;
let closed = false;

// The production server loads this module twice — from source (scripts/server.ts, the scheduler) and inside the Remix
// build (the requests) — so what the scheduler tells the request thread's connection lives on the process's global.
const CHECKPOINTS_ELSEWHERE = Symbol.for("portal.db.checkpoints-elsewhere");
type Flags = { [CHECKPOINTS_ELSEWHERE]?: boolean };
let appliedAutocheckpoint = 1000;

/**
 * While the scheduler thread runs, it checkpoints the WAL and this thread's connections do not (decision 173): a
 * request's commit past SQLite's threshold would otherwise copy the tick's pages into the database file itself.
 */
export function leaveCheckpointsElsewhere(elsewhere: boolean): void {
  (globalThis as Flags)[CHECKPOINTS_ELSEWHERE] = elsewhere;
}

export function getDb(): PortalDb {
  if (closed) throw new Error("The database connection is closed: the server is shutting down.");
  if (!instance) {
    instance = openDatabase(resolveDatabasePath());
    prepareDatabase(instance);
  }
  const wanted = (globalThis as Flags)[CHECKPOINTS_ELSEWHERE] ? 0 : 1000;
  if (wanted !== appliedAutocheckpoint) {
    instance.$client.pragma(`wal_autocheckpoint = ${wanted}`);
    appliedAutocheckpoint = wanted;
  }
  return instance;
}

/**
 * Shutdown: folds the WAL back into the database file (TRUNCATE leaves an empty WAL) and closes the
 * connection for good. Returns SQLite's checkpoint answer, or null when no connection was open.
 */
export function closeDb(): { busy: number; log: number; checkpointed: number } | null {
  closed = true;
  const db = instance;
  instance = undefined;
  if (!db) return null;
  const row = db.$client.prepare("pragma wal_checkpoint(TRUNCATE)").raw().get();
  db.$client.close();
  if (!Array.isArray(row)) return null;
  const [busy, log, checkpointed] = row.map(Number);
  return { busy: busy ?? 0, log: log ?? 0, checkpointed: checkpointed ?? 0 };
}

/** The handle a `getDb().transaction((tx) => …)` callback gets: helpers that run inside a caller's transaction take it. */
export type Tx = Parameters<Parameters<PortalDb["transaction"]>[0]>[0];

export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}

/**
 * A statement prepared once per connection, for the queries every request runs (the session lookup, the
 * autosave). Drizzle builds the SQL and better-sqlite3 compiles it once; values go in as placeholders.
 */
export function prepared<T>(build: (db: PortalDb) => T): () => T {
  const byConnection = new WeakMap<PortalDb, T>();
  return () => {
    const db = getDb();
    let statement = byConnection.get(db);
    if (statement === undefined) {
      statement = build(db);
      byConnection.set(db, statement);
    }
    return statement;
  };
}

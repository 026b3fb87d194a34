import { openDatabase, prepareDatabase, resolveDatabasePath, type PortalDb } from "@db/client";

// One connection per process: better-sqlite3 is synchronous, and WAL lets readers run beside the writer.
let instance: PortalDb | undefined;

export function getDb(): PortalDb {
  if (!instance) {
    instance = openDatabase(resolveDatabasePath());
    prepareDatabase(instance);
  }
  return instance;
}

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

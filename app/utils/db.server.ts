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

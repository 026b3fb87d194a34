import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import { loadReferenceData } from "./reference";
import * as authSchema from "./schema-auth";
import * as benchmarkSchema from "./schema-benchmark";
import * as coreSchema from "./schema";
import * as importSchema from "./schema-import";
import * as matchingSchema from "./schema-matching";
import * as modulesSchema from "./schema-modules";
import * as notificationsSchema from "./schema-notifications";
import * as pulseSchema from "./schema-pulse";
import * as trajectoriesSchema from "./schema-trajectories";

// One schema object for drizzle's relational queries; each capability keeps its tables in its own file.
const schema = {
  ...coreSchema,
  ...authSchema,
  ...modulesSchema,
  ...matchingSchema,
  ...benchmarkSchema,
  ...pulseSchema,
  ...notificationsSchema,
  ...trajectoriesSchema,
  ...importSchema,
};

export type PortalDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "data/portal.db";

export function resolveDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/** Opens (and creates) the SQLite file with the pragmas every connection needs. */
export function openDatabase(file: string): PortalDb {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss.
  sqlite.pragma("synchronous = FULL");
  return drizzle(sqlite, { schema });
}

export function migrationsFolder(): string {
  return path.resolve(process.env.MIGRATIONS_DIR || "migrations");
}

/** Applies committed migrations that have not run yet. Forward-only and idempotent. */
export function migrateDatabase(db: PortalDb): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
}

/** Migrations, then the reference data: what every process does before it serves or seeds. */
export function prepareDatabase(db: PortalDb): void {
  migrateDatabase(db);
  loadReferenceData(db);
}

import { sql } from "drizzle-orm";
import fs from "node:fs";
import path from "node:path";
import { migrationsFolder } from "@db/client";
import { getDb } from "~/utils/db.server";

export function checkDatabase(): boolean {
  try {
    const row = getDb().get<{ ok: number }>(sql`select 1 as ok`);
    return row?.ok === 1;
  } catch {
    return false;
  }
}

export type Readiness = {
  migrations: "applied" | "pending" | "unknown";
  database: "writable" | "read-only" | "unavailable";
};

/** The newest migration this build ships, from drizzle-kit's journal (read once). */
let newestShipped: number | null | undefined;
function newestShippedMigration(): number | null {
  if (newestShipped === undefined) {
    try {
      const journal: unknown = JSON.parse(
        fs.readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8"),
      );
      const entries =
        journal && typeof journal === "object" && "entries" in journal && Array.isArray(journal.entries)
          ? journal.entries
          : [];
      const whens = entries
        .map((e: unknown) => (e && typeof e === "object" && "when" in e ? Number(e.when) : NaN))
        .filter(Number.isFinite);
      newestShipped = whens.length > 0 ? Math.max(...whens) : null;
    } catch {
      newestShipped = null;
    }
  }
  return newestShipped;
}

/**
 * Ready to take traffic: every migration this build ships has run, and the database takes the write lock
 * (BEGIN IMMEDIATE, rolled back at once: nothing is written, but a read-only file or a stuck writer shows).
 */
export function checkReadiness(): Readiness {
  let database: Readiness["database"] = "unavailable";
  let migrations: Readiness["migrations"] = "unknown";
  try {
    const sqlite = getDb().$client;
    const applied = sqlite.prepare("select max(created_at) from __drizzle_migrations").pluck().get();
    const shipped = newestShippedMigration();
    if (shipped !== null) migrations = Number(applied) >= shipped ? "applied" : "pending";
    if (sqlite.readonly) database = "read-only";
    else {
      sqlite.exec("begin immediate");
      sqlite.exec("rollback");
      database = "writable";
    }
  } catch (error) {
    if (error instanceof Error && /readonly/i.test(error.message)) database = "read-only";
  }
  return { migrations, database };
}

/** The database file and its WAL, in bytes, for the operations page. */
export function databaseSize(): { file: number; wal: number } {
  const file = getDb().$client.name;
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return { file: size(file), wal: size(`${file}-wal`) };
}

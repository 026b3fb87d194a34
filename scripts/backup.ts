// Writes a consistent copy of the live database with SQLite's online backup API and verifies it.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, resolveDatabasePath } from "@db/client";

const source = resolveDatabasePath();
if (!fs.existsSync(source)) {
  console.error(`No database at ${source}: nothing to back up.`);
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(process.argv[2] ?? path.join(path.dirname(source), "backups", `portal-${stamp}.db`));
fs.mkdirSync(path.dirname(target), { recursive: true });

const db = openDatabase(source);
const started = performance.now();
await db.$client.backup(target);
db.$client.close();

const copy = new Database(target, { readonly: true });
const integrity = copy.pragma("integrity_check", { simple: true });
const tables = copy.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number };
copy.close();
if (integrity !== "ok") {
  console.error(`Backup written to ${target} but integrity_check said: ${String(integrity)}`);
  process.exit(1);
}
const size = fs.statSync(target).size;
console.log(
  `Backup ${target}: ${tables.n} tables, ${(size / 1024).toFixed(0)} KiB, integrity ok, ${Math.round(performance.now() - started)} ms`,
);

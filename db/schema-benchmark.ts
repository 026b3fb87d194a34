// Benchmark disclosure control (docs/decisions/042). The benchmark capability owns this table.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organisations } from "./schema";

/**
 * One random record key per organisation, drawn once (32 random bytes, hex) and never changed: the cell-key
 * method derives every published figure's perturbation from the keys of exactly the organisations in it, so
 * the same set of organisations always gets the same figure. Secret like a password hash: never sent anywhere.
 */
export const benchmarkRecordKeys = sqliteTable("benchmark_record_keys", {
  organisationId: integer("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  recordKey: text("record_key").notNull(),
});

/**
 * A counter per kind of benchmark input, bumped by triggers (migration "benchmark_data_versions_triggers")
 * whenever that input changes: `scans` when a scan is inserted, submitted, re-scored or deleted, or an
 * organisation's attributes or consent change; `indicators` on those and on newcomer records, matches and
 * module completions. The server keeps computed benchmark figures in memory per counter value (decision 044):
 * reading one row per request replaces re-reading or fingerprinting the scans.
 */
export const benchmarkDataVersions = sqliteTable("benchmark_data_versions", {
  topic: text("topic").primaryKey(),
  version: integer("version").notNull().default(0),
});

// Record keys of the cell-key method (docs/decisions/042): one random key per organisation, drawn once on
// first use and stored; unit keys are derived from it with HMAC-SHA256 so a unit (an organisation's scan of a
// period, or its value of an indicator) has a key nobody without the database can compute.
import { createHmac, randomBytes } from "node:crypto";
import { getDb } from "~/utils/db.server";

/** The record keys of these organisations, creating the missing ones (INSERT OR IGNORE: drawn only once). */
export function recordKeys(organisationIds: readonly number[]): Map<number, string> {
  const sqlite = getDb().$client;
  const read = () =>
    new Map((sqlite.prepare("SELECT organisation_id AS id, record_key AS k FROM benchmark_record_keys").all() as { id: number; k: string }[]).map((r) => [r.id, r.k]));
  let keys = read();
  const missing = organisationIds.filter((id) => !keys.has(id));
  if (missing.length > 0) {
    const insert = sqlite.prepare("INSERT OR IGNORE INTO benchmark_record_keys (organisation_id, record_key) VALUES (?, ?)");
    sqlite.transaction(() => {
      for (const id of missing) insert.run(id, randomBytes(32).toString("hex"));
    })();
    keys = read();
  }
  return keys;
}

/** A uint32 unit key from an organisation's record key and what the unit is (e.g. "scan:1:2025"). */
export function unitKey(recordKey: string, context: string): number {
  return createHmac("sha256", recordKey).update(context).digest().readUInt32BE(0);
}

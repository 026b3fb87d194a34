// Record keys of the cell-key method (docs/decisions/042): one random key per organisation, drawn once on
// first use and stored; unit keys are derived from it with HMAC-SHA256 so a unit (an organisation's scan of a
// period, or its value of an indicator) has a key nobody without the database can compute.
import { createHmac, randomBytes } from "node:crypto";
import { getDb } from "~/utils/db.server";

// Record keys never change once drawn, so they are kept in memory per database (read again only when an
// organisation without a known key is asked for: a new one, or one drawn by another process).
const known = new WeakMap<object, Map<number, string>>();

/** The record keys of these organisations, creating the missing ones (INSERT OR IGNORE: drawn only once). */
export function recordKeys(organisationIds: readonly number[]): Map<number, string> {
  const sqlite = getDb().$client;
  const cached = known.get(sqlite);
  if (cached && organisationIds.every((id) => cached.has(id))) return cached;
  const read = () => {
    const map = new Map(
      (
        sqlite.prepare("SELECT organisation_id AS id, record_key AS k FROM benchmark_record_keys").all() as {
          id: number;
          k: string;
        }[]
      ).map((r) => [r.id, r.k]),
    );
    known.set(sqlite, map);
    return map;
  };
  let keys = read();
  const missing = organisationIds.filter((id) => !keys.has(id));
  if (missing.length > 0) {
    const insert = sqlite.prepare(
      "INSERT OR IGNORE INTO benchmark_record_keys (organisation_id, record_key) VALUES (?, ?)",
    );
    sqlite.transaction(() => {
      for (const id of missing) insert.run(id, randomBytes(32).toString("hex"));
    })();
    keys = read();
  }
  return keys;
}

// HMAC is the expensive part of publishing (about 10 µs each, thousands per indicator table): the same
// (record key, context) always gives the same unit key, so they are remembered, up to a bound.
const MAX_REMEMBERED = 200_000;
let remembered = new Map<string, number>();

/** A uint32 unit key from an organisation's record key and what the unit is (e.g. "scan:1:2025"). */
export function unitKey(recordKey: string, context: string): number {
  const id = `${recordKey}\u0000${context}`;
  const hit = remembered.get(id);
  if (hit !== undefined) return hit;
  const key = createHmac("sha256", recordKey).update(context).digest().readUInt32BE(0);
  if (remembered.size >= MAX_REMEMBERED) remembered = new Map();
  remembered.set(id, key);
  return key;
}

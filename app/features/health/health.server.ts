import { sql } from "drizzle-orm";
import { getDb } from "~/utils/db.server";

export function checkDatabase(): boolean {
  try {
    const row = getDb().get<{ ok: number }>(sql`select 1 as ok`);
    return row?.ok === 1;
  } catch {
    return false;
  }
}

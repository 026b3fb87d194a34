// Programme indicators per organisation for the partner comparison (anonymous: erased records still count).
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { matches, newcomerRecords } from "@db/schema-matching";
import { getDb } from "~/utils/db.server";

export type MatchingIndicators = {
  organisationId: number;
  newcomersRegistered: number;
  newcomersMatched: number;
  /** per matched newcomer: whole days from the record's creation to the first accepted match */
  daysToMatch: number[];
  activeMatches: number;
  completedMatches: number;
};

export function matchingIndicatorsByOrganisation(): MatchingIndicators[] {
  const db = getDb();
  const registered = db
    .select({ organisationId: newcomerRecords.organisationId, n: sql<number>`count(*)` })
    .from(newcomerRecords)
    .groupBy(newcomerRecords.organisationId)
    .all();
  const firstAccept = db
    .select({
      organisationId: newcomerRecords.organisationId,
      createdAt: newcomerRecords.createdAt,
      acceptedAt: sql<string>`min(${matches.acceptedAt})`,
    })
    .from(matches)
    .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
    .where(isNotNull(matches.acceptedAt))
    .groupBy(matches.newcomerId)
    .all();
  const statusCounts = db
    .select({ organisationId: matches.organisationId, status: matches.status, n: sql<number>`count(*)` })
    .from(matches)
    .where(and(sql`${matches.status} in ('accepted', 'active', 'completed')`))
    .groupBy(matches.organisationId, matches.status)
    .all();
  const out = new Map<number, MatchingIndicators>();
  const get = (id: number) => {
    let row = out.get(id);
    if (!row) {
      row = {
        organisationId: id,
        newcomersRegistered: 0,
        newcomersMatched: 0,
        daysToMatch: [],
        activeMatches: 0,
        completedMatches: 0,
      };
      out.set(id, row);
    }
    return row;
  };
  for (const r of registered) get(r.organisationId).newcomersRegistered = r.n;
  for (const r of firstAccept) {
    const row = get(r.organisationId);
    row.newcomersMatched += 1;
    row.daysToMatch.push(Math.max(0, Math.floor((Date.parse(r.acceptedAt) - Date.parse(r.createdAt)) / 86_400_000)));
  }
  for (const r of statusCounts) {
    const row = get(r.organisationId);
    if (r.status === "completed") row.completedMatches += r.n;
    else row.activeMatches += r.n;
  }
  for (const row of out.values()) row.daysToMatch.sort((a, b) => a - b);
  return [...out.values()].sort((a, b) => a.organisationId - b.organisationId);
}

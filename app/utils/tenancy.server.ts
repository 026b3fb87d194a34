// The 404 of an id that the caller named: for the caller it only means "not yours or not there", but the audit
// log tells the two apart, so probing another organisation's ids leaves a trace (decision 060).
import { eq } from "drizzle-orm";
import { actionItems, memberships, scans } from "@db/schema";
import { matches, matchingRuns, newcomerRecords } from "@db/schema-matching";
import { audit, type Viewer } from "./audit.server";
import { getDb } from "./db.server";

export type OwnedEntity = "newcomer_record" | "match" | "matching_run" | "scan" | "action_item" | "user";

/** The organisation an id belongs to: a number, null (a row without organisation), or undefined (no such row). */
function ownerOf(entity: OwnedEntity, id: number): number | null | undefined {
  const db = getDb();
  switch (entity) {
    case "newcomer_record":
      return db
        .select({ o: newcomerRecords.organisationId })
        .from(newcomerRecords)
        .where(eq(newcomerRecords.id, id))
        .get()?.o;
    case "match":
      return db.select({ o: matches.organisationId }).from(matches).where(eq(matches.id, id)).get()?.o;
    case "matching_run":
      return db.select({ o: matchingRuns.organisationId }).from(matchingRuns).where(eq(matchingRuns.id, id)).get()?.o;
    case "scan":
      return db.select({ o: scans.organisationId }).from(scans).where(eq(scans.id, id)).get()?.o;
    case "action_item":
      return db.select({ o: actionItems.organisationId }).from(actionItems).where(eq(actionItems.id, id)).get()?.o;
    case "user":
      return db.select({ o: memberships.organisationId }).from(memberships).where(eq(memberships.userId, id)).get()?.o;
  }
}

/**
 * Call where a use case (or a route, through `notFound`) answers 404 for an id in the request. An id of another
 * organisation is written as `security.foreign_id` (with the owner's organisation id in the detail), an id that
 * does not exist as `security.unknown_id`: enumeration leaves a trace too. Ids only, as everywhere in the log.
 */
export function auditMissingId(viewer: Viewer, entity: OwnedEntity, id: number, knownOwner?: number | null): void {
  const owner = knownOwner !== undefined ? knownOwner : ownerOf(entity, id);
  if (owner !== undefined && owner === viewer.organisationId) return;
  audit({
    actorUserId: viewer.id,
    organisationId: viewer.organisationId,
    action: owner === undefined ? "security.unknown_id" : "security.foreign_id",
    entityType: entity,
    entityId: id,
    detail: owner === undefined ? undefined : { ownerOrganisationId: owner },
  });
}

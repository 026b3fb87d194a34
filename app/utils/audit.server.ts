import { auditLog } from "@db/schema";
import { getDb } from "./db.server";

export type AuditInput = {
  actorUserId: number | null;
  organisationId?: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  // Ids and field names only: the audit log must not become a second copy of personal data.
  detail?: Record<string, string | number | boolean | null | string[] | number[]>;
};

export function audit(entry: AuditInput): void {
  getDb()
    .insert(auditLog)
    .values({
      actorUserId: entry.actorUserId,
      organisationId: entry.organisationId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .run();
}

export type Viewer = { id: number; organisationId: number | null };

/**
 * One audit entry per page view of newcomers' personal data (decision 060), never one per row: which page
 * (`action`, `entityType`, `entityId`) and which newcomer records were on it, by id. Use cases that return such
 * data call this once, after the read, so a list of 300 newcomers is one entry naming 300 ids.
 */
export function auditNewcomerView(
  viewer: Viewer,
  view: { action: string; entityType: string; entityId?: string | number | null; newcomerIds: readonly number[] },
): void {
  const newcomers = [...new Set(view.newcomerIds)].sort((a, b) => a - b);
  audit({
    actorUserId: viewer.id,
    organisationId: viewer.organisationId,
    action: view.action,
    entityType: view.entityType,
    entityId: view.entityId ?? null,
    detail: { count: newcomers.length, newcomers },
  });
}

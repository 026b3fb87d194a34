import { auditLog } from "@db/schema";
import { getDb } from "./db.server";

export type AuditInput = {
  actorUserId: number | null;
  organisationId?: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  // Ids and field names only: the audit log must not become a second copy of personal data.
  detail?: Record<string, string | number | boolean | null | string[]>;
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

import { and, count, desc, eq, gte, inArray, like, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog, organisations, users } from "@db/schema";
import { newcomerRecords } from "@db/schema-matching";
import { getDb } from "~/utils/db.server";
import { idField } from "~/utils/form-fields";

export const AUDIT_PAGE_SIZE = 50;

const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Filters come from the URL: anything malformed is dropped rather than failing the page. */
export const AuditFilterSchema = z.object({
  action: z
    .string()
    .max(60)
    .regex(/^[a-z_.]*$/)
    .optional()
    .catch(undefined),
  organisationId: idField().optional().catch(undefined),
  from: dateOnly,
  to: dateOnly,
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export function listAuditLog(filter: AuditFilter) {
  const db = getDb();
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(like(auditLog.action, `${filter.action}%`));
  if (filter.organisationId) conditions.push(eq(auditLog.organisationId, filter.organisationId));
  if (filter.from) conditions.push(gte(auditLog.at, `${filter.from}T00:00:00.000Z`));
  if (filter.to) conditions.push(lte(auditLog.at, `${filter.to}T23:59:59.999Z`));
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      detail: auditLog.detail,
      actorName: users.name,
      actorStatus: users.status,
      organisationName: organisations.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  const actions = db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .all()
    .map((r) => r.action);
  const named = withTargetNames(rows).map(({ actorStatus, ...r }) => ({ ...r, actorErased: actorStatus === "erased" }));
  return { rows: named, total, page, pages, actions };
}

// What an entry concerns, by name: a person (account or newcomer record) or an organisation. A removed one has no
// row left, an erased one keeps a row without a name: both show as "an erased person" (audit-entry.ts); one query per kind for the whole page.
function withTargetNames<R extends { entityType: string; entityId: string | null }>(
  rows: R[],
): (R & { targetName: string | null; targetErased: boolean })[] {
  const db = getDb();
  const idsOf = (type: string) => [
    ...new Set(
      rows
        .filter((r) => r.entityType === type)
        .map((r) => Number(r.entityId))
        .filter((id) => Number.isSafeInteger(id) && id > 0),
    ),
  ];
  const names = new Map<string, string>();
  const erased = new Set<string>();
  const userIds = idsOf("user");
  if (userIds.length) {
    for (const u of db
      .select({ id: users.id, name: users.name, status: users.status })
      .from(users)
      .where(inArray(users.id, userIds))
      .all()) {
      if (u.status === "erased") erased.add(`user:${u.id}`);
      else names.set(`user:${u.id}`, u.name);
    }
  }
  const newcomerIds = idsOf("newcomer_record");
  if (newcomerIds.length) {
    for (const n of db
      .select({ id: newcomerRecords.id, name: newcomerRecords.name, erasedAt: newcomerRecords.erasedAt })
      .from(newcomerRecords)
      .where(inArray(newcomerRecords.id, newcomerIds))
      .all()) {
      if (n.erasedAt) erased.add(`newcomer_record:${n.id}`);
      else names.set(`newcomer_record:${n.id}`, n.name);
    }
  }
  const organisationIds = idsOf("organisation");
  if (organisationIds.length) {
    for (const o of db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, organisationIds))
      .all())
      names.set(`organisation:${o.id}`, o.name);
  }
  return rows.map((r) => ({
    ...r,
    targetName: names.get(`${r.entityType}:${r.entityId}`) ?? null,
    targetErased: erased.has(`${r.entityType}:${r.entityId}`),
  }));
}

// The action plan: HR turns a submitted scan's gaps into actions (item, action, owner, due date, status).
import { and, asc, eq } from "drizzle-orm";
import { actionItems } from "@db/schema";
import { audit } from "~/utils/audit.server";
import { getDb, nowIso } from "~/utils/db.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import type { ActionStatus } from "./constants";
import { requireInstrument } from "./instrument.server";
import type { ActionItemInput } from "./scan.schema";
import { findScan } from "./scan.server";

type Actor = { id: number; organisationId: number };

export type ActionItemView = { id: number; itemKey: string | null; dimensionKey: string; action: string; owner: string; dueDate: string | null; status: ActionStatus };

export function listActions(organisationId: number, scanId: number): ActionItemView[] {
  return getDb()
    .select({ id: actionItems.id, itemKey: actionItems.itemKey, dimensionKey: actionItems.dimensionKey, action: actionItems.action, owner: actionItems.owner, dueDate: actionItems.dueDate, status: actionItems.status })
    .from(actionItems)
    .where(and(eq(actionItems.scanId, scanId), eq(actionItems.organisationId, organisationId)))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .all();
}

/** The submitted scan of the actor's organisation whose plan is changed, or why not. */
function submittedScan(actor: Actor, scanId: number): Outcome<NonNullable<ReturnType<typeof findScan>>> {
  const scan = findScan(actor.organisationId, scanId);
  if (!scan) return fail("not_found", "errors.notFound");
  if (scan.status !== "submitted") return fail("conflict", "scan.errors.notSubmitted");
  return ok(scan);
}

export function addActionItem(actor: Actor, input: { scanId: number; item: ActionItemInput }): Outcome<{ id: number }> {
  const scan = submittedScan(actor, input.scanId);
  if (!scan.ok) return scan;
  const { item } = input;
  const dimension = requireInstrument(scan.value.instrumentVersion).dimensions.find((d) => d.key === item.dimensionKey);
  if (!dimension) return fail("invalid", "common.formErrors", { fields: { dimensionKey: ["scan.errors.unknownDimension"] } });
  if (item.itemKey && !dimension.items.some((i) => i.key === item.itemKey)) return fail("invalid", "common.formErrors", { fields: { itemKey: ["scan.errors.unknownItem"] } });
  const row = getDb()
    .insert(actionItems)
    .values({ organisationId: actor.organisationId, scanId: input.scanId, itemKey: item.itemKey, dimensionKey: item.dimensionKey, action: item.action, owner: item.owner, dueDate: item.dueDate, status: item.status, createdByUserId: actor.id })
    .returning({ id: actionItems.id })
    .get();
  audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "scan.action.add", entityType: "action_item", entityId: row.id });
  return ok({ id: row.id });
}

function actionOfScan(actor: Actor, scanId: number, actionId: number) {
  const where = and(eq(actionItems.id, actionId), eq(actionItems.scanId, scanId), eq(actionItems.organisationId, actor.organisationId));
  const exists = getDb().select({ id: actionItems.id }).from(actionItems).where(where).get();
  return exists ? where : null;
}

export function setActionStatus(actor: Actor, input: { scanId: number; actionId: number; status: ActionStatus }): Outcome {
  const scan = submittedScan(actor, input.scanId);
  if (!scan.ok) return scan;
  const where = actionOfScan(actor, input.scanId, input.actionId);
  if (!where) return fail("not_found", "errors.notFound");
  getDb().update(actionItems).set({ status: input.status, updatedAt: nowIso() }).where(where).run();
  audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "scan.action.status", entityType: "action_item", entityId: input.actionId, detail: { fields: ["status"] } });
  return ok();
}

export function deleteActionItem(actor: Actor, input: { scanId: number; actionId: number }): Outcome {
  const scan = submittedScan(actor, input.scanId);
  if (!scan.ok) return scan;
  const where = actionOfScan(actor, input.scanId, input.actionId);
  if (!where) return fail("not_found", "errors.notFound");
  getDb().delete(actionItems).where(where).run();
  audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "scan.action.delete", entityType: "action_item", entityId: input.actionId });
  return ok();
}

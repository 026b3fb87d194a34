// The action plan: HR turns a submitted scan's gaps into actions (item, action, owner, due date, status), edits
// and deletes them. The owner is a person of the organisation or a name typed freely. Every change raises the
// action's revision; an edit made on an older revision is refused so a colleague's newer edit is never lost.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { actionItems, memberships, users } from "@db/schema";
import { audit } from "~/utils/audit.server";
import { getDb, nowIso } from "~/utils/db.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import type { ActionStatus } from "./constants";
import { requireInstrument } from "./instrument.server";
import type { ActionItemInput } from "./scan.schema";
import { findScan } from "./scan.server";

type Actor = { id: number; organisationId: number };

export type ActionItemView = {
  id: number;
  itemKey: string | null;
  dimensionKey: string;
  action: string;
  /** The name shown: the person's current name when the owner is a person, else the typed name. */
  owner: string;
  ownerUserId: number | null;
  /** The typed name (empty when the owner is a person). */
  ownerText: string;
  dueDate: string | null;
  status: ActionStatus;
  revision: number;
};

export type OwnerChoice = { id: number; name: string };

export function listActions(organisationId: number, scanId: number): ActionItemView[] {
  return getDb()
    .select({
      id: actionItems.id,
      itemKey: actionItems.itemKey,
      dimensionKey: actionItems.dimensionKey,
      action: actionItems.action,
      ownerText: actionItems.owner,
      ownerUserId: actionItems.ownerUserId,
      ownerName: users.name,
      dueDate: actionItems.dueDate,
      status: actionItems.status,
      revision: actionItems.revision,
    })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.ownerUserId))
    .where(and(eq(actionItems.scanId, scanId), eq(actionItems.organisationId, organisationId)))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .all()
    .map(({ ownerName, ...a }) => ({ ...a, owner: ownerName ?? a.ownerText }));
}

/** The people an action can be given to: everyone of the organisation who can sign in, by name. */
export function ownerChoices(organisationId: number): OwnerChoice[] {
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.organisationId, organisationId), eq(users.status, "active")))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

/** The submitted scan of the actor's organisation whose plan is changed, or why not. */
function submittedScan(actor: Actor, scanId: number): Outcome<NonNullable<ReturnType<typeof findScan>>> {
  const scan = findScan(actor.organisationId, scanId);
  if (!scan) return fail("not_found", "errors.notFound");
  if (scan.status !== "submitted") return fail("conflict", "scan.errors.notSubmitted");
  return ok(scan);
}

/** The statement and theme of an action must exist in the scan's instrument version. */
function checkItem(instrumentVersion: number, item: ActionItemInput): Outcome {
  const dimension = requireInstrument(instrumentVersion).dimensions.find((d) => d.key === item.dimensionKey);
  if (!dimension)
    return fail("invalid", "common.formErrors", { fields: { dimensionKey: ["scan.errors.unknownDimension"] } });
  if (item.itemKey && !dimension.items.some((i) => i.key === item.itemKey))
    return fail("invalid", "common.formErrors", { fields: { itemKey: ["scan.errors.unknownItem"] } });
  return ok();
}

/**
 * The owner as stored: a person picked from the list (then the typed name is not kept) must be an active member
 * of the actor's organisation — or the person the action already had; without a person a typed name is required.
 */
function resolveOwner(
  actor: Actor,
  item: ActionItemInput,
  currentOwnerUserId: number | null = null,
): Outcome<{ owner: string; ownerUserId: number | null }> {
  if (item.ownerUserId !== null) {
    if (item.ownerUserId === currentOwnerUserId) return ok({ owner: "", ownerUserId: item.ownerUserId });
    const member = getDb()
      .select({ id: users.id })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(
        and(
          eq(users.id, item.ownerUserId),
          eq(memberships.organisationId, actor.organisationId),
          eq(users.status, "active"),
        ),
      )
      .get();
    if (!member)
      return fail("invalid", "common.formErrors", { fields: { ownerUserId: ["scan.actions.errors.ownerNotHere"] } });
    return ok({ owner: "", ownerUserId: member.id });
  }
  if (!item.owner)
    return fail("invalid", "common.formErrors", { fields: { owner: ["scan.actions.errors.ownerRequired"] } });
  return ok({ owner: item.owner, ownerUserId: null });
}

export function addActionItem(actor: Actor, input: { scanId: number; item: ActionItemInput }): Outcome<{ id: number }> {
  const scan = submittedScan(actor, input.scanId);
  if (!scan.ok) return scan;
  const { item } = input;
  const checked = checkItem(scan.value.instrumentVersion, item);
  if (!checked.ok) return checked;
  const owner = resolveOwner(actor, item);
  if (!owner.ok) return owner;
  const row = getDb()
    .insert(actionItems)
    .values({
      organisationId: actor.organisationId,
      scanId: input.scanId,
      itemKey: item.itemKey,
      dimensionKey: item.dimensionKey,
      action: item.action,
      ...owner.value,
      dueDate: item.dueDate,
      status: item.status,
      createdByUserId: actor.id,
    })
    .returning({ id: actionItems.id })
    .get();
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: "scan.action.add",
    entityType: "action_item",
    entityId: row.id,
  });
  return ok({ id: row.id });
}

function actionOfScan(actor: Actor, scanId: number, actionId: number) {
  const where = and(
    eq(actionItems.id, actionId),
    eq(actionItems.scanId, scanId),
    eq(actionItems.organisationId, actor.organisationId),
  );
  const exists = getDb().select({ id: actionItems.id }).from(actionItems).where(where).get();
  return exists ? where : null;
}

/**
 * Changes an action's statement, text, owner, due date and status. `revision` is the one the form was opened on:
 * when a colleague saved since, nothing changes and the failure carries the newer version (text, owner, due date,
 * status and its revision) so the page can show it and the user can decide.
 */
export function editActionItem(
  actor: Actor,
  input: { scanId: number; actionId: number; revision: number; item: ActionItemInput },
): Outcome<{ revision: number }> {
  const scan = submittedScan(actor, input.scanId);
  if (!scan.ok) return scan;
  const { item } = input;
  const checked = checkItem(scan.value.instrumentVersion, item);
  if (!checked.ok) return checked;
  const where = and(
    eq(actionItems.id, input.actionId),
    eq(actionItems.scanId, input.scanId),
    eq(actionItems.organisationId, actor.organisationId),
  );
  const outcome = getDb().transaction(
    (tx): Outcome<{ revision: number }> => {
      const current = tx
        .select({
          revision: actionItems.revision,
          action: actionItems.action,
          ownerText: actionItems.owner,
          ownerUserId: actionItems.ownerUserId,
          ownerName: users.name,
          dueDate: actionItems.dueDate,
          status: actionItems.status,
        })
        .from(actionItems)
        .leftJoin(users, eq(users.id, actionItems.ownerUserId))
        .where(where)
        .get();
      if (!current) return fail("not_found", "errors.notFound");
      const stale = () =>
        fail("conflict", "scan.actions.errors.stale", {
          params: {
            action: current.action,
            owner: current.ownerName ?? current.ownerText,
            dueDate: current.dueDate ?? "",
            status: current.status,
            revision: current.revision,
          },
        });
      if (current.revision !== input.revision) return stale();
      const owner = resolveOwner(actor, item, current.ownerUserId);
      if (!owner.ok) return owner;
      const revision = current.revision + 1;
      const changed = tx
        .update(actionItems)
        .set({
          itemKey: item.itemKey,
          dimensionKey: item.dimensionKey,
          action: item.action,
          ...owner.value,
          dueDate: item.dueDate,
          status: item.status,
          revision,
          updatedAt: nowIso(),
        })
        .where(and(where, eq(actionItems.revision, input.revision)))
        .run();
      if (changed.changes !== 1) return stale();
      return ok({ revision });
    },
    { behavior: "immediate" },
  );
  if (outcome.ok)
    audit({
      actorUserId: actor.id,
      organisationId: actor.organisationId,
      action: "scan.action.edit",
      entityType: "action_item",
      entityId: input.actionId,
      detail: { fields: ["item", "action", "owner", "dueDate", "status"] },
    });
  return outcome;
}

export function setActionStatus(
  actor: Actor,
  input: { scanId: number; actionId: number; status: ActionStatus },
): Outcome {
  const scan = submittedScan(actor, input.scanId);
  if (!scan.ok) return scan;
  const where = actionOfScan(actor, input.scanId, input.actionId);
  if (!where) return fail("not_found", "errors.notFound");
  // A status change is a change too: an edit form opened before it is then refused as stale (only when it changes).
  const db = getDb();
  db.update(actionItems)
    .set({ status: input.status, revision: sql`${actionItems.revision} + 1`, updatedAt: nowIso() })
    .where(and(where, ne(actionItems.status, input.status)))
    .run();
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: "scan.action.status",
    entityType: "action_item",
    entityId: input.actionId,
    detail: { fields: ["status"] },
  });
  return ok();
}

export function deleteActionItem(actor: Actor, input: { scanId: number; actionId: number }): Outcome {
  const scan = submittedScan(actor, input.scanId);
  if (!scan.ok) return scan;
  const where = actionOfScan(actor, input.scanId, input.actionId);
  if (!where) return fail("not_found", "errors.notFound");
  getDb().delete(actionItems).where(where).run();
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: "scan.action.delete",
    entityType: "action_item",
    entityId: input.actionId,
  });
  return ok();
}

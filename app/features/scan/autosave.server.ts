// The autosave: every answer is saved as it is given, in group commits (decision 013).
import { and, eq, sql } from "drizzle-orm";
import { scanAnswers, users } from "@db/schema";
import { getDb, nowIso, prepared, type Tx } from "~/utils/db.server";
import { registerDrain } from "~/utils/lifecycle.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import { requireInstrument } from "./instrument.server";
import { mergeAnswer } from "./merge";
import type { AnswerInput } from "./scan.schema";
import { findScan } from "./scan.server";
import { isAnswerValue, type AnswerValue } from "./scoring";

type Actor = { id: number; organisationId: number };

export type SavedAnswer = {
  itemKey: string;
  value: AnswerValue;
  comment: string | null;
  revision: number;
  answeredAt: string;
  answeredByName: string | null;
};
/** The comment a stale save did not apply: the user's and the stored (newer) one, to choose from. */
export type CommentConflict = { mine: string | null; theirs: string | null; byName: string | null; at: string };
export type SavedAnswerResult = {
  answer: SavedAnswer;
  replaced: { value: AnswerValue; comment: string | null; byName: string | null; at: string } | null;
  commentConflict: CommentConflict | null;
};
type SaveResult = Outcome<SavedAnswerResult>;
export type SaveAnswerInput = { scanId: number; answer: AnswerInput };

type SaveActor = Actor & { name: string };
type PendingSave = {
  actor: SaveActor;
  scanId: number;
  input: AnswerInput;
  resolve: (r: SaveResult) => void;
  reject: (e: unknown) => void;
};

let pendingSaves: PendingSave[] = [];
let flushScheduled = false;

/**
 * Saves one answer: an upsert of the (scan, item) row. Answers to other items are never touched. Last write
 * wins per item; if the page showed an older revision written by someone else, the result says what was
 * replaced so the page can show it (decision 011).
 *
 * Group commit (decision 013): saves that arrive in the same turn of the event loop are written in one
 * immediate transaction, so one fsync (synchronous=FULL) serves them all. Each caller's promise resolves only
 * after that commit: durability is unchanged, throughput under concurrent autosaves is not bound by the disk.
 */
export function saveAnswer(actor: SaveActor, input: SaveAnswerInput): Promise<SaveResult> {
  return new Promise<SaveResult>((resolve, reject) => {
    pendingSaves.push({ actor, scanId: input.scanId, input: input.answer, resolve, reject });
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushSaves);
    }
  });
}

// A graceful shutdown writes what is still queued before it closes the database (decision 096).
registerDrain("scan autosaves", flushSaves);

function flushSaves(): number {
  flushScheduled = false;
  const batch = pendingSaves;
  pendingSaves = [];
  if (batch.length === 0) return 0;
  let results: SaveResult[];
  try {
    results = getDb().transaction((tx) => batch.map((p) => saveOne(tx, p.actor, p.scanId, p.input)), {
      behavior: "immediate",
    });
  } catch (error) {
    for (const p of batch) p.reject(error);
    return 0;
  }
  results.forEach((result, i) => batch[i]?.resolve(result));
  return batch.length;
}

// The autosave's statements, prepared once per connection (they run inside flushSaves' transaction, as does
// findScan's: one connection).
const saveStatements = prepared((db) => ({
  existing: db
    .select()
    .from(scanAnswers)
    .where(and(eq(scanAnswers.scanId, sql.placeholder("scanId")), eq(scanAnswers.itemKey, sql.placeholder("itemKey"))))
    .prepare(),
  update: db
    .update(scanAnswers)
    // update().set() takes SQL, not bare placeholders.
    .set({
      value: sql`${sql.placeholder("value")}`,
      comment: sql`${sql.placeholder("comment")}`,
      answeredByUserId: sql`${sql.placeholder("userId")}`,
      answeredAt: sql`${sql.placeholder("at")}`,
      revision: sql`${sql.placeholder("revision")}`,
    })
    .where(and(eq(scanAnswers.scanId, sql.placeholder("scanId")), eq(scanAnswers.itemKey, sql.placeholder("itemKey"))))
    .prepare(),
  insert: db
    .insert(scanAnswers)
    .values({
      scanId: sql.placeholder("scanId"),
      itemKey: sql.placeholder("itemKey"),
      value: sql.placeholder("value"),
      comment: sql.placeholder("comment"),
      answeredByUserId: sql.placeholder("userId"),
      answeredAt: sql.placeholder("at"),
      revision: sql.placeholder("revision"),
    })
    .prepare(),
}));

function saveOne(tx: Tx, actor: SaveActor, scanId: number, input: AnswerInput): SaveResult {
  const statements = saveStatements();
  const scan = findScan(actor.organisationId, scanId);
  if (!scan) return fail("not_found", "errors.notFound");
  if (scan.status !== "draft") return fail("conflict", "scan.errors.locked");
  if (!requireInstrument(scan.instrumentVersion).itemKeys.has(input.itemKey))
    return fail("invalid", "scan.errors.unknownItem", { fields: { itemKey: ["scan.errors.unknownItem"] } });
  const existing = statements.existing.get({ scanId, itemKey: input.itemKey });
  const at = nowIso();
  const stored =
    existing && isAnswerValue(existing.value)
      ? { value: existing.value, comment: existing.comment ?? null, revision: existing.revision }
      : null;
  const merged = mergeAnswer(stored, input);
  let replaced: SavedAnswerResult["replaced"] = null;
  let commentConflict: CommentConflict | null = null;
  const byName = () =>
    existing?.answeredByUserId
      ? (tx.select({ name: users.name }).from(users).where(eq(users.id, existing.answeredByUserId)).get()?.name ?? null)
      : null;
  if (existing && stored) {
    if (merged.valueReplaced && existing.answeredByUserId !== actor.id)
      replaced = { value: stored.value, comment: stored.comment, byName: byName(), at: existing.answeredAt };
    if (merged.commentConflict)
      commentConflict = { mine: input.comment, theirs: stored.comment, byName: byName(), at: existing.answeredAt };
  }
  if (existing && !merged.write) {
    // Nothing changes (e.g. only a comment that lost to a newer one): the row and its author stay as they are.
    const answer = {
      itemKey: input.itemKey,
      value: stored?.value ?? input.value,
      comment: existing.comment,
      revision: existing.revision,
      answeredAt: existing.answeredAt,
      answeredByName: byName(),
    };
    return ok({ answer, replaced, commentConflict });
  }
  const revision = existing ? existing.revision + 1 : 1;
  const values = {
    scanId,
    itemKey: input.itemKey,
    value: merged.value,
    comment: merged.comment,
    userId: actor.id,
    at,
    revision,
  };
  if (existing) statements.update.run(values);
  else statements.insert.run(values);
  return ok({
    answer: {
      itemKey: input.itemKey,
      value: merged.value,
      comment: merged.comment,
      revision,
      answeredAt: at,
      answeredByName: actor.name,
    },
    replaced,
    commentConflict,
  });
}

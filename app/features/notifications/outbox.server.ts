// The outbox: every e-mail of the portal is a row first and a message second. A request only inserts the row
// (so no request waits for SMTP); the worker claims rows one at a time with a single UPDATE … RETURNING (so two
// processes on one file never take the same row), sends through the SMTP transport, and retries with back-off.
// After the last attempt the row is marked failed and shown to admin (docs/decisions/070).
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { outbox, type OutboxRow } from "@db/schema-notifications";
import { now as clockNow } from "~/utils/clock.server";
import { getDb, prepared, type Tx as Writer } from "~/utils/db.server";
import { mailConcurrency, sendMail, type MailAttachment } from "~/utils/mail.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import { parseStoredJson } from "~/utils/stored-json";
import { z } from "zod";
import { notificationConfig } from "./config.server";

type Db = ReturnType<typeof getDb> | Writer;

/** "Due at once": sorts before any real moment, whatever clock the worker goes by. */
const IMMEDIATELY = "0000-01-01T00:00:00.000Z";

export type NewMail = {
  eventKey: string;
  kind: string;
  userId?: number | null;
  organisationId?: number | null;
  to: string;
  locale: "nl" | "en";
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  sensitive?: boolean;
};

// Prepared once per connection: a tick queues thousands of mails, and building the statement each time cost more
// than running it (decision 073).
const insertMail = prepared((db) =>
  db.$client.prepare(
    `INSERT INTO outbox (event_key, kind, user_id, organisation_id, to_email, locale, subject, text, html, headers, attachments, sensitive, next_attempt_at)
     VALUES (@eventKey, @kind, @userId, @organisationId, @to, @locale, @subject, @text, @html, @headers, @attachments, @sensitive, @nextAttemptAt)
     ON CONFLICT DO NOTHING`,
  ),
);

/**
 * Inserts the mail unless one with the same event key exists. Returns whether it was new. Synchronous; inside a
 * transaction (`db` is its writer) it commits or rolls back with it — the statement runs on the same connection.
 */
export function enqueueMail(mail: NewMail, _db: Db = getDb()): boolean {
  const result = insertMail().run({
    eventKey: mail.eventKey,
    kind: mail.kind,
    userId: mail.userId ?? null,
    organisationId: mail.organisationId ?? null,
    to: mail.to,
    locale: mail.locale,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    headers: JSON.stringify(mail.headers ?? {}),
    attachments: JSON.stringify(mail.attachments ?? []),
    sensitive: mail.sensitive ? 1 : 0,
    nextAttemptAt: IMMEDIATELY,
  });
  return result.changes > 0;
}

/** Rows one delivery lane claims at a time: fewer claiming commits, and a dead process strands only a few. */
const CLAIM_BATCH = 10;

function claimBatch(at: Date): OutboxRow[] {
  const leaseUntil = new Date(Date.now() + notificationConfig().OUTBOX_LEASE_SECONDS * 1000).toISOString();
  const realNow = new Date().toISOString();
  const claim = (ids: ReturnType<typeof sql>) =>
    getDb()
      .update(outbox)
      .set({ status: "sending", leaseUntil, attempts: sql`${outbox.attempts} + 1` })
      .where(sql`${outbox.id} IN ${ids}`)
      .returning()
      .all()
      .sort((a, b) => a.id - b.id);
  // Each claim is one statement: SQLite runs it under the write lock, so the rows are ours alone. A row whose lease
  // ran out belonged to a process that died mid-send; it is taken over first (leases go by the real clock, not the
  // test clock). Two statements rather than one with OR: the queued rows then come straight off the
  // (status, next_attempt_at) index in order, instead of every due row being sorted for each claim (decision 078).
  const stale = claim(
    sql`(SELECT id FROM outbox WHERE status = 'sending' AND lease_until <= ${realNow} ORDER BY id LIMIT ${CLAIM_BATCH})`,
  );
  if (stale.length) return stale;
  return claim(
    sql`(SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= ${at.toISOString()} ORDER BY next_attempt_at, id LIMIT ${CLAIM_BATCH})`,
  );
}

function errorCode(error: unknown): string {
  // Only the SMTP code and reply class: the full message can echo an address back.
  if (error && typeof error === "object") {
    const e = error as { code?: unknown; responseCode?: unknown };
    return [e.code, e.responseCode].filter((x) => x !== undefined).join(" ") || "error";
  }
  return "error";
}

export function retryDelaySeconds(attempt: number): number {
  return notificationConfig().OUTBOX_RETRY_BASE_SECONDS * 4 ** Math.max(0, attempt - 1);
}

/** Mails this thread has handed to the SMTP server since it started (the bench and the tests read it). */
let sentHere = 0;

export function mailsSentByThisThread(): number {
  return sentHere;
}

const StoredHeadersSchema = z.record(z.string(), z.string());
const StoredAttachmentsSchema = z.array(
  z.object({ filename: z.string(), contentType: z.string(), content: z.string() }),
) satisfies z.ZodType<MailAttachment[]>;

/** Thrown for a row whose stored headers or attachments do not read: it fails like a refused delivery. */
class DamagedRow extends Error {
  code = "stored_row";
}

async function deliver(row: OutboxRow, at: Date): Promise<boolean> {
  try {
    const headers = parseStoredJson(StoredHeadersSchema, row.headers);
    const attachments = parseStoredJson(StoredAttachmentsSchema, row.attachments);
    if (!headers || !attachments) throw new DamagedRow(`outbox row ${row.id}`);
    await sendMail({
      to: row.toEmail,
      subject: row.subject,
      text: row.text,
      ...(row.html ? { html: row.html } : {}),
      headers: { ...headers, "X-Portal-Kind": row.kind },
      attachments,
      messageId: `<outbox-${row.id}.${row.eventKey.replace(/[^A-Za-z0-9.-]/g, ".")}@newcomer-proof.portal>`,
    });
  } catch (error) {
    const { OUTBOX_MAX_ATTEMPTS } = notificationConfig();
    const failed = row.attempts >= OUTBOX_MAX_ATTEMPTS;
    const delay = retryDelaySeconds(row.attempts);
    getDb()
      .update(outbox)
      .set({
        status: failed ? "failed" : "queued",
        leaseUntil: null,
        lastError: errorCode(error),
        nextAttemptAt: new Date(at.getTime() + delay * 1000).toISOString(),
      })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, "sending")))
      .run();
    console.error(
      `outbox: message ${row.id} (${row.kind}) attempt ${row.attempts} failed: ${errorCode(error)}${failed ? " — marked failed" : ""}`,
    );
    if (!failed) setTimeout(wakeOutbox, delay * 1000).unref();
    return false;
  }
  getDb()
    .update(outbox)
    .set({
      status: "sent",
      sentAt: at.toISOString(),
      leaseUntil: null,
      lastError: null,
      ...(row.sensitive ? { text: "", html: null } : {}),
    })
    .where(eq(outbox.id, row.id))
    .run();
  sentHere += 1;
  return true;
}

/**
 * Sends everything due now. One lane per pooled SMTP connection (decision 078): each claims a few rows and sends them
 * one after the other, so several mails are in flight and none waits for a new connection. Returns how many were sent.
 */
export async function deliverDue(at: () => Date = clockNow): Promise<number> {
  let sent = 0;
  const lane = async () => {
    for (;;) {
      const moment = at();
      const rows = claimBatch(moment);
      if (!rows.length) return;
      for (const row of rows) if (await deliver(row, moment)) sent += 1;
    }
  };
  await Promise.all(Array.from({ length: mailConcurrency() }, lane));
  return sent;
}

let running: Promise<void> | null = null;
let again = false;

// Where this thread's wake-ups go instead of a delivery run here: the scheduler thread, once the server started it.
// On the process's global: the server loads this module twice (from source for the scheduler, inside the Remix build
// for the requests), and the requests' copy must see what the scheduler's copy was told.
const DELIVERER = Symbol.for("portal.outbox.deliverer");
type Deliverer = { [DELIVERER]?: (() => void) | null };

/**
 * Hands this thread's deliveries to another thread (decision 173): the server's request thread passes each wake-up
 * to the scheduler thread, so no SMTP I/O and no claim or "sent" commit runs on the event loop that answers
 * requests. `null` takes them back (the scheduler thread stopped).
 */
export function deliverElsewhere(wake: (() => void) | null): void {
  (globalThis as Deliverer)[DELIVERER] = wake;
}

/** Starts a delivery run unless one is under way (then it runs once more afterwards). Never throws. */
export function wakeOutbox(): void {
  const deliverer = (globalThis as Deliverer)[DELIVERER];
  if (deliverer) {
    deliverer();
    return;
  }
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      await new Promise((r) => setImmediate(r));
      try {
        await deliverDue();
      } catch (error) {
        console.error(`outbox: delivery run stopped: ${errorCode(error)}`);
      }
    } while (again);
  })().finally(() => {
    running = null;
  });
}

/** Resolves when the current delivery run (if any) has finished. */
export async function outboxIdle(): Promise<void> {
  while (running) await running;
}

// ——— Admin ——————————————————————————————————————————————————————————————————————————

export function outboxCounts(): { kind: string; queued: number; sending: number; sent: number; failed: number }[] {
  const rows = getDb()
    .select({ kind: outbox.kind, status: outbox.status, n: count() })
    .from(outbox)
    .groupBy(outbox.kind, outbox.status)
    .orderBy(asc(outbox.kind))
    .all();
  const byKind = new Map<string, { kind: string; queued: number; sending: number; sent: number; failed: number }>();
  for (const r of rows) {
    const entry = byKind.get(r.kind) ?? { kind: r.kind, queued: 0, sending: 0, sent: 0, failed: 0 };
    entry[r.status] = r.n;
    byKind.set(r.kind, entry);
  }
  return [...byKind.values()];
}

/** Failed messages without their content or address: the kind, when, how often tried, and the SMTP code. */
export function failedMessages(limit = 100) {
  return getDb()
    .select({
      id: outbox.id,
      kind: outbox.kind,
      createdAt: outbox.createdAt,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .where(eq(outbox.status, "failed"))
    .orderBy(desc(outbox.id))
    .limit(limit)
    .all();
}

/** The admin puts a failed message back in the queue; a message that has not failed (or does not exist) is not found. */
export function retryMessage(user: { id: number; role: string }, input: { id: number }): Outcome {
  if (user.role !== "admin") return fail("forbidden", "errors.forbidden");
  return retryFailedMessage(input.id) ? ok() : fail("not_found", "notifications.outbox.notFailed");
}

export function retryFailedMessage(id: number): boolean {
  const row = getDb()
    .update(outbox)
    .set({ status: "queued", attempts: 0, nextAttemptAt: IMMEDIATELY, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, "failed")))
    .returning({ id: outbox.id })
    .get();
  if (row) wakeOutbox();
  return row !== undefined;
}

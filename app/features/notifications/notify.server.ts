// From event to notification and mail: the in-portal row always, a mail when the recipient wants it now.
// Both rows carry the event's key, so recording the same event twice (a second tick, a second process, a
// restart) changes nothing. Everything here is synchronous so it can run inside one transaction.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { memberships, users } from "@db/schema";
import { modules } from "@db/schema-modules";
import { appSettings, notificationPreferences, notifications } from "@db/schema-notifications";
import { z } from "zod";
import { getDb, prepared, type Tx as Writer } from "~/utils/db.server";
import { parseStoredJson } from "~/utils/stored-json";
import { publicUrl } from "~/utils/env.server";
import { translate, type Locale } from "~/utils/i18n";
import { dayEventAttachment } from "./ics.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import { channelsFor, isNotificationKind, KINDS_BY_ROLE, type Channel, type NotificationKind } from "./kinds";
import { onlyAllowed, type PreferenceChoices } from "./notifications.schema";
import { enqueueMail, wakeOutbox, type NewMail } from "./outbox.server";
import type { DueEvent, EventParams } from "./reminders";
import { localiseParams, notificationTitle, renderNotificationMail, type Names } from "./render";

type Db = ReturnType<typeof getDb> | Writer;

// ——— Signed unsubscribe links ————————————————————————————————————————————————————————————

let secret: Buffer | undefined;

/**
 * One random secret per database, made on first use, so every process on the file signs alike. Read first: an insert
 * that finds the row still takes the write lock, and the scheduler's thread would take it at nice 19 (decision 193).
 */
function signingSecret(): Buffer {
  if (!secret) {
    const db = getDb();
    const stored = () => db.select().from(appSettings).where(eq(appSettings.name, "unsubscribe_secret")).get()?.value;
    let value = stored();
    if (value === undefined) {
      db.insert(appSettings)
        .values({ name: "unsubscribe_secret", value: randomBytes(32).toString("base64url") })
        .onConflictDoNothing()
        .run();
      value = stored()!;
    }
    secret = Buffer.from(value, "base64url");
  }
  return secret;
}

function signature(userId: number, kind: string): string {
  return createHmac("sha256", signingSecret()).update(`unsubscribe:${userId}:${kind}`).digest("base64url").slice(0, 32);
}

export function unsubscribeToken(userId: number, kind: NotificationKind): string {
  return `${userId}.${kind}.${signature(userId, kind)}`;
}

export function verifyUnsubscribeToken(token: string): { userId: number; kind: NotificationKind } | null {
  const match = /^([1-9]\d{0,15})\.([a-z_]{1,40})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const [, id, kind, sig] = match;
  if (!id || !sig || !isNotificationKind(kind)) return null;
  const userId = Number(id);
  const expected = Buffer.from(signature(userId, kind));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, kind };
}

// ——— Names ————————————————————————————————————————————————————————————————————————————

let titles: { at: number; map: Map<string, { nl: string; en: string }> } | undefined;

function moduleTitles(): Map<string, { nl: string; en: string }> {
  if (!titles || Date.now() - titles.at > 300_000) {
    const map = new Map<string, { nl: string; en: string }>();
    for (const m of getDb()
      .select({
        key: modules.key,
        nl: sql<string>`json_extract(${modules.contentNl}, '$.title')`,
        en: sql<string>`json_extract(${modules.contentEn}, '$.title')`,
      })
      .from(modules)
      .all()) {
      map.set(m.key, { nl: m.nl, en: m.en });
    }
    titles = { at: Date.now(), map };
  }
  return titles.map;
}

const StoredEventParamsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number()]),
) satisfies z.ZodType<EventParams>;

/**
 * A stored notification's line in the reader's language. Params that do not read as the event's (a damaged row)
 * give the kind's name ("New buddy proposal") rather than a title with its placeholders left in.
 */
export function storedNotificationTitle(kind: NotificationKind, locale: Locale, paramsJson: string): string {
  const params = parseStoredJson(StoredEventParamsSchema, paramsJson);
  return params
    ? notificationTitle(kind, locale, params, names)
    : translate(locale, `notifications.kinds.${kind}.label`);
}

export const names: Names = { moduleTitle: (key, locale) => moduleTitles().get(key)?.[locale] ?? key };

// ——— Recording events ————————————————————————————————————————————————————————————————

export type Recipient = { id: number; email: string; name: string; locale: Locale; status: string };

/** Every active user with what a mail needs: read once per tick instead of once per organisation. */
export function activeRecipients(): Map<number, Recipient> {
  const rows = getDb()
    .$client.prepare("SELECT id, email, name, locale, status FROM users WHERE status = 'active'")
    .all() as (Omit<Recipient, "locale"> & { locale: Locale | null })[];
  return new Map(rows.map((u) => [u.id, { ...u, locale: u.locale ?? "nl" }]));
}

function recipients(db: Db, ids: number[]): Map<number, Recipient> {
  const out = new Map<number, Recipient>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    for (const u of db
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, status: users.status })
      .from(users)
      .where(
        sql`${users.id} IN (${sql.join(
          chunk.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      )
      .all()) {
      out.set(u.id, { ...u, locale: u.locale ?? "nl" });
    }
  }
  return out;
}

const channelOf = prepared((db) =>
  db.$client.prepare("SELECT channel FROM notification_preferences WHERE user_id = ? AND kind = ?").pluck(),
);

/** The user's choice for the kind (immediate when never chosen). Runs on the one connection, inside `db`'s transaction if any. */
export function channelFor(_db: Db, userId: number, kind: NotificationKind): Channel {
  const channel = channelOf().get(userId, kind) as Channel | undefined;
  return channel ?? "immediate";
}

const insertNotification = prepared((db) =>
  db.$client.prepare(
    "INSERT INTO notifications (user_id, organisation_id, kind, event_key, params, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
  ),
);

export function mailLinks(userId: number, kind: NotificationKind, link: string) {
  const base = publicUrl();
  return {
    open: `${base}${link}`,
    preferences: `${base}/notifications/preferences`,
    unsubscribe: `${base}/unsubscribe/${unsubscribeToken(userId, kind)}`,
  };
}

export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function calendarFor(event: DueEvent, locale: Locale) {
  if (!event.calendar) return [];
  const params = localiseParams(event.params, locale, names);
  const title =
    event.kind === "buddy_accepted"
      ? translate(locale, "notifications.mail.calendarFirstTitle", params)
      : translate(locale, "notifications.mail.calendarTitle", params);
  const ics = dayEventAttachment({
    uid: event.calendar.uid,
    date: event.calendar.date,
    title,
    description: translate(locale, "notifications.mail.calendarDescription"),
    url: `${publicUrl()}${event.link}`,
  });
  return ics ? [ics] : [];
}

const notificationRecorded = prepared((db) =>
  db.$client.prepare("SELECT 1 FROM notifications WHERE user_id = ? AND event_key = ?").pluck(),
);

/** An event not recorded yet, with the mail its recipient gets now (null: in-portal only, or the digest). */
export type PreparedEvent = { event: DueEvent; mail: NewMail | null };

/**
 * The reading half of recording events: which of them are new, and their mails rendered. Only reads, so the
 * scheduler runs it outside any write transaction (WAL readers take no lock) and the lock is held only to insert.
 */
export function prepareEvents(
  events: DueEvent[],
  organisationId: number | null,
  known?: Map<number, Recipient>,
  db: Db = getDb(),
): PreparedEvent[] {
  if (events.length === 0) return [];
  const people =
    known ??
    recipients(
      db,
      events.map((e) => e.userId),
    );
  const out: PreparedEvent[] = [];
  for (const event of events) {
    const person = people.get(event.userId);
    if (!person || person.status !== "active") continue;
    // Most due events of a tick were recorded by an earlier one: one indexed read, nothing rendered.
    if (notificationRecorded().get(event.userId, event.key) !== undefined) continue;
    if (channelFor(db, event.userId, event.kind) !== "immediate") {
      out.push({ event, mail: null });
      continue;
    }
    const links = mailLinks(person.id, event.kind, event.link);
    const mail = renderNotificationMail(event.kind, person.locale, {
      name: person.name,
      params: event.params,
      links,
      names,
    });
    out.push({
      event,
      mail: {
        eventKey: `notify:${person.id}:${event.key}`,
        kind: event.kind,
        userId: person.id,
        organisationId,
        to: person.email,
        locale: person.locale,
        ...mail,
        headers: unsubscribeHeaders(links.unsubscribe),
        attachments: calendarFor(event, person.locale),
      },
    });
  }
  return out;
}

/**
 * The writing half: inserts each prepared event's notification and, only when that insert was new, its mail. The
 * unique keys decide: an event another tick or process recorded since it was prepared changes nothing.
 */
export function writePreparedEvents(
  db: Db,
  events: PreparedEvent[],
  at: Date,
  organisationId: number | null,
): { notifications: number; mails: number } {
  const createdAt = at.toISOString();
  let created = 0;
  let mails = 0;
  for (const { event, mail } of events) {
    if (
      insertNotification().run(
        event.userId,
        organisationId,
        event.kind,
        event.key,
        JSON.stringify(event.params),
        event.link,
        createdAt,
      ).changes === 0
    )
      continue;
    created += 1;
    if (mail && enqueueMail(mail, db)) mails += 1;
  }
  return { notifications: created, mails };
}

/**
 * Records events (synchronously; call inside a transaction for one commit). Returns the number of new
 * notifications and of mails queued. Inactive users get nothing.
 */
export function recordEvents(
  db: Db,
  events: DueEvent[],
  at: Date,
  organisationId: number | null,
  known?: Map<number, Recipient>,
): { notifications: number; mails: number } {
  return writePreparedEvents(db, prepareEvents(events, organisationId, known, db), at, organisationId);
}

/** Records the events of one moment and wakes the worker: for use cases that notify at once (a sent proposal). */
export function notifyNow(events: DueEvent[], organisationId: number, at = new Date()): void {
  if (events.length === 0) return;
  getDb().transaction((tx) => recordEvents(tx, events, at, organisationId));
  wakeOutbox();
}

// ——— The in-portal list ————————————————————————————————————————————————————————————————

// Every signed-in document runs it (the root loader's badge): prepared once per connection (decisions 015, 188).
const unreadOf = prepared((db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt)))
    .prepare(),
);

export function unreadCount(userId: number): number {
  return unreadOf().get({ userId })?.n ?? 0;
}

export type NotificationItem = { id: number; kind: string; title: string; createdAt: string; read: boolean };

/** The signed-in user's own notifications, newest first, titled in their language. */
export function listNotifications(
  user: { id: number },
  input: { locale: Locale; limit?: number },
): Outcome<NotificationItem[]> {
  const items = getDb()
    .select()
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit ?? 100)
    .all()
    .map((n) => ({
      id: n.id,
      kind: n.kind,
      title: isNotificationKind(n.kind) ? storedNotificationTitle(n.kind, input.locale, n.params) : n.kind,
      createdAt: n.createdAt,
      read: n.readAt !== null,
    }));
  return ok(items);
}

/** Marks the user's own notification read and says where it leads; someone else's id is not found. */
export function openNotification(
  user: { id: number },
  input: { id: number },
  at = new Date(),
): Outcome<{ link: string }> {
  const db = getDb();
  const row = db
    .select({ link: notifications.link, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, input.id), eq(notifications.userId, user.id)))
    .get();
  if (!row) return fail("not_found", "notifications.list.notFound");
  if (!row.readAt)
    db.update(notifications).set({ readAt: at.toISOString() }).where(eq(notifications.id, input.id)).run();
  return ok({ link: row.link });
}

// ——— Preferences ————————————————————————————————————————————————————————————————————————

type Role = keyof typeof KINDS_BY_ROLE;

export type PreferenceRow = { kind: NotificationKind; channel: Channel; channels: readonly Channel[] };

/** The kinds the user's role can receive, each with the user's choice (immediate when never chosen). */
export function listPreferences(user: { id: number; role: Role }): Outcome<PreferenceRow[]> {
  const db = getDb();
  const chosen = new Map(
    db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, user.id))
      .all()
      .map((p) => [p.kind, p.channel]),
  );
  return ok(
    KINDS_BY_ROLE[user.role].map((kind) => ({
      kind,
      channel: chosen.get(kind) ?? ("immediate" as Channel),
      channels: channelsFor(kind),
    })),
  );
}

/** Saves the choices, all or none: a kind the user's role cannot receive refuses the whole form. */
export function savePreferences(user: { id: number; role: Role }, input: PreferenceChoices): Outcome {
  if (!onlyAllowed(input, KINDS_BY_ROLE[user.role])) return fail("invalid", "notifications.preferences.invalid");
  getDb().transaction((tx) => {
    for (const [kind, channel] of Object.entries(input)) setChannel(tx, user.id, kind, channel);
  });
  return ok();
}

function setChannel(db: Db, userId: number, kind: string, channel: Channel): void {
  db.insert(notificationPreferences)
    .values({ userId, kind, channel })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { channel, updatedAt: new Date().toISOString() },
    })
    .run();
}

/**
 * The one-click unsubscribe: nobody is signed in (`_user` is null), the signed token is the authority. A valid
 * token for an existing user turns that kind's mail off; anything else changes nothing.
 */
export function unsubscribe(
  _user: null,
  input: { token: string },
): Outcome<{ kind: NotificationKind; locale: Locale }> {
  const verified = verifyUnsubscribeToken(input.token);
  if (!verified) return fail("invalid", "notifications.unsubscribe.invalid");
  const db = getDb();
  const user = db
    .select({ id: users.id, locale: users.locale, role: memberships.role })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.id, verified.userId))
    .get();
  if (!user) return fail("invalid", "notifications.unsubscribe.invalid");
  setChannel(db, user.id, verified.kind, "off");
  return ok({ kind: verified.kind, locale: user.locale ?? "nl" });
}

/** What the unsubscribe page asks about (a GET changes nothing: mail scanners follow links). */
export function describeUnsubscribe(
  _user: null,
  input: { token: string },
): Outcome<{ kind: NotificationKind; locale: Locale }> {
  const verified = verifyUnsubscribeToken(input.token);
  if (!verified) return fail("invalid", "notifications.unsubscribe.invalid");
  const user = getDb().select({ locale: users.locale }).from(users).where(eq(users.id, verified.userId)).get();
  return user
    ? ok({ kind: verified.kind, locale: user.locale ?? "nl" })
    : fail("invalid", "notifications.unsubscribe.invalid");
}

// Reminders and notifications: the outbox of outgoing mail, the in-portal notifications and each user's
// preferences. Every row that stands for an event carries its event key, unique, so that two ticks, two
// processes or a restart can only ever create it once (docs/decisions/070).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organisations, users } from "./schema";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export const DELIVERY_CHANNELS = ["immediate", "digest", "off"] as const;

/** One outgoing e-mail. Rendered when it is enqueued, in the recipient's language, and sent by the worker. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventKey: text("event_key").notNull(),
    kind: text("kind").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    toEmail: text("to_email").notNull(),
    locale: text("locale", { enum: ["nl", "en"] }).notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    /** JSON object of extra headers (List-Unsubscribe and friends). */
    headers: text("headers").notNull().default("{}"),
    /** JSON array of { filename, contentType, content } (an .ics invitation). */
    attachments: text("attachments").notNull().default("[]"),
    /** Bodies holding a secret link (reset, invitation) are blanked once sent. */
    sensitive: integer("sensitive", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    leaseUntil: text("lease_until"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull().default(now),
    sentAt: text("sent_at"),
  },
  (t) => [
    uniqueIndex("outbox_event_key_unique").on(t.eventKey),
    index("outbox_status_next_idx").on(t.status, t.nextAttemptAt),
  ],
);

/** What a user sees in the portal's notification list; the same events as the mail, always on. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    eventKey: text("event_key").notNull(),
    /** JSON parameters for the message, rendered in the reader's language when shown. */
    params: text("params").notNull().default("{}"),
    link: text("link").notNull(),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
    /** Set when the notification went out in a weekly digest (the user chose the digest for its kind). */
    digestedAt: text("digested_at"),
  },
  (t) => [
    uniqueIndex("notifications_user_event_unique").on(t.userId, t.eventKey),
    index("notifications_user_read_idx").on(t.userId, t.readAt),
  ],
);

export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    channel: text("channel", { enum: DELIVERY_CHANNELS }).notNull(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Small process-independent settings: the secret that signs unsubscribe links, the scheduler's last tick. */
export const appSettings = sqliteTable("app_settings", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
});

export type OutboxRow = typeof outbox.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

// The kinds of notification the portal sends, who receives them, and how a user may choose to get them.
// Zod-free: components import it (the admin outbox, the preference page); the form rules are in notifications.schema.ts.

export const NOTIFICATION_KINDS = [
  "proposal_received",
  "proposal_expiring",
  "checkin_due",
  "checkin_overdue",
  "buddy_accepted",
  "checkin_upcoming",
  "module_assigned",
  "module_due",
  "module_overdue",
  "match_declined",
  "match_expired",
  "newcomer_waiting",
  "action_due",
  "scan_stale",
  "scan_due",
  "weekly_digest",
  "trajectory_followup",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const CHANNELS = ["immediate", "digest", "off"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Mail that is not a notification: it cannot be unsubscribed from and has no preference. */
export const TRANSACTIONAL_KINDS = ["invitation", "password_reset"] as const;

type Role = "admin" | "partner" | "hr" | "employee" | "newcomer";

/** Which kinds a role can receive: the preference page offers only these. */
export const KINDS_BY_ROLE: Record<Role, readonly NotificationKind[]> = {
  admin: [],
  partner: [],
  hr: [
    "match_declined",
    "match_expired",
    "newcomer_waiting",
    "trajectory_followup",
    "action_due",
    "scan_stale",
    "scan_due",
    "weekly_digest",
    "module_assigned",
    "module_due",
    "module_overdue",
  ],
  employee: [
    "proposal_received",
    "proposal_expiring",
    "checkin_due",
    "checkin_overdue",
    "module_assigned",
    "module_due",
    "module_overdue",
    "weekly_digest",
  ],
  newcomer: ["buddy_accepted", "checkin_upcoming", "module_assigned", "module_due", "module_overdue", "weekly_digest"],
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** The digest itself cannot go into the digest: it is sent, or it is off. */
export function channelsFor(kind: NotificationKind): readonly Channel[] {
  return kind === "weekly_digest" ? ["immediate", "off"] : CHANNELS;
}

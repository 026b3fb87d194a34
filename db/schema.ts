import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Timestamps are ISO-8601 strings in UTC: readable in a SQL shell and sortable as text.
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const createdAt = () => text("created_at").notNull().default(now);

export const ORGANISATION_KINDS = ["care_provider", "partner"] as const;
export const COUNTRIES = ["BE", "NL"] as const;
export const SECTORS = [
  "hospital",
  "home_care",
  "elderly_care",
  "mental_health",
  "disability_care",
  "education",
  "programme",
] as const;
export const SIZE_BANDS = ["small", "medium", "large", "very_large"] as const;
export const ROLES = ["admin", "partner", "hr", "employee", "newcomer"] as const;
// "erased": personal fields wiped for good (the row stays so references and anonymous counts hold).
export const USER_STATUSES = ["active", "deactivated", "erased"] as const;

export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    name: text("name").notNull(),
    country: text("country", { enum: COUNTRIES }).notNull(),
    sector: text("sector", { enum: SECTORS }).notNull(),
    sizeBand: text("size_band", { enum: SIZE_BANDS }).notNull(),
    benchmarkConsent: integer("benchmark_consent", { mode: "boolean" }).notNull().default(false),
    requireBuddyTraining: integer("require_buddy_training", { mode: "boolean" }).notNull().default(true),
    requireSameSite: integer("require_same_site", { mode: "boolean" }).notNull().default(false),
    // HR accounts of this organisation must sign in with a second factor (admin and partner always do).
    requireHrSecondFactor: integer("require_hr_second_factor", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("organisations_name_unique").on(t.name)],
);

export const sites = sqliteTable(
  "sites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    city: text("city").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sites_org_name_unique").on(t.organisationId, t.name)],
);

export const departments = sqliteTable(
  "departments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    siteId: integer("site_id").references(() => sites.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("departments_org_site_name_unique").on(t.organisationId, t.siteId, t.name),
    index("departments_org_idx").on(t.organisationId),
  ],
);

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  // Stored lower-cased; uniqueness is on the normalised form.
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  locale: text("locale", { enum: ["nl", "en"] }),
  status: text("status", { enum: USER_STATUSES }).notNull().default("active"),
  createdAt: createdAt(),
  lastLoginAt: text("last_login_at"),
  passwordChangedAt: text("password_changed_at"),
});

// One membership per user for now (a user works for one organisation in one role); the table
// keeps role and scope apart from identity so that can grow without touching users.
export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    departmentId: integer("department_id").references(() => departments.id, { onDelete: "set null" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("memberships_user_unique").on(t.userId), index("memberships_org_idx").on(t.organisationId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    // SHA-256 of the cookie token: a copy of the database does not hand out live sessions.
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    departmentId: integer("department_id").references(() => departments.id, { onDelete: "set null" }),
    role: text("role", { enum: ROLES }).notNull(),
    locale: text("locale", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    invitedByUserId: integer("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    acceptedAt: text("accepted_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("invitations_org_idx").on(t.organisationId)],
);

export const passwordResets = sqliteTable("password_resets", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tokenHash: text("token_hash").notNull().unique(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
});

// Failed sign-in attempts, keyed by "ip:<addr>" or "account:<email hash>", for rate limiting.
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: text("at").notNull(),
  },
  // The window's old attempts are deleted by time at every sign-in (decision 098).
  (t) => [index("login_attempts_key_at_idx").on(t.key, t.at), index("login_attempts_at_idx").on(t.at)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(now),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    // Never personal data itself: ids and field names only.
    detail: text("detail"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_org_at_idx").on(t.organisationId, t.at),
    index("audit_log_action_idx").on(t.action),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type Site = typeof sites.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type UserStatus = (typeof USER_STATUSES)[number];
export type Role = (typeof ROLES)[number];
export type Country = (typeof COUNTRIES)[number];
export type Sector = (typeof SECTORS)[number];
export type SizeBand = (typeof SIZE_BANDS)[number];

// ——— Inclusion scan ———————————————————————————————————————————————————————————————

export const SCAN_STATUSES = ["draft", "submitted"] as const;
export const ACTION_STATUSES = ["open", "in_progress", "done"] as const;

/** One row per instrument version; the version's dimensions and items are immutable once loaded. */
export const instrumentVersions = sqliteTable("instrument_versions", {
  version: integer("version").primaryKey(),
  loadedAt: text("loaded_at").notNull().default(now),
});

export const instrumentDimensions = sqliteTable(
  "instrument_dimensions",
  {
    version: integer("version")
      .notNull()
      .references(() => instrumentVersions.version),
    key: text("key").notNull(),
    number: integer("number").notNull(),
    nameNl: text("name_nl").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionNl: text("description_nl").notNull(),
    descriptionEn: text("description_en").notNull(),
    // JSON array of module keys this dimension recommends.
    moduleKeys: text("module_keys").notNull(),
  },
  (t) => [uniqueIndex("instrument_dimensions_pk").on(t.version, t.key)],
);

export const instrumentItems = sqliteTable(
  "instrument_items",
  {
    version: integer("version")
      .notNull()
      .references(() => instrumentVersions.version),
    key: text("key").notNull(),
    dimensionKey: text("dimension_key").notNull(),
    position: integer("position").notNull(),
    textNl: text("text_nl").notNull(),
    textEn: text("text_en").notNull(),
    helpNl: text("help_nl").notNull(),
    helpEn: text("help_en").notNull(),
    core: integer("core", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex("instrument_items_pk").on(t.version, t.key)],
);

export const scans = sqliteTable(
  "scans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    instrumentVersion: integer("instrument_version")
      .notNull()
      .references(() => instrumentVersions.version),
    period: text("period").notNull(),
    status: text("status", { enum: SCAN_STATUSES }).notNull().default("draft"),
    copiedFromScanId: integer("copied_from_scan_id"),
    startedByUserId: integer("started_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    submittedAt: text("submitted_at"),
    submittedByUserId: integer("submitted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    // Scores are computed at submission and stored unrounded, so comparisons need not recompute.
    overallScore: real("overall_score"),
    overallLevel: integer("overall_level"),
  },
  (t) => [
    uniqueIndex("scans_org_period_unique").on(t.organisationId, t.period),
    index("scans_status_idx").on(t.status, t.organisationId),
  ],
);

export const scanAnswers = sqliteTable(
  "scan_answers",
  {
    scanId: integer("scan_id")
      .notNull()
      .references(() => scans.id, { onDelete: "cascade" }),
    itemKey: text("item_key").notNull(),
    // "0".."4", "dont_know" or "not_applicable"
    value: text("value").notNull(),
    comment: text("comment"),
    answeredByUserId: integer("answered_by_user_id").references(() => users.id, { onDelete: "set null" }),
    answeredAt: text("answered_at").notNull(),
    revision: integer("revision").notNull().default(1),
  },
  (t) => [uniqueIndex("scan_answers_pk").on(t.scanId, t.itemKey)],
);

export const scanDimensionScores = sqliteTable(
  "scan_dimension_scores",
  {
    scanId: integer("scan_id")
      .notNull()
      .references(() => scans.id, { onDelete: "cascade" }),
    dimensionKey: text("dimension_key").notNull(),
    score: real("score"),
    level: integer("level"),
  },
  (t) => [uniqueIndex("scan_dimension_scores_pk").on(t.scanId, t.dimensionKey)],
);

export const actionItems = sqliteTable(
  "action_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    scanId: integer("scan_id")
      .notNull()
      .references(() => scans.id, { onDelete: "cascade" }),
    itemKey: text("item_key"),
    dimensionKey: text("dimension_key").notNull(),
    action: text("action").notNull(),
    // The owner: a person of the organisation (then `owner` stays empty and their current name is shown) or a
    // name typed freely (someone without an account).
    owner: text("owner").notNull(),
    ownerUserId: integer("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: text("due_date"),
    status: text("status", { enum: ACTION_STATUSES }).notNull().default("open"),
    createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(now),
    // Raised by every change; an edit based on an older revision is refused (a colleague's newer edit is kept).
    revision: integer("revision").notNull().default(1),
  },
  (t) => [index("action_items_scan_idx").on(t.scanId)],
);

export type Scan = typeof scans.$inferSelect;
export type ScanAnswer = typeof scanAnswers.$inferSelect;
export type ActionItem = typeof actionItems.$inferSelect;

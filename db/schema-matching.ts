// Buddy matching: newcomer records, buddy profiles, versioned weights, runs, matches, forbidden pairs, check-ins.
// List-valued fields (languages, shifts, interests) are JSON text: they are read whole, never queried inside.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { departments, organisations, sites, users } from "./schema";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const MATCH_STATUSES = [
  "proposed",
  "accepted",
  "declined",
  "expired",
  "withdrawn",
  "active",
  "completed",
  "stopped",
] as const;
export const RUN_STATUSES = ["draft", "sent", "discarded"] as const;
export const BUDDY_STATUSES = ["active", "paused", "inactive"] as const;

/** Kept by HR; optionally linked to a newcomer account. No nationality or origin: languages are what matching needs. */
export const newcomerRecords = sqliteTable(
  "newcomer_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    profession: text("profession").notNull(),
    siteId: integer("site_id").references(() => sites.id, { onDelete: "set null" }),
    departmentId: integer("department_id").references(() => departments.id, { onDelete: "set null" }),
    startDate: text("start_date").notNull(),
    dutchLevel: text("dutch_level").notNull(),
    // JSON [{ code, level }] of languages beside Dutch
    languages: text("languages").notNull().default("[]"),
    shifts: text("shifts").notNull().default("[]"),
    interests: text("interests").notNull().default("[]"),
    buddyGenderPreference: text("buddy_gender_preference"),
    recognitionStatus: text("recognition_status").notNull().default("not_started"),
    notes: text("notes"),
    createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    // Erasure keeps the row (anonymous counts) and empties every personal field.
    erasedAt: text("erased_at"),
  },
  (t) => [
    index("newcomer_records_org_idx").on(t.organisationId),
    uniqueIndex("newcomer_records_user_unique").on(t.userId),
  ],
);

/** An employee's opt-in as a buddy. */
export const buddyProfiles = sqliteTable(
  "buddy_profiles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    profession: text("profession").notNull(),
    siteId: integer("site_id").references(() => sites.id, { onDelete: "set null" }),
    departmentId: integer("department_id").references(() => departments.id, { onDelete: "set null" }),
    dutchLevel: text("dutch_level").notNull(),
    languages: text("languages").notNull().default("[]"),
    shifts: text("shifts").notNull().default("[]"),
    interests: text("interests").notNull().default("[]"),
    gender: text("gender"),
    capacity: integer("capacity").notNull().default(1),
    yearsInOrganisation: integer("years_in_organisation").notNull().default(0),
    ownNewcomerExperience: integer("own_newcomer_experience", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: BUDDY_STATUSES }).notNull().default("active"),
    pausedUntil: text("paused_until"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("buddy_profiles_user_unique").on(t.userId), index("buddy_profiles_org_idx").on(t.organisationId)],
);

/** Each change of an organisation's weights is a new version; runs point at the version they used. */
export const matchingWeights = sqliteTable(
  "matching_weights",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    // JSON { criterion: "off" | "low" | "medium" | "high" }
    levels: text("levels").notNull(),
    createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("matching_weights_org_version_unique").on(t.organisationId, t.version)],
);

/** A snapshot: who was in it, which weights, the chosen pairs with explanations and alternatives, the certificate. */
export const matchingRuns = sqliteTable(
  "matching_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    status: text("status", { enum: RUN_STATUSES }).notNull().default("draft"),
    weightsVersion: integer("weights_version").notNull(),
    weightsLevels: text("weights_levels").notNull(),
    // JSON { newcomerId: buddyProfileId } pinned by HR (lock or override)
    pins: text("pins").notNull().default("{}"),
    // A run HR started from a decline or expiry notice for one newcomer: only that newcomer is matched (decision 075).
    // No foreign key: SQLite cannot add one with ON DELETE to an existing table, and the run is a snapshot anyway.
    onlyNewcomerId: integer("only_newcomer_id"),
    // JSON RunResult (see runs.server.ts)
    result: text("result").notNull().default("{}"),
    matched: integer("matched").notNull().default(0),
    total: integer("total").notNull().default(0),
    certificateOk: integer("certificate_ok", { mode: "boolean" }).notNull().default(false),
    certificateReason: text("certificate_reason"),
    createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    sentAt: text("sent_at"),
  },
  (t) => [index("matching_runs_org_idx").on(t.organisationId, t.createdAt)],
);

/** A proposal and, once accepted, the match itself: one row through its whole life. */
export const matches = sqliteTable(
  "matches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    runId: integer("run_id").references(() => matchingRuns.id, { onDelete: "set null" }),
    newcomerId: integer("newcomer_id")
      .notNull()
      .references(() => newcomerRecords.id, { onDelete: "cascade" }),
    buddyId: integer("buddy_id")
      .notNull()
      .references(() => buddyProfiles.id, { onDelete: "cascade" }),
    status: text("status", { enum: MATCH_STATUSES }).notNull().default("proposed"),
    score: integer("score").notNull().default(0),
    // JSON Contribution[]
    explanation: text("explanation").notNull().default("[]"),
    locked: integer("locked", { mode: "boolean" }).notNull().default(false),
    kept: integer("kept", { mode: "boolean" }).notNull().default(false),
    proposedAt: text("proposed_at").notNull().default(now),
    deadline: text("deadline").notNull(),
    respondedAt: text("responded_at"),
    acceptedAt: text("accepted_at"),
    endedAt: text("ended_at"),
    reason: text("reason"),
    doNotRematch: integer("do_not_rematch", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("matches_org_status_idx").on(t.organisationId, t.status),
    index("matches_buddy_status_idx").on(t.buddyId, t.status),
    index("matches_newcomer_idx").on(t.newcomerId),
    // refreshMatchStates runs on every matching page across all organisations: proposals past their deadline
    // and accepted pairs whose start date came must be found without reading every match (decision 098).
    index("matches_status_deadline_idx").on(t.status, t.deadline),
  ],
);

/** Pairs that may never be proposed again (declined, expired, ended with "do not re-match"). */
export const forbiddenPairs = sqliteTable(
  "forbidden_pairs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    newcomerId: integer("newcomer_id")
      .notNull()
      .references(() => newcomerRecords.id, { onDelete: "cascade" }),
    buddyId: integer("buddy_id")
      .notNull()
      .references(() => buddyProfiles.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("forbidden_pairs_unique").on(t.newcomerId, t.buddyId)],
);

export const CHECKIN_KEYS = ["week1", "week6", "month3", "month6"] as const;

export const checkIns = sqliteTable(
  "check_ins",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    matchId: integer("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    key: text("key", { enum: CHECKIN_KEYS }).notNull(),
    dueDate: text("due_date").notNull(),
    doneAt: text("done_at"),
    note: text("note"),
    doneByUserId: integer("done_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("check_ins_match_key_unique").on(t.matchId, t.key)],
);

export type NewcomerRecord = typeof newcomerRecords.$inferSelect;
export type BuddyProfile = typeof buddyProfiles.$inferSelect;
export type MatchingRun = typeof matchingRuns.$inferSelect;
export type Match = typeof matches.$inferSelect;
export type CheckIn = typeof checkIns.$inferSelect;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

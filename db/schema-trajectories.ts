// Trajectories (docs/decisions/110): one route per newcomer record, from the first day to a job at the
// newcomer's qualification level. Only what the route needs: dated steps from the catalogue
// (db/reference/trajectory-v1.ts), language levels over time, roles, contracts, the outcome and HR's
// follow-up confirmations. No origin or nationality. Erasure deletes all of it and keeps one anonymous row
// of derived figures (trajectory_anonymous_outcomes), not linked to any record.
import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organisations, users } from "./schema";
import { newcomerRecords } from "./schema-matching";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const trajectories = sqliteTable(
  "trajectories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    newcomerRecordId: integer("newcomer_record_id")
      .notNull()
      .references(() => newcomerRecords.id, { onDelete: "cascade" }),
    catalogueVersion: integer("catalogue_version").notNull(),
    currentRole: text("current_role"),
    targetRole: text("target_role"),
    outcome: text("outcome"),
    outcomeDate: text("outcome_date"),
    outcomeReason: text("outcome_reason"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("trajectories_record_unique").on(t.newcomerRecordId),
    index("trajectories_org_idx").on(t.organisationId),
  ],
);

export const trajectorySteps = sqliteTable(
  "trajectory_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    stepKey: text("step_key").notNull(),
    reachedOn: text("reached_on").notNull(), // YYYY-MM-DD
  },
  (t) => [uniqueIndex("trajectory_steps_unique").on(t.trajectoryId, t.stepKey)],
);

export const trajectoryLanguageLevels = sqliteTable(
  "trajectory_language_levels",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    level: text("level").notNull(), // CEFR A1–C2
    measuredOn: text("measured_on").notNull(),
  },
  (t) => [index("trajectory_language_levels_idx").on(t.trajectoryId, t.measuredOn)],
);

export const trajectoryContracts = sqliteTable(
  "trajectory_contracts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    role: text("role").notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
  },
  (t) => [index("trajectory_contracts_idx").on(t.trajectoryId, t.startDate)],
);

/** HR's confirmation of the situation at a follow-up moment (month6, month12, contract-<id>). */
export const trajectoryFollowUps = sqliteTable(
  "trajectory_follow_ups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    moment: text("moment").notNull(),
    situation: text("situation").notNull(),
    confirmedAt: text("confirmed_at").notNull().default(now),
    confirmedByUserId: integer("confirmed_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("trajectory_follow_ups_unique").on(t.trajectoryId, t.moment)],
);

/**
 * What erasure keeps: the derived figures of one erased trajectory, with its organisation and nothing that
 * points at a person (no record id, no dates). Null means "not known" (not counted).
 */
export const trajectoryAnonymousOutcomes = sqliteTable("trajectory_anonymous_outcomes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  organisationId: integer("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  retained6: integer("retained_6", { mode: "boolean" }),
  retained12: integer("retained_12", { mode: "boolean" }),
  atLevel12: integer("at_level_12", { mode: "boolean" }),
  monthsToRecognition: real("months_to_recognition"),
  monthsToLevelContract: real("months_to_level_contract"),
  languageGain: integer("language_gain"),
});

export type Trajectory = typeof trajectories.$inferSelect;
export type TrajectoryStep = typeof trajectorySteps.$inferSelect;
export type TrajectoryContract = typeof trajectoryContracts.$inferSelect;
export type TrajectoryFollowUp = typeof trajectoryFollowUps.$inferSelect;

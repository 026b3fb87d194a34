// The anonymous pulse (docs/decisions/080) and the newcomer's own voice in the journey (docs/decisions/082).
// Anonymity is built into the tables: pulse_responses and pulse_open_answers hold no user, match, department
// or timestamp, and use random primary keys so that not even the physical row order follows arrival order.
// pulse_participations says who answered which occasion (to refuse a second answer) and holds no answer.
// Nothing in one can be joined to the other: the only shared column is the organisation.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organisations, users } from "./schema";
import { buddyProfiles, checkIns } from "./schema-matching";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const PULSE_AUDIENCES = ["newcomer", "buddy"] as const;

/** HR opens a campaign: every active newcomer and buddy of the organisation is invited once. */
export const pulseCampaigns = sqliteTable(
  "pulse_campaigns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    opensOn: text("opens_on").notNull(), // YYYY-MM-DD
    closesOn: text("closes_on").notNull(), // YYYY-MM-DD, inclusive
    openedByUserId: integer("opened_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("pulse_campaigns_org_idx").on(t.organisationId, t.closesOn)],
);

/**
 * One anonymous set of scale answers. `id` is random (not autoincrement), `period` is the half-year
 * ("2026-H2"), `batch` is floor(position / 5) within (organisation, audience, period): results are published
 * only over complete batches, so a figure never changes by fewer than five new answers.
 */
export const pulseResponses = sqliteTable(
  "pulse_responses",
  {
    id: integer("id").primaryKey(),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    audience: text("audience", { enum: PULSE_AUDIENCES }).notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    period: text("period").notNull(),
    batch: integer("batch").notNull(),
    // JSON { itemKey: 1..5 | "dont_know" }
    answers: text("answers").notNull(),
  },
  (t) => [index("pulse_responses_group_idx").on(t.organisationId, t.audience, t.period)],
);

/** The optional open answer, stored apart from the scale answers so the two cannot be matched either. */
export const pulseOpenAnswers = sqliteTable(
  "pulse_open_answers",
  {
    id: integer("id").primaryKey(),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    audience: text("audience", { enum: PULSE_AUDIENCES }).notNull(),
    period: text("period").notNull(),
    batch: integer("batch").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("pulse_open_answers_group_idx").on(t.organisationId, t.audience, t.period)],
);

/** "Has answered": who used which occasion ("match:12:week6", "campaign:3"). No answer, no time. */
export const pulseParticipations = sqliteTable(
  "pulse_participations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    occasion: text("occasion").notNull(),
  },
  (t) => [uniqueIndex("pulse_participations_user_occasion_unique").on(t.userId, t.occasion)],
);

/** The short introduction a buddy writes for the newcomers they are matched with. */
export const buddyIntroductions = sqliteTable("buddy_introductions", {
  buddyProfileId: integer("buddy_profile_id")
    .primaryKey()
    .references(() => buddyProfiles.id, { onDelete: "cascade" }),
  text: text("text").notNull(),
  updatedAt: text("updated_at").notNull().default(now),
});

/** The newcomer's own note on a check-in, and whether they would like to talk; the buddy sees both. */
export const newcomerCheckInNotes = sqliteTable("newcomer_check_in_notes", {
  checkInId: integer("check_in_id")
    .primaryKey()
    .references(() => checkIns.id, { onDelete: "cascade" }),
  note: text("note"),
  wantsToTalk: integer("wants_to_talk", { mode: "boolean" }).notNull().default(false),
  updatedAt: text("updated_at").notNull().default(now),
});

export type PulseAudience = (typeof PULSE_AUDIENCES)[number];
export type PulseCampaign = typeof pulseCampaigns.$inferSelect;
export type PulseResponse = typeof pulseResponses.$inferSelect;

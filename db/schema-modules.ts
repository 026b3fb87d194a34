// Sensitisation modules. The modules capability owns these tables; `module_completions` is also read by
// matching (a buddy is trained once they passed the module with key "being-a-buddy").
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { departments, organisations, users } from "./schema";

/** One row per user and module they passed; the best score is kept when they pass again. */
export const moduleCompletions = sqliteTable(
  "module_completions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    moduleKey: text("module_key").notNull(),
    // Percentage of the knowledge check answered correctly (0–100); passed means ≥ 80.
    score: integer("score_percent").notNull(),
    passedAt: text("passed_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    uniqueIndex("module_completions_user_module_unique").on(t.userId, t.moduleKey),
    index("module_completions_org_module_idx").on(t.organisationId, t.moduleKey),
  ],
);

export type ModuleCompletion = typeof moduleCompletions.$inferSelect;

export const MODULE_AUDIENCES = ["team", "managers", "buddies", "hr", "newcomers"] as const;

/**
 * The module catalogue, loaded from db/content/modules/*.md at every start (db/reference/modules.ts).
 * Texts are stored per language as JSON so the loader can replace them when a file changes; a module whose
 * files disappear is kept (completions and assignments refer to it) but set inactive.
 */
export const modules = sqliteTable("modules", {
  key: text("key").primaryKey(),
  position: integer("position").notNull(),
  audience: text("audience").notNull(), // JSON array of MODULE_AUDIENCES
  durationMinutes: integer("duration_minutes").notNull(),
  dimensions: text("dimensions").notNull(), // JSON array of scan dimension keys
  // JSON: { title, summary, sections: [{ heading, html }], quiz: [{ question, options: [{ text, feedback }] }] }
  contentNl: text("content_nl").notNull(),
  contentEn: text("content_en").notNull(),
  // JSON: per question, the index of the correct option (language-neutral, from the .nl.md file).
  answerKey: text("answer_key").notNull(),
  sourceHash: text("source_hash").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  updatedAt: text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});

/** HR assigns a module to one department, or to every department when departmentId is null. */
export const moduleAssignments = sqliteTable(
  "module_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    departmentId: integer("department_id").references(() => departments.id, { onDelete: "cascade" }),
    moduleKey: text("module_key")
      .notNull()
      .references(() => modules.key),
    dueDate: text("due_date").notNull(), // YYYY-MM-DD
    assignedByUserId: integer("assigned_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [index("module_assignments_org_idx").on(t.organisationId, t.moduleKey)],
);

/** Reading progress and knowledge-check attempts of one user in one module. */
export const moduleProgress = sqliteTable(
  "module_progress",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleKey: text("module_key")
      .notNull()
      .references(() => modules.key),
    // JSON array of section indexes (0-based) the user has read.
    sectionsRead: text("sections_read").notNull().default("[]"),
    attempts: integer("attempts").notNull().default(0),
    lastScore: integer("last_score_percent"),
    startedAt: text("started_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    updatedAt: text("updated_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [uniqueIndex("module_progress_user_module_unique").on(t.userId, t.moduleKey)],
);

export type ModuleRow = typeof modules.$inferSelect;
export type ModuleAssignment = typeof moduleAssignments.$inferSelect;
export type ModuleProgress = typeof moduleProgress.$inferSelect;

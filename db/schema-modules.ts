// Sensitisation modules. The modules capability owns these tables; `module_completions` is also read by
// matching (a buddy is trained once they passed the module with key "being-a-buddy").
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organisations, users } from "./schema";

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
    passedAt: text("passed_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    uniqueIndex("module_completions_user_module_unique").on(t.userId, t.moduleKey),
    index("module_completions_org_module_idx").on(t.organisationId, t.moduleKey),
  ],
);

export type ModuleCompletion = typeof moduleCompletions.$inferSelect;

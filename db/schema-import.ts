// Import of sites, departments and people (issue 15): an uploaded file is parsed once and kept here as a batch,
// so the confirmation applies exactly what the preview showed and trusts nothing the browser sends back but the
// batch id and the ticked deactivations (docs/decisions/101).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { invitations, organisations, users } from "./schema";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const IMPORT_STATUSES = ["previewed", "applied", "discarded"] as const;

export const importBatches = sqliteTable(
  "import_batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the uploaded bytes. */
    fileHash: text("file_hash").notNull(),
    fileKind: text("file_kind", { enum: ["csv", "xlsx"] }).notNull(),
    /** JSON: the parsed rows (ImportRow[]) and the ignored columns — the file itself is not kept. */
    rows: text("rows").notNull(),
    /** SHA-256 of the plan the preview showed; applying recomputes the plan and refuses when it differs. */
    planHash: text("plan_hash").notNull(),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("previewed"),
    appliedAt: text("applied_at"),
    appliedByUserId: integer("applied_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** JSON counts of what applying did. */
    summary: text("summary"),
  },
  (t) => [index("import_batches_org_idx").on(t.organisationId, t.id)],
);

/** The invitations an applied batch sent, so its page can count their mails' progress in the outbox. */
export const importInvitations = sqliteTable(
  "import_invitations",
  {
    batchId: integer("batch_id")
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    invitationId: integer("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.invitationId] })],
);

export type ImportBatch = typeof importBatches.$inferSelect;

// The second factor (TOTP, RFC 6238) and the half-signed-in state between password and code.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./schema";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const secondFactors = sqliteTable("second_factors", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  // AES-256-GCM with a key kept outside the database (decision 050): a copy of the file alone yields no secret.
  secretSealed: text("secret_sealed").notNull(),
  // Null while enrolment waits for the first code; only confirmed factors are asked for at sign-in.
  confirmedAt: text("confirmed_at"),
  // The last accepted 30-second step: a code is accepted once, never replayed.
  lastUsedStep: integer("last_used_step"),
  createdAt: text("created_at").notNull().default(now),
});

export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // argon2id: a 50-bit code is too short for a plain hash (ASVS 5.0 6.5.2).
    codeHash: text("code_hash").notNull(),
    usedAt: text("used_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export const SIGN_IN_CHALLENGE_PURPOSES = ["verify", "enrol"] as const;

// Password accepted, code pending: deliberately not a session row, so nothing that reads sessions can treat it as one.
export const signInChallenges = sqliteTable(
  "sign_in_challenges",
  {
    // SHA-256 of the cookie token.
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: SIGN_IN_CHALLENGE_PURPOSES }).notNull(),
    redirectTo: text("redirect_to"),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sign_in_challenges_user_idx").on(t.userId), index("sign_in_challenges_expires_idx").on(t.expiresAt)],
);

export type SecondFactor = typeof secondFactors.$inferSelect;
export type SignInChallenge = typeof signInChallenges.$inferSelect;

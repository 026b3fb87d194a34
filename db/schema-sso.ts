// Single sign-on per organisation with OpenID Connect (issue 15; docs/decisions/105–109): the organisation's
// provider, the e-mail domains that lead to it, the short-lived state of a sign-in in progress, and the link
// between a provider's subject and a portal account.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { departments, organisations, sessions, users } from "./schema";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** One provider per organisation; the row existing means sign-in with the organisation is on. */
export const ssoConfigurations = sqliteTable("sso_configurations", {
  organisationId: integer("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  // The issuer identifier exactly as discovery confirmed it (the `iss` every ID token must carry).
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  // AES-256-GCM under the key outside the database (decision 050), bound to the organisation.
  clientSecretSealed: text("client_secret_sealed").notNull(),
  // Password sign-in and reset are refused for the organisation's members, except the break-glass account.
  requireSso: integer("require_sso", { mode: "boolean" }).notNull().default(false),
  breakGlassUserId: integer("break_glass_user_id").references(() => users.id, { onDelete: "set null" }),
  // A just-in-time account lands in the department named by this claim, else in the default department.
  departmentClaim: text("department_claim"),
  defaultDepartmentId: integer("default_department_id").references(() => departments.id, { onDelete: "set null" }),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
});

/** A domain belongs to at most one organisation: the primary key refuses a second claim. */
export const ssoDomains = sqliteTable(
  "sso_domains",
  {
    domain: text("domain").primaryKey(),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [index("sso_domains_org_idx").on(t.organisationId)],
);

/** A sign-in on its way to the provider: single use (deleted when the callback reads it), ten minutes. */
export const ssoLoginStates = sqliteTable(
  "sso_login_states",
  {
    // SHA-256 of the `state` parameter; the browser that started the sign-in holds the same value in a cookie.
    id: text("id").primaryKey(),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    // Sealed like the client secret: a copy of the database cannot finish someone's sign-in.
    nonceSealed: text("nonce_sealed").notNull(),
    codeVerifierSealed: text("code_verifier_sealed").notNull(),
    redirectTo: text("redirect_to"),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sso_login_states_expires_idx").on(t.expiresAt)],
);

/** A provider's subject (`iss` + `sub`) is one portal account; found first at every later sign-in. */
export const ssoIdentities = sqliteTable(
  "sso_identities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull().default(now),
    lastSignInAt: text("last_sign_in_at"),
  },
  (t) => [
    uniqueIndex("sso_identities_subject_unique").on(t.issuer, t.subject),
    uniqueIndex("sso_identities_user_unique").on(t.userId),
  ],
);

/** Portal sessions opened through the provider, for RP-initiated logout (the ID token is the logout hint). */
export const ssoSessions = sqliteTable("sso_sessions", {
  // The session row's id (SHA-256 of its cookie); the row goes when the session goes.
  sessionId: text("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  organisationId: integer("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  idTokenSealed: text("id_token_sealed").notNull(),
  createdAt: text("created_at").notNull().default(now),
});

export type SsoConfiguration = typeof ssoConfigurations.$inferSelect;
export type SsoIdentity = typeof ssoIdentities.$inferSelect;

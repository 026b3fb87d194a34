// Small factories for the rows a test needs (decision 091; Epic Stack's tests/db-utils.ts is the model): a test
// that needs one organisation with two HR users and a scan makes exactly that, with names of its own, instead of
// leaning on the demo seed. Each call makes new rows with unique names, so tests never meet each other's rows.
// They write with the file's connection (getDb()) unless given another, e.g. one opened on a test server's file.
import { hash } from "@node-rs/argon2";
import type { PortalDb } from "@db/client";
import { INSTRUMENT_V1 } from "@db/reference/instrument-v1";
import { departments, memberships, organisations, scanAnswers, scans, users, type Role } from "@db/schema";
import type { AnswerValue } from "~/features/scan/scoring";
import { getDb } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";

let sequence = 0;
/** A suffix no other factory call in this process has used. */
export function unique(): string {
  sequence += 1;
  return `${process.pid.toString(36)}${sequence.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Every item of instrument version 1, in instrument order (8 dimensions × 5 items). */
export const ITEM_KEYS: readonly string[] = INSTRUMENT_V1.dimensions.flatMap((d) => d.items.map((i) => i.key));
export const DIMENSION_KEYS: readonly string[] = INSTRUMENT_V1.dimensions.map((d) => d.key);

export type OrganisationValues = Partial<typeof organisations.$inferInsert>;

export function createOrganisation(
  values: OrganisationValues = {},
  db: PortalDb = getDb(),
): { id: number; name: string } {
  const name = values.name ?? `Zorghuis ${unique()}`;
  return db
    .insert(organisations)
    .values({ kind: "care_provider", country: "BE", sector: "hospital", sizeBand: "medium", ...values, name })
    .returning({ id: organisations.id, name: organisations.name })
    .get();
}

export function createDepartment(
  organisationId: number,
  name = `Afdeling ${unique()}`,
  db: PortalDb = getDb(),
): { id: number; name: string } {
  return db
    .insert(departments)
    .values({ organisationId, name })
    .returning({ id: departments.id, name: departments.name })
    .get();
}

export type UserValues = {
  role: Role;
  organisationId: number | null;
  departmentId?: number | null;
  name?: string;
  email?: string;
  locale?: "nl" | "en" | null;
  /** A password to sign in with through the login form; without one the user signs in by `cookie()` only. */
  password?: string;
};

export type CreatedUser = { id: number; email: string; name: string; role: Role; organisationId: number | null };

const hashes = new Map<string, Promise<string>>();
/** argon2 is slow on purpose: one hash per distinct password per process. */
function passwordHash(password: string): Promise<string> {
  let pending = hashes.get(password);
  if (!pending) {
    pending = hash(password);
    hashes.set(password, pending);
  }
  return pending;
}

function insertUser(values: UserValues, hashed: string | null, db: PortalDb): CreatedUser {
  const tag = unique();
  const email = (values.email ?? `${values.role}.${tag}@factory.example`).toLowerCase();
  const name = values.name ?? `${values.role === "hr" ? "HR" : "Persoon"} ${tag}`;
  return db.transaction((tx) => {
    const user = tx
      .insert(users)
      .values({ email, name, passwordHash: hashed, locale: values.locale ?? "nl" })
      .returning({ id: users.id })
      .get();
    tx.insert(memberships)
      .values({
        userId: user.id,
        organisationId: values.organisationId,
        departmentId: values.departmentId ?? null,
        role: values.role,
      })
      .run();
    return { id: user.id, email, name, role: values.role, organisationId: values.organisationId };
  });
}

/** A user with a membership; without a password (sign in with `cookieOf`). */
export function createUser(values: UserValues & { password?: undefined }, db: PortalDb = getDb()): CreatedUser {
  return insertUser(values, null, db);
}

/** A user who can sign in through the login form with the given password. */
export async function createUserWithPassword(
  values: UserValues & { password: string },
  db: PortalDb = getDb(),
): Promise<CreatedUser> {
  return insertUser(values, await passwordHash(values.password), db);
}

/** A session cookie ("portal_session=…") for a user of this file's database, made the way a sign-in makes it. */
export function cookieOf(user: { id: number }): string {
  return createSession(user.id).split(";")[0] ?? "";
}

export type ScanValues = {
  organisationId: number;
  period?: string;
  /** Answers by item key; each stored as revision 1 by `answeredBy`. */
  answers?: Readonly<Record<string, AnswerValue>>;
  /** Comments by item key, for answered items. */
  comments?: Readonly<Record<string, string>>;
  answeredBy?: number | null;
  startedBy?: number | null;
};

/** A draft scan of instrument version 1 with the given answers already saved (the way autosave stores them). */
export function createDraftScan(values: ScanValues, db: PortalDb = getDb()): { id: number; period: string } {
  const period = values.period ?? "2030";
  return db.transaction((tx) => {
    const scan = tx
      .insert(scans)
      .values({
        organisationId: values.organisationId,
        instrumentVersion: INSTRUMENT_V1.version,
        period,
        startedByUserId: values.startedBy ?? values.answeredBy ?? null,
      })
      .returning({ id: scans.id })
      .get();
    const at = new Date().toISOString();
    for (const [itemKey, value] of Object.entries(values.answers ?? {})) {
      tx.insert(scanAnswers)
        .values({
          scanId: scan.id,
          itemKey,
          value,
          comment: values.comments?.[itemKey] ?? null,
          answeredByUserId: values.answeredBy ?? null,
          answeredAt: at,
        })
        .run();
    }
    return { id: scan.id, period };
  });
}

/** The same answer for every item, or per item from a function of its key. */
export function answersForAll(
  value: AnswerValue | ((itemKey: string, index: number) => AnswerValue),
): Record<string, AnswerValue> {
  return Object.fromEntries(ITEM_KEYS.map((key, i) => [key, typeof value === "function" ? value(key, i) : value]));
}

/** A care organisation of its own with two HR users (a scan is shared work) and an employee. */
export function createCareOrganisation(values: OrganisationValues = {}, db: PortalDb = getDb()) {
  const organisation = createOrganisation(values, db);
  const department = createDepartment(organisation.id, "Geriatrie", db);
  const tag = unique();
  const hr = createUser({ role: "hr", organisationId: organisation.id, name: `Hanne Verbruggen ${tag}` }, db);
  const hr2 = createUser({ role: "hr", organisationId: organisation.id, name: `Youssef Amrani ${tag}` }, db);
  const employee = createUser(
    { role: "employee", organisationId: organisation.id, departmentId: department.id, name: `Eline Claes ${tag}` },
    db,
  );
  return { organisation, department, hr, hr2, employee };
}

import { and, asc, count, eq, isNull, gt } from "drizzle-orm";
import { departments, invitations, memberships, organisations, sites, users } from "@db/schema";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { fail, ok, type Failure, type Outcome } from "~/utils/use-case";
import type { OrganisationInput } from "./organisation.schema";

type Actor = { id: number; organisationId: number | null };

export function listOrganisations() {
  const db = getDb();
  const memberCounts = db
    .select({ organisationId: memberships.organisationId, n: count() })
    .from(memberships)
    .groupBy(memberships.organisationId)
    .all();
  const byOrg = new Map(memberCounts.map((r) => [r.organisationId, r.n]));
  return db
    .select()
    .from(organisations)
    .orderBy(asc(organisations.kind), asc(organisations.name))
    .all()
    .map((o) => ({ ...o, members: byOrg.get(o.id) ?? 0 }));
}

export function getOrganisation(id: number) {
  const db = getDb();
  const organisation = db.select().from(organisations).where(eq(organisations.id, id)).get();
  if (!organisation) return null;
  return { organisation, ...getStructure(id) };
}

/** Sites with their departments, for one organisation only. */
export function getStructure(organisationId: number) {
  const db = getDb();
  const siteRows = db
    .select()
    .from(sites)
    .where(eq(sites.organisationId, organisationId))
    .orderBy(asc(sites.name))
    .all();
  const departmentRows = db
    .select()
    .from(departments)
    .where(eq(departments.organisationId, organisationId))
    .orderBy(asc(departments.name))
    .all();
  const organisation = db
    .select({ name: organisations.name, benchmarkConsent: organisations.benchmarkConsent })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
  // Whether partners see the organisation by name in the benchmark (its consent), for the HR page to say so.
  return {
    sites: siteRows,
    departments: departmentRows,
    organisationName: organisation?.name ?? "",
    partnersSeeName: organisation?.benchmarkConsent ?? false,
  };
}

const nameRefused = (): Failure => fail("invalid", "common.formErrors", { fields: { name: ["validation.nameTaken"] } });

function nameTaken(name: string, exceptId?: number): boolean {
  const row = getDb().select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get();
  return Boolean(row && row.id !== exceptId);
}

export function createOrganisation(actor: Actor, input: OrganisationInput): Outcome<{ id: number }> {
  if (nameTaken(input.name)) return nameRefused();
  const row = getDb().insert(organisations).values(input).returning({ id: organisations.id }).get();
  audit({
    actorUserId: actor.id,
    organisationId: row.id,
    action: "organisation.created",
    entityType: "organisation",
    entityId: row.id,
  });
  return ok({ id: row.id });
}

/** The platform admin edits any organisation: `id` is the one on the page (the admin's scope is the platform). */
export function updateOrganisation(actor: Actor, { id, ...input }: OrganisationInput & { id: number }): Outcome {
  if (nameTaken(input.name, id)) return nameRefused();
  getDb()
    .update(organisations)
    .set({ ...input, updatedAt: new Date().toISOString() })
    .where(eq(organisations.id, id))
    .run();
  audit({
    actorUserId: actor.id,
    organisationId: id,
    action: "organisation.updated",
    entityType: "organisation",
    entityId: id,
    detail: { fields: Object.keys(input) },
  });
  return ok();
}

export function addSite(
  actor: Actor,
  { organisationId, ...input }: { organisationId: number; name: string; city: string },
): Outcome {
  const db = getDb();
  const exists = db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.organisationId, organisationId), eq(sites.name, input.name)))
    .get();
  if (exists) return nameRefused();
  const row = db
    .insert(sites)
    .values({ organisationId, ...input })
    .returning({ id: sites.id })
    .get();
  audit({ actorUserId: actor.id, organisationId, action: "site.created", entityType: "site", entityId: row.id });
  return ok();
}

export function addDepartment(
  actor: Actor,
  { organisationId, ...input }: { organisationId: number; name: string; siteId: number | null },
): Outcome {
  const db = getDb();
  if (input.siteId != null) {
    const site = db
      .select()
      .from(sites)
      .where(and(eq(sites.id, input.siteId), eq(sites.organisationId, organisationId)))
      .get();
    if (!site) return fail("invalid", "common.formErrors", { fields: { siteId: ["validation.invalidChoice"] } });
  }
  const sameName = db
    .select({ id: departments.id, siteId: departments.siteId })
    .from(departments)
    .where(and(eq(departments.organisationId, organisationId), eq(departments.name, input.name)))
    .all()
    .some((d) => d.siteId === input.siteId);
  if (sameName) return nameRefused();
  const row = db
    .insert(departments)
    .values({ organisationId, ...input })
    .returning({ id: departments.id })
    .get();
  audit({
    actorUserId: actor.id,
    organisationId,
    action: "department.created",
    entityType: "department",
    entityId: row.id,
  });
  return ok();
}

export function platformStats(now = new Date()) {
  const db = getDb();
  const orgs = db
    .select({ kind: organisations.kind, n: count() })
    .from(organisations)
    .groupBy(organisations.kind)
    .all();
  const activeUsers = db.select({ n: count() }).from(users).where(eq(users.status, "active")).get()?.n ?? 0;
  const pending =
    db
      .select({ n: count() })
      .from(invitations)
      .where(
        and(
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now.toISOString()),
        ),
      )
      .get()?.n ?? 0;
  return {
    careProviders: orgs.find((o) => o.kind === "care_provider")?.n ?? 0,
    partners: orgs.find((o) => o.kind === "partner")?.n ?? 0,
    activeUsers,
    pendingInvitations: pending,
  };
}

export function organisationStats(organisationId: number) {
  const db = getDb();
  const siteCount = db.select({ n: count() }).from(sites).where(eq(sites.organisationId, organisationId)).get()?.n ?? 0;
  const departmentCount =
    db.select({ n: count() }).from(departments).where(eq(departments.organisationId, organisationId)).get()?.n ?? 0;
  const people =
    db.select({ n: count() }).from(memberships).where(eq(memberships.organisationId, organisationId)).get()?.n ?? 0;
  return { sites: siteCount, departments: departmentCount, people };
}

/** The name of the signed-in person's department, looked up within their own organisation only. */
export function departmentName(user: { organisationId: number; departmentId: number | null }): string | null {
  if (user.departmentId == null) return null;
  const row = getDb()
    .select({ name: departments.name })
    .from(departments)
    .where(and(eq(departments.id, user.departmentId), eq(departments.organisationId, user.organisationId)))
    .get();
  return row?.name ?? null;
}

// The admin's single sign-on settings of one organisation (issue 15). Saving checks the provider first
// (discovery must answer with valid metadata for the same issuer); a refused save writes nothing.
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { departments, memberships, organisations, users, type Role } from "@db/schema";
import { ssoConfigurations, ssoDomains } from "@db/schema-sso";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { publicUrl } from "~/utils/env.server";
import { seal } from "~/utils/secret-box.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import { discover, forgetProvider, ProviderError } from "./oidc.server";
import { secretContext, storedClientSecret } from "./sso-store.server";
import type { SsoSettingsInput } from "./sso.schema";

type Admin = { id: number; role: Role };

export function ssoRedirectUri(): string {
  return `${publicUrl()}/login/sso/callback`;
}

export type SsoSettingsView = {
  organisation: { id: number; name: string };
  configured: boolean;
  issuer: string;
  clientId: string;
  domains: string[];
  requireSso: boolean;
  breakGlassUserId: number | null;
  departmentClaim: string | null;
  defaultDepartmentId: number | null;
  updatedAt: string | null;
  redirectUri: string;
  /** Who may be the break-glass account: the organisation's active HR members. */
  candidates: { id: number; name: string; email: string }[];
  departments: { id: number; name: string }[];
};

function careProvider(organisationId: number) {
  return getDb()
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
}

function hrCandidates(organisationId: number) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "hr"), eq(users.status, "active")))
    .orderBy(asc(users.name))
    .all();
}

function departmentsOf(organisationId: number) {
  return getDb()
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.organisationId, organisationId))
    .orderBy(asc(departments.name))
    .all();
}

function domainsOf(organisationId: number): string[] {
  return getDb()
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(eq(ssoDomains.organisationId, organisationId))
    .orderBy(asc(ssoDomains.domain))
    .all()
    .map((r) => r.domain);
}

export function getSsoSettings(user: Admin, input: { organisationId: number }): Outcome<SsoSettingsView> {
  if (user.role !== "admin") return fail("forbidden", "errors.forbidden");
  const organisation = careProvider(input.organisationId);
  if (!organisation) return fail("not_found", "errors.notFound");
  const config = getDb()
    .select()
    .from(ssoConfigurations)
    .where(eq(ssoConfigurations.organisationId, organisation.id))
    .get();
  return ok({
    organisation: { id: organisation.id, name: organisation.name },
    configured: Boolean(config),
    issuer: config?.issuer ?? "",
    clientId: config?.clientId ?? "",
    domains: domainsOf(organisation.id),
    requireSso: config?.requireSso ?? false,
    breakGlassUserId: config?.breakGlassUserId ?? null,
    departmentClaim: config?.departmentClaim ?? null,
    defaultDepartmentId: config?.defaultDepartmentId ?? null,
    updatedAt: config?.updatedAt ?? null,
    redirectUri: ssoRedirectUri(),
    candidates: hrCandidates(organisation.id),
    departments: departmentsOf(organisation.id),
  });
}

function claimedElsewhere(domains: readonly string[], organisationId: number): string | null {
  if (domains.length === 0) return null;
  const row = getDb()
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(and(inArray(ssoDomains.domain, [...domains]), ne(ssoDomains.organisationId, organisationId)))
    .orderBy(asc(ssoDomains.domain))
    .get();
  return row?.domain ?? null;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Error &&
    "code" in error &&
    (error.code === "SQLITE_CONSTRAINT_PRIMARYKEY" || error.code === "SQLITE_CONSTRAINT_UNIQUE")
  );
}

export async function saveSsoSettings(
  user: Admin,
  input: SsoSettingsInput & { organisationId: number },
): Promise<Outcome<{ created: boolean }>> {
  if (user.role !== "admin") return fail("forbidden", "errors.forbidden");
  const organisation = careProvider(input.organisationId);
  if (!organisation) return fail("not_found", "errors.notFound");
  if (organisation.kind !== "care_provider") return fail("invalid", "sso.errors.careProvidersOnly");
  const db = getDb();
  const existing = db
    .select()
    .from(ssoConfigurations)
    .where(eq(ssoConfigurations.organisationId, organisation.id))
    .get();

  // Cheap checks first, so a refused form does not cost a round trip to the provider.
  if (!input.clientSecret && !existing)
    return fail("invalid", "sso.errors.checkFields", { fields: { clientSecret: ["validation.required"] } });
  const taken = claimedElsewhere(input.domains, organisation.id);
  if (taken)
    return fail("conflict", "sso.errors.domainTaken", {
      params: { domain: taken },
      fields: { domains: ["sso.validation.domainTaken"] },
    });
  if (input.breakGlassUserId !== null && !hrCandidates(organisation.id).some((c) => c.id === input.breakGlassUserId)) {
    return fail("invalid", "sso.errors.checkFields", { fields: { breakGlassUserId: ["validation.invalidChoice"] } });
  }
  if (input.requireSso && input.breakGlassUserId === null) {
    return fail("invalid", "sso.errors.checkFields", {
      fields: { breakGlassUserId: ["sso.validation.breakGlassRequired"] },
    });
  }
  if (
    input.defaultDepartmentId !== null &&
    !departmentsOf(organisation.id).some((d) => d.id === input.defaultDepartmentId)
  ) {
    return fail("invalid", "sso.errors.checkFields", { fields: { defaultDepartmentId: ["validation.invalidChoice"] } });
  }

  // The provider must answer now: a configuration nobody can sign in with is not saved.
  const secretSealed = input.clientSecret
    ? seal(input.clientSecret, secretContext(organisation.id))
    : (existing?.clientSecretSealed ?? "");
  const clientSecret = input.clientSecret ?? storedClientSecret(organisation.id);
  if (clientSecret === null)
    return fail("invalid", "sso.errors.checkFields", { fields: { clientSecret: ["sso.validation.secretUnreadable"] } });
  let issuer: string;
  try {
    const config = await discover({ issuer: input.issuer, clientId: input.clientId, clientSecret });
    issuer = config.serverMetadata().issuer;
  } catch (error) {
    const problem = error instanceof ProviderError ? error.problem : "garbage";
    const message = problem === "unreachable" ? "sso.validation.issuerUnreachable" : "sso.validation.issuerGarbage";
    audit({
      actorUserId: user.id,
      organisationId: organisation.id,
      action: "sso.configuration_refused",
      entityType: "organisation",
      entityId: organisation.id,
      detail: { problem },
    });
    return fail("invalid", "sso.errors.checkFields", { fields: { issuer: [message] } });
  }

  const now = new Date().toISOString();
  const values = {
    issuer,
    clientId: input.clientId,
    clientSecretSealed: secretSealed,
    requireSso: input.requireSso,
    breakGlassUserId: input.breakGlassUserId,
    departmentClaim: input.departmentClaim,
    defaultDepartmentId: input.defaultDepartmentId,
    updatedAt: now,
  };
  try {
    db.transaction(
      (tx) => {
        tx.insert(ssoConfigurations)
          .values({ organisationId: organisation.id, ...values })
          .onConflictDoUpdate({ target: ssoConfigurations.organisationId, set: values })
          .run();
        tx.delete(ssoDomains).where(eq(ssoDomains.organisationId, organisation.id)).run();
        // Another organisation may have claimed a domain since the check above: the primary key refuses it.
        for (const domain of input.domains)
          tx.insert(ssoDomains).values({ domain, organisationId: organisation.id }).run();
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = claimedElsewhere(input.domains, organisation.id) ?? input.domains[0] ?? "";
    return fail("conflict", "sso.errors.domainTaken", {
      params: { domain: raced },
      fields: { domains: ["sso.validation.domainTaken"] },
    });
  }
  forgetProvider(organisation.id);
  const changed = existing
    ? (
        ["issuer", "clientId", "requireSso", "breakGlassUserId", "departmentClaim", "defaultDepartmentId"] as const
      ).filter((k) => existing[k] !== values[k])
    : [];
  audit({
    actorUserId: user.id,
    organisationId: organisation.id,
    action: existing ? "sso.configuration_updated" : "sso.configuration_created",
    entityType: "organisation",
    entityId: organisation.id,
    detail: {
      fields: [...changed, ...(input.clientSecret ? ["clientSecret"] : [])],
      domains: input.domains,
      requireSso: input.requireSso,
    },
  });
  return ok({ created: !existing });
}

export function removeSsoSettings(user: Admin, input: { organisationId: number }): Outcome {
  if (user.role !== "admin") return fail("forbidden", "errors.forbidden");
  const organisation = careProvider(input.organisationId);
  if (!organisation) return fail("not_found", "errors.notFound");
  const db = getDb();
  const removed = db.transaction(
    (tx) => {
      tx.delete(ssoDomains).where(eq(ssoDomains.organisationId, organisation.id)).run();
      return (
        tx.delete(ssoConfigurations).where(eq(ssoConfigurations.organisationId, organisation.id)).run().changes > 0
      );
    },
    { behavior: "immediate" },
  );
  if (!removed) return fail("not_found", "sso.errors.notConfigured");
  forgetProvider(organisation.id);
  audit({
    actorUserId: user.id,
    organisationId: organisation.id,
    action: "sso.configuration_removed",
    entityType: "organisation",
    entityId: organisation.id,
  });
  return ok();
}

// Reads of the single sign-on tables that several use cases share (settings, sign-in, password policy).
import { eq } from "drizzle-orm";
import { memberships, users } from "@db/schema";
import { ssoConfigurations, ssoDomains, type SsoConfiguration } from "@db/schema-sso";
import { getDb } from "~/utils/db.server";
import { unseal } from "~/utils/secret-box.server";
import { emailDomain, passwordAllowed } from "./sso-rules";

export const secretContext = (organisationId: number) => `sso-client-secret:${organisationId}`;

export function configurationOf(organisationId: number): SsoConfiguration | null {
  return (
    getDb().select().from(ssoConfigurations).where(eq(ssoConfigurations.organisationId, organisationId)).get() ?? null
  );
}

/** The organisation whose domain the address is in, with its configuration; null when no organisation claims it. */
export function configurationForEmail(email: string): SsoConfiguration | null {
  const domain = emailDomain(email);
  if (!domain) return null;
  const row = getDb()
    .select({ organisationId: ssoDomains.organisationId })
    .from(ssoDomains)
    .where(eq(ssoDomains.domain, domain))
    .get();
  return row ? configurationOf(row.organisationId) : null;
}

/** The stored client secret, or null when it cannot be unsealed (another key, or a moved row). */
export function storedClientSecret(organisationId: number): string | null {
  const config = configurationOf(organisationId);
  return config ? unseal(config.clientSecretSealed, secretContext(organisationId)) : null;
}

/**
 * The organisation that refuses a password for this address because the address is in one of its domains and it
 * requires SSO (decision 108); null when a password may be used. The domain is public through the sign-in form,
 * so answering this before any password check tells nobody anything new. The break-glass account is the exception.
 */
export function ssoRequiredForDomain(email: string, accountId: number | null): number | null {
  const config = configurationForEmail(email);
  return config && !passwordAllowed(config, accountId) ? config.organisationId : null;
}

/** The same for a member whose address is outside the domains: asked only once the password is known to be right. */
export function ssoRequiredForMember(userId: number, organisationId: number | null): number | null {
  if (organisationId == null) return null;
  const config = configurationOf(organisationId);
  return config && !passwordAllowed(config, userId) ? config.organisationId : null;
}

/**
 * The organisation that refuses a portal password to an invitee: the one whose domain the address is in, or the
 * inviting organisation, when it requires SSO (decision 104). An invitee has no account yet, so is never the
 * break-glass one; the invitation is accepted at the first sign-in through the provider instead.
 */
export function ssoRequiredForInvitation(email: string, organisationId: number | null): number | null {
  const byDomain = ssoRequiredForDomain(email, null);
  if (byDomain !== null) return byDomain;
  const config = organisationId == null ? null : configurationOf(organisationId);
  return config?.requireSso ? config.organisationId : null;
}

export function accountIdForEmail(email: string): { id: number; organisationId: number | null } | null {
  return (
    getDb()
      .select({ id: users.id, organisationId: memberships.organisationId })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(users.email, email))
      .get() ?? null
  );
}

export function domainsOfOrganisation(organisationId: number): string[] {
  return getDb()
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(eq(ssoDomains.organisationId, organisationId))
    .all()
    .map((r) => r.domain)
    .sort();
}

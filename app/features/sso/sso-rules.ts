// The pure rules of single sign-on: which issuers and domains are acceptable, what an ID token's claims say about
// the person, which department a new account lands in, and who may still use a password. No IO here.

export const MAX_DOMAINS = 20;

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A bare domain, lower-cased; a leading "@" is forgiven. Null when it is not a domain name. */
export function normaliseDomain(value: string): string | null {
  const domain = value.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
  return DOMAIN.test(domain) ? domain : null;
}

export type DomainList = { ok: true; domains: string[] } | { ok: false; problem: "empty" | "invalid" | "too_many" };

/** The domains typed one per line, or separated by commas, semicolons or spaces; duplicates collapse. */
export function parseDomainList(text: string): DomainList {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, problem: "empty" };
  const domains = new Set<string>();
  for (const part of parts) {
    const domain = normaliseDomain(part);
    if (!domain) return { ok: false, problem: "invalid" };
    domains.add(domain);
  }
  if (domains.size > MAX_DOMAINS) return { ok: false, problem: "too_many" };
  return { ok: true, domains: [...domains].sort() };
}

/** The domain part of an e-mail address, lower-cased, or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1) return null;
  return normaliseDomain(email.slice(at + 1));
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * An issuer is an https URL without query or fragment (OpenID Connect Discovery 1.0, section 2). Plain http is
 * accepted only on the machine itself (a provider in the tests or on a developer's laptop), never over a network.
 */
export function issuerProblem(value: string): "not_url" | "not_https" | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "not_url";
  }
  if (url.search || url.hash || url.username || url.password) return "not_url";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:") return LOOPBACK.has(url.hostname) ? null : "not_https";
  return "not_url";
}

export function isLoopbackHttp(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    return url.protocol === "http:" && LOOPBACK.has(url.hostname);
  } catch {
    return false;
  }
}

export type Claims = Record<string, unknown>;

export type ProviderIdentity = {
  subject: string;
  email: string;
  /** true or false when the provider says so, null when it does not (Entra ID usually does not). */
  emailVerified: boolean | null;
  name: string;
  department: string | null;
};

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]{1,253}$/;

function stringClaim(claims: Claims, key: string, max = 254): string | null {
  const value = claims[key];
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= max ? trimmed : null;
}

/**
 * Who the ID token says the person is. The address comes from `email`, or from `preferred_username` when that is
 * an address (Entra ID's UPN); without an address the person cannot be placed and the sign-in is refused.
 */
export function identityFromClaims(claims: Claims, departmentClaim: string | null): ProviderIdentity | null {
  const subject = stringClaim(claims, "sub", 255);
  const candidates = [stringClaim(claims, "email"), stringClaim(claims, "preferred_username")];
  const email = candidates.find((c): c is string => c !== null && EMAIL.test(c))?.toLowerCase() ?? null;
  if (!subject || !email) return null;
  const verified = claims.email_verified;
  const emailVerified =
    verified === true || verified === "true" ? true : verified === false || verified === "false" ? false : null;
  const given = stringClaim(claims, "given_name", 100);
  const family = stringClaim(claims, "family_name", 100);
  const name =
    stringClaim(claims, "name", 200) ??
    ([given, family].filter(Boolean).join(" ") || email.slice(0, email.indexOf("@")));
  const department = departmentClaim ? stringClaim(claims, departmentClaim, 200) : null;
  return { subject, email, emailVerified, name, department };
}

/**
 * The address may be trusted for this organisation when its domain is one of the organisation's (the domains
 * are unique across organisations and the organisation's own provider vouches for them) and the provider does
 * not say outright that it is unverified (decision 107).
 */
export function addressBelongsTo(
  identity: Pick<ProviderIdentity, "email" | "emailVerified">,
  domains: readonly string[],
): boolean {
  const domain = emailDomain(identity.email);
  return domain !== null && domains.includes(domain) && identity.emailVerified !== false;
}

/** The department named by the claim (case and spacing ignored), else the organisation's default, else none. */
export function pickDepartment(
  claimValue: string | null,
  departments: readonly { id: number; name: string }[],
  defaultDepartmentId: number | null,
): number | null {
  if (claimValue) {
    const wanted = claimValue.replace(/\s+/g, " ").trim().toLocaleLowerCase("nl");
    const hit = departments.find((d) => d.name.replace(/\s+/g, " ").trim().toLocaleLowerCase("nl") === wanted);
    if (hit) return hit.id;
  }
  return defaultDepartmentId !== null && departments.some((d) => d.id === defaultDepartmentId)
    ? defaultDepartmentId
    : null;
}

/** Password sign-in and reset for a member of an organisation: refused when it requires SSO, except the break-glass account. */
export function passwordAllowed(
  config: { requireSso: boolean; breakGlassUserId: number | null } | null,
  userId: number | null,
): boolean {
  if (!config?.requireSso) return true;
  return userId !== null && config.breakGlassUserId === userId;
}

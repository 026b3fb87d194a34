// Signing in with the organisation's provider (issue 15): the e-mail's domain finds the organisation, the browser
// goes to the provider with a fresh state, nonce and PKCE verifier (a single-use database row, bound to the browser
// by a cookie: decision 106), and the callback places the person: a known subject, a linked account, an invited
// person or a new employee (decision 107).
import { and, desc, eq, gt, isNull, lt } from "drizzle-orm";
import { departments, invitations, memberships, organisations, users, type Role } from "@db/schema";
import { ssoIdentities, ssoLoginStates } from "@db/schema-sso";
import { auditRateLimited, releaseAttempts, releaseOneAttempt, reserveAttempts } from "~/features/auth/attempts.server";
import { audit } from "~/utils/audit.server";
import { hashToken } from "~/utils/crypto.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { seal, unseal } from "~/utils/secret-box.server";
import { fail, ok, type Failure, type Outcome } from "~/utils/use-case";
import {
  authorizationRequest,
  completeAuthorization,
  providerFor,
  ProviderError,
  type ProviderProblem,
} from "./oidc.server";
import type { SsoCallbackInput, SsoStartInput } from "./sso.schema";
import { addressBelongsTo, identityFromClaims, pickDepartment, type ProviderIdentity } from "./sso-rules";
import { ssoRedirectUri } from "./sso-settings.server";
import { configurationForEmail, configurationOf, domainsOfOrganisation, storedClientSecret } from "./sso-store.server";

/** How long a sign-in may stay at the provider before its state is refused. */
export const SSO_STATE_MINUTES = 10;

type Visitor = { ip: string };

const stateContext = (stateId: string, what: "nonce" | "verifier") => `sso-state:${what}:${stateId}`;

export type SsoStart = { url: string; state: string; organisation: string };

async function providerOf(organisationId: number) {
  const config = configurationOf(organisationId);
  const secret = config ? storedClientSecret(organisationId) : null;
  if (!config || secret === null) return null;
  return {
    config,
    provider: await providerFor(organisationId, config.updatedAt, {
      issuer: config.issuer,
      clientId: config.clientId,
      clientSecret: secret,
    }),
  };
}

const startKey = (visitor: Visitor) => `sso-start:ip:${visitor.ip}`;
const callbackKey = (visitor: Visitor) => `sso-callback:ip:${visitor.ip}`;

/**
 * One attempt for the visitor's address, taken in an immediate transaction before anything else (so parallel
 * requests cannot all pass the count) — the password sign-in's limit and window (decision 103).
 */
function reserveSsoAttempt(
  key: string,
  step: "sso_start" | "sso_callback",
  now: Date,
): { ok: true; ids: number[] } | Failure {
  const env = getEnv();
  const reserved = reserveAttempts([{ key, max: env.LOGIN_MAX_PER_IP }], now);
  if (reserved.ok) return reserved;
  auditRateLimited(step, reserved.key, null);
  return fail("too_many", "sso.errors.tooManyStarts", { params: { minutes: env.LOGIN_WINDOW_MINUTES } });
}

export async function startSsoSignIn(
  visitor: Visitor,
  input: Pick<SsoStartInput, "email"> & { redirectTo: string | null },
  now = new Date(),
): Promise<Outcome<SsoStart>> {
  // Every start may cost a discovery request to a provider: counted per address, whatever happens next; a
  // completed sign-in gives its start back (finishSsoSignIn).
  const reserved = reserveSsoAttempt(startKey(visitor), "sso_start", now);
  if (!reserved.ok) return reserved;
  const found = configurationForEmail(input.email);
  if (!found) return fail("not_found", "sso.errors.unknownDomain");
  let request;
  try {
    const loaded = await providerOf(found.organisationId);
    if (!loaded) return fail("unavailable", "sso.errors.providerUnavailable");
    request = await authorizationRequest(loaded.provider, ssoRedirectUri(), input.email);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    audit({
      actorUserId: null,
      organisationId: found.organisationId,
      action: "sso.provider_unavailable",
      entityType: "organisation",
      entityId: found.organisationId,
      detail: { problem: error.problem },
    });
    return fail("unavailable", "sso.errors.providerUnavailable");
  }
  const id = hashToken(request.state);
  const db = getDb();
  db.transaction((tx) => {
    tx.delete(ssoLoginStates).where(lt(ssoLoginStates.expiresAt, now.toISOString())).run();
    tx.insert(ssoLoginStates)
      .values({
        id,
        organisationId: found.organisationId,
        nonceSealed: seal(request.nonce, stateContext(id, "nonce")),
        codeVerifierSealed: seal(request.codeVerifier, stateContext(id, "verifier")),
        redirectTo: input.redirectTo,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SSO_STATE_MINUTES * 60_000).toISOString(),
      })
      .run();
  });
  const organisation = db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, found.organisationId))
    .get();
  return ok({ url: request.url, state: request.state, organisation: organisation?.name ?? "" });
}

export type SsoSignedIn = {
  userId: number;
  role: Role;
  organisationId: number;
  redirectTo: string | null;
  idToken: string;
};

function refused(organisationId: number | null, reason: string, failure: Failure): Failure {
  audit({
    actorUserId: null,
    organisationId,
    action: "sso.sign_in_refused",
    entityType: "organisation",
    entityId: organisationId,
    detail: { reason },
  });
  return failure;
}

const PROBLEM_MESSAGE: Record<ProviderProblem, Failure> = {
  unreachable: fail("unavailable", "sso.errors.providerUnavailable"),
  garbage: fail("unavailable", "sso.errors.providerUnavailable"),
  refused: fail("forbidden", "sso.errors.providerRefused"),
  token_invalid: fail("forbidden", "sso.errors.tokenInvalid"),
};

/** Takes the state row out, once: a second callback with the same state finds nothing. */
function consumeState(state: string) {
  const id = hashToken(state);
  return getDb().transaction(
    (tx) => {
      const row = tx.select().from(ssoLoginStates).where(eq(ssoLoginStates.id, id)).get();
      if (row) tx.delete(ssoLoginStates).where(eq(ssoLoginStates.id, id)).run();
      return row ?? null;
    },
    { behavior: "immediate" },
  );
}

export async function finishSsoSignIn(
  visitor: Visitor,
  input: { params: SsoCallbackInput; callbackUrl: URL; browserState: string | null },
  now = new Date(),
): Promise<Outcome<SsoSignedIn>> {
  const reserved = reserveSsoAttempt(callbackKey(visitor), "sso_callback", now);
  if (!reserved.ok) return reserved;
  const finished = await finishReserved(input, now);
  if (finished.ok) {
    // A completed sign-in is no attack: its callback and the start that led to it are given back.
    getDb().transaction(() => {
      releaseAttempts(reserved.ids);
      releaseOneAttempt(startKey(visitor));
    });
  }
  return finished;
}

async function finishReserved(
  input: { params: SsoCallbackInput; callbackUrl: URL; browserState: string | null },
  now: Date,
): Promise<Outcome<SsoSignedIn>> {
  const { params } = input;
  // The state must be the one this browser was sent off with (the cookie), so nobody can slip their own sign-in
  // into someone else's browser; only then is the row taken out.
  if (!params.state || !input.browserState || params.state !== input.browserState)
    return refused(null, "state_not_bound", fail("invalid", "sso.errors.stateUnknown"));
  const row = consumeState(params.state);
  if (!row) return refused(null, "state_unknown", fail("invalid", "sso.errors.stateUnknown"));
  if (row.expiresAt <= now.toISOString())
    return refused(row.organisationId, "state_expired", fail("gone", "sso.errors.stateExpired"));
  if ("error" in params)
    return refused(row.organisationId, "provider_error", fail("forbidden", "sso.errors.providerRefused"));
  const nonce = unseal(row.nonceSealed, stateContext(row.id, "nonce"));
  const codeVerifier = unseal(row.codeVerifierSealed, stateContext(row.id, "verifier"));
  if (!nonce || !codeVerifier)
    return refused(row.organisationId, "state_unreadable", fail("invalid", "sso.errors.stateUnknown"));

  let verified;
  let config;
  try {
    const loaded = await providerOf(row.organisationId);
    if (!loaded)
      return refused(row.organisationId, "not_configured", fail("unavailable", "sso.errors.providerUnavailable"));
    config = loaded.config;
    verified = await completeAuthorization(loaded.provider, input.callbackUrl, {
      state: params.state,
      nonce,
      codeVerifier,
      redirectUri: ssoRedirectUri(),
    });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return refused(row.organisationId, error.problem, PROBLEM_MESSAGE[error.problem]);
  }
  const identity = identityFromClaims(verified.claims, config.departmentClaim);
  if (!identity) return refused(row.organisationId, "no_address", fail("forbidden", "sso.errors.noAddress"));

  const placed = placePerson(row.organisationId, config.issuer, identity, config, now);
  if (!placed.ok) return refused(row.organisationId, placed.message, placed);
  const { userId, role, how } = placed.value;
  audit({
    actorUserId: userId,
    organisationId: row.organisationId,
    action: "sso.sign_in",
    entityType: "user",
    entityId: userId,
    detail: { how },
  });
  return ok({
    userId,
    role,
    organisationId: row.organisationId,
    redirectTo: row.redirectTo,
    idToken: verified.idToken,
  });
}

type Placed = { userId: number; role: Role; how: "returning" | "linked" | "invited" | "created" };

/**
 * Finds or makes the portal account for the provider's identity, in one immediate transaction. A known subject
 * signs in as its account; otherwise the address must be one of the organisation's domains, and it links an
 * account of this organisation, accepts this organisation's invitation, or creates an employee.
 */
function placePerson(
  organisationId: number,
  issuer: string,
  identity: ProviderIdentity,
  config: { breakGlassUserId: number | null; defaultDepartmentId: number | null },
  now: Date,
): Outcome<Placed> {
  const iso = now.toISOString();
  const domains = domainsOfOrganisation(organisationId);
  return getDb().transaction(
    (tx): Outcome<Placed> => {
      const account = (where: ReturnType<typeof eq>) =>
        tx
          .select({
            id: users.id,
            status: users.status,
            role: memberships.role,
            organisationId: memberships.organisationId,
          })
          .from(users)
          .innerJoin(memberships, eq(memberships.userId, users.id))
          .where(where)
          .get();

      const link = tx
        .select()
        .from(ssoIdentities)
        .where(and(eq(ssoIdentities.issuer, issuer), eq(ssoIdentities.subject, identity.subject)))
        .get();
      if (link) {
        const user = account(eq(users.id, link.userId));
        if (!user || user.organisationId !== organisationId) return fail("forbidden", "sso.errors.accountElsewhere");
        if (user.status !== "active") return fail("forbidden", "sso.errors.accountInactive");
        tx.update(ssoIdentities).set({ lastSignInAt: iso }).where(eq(ssoIdentities.id, link.id)).run();
        tx.update(users).set({ lastLoginAt: iso }).where(eq(users.id, user.id)).run();
        return ok({ userId: user.id, role: user.role, how: "returning" });
      }

      if (!addressBelongsTo(identity, domains)) return fail("forbidden", "sso.errors.addressOutsideDomains");

      const existing = account(eq(users.email, identity.email));
      if (existing) {
        if (existing.organisationId !== organisationId) return fail("forbidden", "sso.errors.accountElsewhere");
        if (existing.status !== "active") return fail("forbidden", "sso.errors.accountInactive");
        if (tx.select({ id: ssoIdentities.id }).from(ssoIdentities).where(eq(ssoIdentities.userId, existing.id)).get())
          return fail("forbidden", "sso.errors.alreadyLinked");
        tx.insert(ssoIdentities)
          .values({ organisationId, issuer, subject: identity.subject, userId: existing.id, lastSignInAt: iso })
          .run();
        // An SSO user has no portal password; the break-glass account keeps its own, that is what it is for.
        const keepPassword = existing.id === config.breakGlassUserId;
        tx.update(users)
          .set({ lastLoginAt: iso, ...(keepPassword ? {} : { passwordHash: null }) })
          .where(eq(users.id, existing.id))
          .run();
        audit({
          actorUserId: existing.id,
          organisationId,
          action: "sso.account_linked",
          entityType: "user",
          entityId: existing.id,
          detail: { passwordRemoved: !keepPassword },
        });
        return ok({ userId: existing.id, role: existing.role, how: "linked" });
      }

      const invitation = tx
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.email, identity.email),
            eq(invitations.organisationId, organisationId),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, iso),
          ),
        )
        .orderBy(desc(invitations.createdAt))
        .get();
      const orgDepartments = tx
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(eq(departments.organisationId, organisationId))
        .all();
      const role: Role = invitation?.role ?? "employee";
      const departmentId =
        invitation?.departmentId ?? pickDepartment(identity.department, orgDepartments, config.defaultDepartmentId);
      const user = tx
        .insert(users)
        .values({
          email: identity.email,
          name: invitation?.name ?? identity.name,
          locale: invitation?.locale ?? null,
          passwordHash: null,
          lastLoginAt: iso,
        })
        .returning({ id: users.id })
        .get();
      tx.insert(memberships).values({ userId: user.id, organisationId, role, departmentId }).run();
      tx.insert(ssoIdentities)
        .values({ organisationId, issuer, subject: identity.subject, userId: user.id, lastSignInAt: iso })
        .run();
      if (invitation) {
        tx.update(invitations).set({ acceptedAt: iso }).where(eq(invitations.id, invitation.id)).run();
        audit({
          actorUserId: user.id,
          organisationId,
          action: "invitation.accepted",
          entityType: "invitation",
          entityId: invitation.id,
          detail: { through: "sso" },
        });
      }
      audit({
        actorUserId: user.id,
        organisationId,
        action: "sso.account_created",
        entityType: "user",
        entityId: user.id,
        detail: { source: invitation ? "invitation" : "just_in_time", role, departmentId },
      });
      return ok({ userId: user.id, role, how: invitation ? "invited" : "created" });
    },
    { behavior: "immediate" },
  );
}

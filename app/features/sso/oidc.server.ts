// The one module that talks to identity providers (OpenID Connect through openid-client 6). Everything the
// library verifies stays with the library: issuer, audience, nonce, expiry, state, PKCE — and, because
// `enableNonRepudiationChecks` is on, the ID token's signature against the provider's JWKS (decision 105).
import * as oidc from "openid-client";
import { isLoopbackHttp } from "./sso-rules";

/** Seconds a provider has to answer one request (discovery, token, keys). */
const TIMEOUT_SECONDS = 5;
/** How long a discovered configuration (and the key set it caches) is reused before discovery runs again. */
const CACHE_MS = 10 * 60_000;

export type ProviderSettings = { issuer: string; clientId: string; clientSecret: string };

/** Why talking to the provider failed, in the words a use case needs to pick its message. */
export type ProviderProblem = "unreachable" | "garbage" | "refused" | "token_invalid";

export class ProviderError extends Error {
  constructor(
    readonly problem: ProviderProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

function classify(error: unknown, whileDiscovering: boolean): ProviderError {
  if (error instanceof ProviderError) return error;
  const name = error instanceof Error ? error.name : "";
  const code = error instanceof oidc.ClientError ? (error.code ?? "") : "";
  const detail = (code || (error instanceof Error ? error.message : String(error))).slice(0, 200);
  if (error instanceof TypeError || name === "TimeoutError" || name === "AbortError")
    return new ProviderError("unreachable", detail);
  if (whileDiscovering) return new ProviderError("garbage", detail);
  if (error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError)
    return new ProviderError("refused", detail);
  if (code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || code === "OAUTH_RESPONSE_IS_NOT_JSON")
    return new ProviderError("garbage", detail);
  return new ProviderError("token_invalid", detail);
}

/**
 * Discovery (OpenID Connect Discovery 1.0): fetches the provider's metadata and checks that it names the same
 * issuer. Throws a ProviderError for a provider that does not answer, or answers something that is not OIDC.
 */
export async function discover(settings: ProviderSettings): Promise<oidc.Configuration> {
  let server: URL;
  try {
    server = new URL(settings.issuer);
  } catch {
    throw new ProviderError("garbage", "issuer is not a URL");
  }
  const execute = [
    oidc.enableNonRepudiationChecks,
    ...(isLoopbackHttp(settings.issuer) ? [oidc.allowInsecureRequests] : []),
  ];
  try {
    const config = await oidc.discovery(
      server,
      settings.clientId,
      { client_secret: settings.clientSecret },
      oidc.ClientSecretBasic(settings.clientSecret),
      { execute, timeout: TIMEOUT_SECONDS },
    );
    const metadata = config.serverMetadata();
    if (!metadata.authorization_endpoint || !metadata.token_endpoint || !metadata.jwks_uri)
      throw new ProviderError("garbage", "metadata lacks an endpoint");
    if (metadata.code_challenge_methods_supported && !metadata.code_challenge_methods_supported.includes("S256"))
      throw new ProviderError("garbage", "no S256 PKCE");
    return config;
  } catch (error) {
    throw classify(error, true);
  }
}

/** How long a failed discovery is the answer for everyone, so a provider that is down is not asked at every start. */
const FAILURE_CACHE_MS = 30_000;

type CacheEntry = { key: string; at: number } & ({ config: oidc.Configuration } | { failure: ProviderError });
const cache = new Map<number, CacheEntry>();
const inFlight = new Map<number, { key: string; promise: Promise<oidc.Configuration> }>();

/**
 * The organisation's provider configuration, discovered at most every ten minutes (and after every change).
 * Starts that arrive together share one discovery, and a failure is repeated for thirty seconds without asking
 * again: however many sign-ins start, a provider that does not answer sensibly gets about two requests a minute.
 */
export async function providerFor(
  organisationId: number,
  version: string,
  settings: ProviderSettings,
  now = Date.now(),
): Promise<oidc.Configuration> {
  const key = `${version}|${settings.issuer}|${settings.clientId}`;
  const hit = cache.get(organisationId);
  if (hit && hit.key === key) {
    if ("config" in hit && now - hit.at < CACHE_MS) return hit.config;
    if ("failure" in hit && now - hit.at < FAILURE_CACHE_MS) throw hit.failure;
  }
  const pending = inFlight.get(organisationId);
  if (pending && pending.key === key) return pending.promise;
  const promise = discover(settings).then(
    (config) => {
      cache.set(organisationId, { key, config, at: now });
      return config;
    },
    (error: unknown) => {
      if (error instanceof ProviderError) cache.set(organisationId, { key, failure: error, at: now });
      throw error;
    },
  );
  inFlight.set(organisationId, { key, promise });
  try {
    return await promise;
  } finally {
    if (inFlight.get(organisationId)?.promise === promise) inFlight.delete(organisationId);
  }
}

export function forgetProvider(organisationId: number): void {
  cache.delete(organisationId);
  inFlight.delete(organisationId);
}

export type AuthorizationRequest = { url: string; state: string; nonce: string; codeVerifier: string };

/** The authorization request of the code flow with PKCE (S256), a fresh state and a fresh nonce. */
export async function authorizationRequest(
  config: oidc.Configuration,
  redirectUri: string,
  loginHint: string,
): Promise<AuthorizationRequest> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    login_hint: loginHint,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export type VerifiedSignIn = { claims: Record<string, unknown>; idToken: string };

/**
 * Exchanges the code and verifies the ID token. `callbackUrl` is the URL the provider sent the browser to; the
 * redirect_uri sent to the token endpoint is rebuilt from the configured public address, not from the request.
 */
export async function completeAuthorization(
  config: oidc.Configuration,
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string; redirectUri: string },
): Promise<VerifiedSignIn> {
  try {
    // openid-client takes the redirect_uri from this URL: the configured address with the provider's parameters.
    const current = new URL(expected.redirectUri);
    current.search = callbackUrl.search;
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new ProviderError("token_invalid", "no ID token");
    return { claims: { ...claims }, idToken: tokens.id_token };
  } catch (error) {
    throw classify(error, false);
  }
}

/** The provider's logout address for RP-initiated logout, when it offers one. */
export function endSessionUrl(
  config: oidc.Configuration,
  idToken: string,
  postLogoutRedirectUri: string,
): string | null {
  if (!config.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri })
    .href;
}

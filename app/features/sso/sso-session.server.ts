// The browser side of an SSO sign-in: the cookie that binds a state to the browser that started it, the portal
// session the callback opens (a database row as for every sign-in), and RP-initiated logout at the provider.
import { eq } from "drizzle-orm";
import { ssoSessions } from "@db/schema-sso";
import { hashToken } from "~/utils/crypto.server";
import { getDb } from "~/utils/db.server";
import { cookieSecure, publicUrl } from "~/utils/env.server";
import { seal, unseal } from "~/utils/secret-box.server";
import { createSession, readCookie, sessionCookieName } from "~/utils/session.server";
import { endSessionUrl, providerFor, ProviderError } from "./oidc.server";
import { SSO_STATE_MINUTES, type SsoSignedIn } from "./sso-sign-in.server";
import { configurationOf, storedClientSecret } from "./sso-store.server";

export function ssoStateCookieName(): string {
  return cookieSecure() ? "__Host-portal_sso" : "portal_sso";
}

// SameSite=Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
function stateCookie(value: string, maxAgeSeconds: number): string {
  const parts = [`${ssoStateCookieName()}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (cookieSecure()) parts.push("Secure");
  return parts.join("; ");
}

export function ssoStateCookie(state: string): string {
  return stateCookie(state, SSO_STATE_MINUTES * 60);
}

export function clearSsoStateCookie(): string {
  return stateCookie("", 0);
}

export function readSsoState(request: Request): string | null {
  const value = readCookie(request, ssoStateCookieName());
  return value && /^[A-Za-z0-9_-]{16,512}$/.test(value) ? value : null;
}

const idTokenContext = (sessionId: string) => `sso-id-token:${sessionId}`;

/** Opens the portal session for a completed SSO sign-in; returns its Set-Cookie header. */
export function openSsoSession(signedIn: SsoSignedIn): string {
  const cookie = createSession(signedIn.userId);
  const token = cookie.slice(cookie.indexOf("=") + 1, cookie.indexOf(";"));
  const sessionId = hashToken(token);
  getDb()
    .insert(ssoSessions)
    .values({
      sessionId,
      organisationId: signedIn.organisationId,
      idTokenSealed: seal(signedIn.idToken, idTokenContext(sessionId)),
    })
    .run();
  return cookie;
}

/**
 * Where to send the browser to sign out at the provider too, when this session came through SSO and the provider
 * offers an end_session_endpoint; null otherwise (and whenever the provider cannot be reached: the portal session
 * ends anyway). Call before the session row is deleted.
 */
export async function providerLogoutUrl(request: Request): Promise<string | null> {
  const token = readCookie(request, sessionCookieName());
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const sessionId = hashToken(token);
  const row = getDb().select().from(ssoSessions).where(eq(ssoSessions.sessionId, sessionId)).get();
  if (!row) return null;
  const idToken = unseal(row.idTokenSealed, idTokenContext(sessionId));
  const config = configurationOf(row.organisationId);
  const secret = config ? storedClientSecret(row.organisationId) : null;
  if (!idToken || !config || secret === null) return null;
  try {
    const provider = await providerFor(row.organisationId, config.updatedAt, {
      issuer: config.issuer,
      clientId: config.clientId,
      clientSecret: secret,
    });
    return endSessionUrl(provider, idToken, `${publicUrl()}/login`);
  } catch (error) {
    if (error instanceof ProviderError) return null;
    throw error;
  }
}

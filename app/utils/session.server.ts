import { and, eq, lt, ne, sql } from "drizzle-orm";
import { memberships, organisations, sessions, users, type Role } from "@db/schema";
import { getDb, prepared } from "./db.server";
import { cookieSecure, getEnv } from "./env.server";
import { hashToken, newToken } from "./crypto.server";
import type { Locale } from "./i18n";
import { forgetInRequest, oncePerRequest } from "./request-scope.server";

export type CurrentUser = {
  id: number;
  email: string;
  name: string;
  locale: Locale | null;
  role: Role;
  organisationId: number | null;
  organisationName: string | null;
  departmentId: number | null;
  sessionId: string;
};

// A session's last-seen time is written at most once a minute, so reads stay reads.
const TOUCH_INTERVAL_MS = 60_000;

export function sessionCookieName(): string {
  return cookieSecure() ? "__Host-portal_session" : "portal_session";
}

function serialiseCookie(value: string, maxAgeSeconds: number, name = sessionCookieName()): string {
  const parts = [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (cookieSecure()) parts.push("Secure");
  return parts.join("; ");
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Creates a fresh session row (a new id at every sign-in) and returns its Set-Cookie header. */
export function createSession(userId: number, now = new Date()): string {
  const env = getEnv();
  const db = getDb();
  const { token, tokenHash } = newToken();
  const iso = now.toISOString();
  const expiresAt = new Date(now.getTime() + env.SESSION_ABSOLUTE_HOURS * 3_600_000).toISOString();
  // One commit (one fsync on the request thread) for the clean-up and the new row.
  db.transaction((tx) => {
    tx.delete(sessions).where(lt(sessions.expiresAt, iso)).run();
    tx.insert(sessions).values({ id: tokenHash, userId, createdAt: iso, lastSeenAt: iso, expiresAt }).run();
  });
  return serialiseCookie(token, env.SESSION_ABSOLUTE_HOURS * 3600);
}

export function clearSessionCookie(): string {
  return serialiseCookie("", 0);
}

// The half-signed-in state (password accepted, second factor pending) has its own cookie and its own table
// (sign_in_challenges): it is never a session, so no page that asks for a user can be reached with it.
export function challengeCookieName(): string {
  return cookieSecure() ? "__Host-portal_signin" : "portal_signin";
}

export function challengeCookie(token: string, maxAgeSeconds: number): string {
  return serialiseCookie(token, maxAgeSeconds, challengeCookieName());
}

export function clearChallengeCookie(): string {
  return serialiseCookie("", 0, challengeCookieName());
}

export function readChallengeToken(request: Request): string | null {
  return readCookie(request, challengeCookieName());
}

function sessionIdFrom(request: Request): string | null {
  const token = readCookie(request, sessionCookieName());
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? hashToken(token) : null;
}

// Every signed-in request runs this lookup: prepared once per connection.
const sessionWithUser = prepared((db) =>
  db
    .select({
      session: { lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt },
      user: { id: users.id, email: users.email, name: users.name, locale: users.locale, status: users.status },
      role: memberships.role,
      organisationId: memberships.organisationId,
      departmentId: memberships.departmentId,
      organisationName: organisations.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(sessions.id, sql.placeholder("sessionId")))
    .prepare(),
);

/**
 * The signed-in user of this request, or null. A reading request (GET, HEAD) looks the session up once, however
 * many loaders ask (the root's and the route's); a writing request looks again each time, since its action may
 * have changed the person.
 */
export function getCurrentUser(request: Request, now = new Date()): CurrentUser | null {
  const sessionId = sessionIdFrom(request);
  if (!sessionId) return null;
  if (request.method !== "GET" && request.method !== "HEAD") return lookUpSession(sessionId, now);
  return oncePerRequest(`${SESSION_SCOPE_KEY}${sessionId}`, () => lookUpSession(sessionId, now));
}

const SESSION_SCOPE_KEY = "session:";

function lookUpSession(sessionId: string, now: Date): CurrentUser | null {
  const db = getDb();
  const row = sessionWithUser().get({ sessionId });
  if (!row) return null;

  const env = getEnv();
  const nowMs = now.getTime();
  const idleExpired = Date.parse(row.session.lastSeenAt) + env.SESSION_IDLE_MINUTES * 60_000 <= nowMs;
  const absoluteExpired = Date.parse(row.session.expiresAt) <= nowMs;
  if (idleExpired || absoluteExpired || row.user.status !== "active") {
    db.delete(sessions).where(eq(sessions.id, sessionId)).run();
    return null;
  }
  if (nowMs - Date.parse(row.session.lastSeenAt) > TOUCH_INTERVAL_MS) {
    db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, sessionId)).run();
  }
  return {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    locale: row.user.locale,
    role: row.role,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    departmentId: row.departmentId,
    sessionId,
  };
}

export function destroySession(request: Request): string {
  const sessionId = sessionIdFrom(request);
  forgetInRequest(SESSION_SCOPE_KEY);
  if (sessionId) getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
  return clearSessionCookie();
}

/** Ends every session of a user except, optionally, the one making the change. */
export function endSessionsOfUser(userId: number, keepSessionId?: string): void {
  forgetInRequest(SESSION_SCOPE_KEY);
  const db = getDb();
  const condition = keepSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
    : eq(sessions.userId, userId);
  db.delete(sessions).where(condition).run();
}

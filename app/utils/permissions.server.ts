import { redirect } from "@remix-run/node";
import type { Role } from "@db/schema";
import { audit } from "./audit.server";
import { getCurrentUser, type CurrentUser } from "./session.server";

export { safeRedirectPath } from "./redirect";

export type OrgUser = CurrentUser & { organisationId: number };

export const ROLE_HOME: Record<Role, string> = {
  admin: "/admin",
  partner: "/partner",
  hr: "/hr",
  employee: "/me",
  newcomer: "/newcomer",
};

export function getUser(request: Request): CurrentUser | null {
  return getCurrentUser(request);
}

export function requireUser(request: Request): CurrentUser {
  const user = getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    const query = redirectTo === "/" ? "" : `?${new URLSearchParams({ redirectTo })}`;
    throw redirect(`/login${query}`);
  }
  return user;
}

export function forbidden(user: CurrentUser | null, request: Request): Response {
  audit({
    actorUserId: user?.id ?? null,
    organisationId: user?.organisationId ?? null,
    action: "access.denied",
    entityType: "route",
    entityId: new URL(request.url).pathname,
  });
  return new Response("Forbidden", { status: 403 });
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

export function requireRole(request: Request, ...roles: Role[]): CurrentUser {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw forbidden(user, request);
  return user;
}

/** A user of a care organisation in one of the roles; the organisation comes from the session only. */
export function requireOrgRole(request: Request, ...roles: Role[]): OrgUser {
  const user = requireRole(request, ...roles);
  const { organisationId } = user;
  if (organisationId == null) throw forbidden(user, request);
  return { ...user, organisationId };
}

/** Parses a positive integer id from a route param; anything else is a 404, not a 500. */
export function parseId(value: string | undefined): number {
  if (!value || !/^[1-9]\d{0,15}$/.test(value)) throw notFound();
  return Number(value);
}

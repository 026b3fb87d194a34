import { redirect } from "@remix-run/node";
import type { Role } from "@db/schema";
import { audit, type Viewer } from "./audit.server";
import { getCurrentUser, type CurrentUser } from "./session.server";
import { auditMissingId, type OwnedEntity } from "./tenancy.server";

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

/**
 * The one 404 of the route layer. With a probe (the signed-in user and the id they named) it also leaves the
 * security entry of decision 060; use cases that answer 404 themselves write that entry where they know the id.
 */
export function notFound(probe?: { user: Viewer; entity: OwnedEntity; id: number }): Response {
  if (probe) auditMissingId(probe.user, probe.entity, probe.id);
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

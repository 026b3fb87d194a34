import type { Role } from "@db/schema";
import type { MessageKey } from "~/utils/i18n";

export type NavItem = { to: string; label: MessageKey; end?: boolean };

/** The navigation each role sees: only places that role may open. */
export function navigationFor(role: Role, demo: boolean): NavItem[] {
  const account: NavItem = { to: "/account", label: "nav.account" };
  switch (role) {
    case "admin":
      return [
        { to: "/admin", label: "nav.home", end: true },
        { to: "/admin/organisations", label: "nav.organisations" },
        { to: "/admin/users", label: "nav.users" },
        { to: "/admin/audit", label: "nav.audit" },
        ...(demo ? [{ to: "/admin/mailbox", label: "nav.mailbox" } satisfies NavItem] : []),
        account,
      ];
    case "partner":
      return [{ to: "/partner", label: "nav.home", end: true }, account];
    case "hr":
      return [
        { to: "/hr", label: "nav.home", end: true },
        { to: "/hr/scans", label: "scan.nav" },
        { to: "/hr/people", label: "nav.people" },
        { to: "/hr/organisation", label: "nav.organisation" },
        account,
      ];
    case "employee":
      return [{ to: "/me", label: "nav.home", end: true }, account];
    case "newcomer":
      return [{ to: "/newcomer", label: "nav.home", end: true }, account];
  }
}

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
        { to: "/admin/indicators", label: "benchmark.nav.indicators" },
        { to: "/admin/outbox", label: "notifications.outbox.nav" },
        ...(demo ? [{ to: "/admin/mailbox", label: "nav.mailbox" } satisfies NavItem] : []),
        account,
      ];
    case "partner":
      return [
        { to: "/partner", label: "nav.home", end: true },
        { to: "/partner/benchmark", label: "benchmark.nav.comparison" },
        { to: "/partner/indicators", label: "benchmark.nav.indicators" },
        { to: "/partner/pulse", label: "pulse.partner.nav" },
        account,
      ];
    case "hr":
      return [
        { to: "/hr", label: "nav.home", end: true },
        { to: "/hr/scans", label: "scan.nav" },
        { to: "/hr/modules", label: "modules.nav.modules" },
        { to: "/hr/newcomers", label: "matching.nav.newcomers" },
        { to: "/hr/matching", label: "matching.nav.matching" },
        { to: "/hr/buddies", label: "matching.nav.buddies" },
        { to: "/hr/pulse", label: "pulse.nav" },
        { to: "/hr/benchmark", label: "benchmark.nav.ownPosition" },
        { to: "/hr/people", label: "nav.people" },
        { to: "/hr/import", label: "import.nav" },
        { to: "/hr/organisation", label: "nav.organisation" },
        account,
      ];
    case "employee":
      return [
        { to: "/me", label: "nav.home", end: true },
        { to: "/me/modules", label: "modules.nav.modules" },
        { to: "/me/buddy", label: "matching.nav.buddy" },
        account,
      ];
    case "newcomer":
      return [
        { to: "/newcomer", label: "nav.home", end: true },
        { to: "/me/modules", label: "modules.nav.modules" },
        account,
      ];
  }
}

/** The entry the current path belongs to (the longest matching prefix): the phone menu names it on its button. */
export function activeItem(items: NavItem[], pathname: string): NavItem | undefined {
  let best: NavItem | undefined;
  for (const item of items) {
    const inside =
      pathname === item.to || pathname === `${item.to}/` || (!item.end && pathname.startsWith(`${item.to}/`));
    if (inside && (!best || item.to.length > best.to.length)) best = item;
  }
  return best;
}

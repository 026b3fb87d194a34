// Pure: what an import will do, from the file's rows and the organisation as it is now. People are matched by
// e-mail (stored lower-cased, so case-insensitively); sites and departments by name, case-insensitively. The
// same plan is computed for the preview and again inside the applying transaction (docs/decisions/101).
import type { ImportLocale, ImportRole, ImportRow, RowProblem } from "./rows";

export type MemberState = {
  userId: number;
  email: string;
  name: string;
  role: "employee" | "hr" | "newcomer";
  status: "active" | "deactivated";
  departmentId: number | null;
  locale: ImportLocale | null;
};

export type InvitationState = {
  id: number;
  email: string;
  name: string;
  role: string;
  departmentId: number | null;
  locale: ImportLocale;
};

export type OrganisationState = {
  actorUserId: number;
  /** The platform admin may also deactivate HR accounts; HR deactivates employees only (as on the people page). */
  actorIsAdmin: boolean;
  sites: { id: number; name: string }[];
  departments: { id: number; siteId: number | null; name: string }[];
  members: MemberState[];
  /** Pending, unexpired invitations of this organisation (the newest per address). */
  invitations: InvitationState[];
  /** Addresses that belong to an account outside this organisation; never named to the importer. */
  elsewhere: ReadonlySet<string>;
};

/** A department that exists (id) or that this import creates (site and name as first written in the file). */
export type DepartmentRef = { id: number } | { site: string; name: string };

export type PersonValues = { name: string; role: ImportRole; department: DepartmentRef | null; locale: ImportLocale };
export type FieldChange = { field: "name" | "role" | "department" | "language" | "status"; from: string; to: string };

export type PlannedCreate = { line: number; email: string } & PersonValues;
export type PlannedChange = {
  line: number;
  email: string;
  target: { kind: "user"; userId: number } | { kind: "invitation"; invitationId: number };
  values: PersonValues;
  changes: FieldChange[];
  reactivate: boolean;
};
export type RowWithProblems = { line: number; name: string; email: string; problems: RowProblem[]; otherLine?: number };
export type DeactivationCandidate = { userId: number; name: string; email: string; role: string; department: string };

export type ImportPlan = {
  sitesToCreate: string[];
  departmentsToCreate: { site: string; name: string }[];
  creates: PlannedCreate[];
  changes: PlannedChange[];
  unchanged: number;
  problems: RowWithProblems[];
  deactivations: DeactivationCandidate[];
};

export function placeKey(value: string): string {
  return value.normalize("NFC").toLocaleLowerCase("nl").replace(/\s+/g, " ").trim();
}

export function buildPlan(rows: readonly ImportRow[], state: OrganisationState): ImportPlan {
  const members = new Map(state.members.map((m) => [m.email, m]));
  const invitations = new Map(state.invitations.map((i) => [i.email, i]));
  const siteById = new Map(state.sites.map((s) => [s.id, s]));
  const siteByKey = new Map(state.sites.map((s) => [placeKey(s.name), s]));
  const deptLabel = (id: number | null): string => {
    if (id == null) return "";
    const d = state.departments.find((x) => x.id === id);
    if (!d) return "";
    const site = d.siteId == null ? undefined : siteById.get(d.siteId);
    return site ? `${site.name} – ${d.name}` : d.name;
  };

  // A: problems that come from who the address belongs to.
  const checked = rows.map((row) => {
    const problems = [...row.problems];
    if (row.email !== "" && problems.length === 0) {
      const member = members.get(row.email);
      if (state.elsewhere.has(row.email)) problems.push("otherOrganisation");
      else if (member?.role === "newcomer") problems.push("newcomerAccount");
      else if (member && member.userId === state.actorUserId && row.role && row.role !== member.role)
        problems.push("ownRole");
    }
    return { row, problems };
  });

  // B: the places good rows declare (a site, or a site with a department) and that do not exist yet.
  const sitesToCreate = new Map<string, string>();
  const newDepartments = new Map<string, { site: string; name: string }>();
  for (const { row, problems } of checked) {
    if (problems.length || row.site === "") continue;
    const sk = placeKey(row.site);
    const site = siteByKey.get(sk);
    if (!site && !sitesToCreate.has(sk)) sitesToCreate.set(sk, row.site);
    if (row.department === "") continue;
    const dk = placeKey(row.department);
    const exists = site && state.departments.some((d) => d.siteId === site.id && placeKey(d.name) === dk);
    const key = `${sk}\u0000${dk}`;
    if (!exists && !newDepartments.has(key))
      newDepartments.set(key, { site: sitesToCreate.get(sk) ?? site?.name ?? row.site, name: row.department });
  }

  // C: each row's department; a department named without its site must be one of a kind.
  const resolve = (row: ImportRow): DepartmentRef | null | "unknown" | "ambiguous" => {
    if (row.department === "") return null;
    const dk = placeKey(row.department);
    if (row.site !== "") {
      const sk = placeKey(row.site);
      const site = siteByKey.get(sk);
      const found = site && state.departments.find((d) => d.siteId === site.id && placeKey(d.name) === dk);
      if (found) return { id: found.id };
      return newDepartments.get(`${sk}\u0000${dk}`) ?? "unknown";
    }
    const existing = state.departments.filter((d) => placeKey(d.name) === dk);
    const fresh = [...newDepartments.entries()].filter(([key]) => key.endsWith(`\u0000${dk}`));
    if (existing.length + fresh.length > 1) return "ambiguous";
    if (existing[0]) return { id: existing[0].id };
    if (fresh[0]) return fresh[0][1];
    return "unknown";
  };
  const refLabel = (ref: DepartmentRef | null): string =>
    ref == null ? "" : "id" in ref ? deptLabel(ref.id) : `${ref.site} – ${ref.name}`;
  const sameRef = (ref: DepartmentRef | null, id: number | null) =>
    ref == null ? id == null : "id" in ref && ref.id === id;

  const creates: PlannedCreate[] = [];
  const changes: PlannedChange[] = [];
  const problems: RowWithProblems[] = [];
  let unchanged = 0;
  for (const { row, problems: found } of checked) {
    const department = found.length ? null : resolve(row);
    if (department === "unknown") found.push("unknownDepartment");
    if (department === "ambiguous") found.push("ambiguousDepartment");
    if (found.length) {
      problems.push({
        line: row.line,
        name: row.name,
        email: row.email,
        problems: found,
        ...(row.otherLine ? { otherLine: row.otherLine } : {}),
      });
      continue;
    }
    if (row.email === "" || department === "unknown" || department === "ambiguous") continue;
    const member = members.get(row.email);
    const invitation = member ? undefined : invitations.get(row.email);
    if (!member && !invitation) {
      creates.push({
        line: row.line,
        email: row.email,
        name: row.name,
        role: row.role ?? "employee",
        department,
        locale: row.language ?? "nl",
      });
      continue;
    }
    const current = member ?? invitation;
    if (!current) continue;
    const currentRole = current.role === "hr" ? "hr" : "employee";
    const values: PersonValues = {
      name: row.name,
      role: row.role ?? currentRole,
      department,
      locale: row.language ?? current.locale ?? "nl",
    };
    const fieldChanges: FieldChange[] = [];
    if (values.name !== current.name) fieldChanges.push({ field: "name", from: current.name, to: values.name });
    if (values.role !== current.role) fieldChanges.push({ field: "role", from: current.role, to: values.role });
    if (!sameRef(department, current.departmentId))
      fieldChanges.push({ field: "department", from: deptLabel(current.departmentId), to: refLabel(department) });
    if (row.language && row.language !== current.locale)
      fieldChanges.push({ field: "language", from: current.locale ?? "", to: row.language });
    const reactivate = member?.status === "deactivated";
    if (reactivate) fieldChanges.push({ field: "status", from: "deactivated", to: "active" });
    if (fieldChanges.length === 0) {
      unchanged += 1;
      continue;
    }
    changes.push({
      line: row.line,
      email: row.email,
      target: member
        ? { kind: "user", userId: member.userId }
        : { kind: "invitation", invitationId: invitation?.id ?? 0 },
      values,
      changes: fieldChanges,
      reactivate,
    });
  }

  const inFile = new Set(rows.map((r) => r.email).filter((e) => e !== ""));
  const deactivations = state.members
    .filter((m) => m.status === "active" && m.userId !== state.actorUserId && !inFile.has(m.email))
    .filter((m) => m.role === "employee" || (m.role === "hr" && state.actorIsAdmin))
    .map((m) => ({
      userId: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      department: deptLabel(m.departmentId),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl") || a.userId - b.userId);

  return {
    sitesToCreate: [...sitesToCreate.values()],
    departmentsToCreate: [...newDepartments.values()],
    creates,
    changes,
    unchanged,
    problems,
    deactivations,
  };
}

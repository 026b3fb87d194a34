import { describe, expect, it } from "vitest";
import { buildPlan, type OrganisationState } from "./plan";
import { mapHeaders, readRows } from "./rows";

const header = ["Naam", "E-mail", "Rol", "Locatie", "Afdeling", "Taal"];
const rowsOf = (...lines: string[][]) => {
  const m = mapHeaders(header);
  if (!m.ok) throw new Error("header");
  return readRows([header, ...lines], m.map);
};

const state = (over: Partial<OrganisationState> = {}): OrganisationState => ({
  actorUserId: 1,
  actorIsAdmin: false,
  sites: [{ id: 10, name: "Campus Noord" }],
  departments: [
    { id: 100, siteId: 10, name: "Geriatrie" },
    { id: 101, siteId: 10, name: "Spoed" },
  ],
  members: [
    {
      userId: 1,
      email: "hr@zas.example",
      name: "HR Lead",
      role: "hr",
      status: "active",
      departmentId: null,
      locale: "nl",
    },
    {
      userId: 2,
      email: "an@zas.example",
      name: "An Smets",
      role: "employee",
      status: "active",
      departmentId: 100,
      locale: "nl",
    },
    {
      userId: 3,
      email: "bo@zas.example",
      name: "Bo Claes",
      role: "employee",
      status: "deactivated",
      departmentId: 101,
      locale: "en",
    },
    {
      userId: 4,
      email: "nina@zas.example",
      name: "Nina",
      role: "newcomer",
      status: "active",
      departmentId: 100,
      locale: "nl",
    },
    {
      userId: 5,
      email: "hr2@zas.example",
      name: "Second HR",
      role: "hr",
      status: "active",
      departmentId: null,
      locale: "nl",
    },
  ],
  invitations: [
    { id: 50, email: "cas@zas.example", name: "Cas Wouters", role: "employee", departmentId: 100, locale: "nl" },
  ],
  elsewhere: new Set(["someone@zuyderland.example"]),
  ...over,
});

describe("buildPlan", () => {
  it("leaves alone what is already so, matching addresses case-insensitively", () => {
    const plan = buildPlan(
      rowsOf(
        ["An Smets", "AN@zas.example", "medewerker", "campus noord", "GERIATRIE", ""],
        ["Cas Wouters", "cas@zas.example", "", "", "Geriatrie", ""],
      ),
      state(),
    );
    expect(plan).toMatchObject({
      creates: [],
      changes: [],
      unchanged: 2,
      problems: [],
      sitesToCreate: [],
      departmentsToCreate: [],
    });
  });

  it("invites new people; an unknown site and department in the file are created once", () => {
    const plan = buildPlan(
      rowsOf(
        ["Zoë Peeters", "zoe@zas.example", "", "Campus Zuid", "Dialyse", "en"],
        ["Dirk", "dirk@zas.example", "hr", "campus zuid", "dialyse", ""],
        ["Eva", "eva@zas.example", "", "", "Dialyse", ""],
      ),
      state(),
    );
    expect(plan.sitesToCreate).toEqual(["Campus Zuid"]);
    expect(plan.departmentsToCreate).toEqual([{ site: "Campus Zuid", name: "Dialyse" }]);
    expect(plan.creates.map((c) => [c.email, c.role, c.locale, c.department])).toEqual([
      ["zoe@zas.example", "employee", "en", { site: "Campus Zuid", name: "Dialyse" }],
      ["dirk@zas.example", "hr", "nl", { site: "Campus Zuid", name: "Dialyse" }],
      ["eva@zas.example", "employee", "nl", { site: "Campus Zuid", name: "Dialyse" }],
    ]);
  });

  it("lists what changes, field by field, and reactivates a deactivated person who is back in the file", () => {
    const plan = buildPlan(
      rowsOf(
        ["An Smets-Peeters", "an@zas.example", "hr", "Campus Noord", "Spoed", "en"],
        ["Bo Claes", "bo@zas.example", "", "Campus Noord", "Spoed", ""],
      ),
      state(),
    );
    expect(plan.changes.map((c) => [c.email, c.changes])).toEqual([
      [
        "an@zas.example",
        [
          { field: "name", from: "An Smets", to: "An Smets-Peeters" },
          { field: "role", from: "employee", to: "hr" },
          { field: "department", from: "Campus Noord – Geriatrie", to: "Campus Noord – Spoed" },
          { field: "language", from: "nl", to: "en" },
        ],
      ],
      ["bo@zas.example", [{ field: "status", from: "deactivated", to: "active" }]],
    ]);
  });

  it.each([
    ["an address of another organisation", ["X", "someone@zuyderland.example", "", "", "", ""], ["otherOrganisation"]],
    ["a newcomer's account", ["Nina", "nina@zas.example", "", "", "", ""], ["newcomerAccount"]],
    ["the importer's own role", ["HR Lead", "hr@zas.example", "medewerker", "", "", ""], ["ownRole"]],
    [
      "a department without its site that does not exist",
      ["Y", "y@zas.example", "", "", "Oncologie", ""],
      ["unknownDepartment"],
    ],
  ])("refuses %s", (_label, line, problems) => {
    const plan = buildPlan(rowsOf(line), state());
    expect(plan.problems.map((p) => p.problems)).toEqual([problems]);
    expect(plan.creates).toEqual([]);
    expect(plan.changes).toEqual([]);
  });

  it("a department name on two sites needs its site", () => {
    const s = state({
      sites: [
        { id: 10, name: "Noord" },
        { id: 11, name: "Zuid" },
      ],
      departments: [
        { id: 100, siteId: 10, name: "Spoed" },
        { id: 102, siteId: 11, name: "Spoed" },
      ],
    });
    expect(buildPlan(rowsOf(["Y", "y@zas.example", "", "", "Spoed", ""]), s).problems[0]?.problems).toEqual([
      "ambiguousDepartment",
    ]);
    expect(buildPlan(rowsOf(["Y", "y@zas.example", "", "Zuid", "Spoed", ""]), s).creates[0]?.department).toEqual({
      id: 102,
    });
  });

  it("rows with problems create nothing, not even their department", () => {
    const plan = buildPlan(rowsOf(["", "q@zas.example", "", "Campus West", "Kinderen", ""]), state());
    expect(plan.sitesToCreate).toEqual([]);
    expect(plan.departmentsToCreate).toEqual([]);
  });

  it("lists active employees missing from the file for deactivation; never the importer, a newcomer or (for HR) another HR lead", () => {
    const plan = buildPlan(rowsOf(["Zoë", "zoe@zas.example", "", "", "", ""]), state());
    expect(plan.deactivations.map((d) => d.userId)).toEqual([2]);
    const asAdmin = buildPlan(
      rowsOf(["Zoë", "zoe@zas.example", "", "", "", ""]),
      state({ actorUserId: 99, actorIsAdmin: true }),
    );
    expect(asAdmin.deactivations.map((d) => d.userId).sort()).toEqual([1, 2, 5]);
  });

  it("a person whose row has a problem is not listed for deactivation", () => {
    const plan = buildPlan(rowsOf(["An", "an@zas.example", "directeur", "", "", ""]), state());
    expect(plan.deactivations).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { mapHeaders, readRows, safeCell, type HeaderMap } from "./rows";

const map = (header: string[]): HeaderMap => {
  const result = mapHeaders(header);
  if (!result.ok) throw new Error(result.problem);
  return result.map;
};

describe("mapHeaders accepts Dutch and English names", () => {
  it.each([
    [
      ["Naam", "E-mail", "Rol", "Locatie", "Afdeling", "Taal"],
      { name: 0, email: 1, role: 2, site: 3, department: 4, language: 5 },
    ],
    [
      ["Name", "Email", "Role", "Site", "Department", "Language"],
      { name: 0, email: 1, role: 2, site: 3, department: 4, language: 5 },
    ],
    [["  AFDELING ", "e-mailadres", "Volledige naam"], { department: 0, email: 1, name: 2 }],
    [["E-Mail Address", "Full name", "Dienst", "Vestiging"], { email: 0, name: 1, department: 2, site: 3 }],
  ])("%j", (header, index) => {
    expect(map(header).index).toEqual(index);
  });
  it("ignores other columns and names them", () => {
    expect(map(["Naam", "E-mail", "Personeelsnummer"]).ignored).toEqual(["Personeelsnummer"]);
  });
  it.each([
    [["Voornaam", "Achternaam", "Telefoon"], { ok: false, problem: "missingColumns", columns: ["name", "email"] }],
    [["Naam", "Afdeling"], { ok: false, problem: "missingColumns", columns: ["email"] }],
    [["Naam", "E-mail", "Email"], { ok: false, problem: "duplicateColumn", column: "email" }],
  ])("refuses %j", (header, expected) => {
    expect(mapHeaders(header)).toEqual(expected);
  });
});

const header = ["Naam", "E-mail", "Rol", "Locatie", "Afdeling", "Taal"];
const one = (cells: string[]) => readRows([header, cells], map(header))[0];

describe("readRows: each row's own problems", () => {
  it.each([
    [
      "a good row",
      ["Zoë Peeters", " Zoe.Peeters@Example.ORG ", "medewerker", "Campus Noord", "Geriatrie", "Nederlands"],
      [],
    ],
    ["missing name", ["", "a@example.org", "", "", "", ""], ["missingName"]],
    ["missing e-mail", ["An", "", "", "", "", ""], ["missingEmail"]],
    ["invalid e-mail", ["An", "an-at-example.org", "", "", "", ""], ["invalidEmail"]],
    ["wrong role", ["An", "an@example.org", "directeur", "", "", ""], ["invalidRole"]],
    ["newcomer is not a role to import", ["An", "an@example.org", "newcomer", "", "", ""], ["invalidRole"]],
    ["wrong language", ["An", "an@example.org", "", "", "", "Klingon"], ["invalidLanguage"]],
    [
      "a formula is refused, not run",
      ['=HYPERLINK("http://evil.example","An")', "an@example.org", "", "", "", ""],
      ["formula"],
    ],
    ["@ and + start formulas too", ["An", "an@example.org", "", "@SUM(A1)", "", ""], ["formula"]],
  ])("%s", (_label, cells, problems) => {
    expect(one(cells)?.problems).toEqual(problems);
  });
  it("normalises values: e-mail lower-cased and trimmed, role and language words", () => {
    expect(
      one(["  Zoë   Peeters ", " Zoe.Peeters@Example.ORG ", "HR", "Campus Noord", "Geriatrie", "English"]),
    ).toMatchObject({
      line: 2,
      name: "Zoë Peeters",
      email: "zoe.peeters@example.org",
      role: "hr",
      language: "en",
    });
  });
  it("leaves role and language open when not given (an existing person keeps theirs)", () => {
    expect(one(["An", "an@example.org", "", "", "", ""])).toMatchObject({ role: null, language: null });
  });
  it("flags both lines of a duplicate address, case-insensitively, and names the other line", () => {
    const rows = readRows(
      [header, ["An", "an@example.org"], ["Bo", "bo@example.org"], ["An B", "AN@example.org"]],
      map(header),
    );
    expect(rows.map((r) => [r.line, r.problems, r.otherLine])).toEqual([
      [2, ["duplicateEmail"], 4],
      [3, [], undefined],
      [4, ["duplicateEmail"], 2],
    ]);
  });
  it("skips empty lines but keeps the sheet's line numbers", () => {
    const rows = readRows([header, ["", "", "", "", "", ""], [], ["An", "an@example.org"]], map(header));
    expect(rows.map((r) => r.line)).toEqual([4]);
  });
  it("a line with only a site and department declares them", () => {
    expect(one(["", "", "", "Campus Zuid", "Dialyse", ""])).toMatchObject({
      problems: [],
      site: "Campus Zuid",
      department: "Dialyse",
    });
  });
});

describe("safeCell never writes a formula back", () => {
  it.each([
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+32 3 000 00 00", "'+32 3 000 00 00"],
    ["Zoë", "Zoë"],
  ])("%j → %j", (value, out) => {
    expect(safeCell(value)).toBe(out);
  });
});

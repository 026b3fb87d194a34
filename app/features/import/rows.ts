// Pure: from a table of text cells to import rows, each with its own problems. Header names are accepted in Dutch
// and English, in any order and case, with or without accents, spaces or hyphens (docs/decisions/100).
import { z } from "zod";

export const COLUMNS = ["name", "email", "role", "site", "department", "language"] as const;
export type Column = (typeof COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly Column[] = ["name", "email"];

const HEADER_ALIASES: Record<Column, readonly string[]> = {
  name: ["name", "naam", "fullname", "volledigenaam", "voornaamennaam", "naamvoornaam"],
  email: ["email", "emailadres", "emailaddress", "mail", "mailadres"],
  role: ["role", "rol", "portalrole", "portaalrol"],
  site: ["site", "locatie", "vestiging", "campus", "location"],
  department: ["department", "afdeling", "dienst", "unit", "eenheid"],
  language: ["language", "taal", "locale"],
};

export function normaliseHeader(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export type HeaderMap = { index: Partial<Record<Column, number>>; ignored: string[] };
export type HeaderProblem =
  { problem: "missingColumns"; columns: Column[] } | { problem: "duplicateColumn"; column: Column };

export function mapHeaders(header: readonly string[]): { ok: true; map: HeaderMap } | ({ ok: false } & HeaderProblem) {
  const index: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  header.forEach((raw, i) => {
    const key = normaliseHeader(raw);
    if (!key) return;
    const column = COLUMNS.find((c) => HEADER_ALIASES[c].includes(key));
    if (!column) {
      ignored.push(raw.trim());
      return;
    }
    if (index[column] !== undefined) {
      index[column] = -1;
      return;
    }
    index[column] = i;
  });
  const duplicate = COLUMNS.find((c) => index[c] === -1);
  if (duplicate) return { ok: false, problem: "duplicateColumn", column: duplicate };
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length) return { ok: false, problem: "missingColumns", columns: missing };
  return { ok: true, map: { index, ignored } };
}

export type RowProblem =
  | "missingName"
  | "nameTooLong"
  | "missingEmail"
  | "invalidEmail"
  | "duplicateEmail"
  | "invalidRole"
  | "invalidLanguage"
  | "formula"
  | "tooLong"
  | "otherOrganisation"
  | "newcomerAccount"
  | "ownRole"
  | "unknownDepartment"
  | "ambiguousDepartment";

export type ImportRole = "employee" | "hr";
export type ImportLocale = "nl" | "en";

/** One data line of the file. `line` is its line number in the sheet (the header is line 1). */
export type ImportRow = {
  line: number;
  name: string;
  email: string;
  /** null: not given — a new person becomes employee, an existing one keeps their role. */
  role: ImportRole | null;
  site: string;
  department: string;
  /** null: not given — a new person gets Dutch, an existing one keeps theirs. */
  language: ImportLocale | null;
  problems: RowProblem[];
  /** For duplicateEmail: another line with the same address. */
  otherLine?: number;
};

const ROLE_WORDS: Record<string, ImportRole> = {
  employee: "employee",
  medewerker: "employee",
  werknemer: "employee",
  staff: "employee",
  personeelslid: "employee",
  hr: "hr",
};

const LANGUAGE_WORDS: Record<string, ImportLocale> = {
  nl: "nl",
  nlbe: "nl",
  nlnl: "nl",
  nederlands: "nl",
  dutch: "nl",
  vlaams: "nl",
  en: "en",
  engb: "en",
  enus: "en",
  english: "en",
  engels: "en",
};

const Email = z.email();
const MAX_CELL = 200;

/** A cell a spreadsheet would run as a formula (or as a DDE command) when the text is opened again. */
export function looksLikeFormula(value: string): boolean {
  return /^[=+@]/.test(value) || /^[\t\r]/.test(value);
}

function clean(value: string | undefined): string {
  return (value ?? "").replace(/\s+/g, " ").trim();
}

/**
 * Data lines to rows with their own problems (those the file alone can tell). A line with neither name nor e-mail
 * but a site or department only declares that site/department. Fully empty lines are skipped.
 */
export function readRows(table: readonly (readonly string[])[], map: HeaderMap): ImportRow[] {
  const rows: ImportRow[] = [];
  const otherLineOf = new Map<string, number>();
  for (let r = 1; r < table.length; r++) {
    const cells = table[r] ?? [];
    const raw = (c: Column) => {
      const i = map.index[c];
      return i === undefined ? "" : (cells[i] ?? "");
    };
    const values = Object.fromEntries(COLUMNS.map((c) => [c, clean(raw(c))])) as Record<Column, string>;
    if (COLUMNS.every((c) => values[c] === "")) continue;
    const problems: RowProblem[] = [];
    if (COLUMNS.some((c) => looksLikeFormula(raw(c).trimStart()))) problems.push("formula");
    if (COLUMNS.some((c) => c !== "name" && values[c].length > MAX_CELL)) problems.push("tooLong");
    const declaresPlace = values.name === "" && values.email === "";
    const email = values.email.toLowerCase();
    if (!declaresPlace) {
      if (values.name === "") problems.push("missingName");
      else if (values.name.length > 120) problems.push("nameTooLong");
      if (email === "") problems.push("missingEmail");
      else if (!Email.safeParse(email).success || email.length > 254) problems.push("invalidEmail");
    }
    let role: ImportRole | null = null;
    if (values.role !== "") {
      role = ROLE_WORDS[normaliseHeader(values.role)] ?? null;
      if (!role) problems.push("invalidRole");
    }
    let language: ImportLocale | null = null;
    if (values.language !== "") {
      language = LANGUAGE_WORDS[normaliseHeader(values.language)] ?? null;
      if (!language) problems.push("invalidLanguage");
    }
    const row: ImportRow = {
      line: r + 1,
      name: values.name,
      email,
      role,
      site: values.site,
      department: values.department,
      language,
      problems,
    };
    if (email !== "" && !problems.includes("invalidEmail")) {
      const first = otherLineOf.get(email);
      if (first !== undefined) {
        problems.push("duplicateEmail");
        row.otherLine = first;
        // Which of the two lines is right the file cannot tell: the first one is held back as well.
        const earlier = rows.find((x) => x.line === first);
        if (earlier && !earlier.problems.includes("duplicateEmail")) {
          earlier.problems.push("duplicateEmail");
          earlier.otherLine = row.line;
        }
      } else otherLineOf.set(email, row.line);
    }
    rows.push(row);
  }
  return rows;
}

/** A name a spreadsheet could read as a formula gets a leading apostrophe when written back out. */
export function safeCell(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

// One way to write a table for a spreadsheet, for every download of the portal (decision 158). Pure: the CSV text
// is built here, the .xlsx workbook in export.server.ts. Callers hand over translated labels and numbers as
// numbers; this module decides separator, decimal mark, quoting and the protection against formula injection.
export type ExportCell = string | number | null | undefined;
export type ExportRow = readonly ExportCell[];
export type ExportTable = {
  /** The worksheet's name (Excel allows 31 characters). */
  sheet: string;
  rows: readonly ExportRow[];
  /** Indexes of the rows that are column headings (bold in the workbook). */
  headerRows?: readonly number[];
};

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The portal's languages (as ~/utils/i18n-core, which a pure module may not import). */
type Locale = "nl" | "en";

export type CsvDialect = { separator: ";" | ","; decimal: "," | "." };

/**
 * Excel in Belgium and the Netherlands reads `;` between fields and a decimal comma (the list separator of the
 * Dutch regional settings); English downloads keep comma and point.
 */
export function csvDialect(locale: Locale): CsvDialect {
  return locale === "nl" ? { separator: ";", decimal: "," } : { separator: ",", decimal: "." };
}

const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

/** A text a spreadsheet would run as a formula (= + - @, tab, carriage return) gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function formatNumber(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return "";
  const text = String(value);
  return dialect.decimal === "," ? text.replace(".", ",") : text;
}

/** One field, RFC 4180: quoted when it holds the separator, a quote or a line break; quotes doubled. */
export function csvField(value: ExportCell, dialect: CsvDialect): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? formatNumber(value, dialect) : neutraliseFormula(value);
  return text.includes(dialect.separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: UTF-8 byte order mark (so Excel reads accents), CRLF line ends, a final CRLF. */
export function toCsv(table: ExportTable, locale: Locale): string {
  const dialect = csvDialect(locale);
  return `\uFEFF${table.rows.map((row) => row.map((cell) => csvField(cell, dialect)).join(dialect.separator)).join("\r\n")}\r\n`;
}

/** A download's file name: `<base>.<format>`, base made of lower-case letters, digits and dashes. */
export function exportFileName(base: string, format: ExportFormat): string {
  const slug = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${slug || "export"}.${format}`;
}

/** The link to a download in the chosen format, keeping the page's other query parameters. */
export function exportHref(href: string, format: ExportFormat): string {
  const [path, query = ""] = href.split("?");
  const params = new URLSearchParams(query);
  params.set("format", format);
  return `${path}?${params.toString()}`;
}

// Pure: from the bytes of an uploaded file to a table of text cells. What the file is comes from its first bytes,
// never from its name; the text encoding from the bytes too (UTF-8 with or without BOM, else Windows-1252 as
// Excel writes "CSV" in Belgium and the Netherlands). docs/decisions/100.

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

export type FileKind = "xlsx" | "csv";
export type TableProblem =
  "notSpreadsheet" | "oldExcel" | "mixedEncoding" | "empty" | "tooManyRows" | "tooLarge" | "brokenQuotes";

export type Sniffed = { ok: true; kind: FileKind } | { ok: false; problem: TableProblem };

/** The kind of file, from its magic bytes: a ZIP container (xlsx), the old OLE2 .xls, or plain text. */
export function sniffFile(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > IMPORT_MAX_BYTES) return { ok: false, problem: "tooLarge" };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return { ok: true, kind: "xlsx" };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return { ok: false, problem: "oldExcel" };
  // Text has no NUL and no control characters besides tab, line feed, carriage return (and form feed/EOF that
  // old exports leave); a PDF, image or executable always has some within its first kilobytes.
  const probe = bytes.subarray(0, 8192);
  for (const b of probe) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a)
      return { ok: false, problem: "notSpreadsheet" };
  }
  if (probe[0] === 0x25 && probe[1] === 0x50 && probe[2] === 0x44 && probe[3] === 0x46)
    return { ok: false, problem: "notSpreadsheet" };
  return { ok: true, kind: "csv" };
}

/** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i] ?? 0;
    const c1 = bytes[i + 1] ?? 0;
    const cont = (x: number) => x >= 0x80 && x <= 0xbf;
    if (b >= 0xc2 && b <= 0xdf && cont(c1)) return true;
    if (b >= 0xe0 && b <= 0xef && cont(c1) && cont(bytes[i + 2] ?? 0)) return true;
  }
  return false;
}

// Windows-1252's 0x80–0x9F; Node 20's TextDecoder("windows-1252") decodes them as ISO-8859-1 control characters
// (nodejs/node#56542), which would turn "€" and "’" into invisible garbage. Unassigned bytes keep their code.
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const chunk = 8192;
  for (let i = 0; i < bytes.length; i += chunk) {
    const part = bytes.subarray(i, i + chunk);
    out += String.fromCharCode(
      ...Array.from(part, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}

export type Decoded =
  { ok: true; text: string; encoding: "utf-8" | "windows-1252" } | { ok: false; problem: TableProblem };

/**
 * UTF-8 (a BOM is dropped) when the bytes are valid UTF-8; otherwise Windows-1252 — unless the bytes also hold
 * well-formed UTF-8 sequences, which means two encodings in one file (a sheet pasted together from two exports):
 * decoding either way would garble some names, so the file is refused.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    if (body !== bytes || hasUtf8Sequence(body)) return { ok: false, problem: "mixedEncoding" };
    return { ok: true, text: decodeWindows1252(body), encoding: "windows-1252" };
  }
}

/** The separator of the header line: the most frequent of ; , and tab outside quotes (comma when none). */
export function detectSeparator(text: string): ";" | "," | "\t" {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (ch === ";" || ch === "," || ch === "\t")) counts[ch] += 1;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

export type Parsed = { ok: true; rows: string[][] } | { ok: false; problem: TableProblem };

/**
 * RFC 4180: fields separated by `sep`, records by CRLF or LF (a lone CR too); a quoted field may hold separators,
 * line breaks and doubled quotes. Stops early (tooManyRows) once more than `maxRows` records follow the header.
 * A quote left open at the end is refused: it would swallow the rest of the file into one cell.
 */
export function parseCsv(text: string, sep: string, maxRows = IMPORT_MAX_ROWS): Parsed {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    row.push(field);
    field = "";
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
  };
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      i += 1;
    } else if (ch === sep) {
      row.push(field);
      field = "";
      i += 1;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      if (rows.length > maxRows + 1) return { ok: false, problem: "tooManyRows" };
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (quoted) return { ok: false, problem: "brokenQuotes" };
  if (field !== "" || row.length > 0) endRecord();
  if (rows.length > maxRows + 1) return { ok: false, problem: "tooManyRows" };
  return { ok: true, rows };
}

/** Bytes of a text file to a table: decode, find the separator, parse. */
export function csvTable(bytes: Uint8Array, maxRows = IMPORT_MAX_ROWS): Parsed {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseCsv(decoded.text, detectSeparator(decoded.text), maxRows);
  if (parsed.ok && parsed.rows.length === 0) return { ok: false, problem: "empty" };
  return parsed;
}

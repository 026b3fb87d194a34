import { describe, expect, it } from "vitest";
import { csvTable, decodeText, detectSeparator, parseCsv, sniffFile } from "./table";

const utf8 = (s: string) => new TextEncoder().encode(s);
// "Zoë Peeters" as Excel writes it in Belgium: ë is one byte, 0xEB, in Windows-1252.
const cp1252Zoe = new Uint8Array([0x5a, 0x6f, 0xeb, 0x20, 0x50, 0x65, 0x65, 0x74, 0x65, 0x72, 0x73]);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe("sniffFile goes by the bytes, not the name", () => {
  it.each([
    ["xlsx (zip)", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), { ok: true, kind: "xlsx" }],
    ["old .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), { ok: false, problem: "oldExcel" }],
    ["PDF", utf8("%PDF-1.7\n"), { ok: false, problem: "notSpreadsheet" }],
    [
      "PNG",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      { ok: false, problem: "notSpreadsheet" },
    ],
    ["text with NUL", utf8("naam\u0000;email"), { ok: false, problem: "notSpreadsheet" }],
    ["empty", new Uint8Array(), { ok: false, problem: "empty" }],
    ["CSV text", utf8("naam;email\r\n"), { ok: true, kind: "csv" }],
    ["over 5 MB", new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), { ok: false, problem: "tooLarge" }],
  ])("%s", (_label, bytes, expected) => {
    expect(sniffFile(bytes)).toEqual(expected);
  });
});

describe("decodeText", () => {
  it.each([
    ["UTF-8 without BOM", utf8("Zoë Peeters"), "Zoë Peeters", "utf-8"],
    ["UTF-8 with BOM", concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8("Zoë Peeters")), "Zoë Peeters", "utf-8"],
    ["Windows-1252", cp1252Zoe, "Zoë Peeters", "windows-1252"],
    ["Windows-1252 euro and curly quote", new Uint8Array([0x80, 0x20, 0x92]), "€ ’", "windows-1252"],
  ])("%s", (_label, bytes, text, encoding) => {
    expect(decodeText(bytes)).toEqual({ ok: true, text, encoding });
  });
  it.each([
    ["UTF-8 and Windows-1252 in one file", concat(utf8("Zoë;"), cp1252Zoe)],
    ["a BOM before Windows-1252 bytes", concat(new Uint8Array([0xef, 0xbb, 0xbf]), cp1252Zoe)],
  ])("refuses %s", (_label, bytes) => {
    expect(decodeText(bytes)).toEqual({ ok: false, problem: "mixedEncoding" });
  });
});

describe("detectSeparator reads the header line", () => {
  it.each([
    ["naam;e-mail;rol", ";"],
    ["name,email,role", ","],
    ["name\temail\trole", "\t"],
    ['"Naam, voornaam";e-mail', ";"],
    ["name;email\na,b,c,d,e", ";"],
    ["name", ","],
  ])("%j → %j", (text, sep) => {
    expect(detectSeparator(text)).toBe(sep);
  });
});

describe("parseCsv (RFC 4180)", () => {
  it.each([
    [
      "plain",
      "a;b\r\nc;d",
      ";",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "LF only, trailing newline",
      "a,b\nc,d\n",
      ",",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    ["quoted separator", '"Peeters; Zoë";x', ";", [["Peeters; Zoë", "x"]]],
    ["doubled quotes", '"Jan ""Sjang"" Janssens",x', ",", [['Jan "Sjang" Janssens', "x"]]],
    ["line break inside quotes", '"Campus\r\nNoord",x', ",", [["Campus\r\nNoord", "x"]]],
    ["empty fields", "a;;c;", ";", [["a", "", "c", ""]]],
    ["blank lines skipped", "a\r\n\r\nb", ";", [["a"], ["b"]]],
    ["a quote inside an unquoted field stays", 'O"Brien;x', ";", [['O"Brien', "x"]]],
  ])("%s", (_label, text, sep, rows) => {
    expect(parseCsv(text, sep)).toEqual({ ok: true, rows });
  });
  it("refuses a quote left open (it would swallow the rest of the file)", () => {
    expect(parseCsv('a;"b\r\nc;d', ";")).toEqual({ ok: false, problem: "brokenQuotes" });
  });
  it("counts records after the header against the row limit", () => {
    const text = ["h", "1", "2", "3"].join("\n");
    expect(parseCsv(text, ";", 3).ok).toBe(true);
    expect(parseCsv(text, ";", 2)).toEqual({ ok: false, problem: "tooManyRows" });
  });
});

describe("csvTable", () => {
  it("reads a Windows-1252 semicolon file as Excel in Belgium saves it", () => {
    const bytes = concat(utf8("Naam;E-mail\r\n"), cp1252Zoe, utf8(";zoe@example.org\r\n"));
    expect(csvTable(bytes)).toEqual({
      ok: true,
      rows: [
        ["Naam", "E-mail"],
        ["Zoë Peeters", "zoe@example.org"],
      ],
    });
  });
  it("calls a file of blank lines empty", () => {
    expect(csvTable(utf8("\r\n\r\n"))).toEqual({ ok: false, problem: "empty" });
  });
});

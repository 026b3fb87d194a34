import { describe, expect, it } from "vitest";
import { csvField, csvDialect, exportHref, neutraliseFormula, toCsv } from "./table";

describe("csvField", () => {
  const nl = csvDialect("nl");
  const en = csvDialect("en");
  it.each([
    [null, "", ""],
    [62.5, "62,5", "62.5"],
    [-4, "-4", "-4"],
    [1234.25, "1234,25", "1234.25"],
    ["plain", "plain", "plain"],
    ["a;b", '"a;b"', "a;b"],
    ["a,b", "a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"', '"line\nbreak"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+31 6", "'+31 6", "'+31 6"],
    ["@SUM", "'@SUM", "'@SUM"],
    ["-12.5", "-12.5", "-12.5"],
    ["=a;b", `"'=a;b"`, "'=a;b"],
  ] as [string | number | null, string, string][])("%j → nl %s, en %s", (value, dutch, english) => {
    expect(csvField(value, nl)).toBe(dutch);
    expect(csvField(value, en)).toBe(english);
  });
});

describe("toCsv", () => {
  it("starts with a byte order mark and ends every row with CRLF", () => {
    expect(
      toCsv(
        {
          sheet: "x",
          rows: [
            ["a", 1.5],
            ["b", null],
          ],
        },
        "nl",
      ),
    ).toBe("\uFEFFa;1,5\r\nb;\r\n");
    expect(
      toCsv(
        {
          sheet: "x",
          rows: [
            ["a", 1.5],
            ["b", null],
          ],
        },
        "en",
      ),
    ).toBe("\uFEFFa,1.5\r\nb,\r\n");
  });
  it("leaves text that only starts like a number alone and neutralises formulas", () => {
    expect(neutraliseFormula("-")).toBe("'-");
    expect(neutraliseFormula("-3")).toBe("-3");
    expect(neutraliseFormula("\tcmd")).toBe("'\tcmd");
  });
});

describe("exportHref", () => {
  it("adds the format and keeps the page's filters", () => {
    expect(exportHref("/partner/benchmark/export?country=NL", "xlsx")).toBe(
      "/partner/benchmark/export?country=NL&format=xlsx",
    );
    expect(exportHref("/hr/modules/export", "csv")).toBe("/hr/modules/export?format=csv");
  });
});

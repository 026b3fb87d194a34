import { describe, expect, it } from "vitest";
import { csvCell, csvLines } from "./csv";

describe("csv", () => {
  it.each([
    [null, ""],
    [12.345, "12.3"],
    [-4, "-4"],
    ["plain", "plain"],
    ['say "hi", ok', '"say ""hi"", ok"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["@cmd", "'@cmd"],
    ["-12.5", "-12.5"],
  ] as [string | number | null, string][])("%j → %s", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
  it("joins rows with CRLF", () => {
    expect(csvLines([["a", 1], ["b", null]])).toBe("a,1\r\nb,");
  });
});

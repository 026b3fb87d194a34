import { describe, expect, it } from "vitest";
import { csvCell, exportFileName, scanToCsv, scanToJson } from "./export";
import { scoreScan } from "./scoring";

describe("csvCell", () => {
  const cases: [string | number | null, string][] = [
    [null, ""],
    ["plain", "plain"],
    [62.5, "62.5"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+31 6", "'+31 6"],
    ["-1", "'-1"],
    ["@SUM", "'@SUM"],
    ["=a,b", `"'=a,b"`],
  ];
  for (const [input, expected] of cases) it(`${JSON.stringify(input)} → ${expected}`, () => expect(csvCell(input)).toBe(expected));
});

describe("scan exports", () => {
  const instrument = { dimensions: [{ key: "a", items: [{ key: "a.1", core: true }, { key: "a.2", core: false }, { key: "a.3", core: false }] }] };
  const answers = [
    { itemKey: "a.1", dimensionKey: "a", value: "1", comment: "=cmd" },
    { itemKey: "a.2", dimensionKey: "a", value: "2", comment: null },
    { itemKey: "a.3", dimensionKey: "a", value: "4", comment: "ok, fine" },
  ];
  const result = scoreScan(instrument, { "a.1": "1", "a.2": "2", "a.3": "4" });
  it("writes items, then dimensions, then overall, with unrounded scores", () => {
    expect(scanToCsv(answers, result).split("\r\n")).toEqual([
      "section,key,dimension,value,score,level,comment",
      "item,a.1,a,1,,,'=cmd",
      "item,a.2,a,2,,,",
      'item,a.3,a,4,,,"ok, fine"',
      `dimension,a,a,,${(7 / 3) * 25},3,`,
      `overall,overall,,,${(7 / 3) * 25},3,`,
      "",
    ]);
  });
  it("JSON holds the same numbers", () => {
    const json = scanToJson({ organisation: "X", period: "2026", instrumentVersion: 1, status: "submitted", submittedAt: null }, answers, result);
    expect(json.dimensions[0]?.score).toBe((7 / 3) * 25);
    expect(json.overall.score).toBe((7 / 3) * 25);
    expect(json.items[0]).toEqual({ key: "a.1", dimension: "a", value: "1", comment: "=cmd" });
    expect(json.flaggedCoreItems).toEqual(["a.1"]);
  });
  it("names the file after organisation and period", () => {
    expect(exportFileName("ZAS Ziekenhuis aan de Stroom", "2026", "csv")).toBe("scan-zas-ziekenhuis-aan-de-stroom-2026.csv");
    expect(exportFileName("Zorggroep Maasoëver", "2025-H1", "json")).toBe("scan-zorggroep-maasoever-2025-h1.json");
  });
});

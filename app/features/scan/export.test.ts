import { describe, expect, it } from "vitest";
import { toCsv } from "~/features/exports/table";
import { exportFileName, scanTable, scanToJson } from "./export";
import { scoreScan } from "./scoring";

describe("scan exports", () => {
  const instrument = {
    dimensions: [
      {
        key: "a",
        items: [
          { key: "a.1", core: true },
          { key: "a.2", core: false },
          { key: "a.3", core: false },
        ],
      },
    ],
  };
  const answers = [
    { itemKey: "a.1", dimensionKey: "a", value: "1", comment: "=cmd" },
    { itemKey: "a.2", dimensionKey: "a", value: "2", comment: null },
    { itemKey: "a.3", dimensionKey: "a", value: "4", comment: "ok, fine" },
  ];
  const result = scoreScan(instrument, { "a.1": "1", "a.2": "2", "a.3": "4" });
  const dimensions = [
    {
      key: "a",
      number: 6,
      name: "Taal",
      items: [1, 2, 3].map((position) => ({ key: `a.${position}`, position, text: `Uitspraak ${position}` })),
    },
  ];
  const nl = {
    headings: ["Onderdeel", "Nr.", "Thema", "Uitspraak", "Antwoord", "Score", "Niveau", "Niveau (naam)", "Toelichting"],
    item: "Uitspraak",
    dimension: "Thema",
    overallSection: "Totaal",
    overall: "Totaalscore",
    dontKnow: "Weet niet",
    notApplicable: "Niet van toepassing",
    levels: ["Startend", "Bewust", "In opbouw", "Verankerd", "Voortrekker"],
  };
  const en = {
    ...nl,
    headings: ["Part", "No.", "Theme", "Statement", "Answer", "Score", "Level", "Level (name)", "Comment"],
    item: "Statement",
    dontKnow: "Don't know",
  };
  it("writes items as 6.3 with their statement, then themes, then overall: translated, numbers unrounded", () => {
    const table = scanTable(dimensions, answers, result, nl, "Scan");
    expect(toCsv(table, "nl").split("\r\n")).toEqual([
      "\uFEFFOnderdeel;Nr.;Thema;Uitspraak;Antwoord;Score;Niveau;Niveau (naam);Toelichting",
      "Uitspraak;6.1;Taal;Uitspraak 1;1;;;;'=cmd",
      "Uitspraak;6.2;Taal;Uitspraak 2;2;;;;",
      "Uitspraak;6.3;Taal;Uitspraak 3;4;;;;ok, fine",
      `Thema;6;Taal;;;${String((7 / 3) * 25).replace(".", ",")};3;In opbouw;`,
      `Totaal;;Totaalscore;;;${String((7 / 3) * 25).replace(".", ",")};3;In opbouw;`,
      "",
    ]);
    expect(table.rows[1]?.[4]).toBe(1);
    expect(table.rows[4]?.[5]).toBe((7 / 3) * 25);
  });
  it("names don't know and not applicable in words, in English with comma and point", () => {
    const table = scanTable(dimensions, [{ itemKey: "a.1", value: "dont_know", comment: "a, b" }], result, en, "Scan");
    const lines = toCsv(table, "en").split("\r\n");
    expect(lines[0]).toBe("\uFEFFPart,No.,Theme,Statement,Answer,Score,Level,Level (name),Comment");
    expect(lines[1]).toBe(`Statement,6.1,Taal,Uitspraak 1,Don't know,,,,"a, b"`);
    expect(lines[4]).toContain(`,${(7 / 3) * 25},3,`);
  });
  it("JSON holds the same numbers", () => {
    const json = scanToJson(
      { organisation: "X", period: "2026", instrumentVersion: 1, status: "submitted", submittedAt: null },
      answers,
      result,
    );
    expect(json.dimensions[0]?.score).toBe((7 / 3) * 25);
    expect(json.overall.score).toBe((7 / 3) * 25);
    expect(json.items[0]).toEqual({ key: "a.1", dimension: "a", value: "1", comment: "=cmd" });
    expect(json.flaggedCoreItems).toEqual(["a.1"]);
  });
  it("names the file after organisation and period", () => {
    expect(exportFileName("ZAS Ziekenhuis aan de Stroom", "2026", "csv")).toBe(
      "scan-zas-ziekenhuis-aan-de-stroom-2026.csv",
    );
    expect(exportFileName("Zorggroep Maasoëver", "2025-H1", "json")).toBe("scan-zorggroep-maasoever-2025-h1.json");
  });
});

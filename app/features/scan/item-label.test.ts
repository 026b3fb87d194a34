import { describe, expect, it } from "vitest";
import { itemLabel, itemLabelIn, itemNumber, numberItems } from "./item-label";

const dimensions = [
  {
    key: "leadership",
    number: 1,
    items: [{ key: "leadership.1", position: 1, textNl: "Formeel engagement", textEn: "Formal commitment" }],
  },
  {
    key: "team_culture",
    number: 6,
    items: [
      {
        key: "team_culture.3",
        position: 3,
        textNl: "Een bekende meldprocedure",
        textEn: "A known reporting procedure",
      },
    ],
  },
];

describe("scan item labels", () => {
  it.each([
    ["team_culture.3", "nl", "6.3 Een bekende meldprocedure"],
    ["team_culture.3", "en", "6.3 A known reporting procedure"],
    ["leadership.1", "en", "1.1 Formal commitment"],
    ["unknown.9", "nl", ""],
  ] as const)("%s in %s reads %j", (key, locale, expected) => {
    expect(itemLabelIn(dimensions, key, (i) => (locale === "nl" ? i.textNl : i.textEn))).toBe(expected);
  });

  it("formats the number and the statement, with no key", () => {
    expect(itemLabel(6, 3, "Tekst")).toBe("6.3 Tekst");
    expect(itemNumber(8, 5)).toBe("8.5");
  });

  it("numbers a flat benchmark list by dimension order and position", () => {
    const items = [{ dimensionKey: "a" }, { dimensionKey: "a" }, { dimensionKey: "b" }];
    expect(numberItems(["a", "b"], items).map((i) => itemNumber(i.dimensionNumber, i.position))).toEqual([
      "1.1",
      "1.2",
      "2.1",
    ]);
  });
});

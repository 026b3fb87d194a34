import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { catalogueOf } from "~/utils/i18n";
import { CatalogueContext, I18nProvider } from "~/utils/i18n-react";
import { MedianTable, type MedianRow } from "./median-table";

const rows: MedianRow[] = [
  { key: "overall", name: "Overall", own: 61.4, level: 4, median: 55.2 },
  { key: "leadership", name: "Leadership", own: 40, level: 3, median: null },
  { key: "onboarding", name: "Onboarding", own: null, level: null, median: 48 },
];

/** The table as text per row: what a reader sees, cell by cell. */
function cells(element: JSX.Element): string[][] {
  const html = renderToStaticMarkup(
    <CatalogueContext.Provider value={{ locale: "en", messages: catalogueOf("en") }}>
      <I18nProvider locale="en">{element}</I18nProvider>
    </CatalogueContext.Provider>,
  );
  return [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "")),
  );
}

describe("MedianTable", () => {
  it("shows own score and group median per row (the partner's selected organisation)", () => {
    const table = cells(
      <MedianTable
        testId="selected-table"
        ownHeading="benchmark.comparison.selectedScore"
        medianHeading="benchmark.comparison.groupMedian"
        rows={rows}
      />,
    );
    expect(table).toHaveLength(4);
    expect(table[0]).toHaveLength(3);
    expect(table.slice(1).map((r) => r[0])).toEqual(["Overall", "Leadership", "Onboarding"]);
    expect(table[1]?.[1]).toBe("61");
    expect(table[2]?.[1]).toBe("40");
    expect(table[3]?.[1]).toBe("–");
  });

  it("adds the level and the difference where the group is shown (HR's own position)", () => {
    const table = cells(
      <MedianTable
        testId="position-table"
        ownHeading="benchmark.hr.own"
        medianHeading="benchmark.hr.peerMedian"
        withLevel
        difference={{ heading: "benchmark.hr.difference", shown: true }}
        rows={rows}
      />,
    );
    expect(table[0]).toHaveLength(5);
    // 61.4 − 55.2 = 6.2, shown as a whole number; no difference without both figures.
    expect(table[1]?.[4]).toBe("6");
    expect(table[2]?.[4]).toBe("–");
    expect(table[3]?.[4]).toBe("–");
    expect(table[1]?.[2]).not.toBe("");
  });

  it("shows no difference at all while the group is hidden", () => {
    const table = cells(
      <MedianTable
        testId="position-table"
        ownHeading="benchmark.hr.own"
        medianHeading="benchmark.hr.peerMedian"
        withLevel
        difference={{ heading: "benchmark.hr.difference", shown: false }}
        rows={rows}
      />,
    );
    expect(table.slice(1).map((r) => r[4])).toEqual(["–", "–", "–"]);
  });
});

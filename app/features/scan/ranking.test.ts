import { describe, expect, it } from "vitest";
import { strengthsAndGaps } from "./ranking";
import type { DimensionResult } from "./scoring";

const dim = (key: string, score: number | null): DimensionResult => ({
  key,
  score,
  level: null,
  scoredItems: 5,
  answeredItems: 5,
  totalItems: 5,
});

describe("strengthsAndGaps", () => {
  const cases: { name: string; dims: DimensionResult[]; strengths: string[]; gaps: string[] }[] = [
    {
      name: "eight scored dimensions: top 3 and bottom 3",
      dims: [
        dim("a", 50),
        dim("b", 90),
        dim("c", 10),
        dim("d", 70),
        dim("e", 30),
        dim("f", 60),
        dim("g", 80),
        dim("h", 20),
      ],
      strengths: ["b", "g", "d"],
      gaps: ["c", "h", "e"],
    },
    {
      name: "ties keep instrument order",
      dims: [
        dim("a", 50),
        dim("b", 50),
        dim("c", 50),
        dim("d", 50),
        dim("e", 50),
        dim("f", 50),
        dim("g", 50),
        dim("h", 50),
      ],
      strengths: ["d", "e", "f"],
      gaps: ["a", "b", "c"],
    },
    {
      name: "dimensions without a score are left out",
      dims: [dim("a", null), dim("b", 40), dim("c", null), dim("d", 80)],
      strengths: ["d"],
      gaps: ["b"],
    },
    { name: "nothing scored", dims: [dim("a", null)], strengths: [], gaps: [] },
    { name: "one scored dimension is a strength, not a gap", dims: [dim("a", 10)], strengths: ["a"], gaps: [] },
    {
      name: "five scored: two gaps, three strengths",
      dims: [dim("a", 10), dim("b", 20), dim("c", 30), dim("d", 40), dim("e", 50)],
      strengths: ["e", "d", "c"],
      gaps: ["a", "b"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = strengthsAndGaps(c.dims);
      expect(result.gaps.map((g) => g.key)).toEqual(c.gaps);
      expect(result.strengths.map((s) => s.key)).toEqual(c.strengths);
    });
  }
  it("never lists a dimension as both strength and gap", () => {
    const result = strengthsAndGaps([dim("a", 10), dim("b", 20), dim("c", 30)]);
    const overlap = result.strengths.filter((s) => result.gaps.some((g) => g.key === s.key));
    expect(overlap).toEqual([]);
  });
});

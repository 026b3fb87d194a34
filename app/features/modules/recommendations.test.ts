import { describe, expect, it } from "vitest";
import { recommendModules, type RecommendationInput } from "./recommendations";

const moduleDimensions = {
  "who-are-our-newcomers": ["onboarding", "team_culture"],
  "bias-in-selection": ["recruitment"],
  "language-sensitive-working": ["language"],
  "being-a-buddy": ["onboarding"],
  "inclusive-leadership": ["leadership", "team_culture"],
};

const base = (over: Partial<RecommendationInput>): RecommendationInput => ({
  dimensions: [],
  flaggedCoreItems: [],
  moduleDimensions,
  ...over,
});

describe("recommendModules", () => {
  it("recommends nothing when every dimension scores 60 or more and no core item is flagged", () => {
    const dimensions = ["onboarding", "recruitment", "language", "leadership", "team_culture"].map((key) => ({
      key,
      score: 60,
    }));
    expect(recommendModules(base({ dimensions }))).toEqual([]);
  });

  it("treats a score under 60 as weak, but not 60 itself and not a missing score", () => {
    const result = recommendModules(
      base({
        dimensions: [
          { key: "recruitment", score: 59.99 },
          { key: "language", score: 60 },
          { key: "leadership", score: null },
        ],
      }),
    );
    expect(result).toEqual([
      { moduleKey: "bias-in-selection", reasons: [{ dimensionKey: "recruitment", kind: "weak" }] },
    ]);
  });

  it("orders the lowest score first", () => {
    const result = recommendModules(
      base({
        dimensions: [
          { key: "recruitment", score: 50 },
          { key: "language", score: 20 },
        ],
      }),
    );
    expect(result.map((r) => r.moduleKey)).toEqual(["language-sensitive-working", "bias-in-selection"]);
  });

  it("puts modules with a flagged core item first, even when their dimension scores well", () => {
    const result = recommendModules(
      base({
        dimensions: [
          { key: "language", score: 10 },
          { key: "recruitment", score: 75 },
        ],
        flaggedCoreItems: [{ itemKey: "recruitment_3", dimensionKey: "recruitment" }],
      }),
    );
    expect(result).toEqual([
      { moduleKey: "bias-in-selection", reasons: [{ dimensionKey: "recruitment", kind: "core" }] },
      { moduleKey: "language-sensitive-working", reasons: [{ dimensionKey: "language", kind: "weak" }] },
    ]);
  });

  it("gives both reasons for a dimension that is weak and has a flagged core item, once each", () => {
    const result = recommendModules(
      base({
        dimensions: [{ key: "onboarding", score: 30 }],
        flaggedCoreItems: [
          { itemKey: "onboarding_1", dimensionKey: "onboarding" },
          { itemKey: "onboarding_2", dimensionKey: "onboarding" },
        ],
      }),
    );
    expect(result).toEqual([
      {
        moduleKey: "who-are-our-newcomers",
        reasons: [
          { dimensionKey: "onboarding", kind: "core" },
          { dimensionKey: "onboarding", kind: "weak" },
        ],
      },
      {
        moduleKey: "being-a-buddy",
        reasons: [
          { dimensionKey: "onboarding", kind: "core" },
          { dimensionKey: "onboarding", kind: "weak" },
        ],
      },
    ]);
  });

  it("breaks a tie on score by the number of reasons, then by catalogue order", () => {
    const result = recommendModules(
      base({
        dimensions: [
          { key: "onboarding", score: 40 },
          { key: "team_culture", score: 40 },
          { key: "leadership", score: 40 },
        ],
      }),
    );
    expect(result.map((r) => [r.moduleKey, r.reasons.length])).toEqual([
      ["who-are-our-newcomers", 2],
      ["inclusive-leadership", 2],
      ["being-a-buddy", 1],
    ]);
  });

  it("leaves out modules already assigned to all departments", () => {
    const result = recommendModules(
      base({ dimensions: [{ key: "onboarding", score: 10 }], assignedToAll: ["being-a-buddy"] }),
    );
    expect(result.map((r) => r.moduleKey)).toEqual(["who-are-our-newcomers"]);
  });

  it("ignores dimensions no module is linked to, and an empty catalogue", () => {
    expect(recommendModules(base({ dimensions: [{ key: "monitoring", score: 0 }] }))).toEqual([]);
    expect(
      recommendModules({ dimensions: [{ key: "language", score: 0 }], flaggedCoreItems: [], moduleDimensions: {} }),
    ).toEqual([]);
  });
});

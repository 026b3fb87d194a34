import { describe, expect, it } from "vitest";
import { recommendationsFor } from "./recommendations";
import type { DimensionResult } from "./scoring";

const dims = [
  { key: "leadership", moduleKeys: ["inclusive-leadership", "scan-to-action-plan"] },
  { key: "onboarding", moduleKeys: ["being-a-buddy", "practical-life-support"] },
  { key: "wellbeing", moduleKeys: ["trauma-and-wellbeing", "practical-life-support"] },
  { key: "monitoring", moduleKeys: ["scan-to-action-plan", "inclusive-leadership"] },
];
const d = (key: string, score: number | null): DimensionResult => ({ key, score, level: null, scoredItems: 5, answeredItems: 5, totalItems: 5 });

describe("recommendationsFor", () => {
  it("recommends nothing when every dimension scores 60 or more and no core item is flagged", () => {
    expect(recommendationsFor({ dimensions: [d("leadership", 60), d("onboarding", 75), d("wellbeing", 100), d("monitoring", 60)], flaggedCoreItems: [] }, dims)).toEqual([]);
  });
  it("recommends the modules of a dimension under 60, with the reason", () => {
    expect(recommendationsFor({ dimensions: [d("leadership", 59.99), d("onboarding", 80), d("wellbeing", 80), d("monitoring", 80)], flaggedCoreItems: [] }, dims)).toEqual([
      { moduleKey: "inclusive-leadership", reasons: [{ dimensionKey: "leadership", kind: "weak" }] },
      { moduleKey: "scan-to-action-plan", reasons: [{ dimensionKey: "leadership", kind: "weak" }] },
    ]);
  });
  it("recommends the modules of a dimension with a flagged core item even when it scores well", () => {
    expect(recommendationsFor({ dimensions: [d("leadership", 80), d("onboarding", 70), d("wellbeing", 80), d("monitoring", 80)], flaggedCoreItems: ["onboarding.2"] }, dims)).toEqual([
      { moduleKey: "being-a-buddy", reasons: [{ dimensionKey: "onboarding", kind: "core" }] },
      { moduleKey: "practical-life-support", reasons: [{ dimensionKey: "onboarding", kind: "core" }] },
    ]);
  });
  it("merges a module shared by several dimensions and keeps every reason", () => {
    const result = recommendationsFor({ dimensions: [d("leadership", 30), d("onboarding", 40), d("wellbeing", 20), d("monitoring", 90)], flaggedCoreItems: ["leadership.1", "onboarding.2"] }, dims);
    expect(result.map((r) => r.moduleKey)).toEqual(["inclusive-leadership", "scan-to-action-plan", "being-a-buddy", "practical-life-support", "trauma-and-wellbeing"]);
    expect(result.find((r) => r.moduleKey === "practical-life-support")?.reasons).toEqual([
      { dimensionKey: "onboarding", kind: "weak" },
      { dimensionKey: "onboarding", kind: "core" },
      { dimensionKey: "wellbeing", kind: "weak" },
    ]);
  });
  it("does not recommend for a dimension without a score (insufficient data)", () => {
    expect(recommendationsFor({ dimensions: [d("leadership", null), d("onboarding", 80), d("wellbeing", 80), d("monitoring", 80)], flaggedCoreItems: [] }, dims)).toEqual([]);
  });
});

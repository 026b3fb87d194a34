import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, type Contribution, type WeightLevels } from "./criteria";
import { maxPoints, overrideCost, pairFit } from "./fit";

const ALL_HIGH: WeightLevels = {
  sameDepartment: "high",
  sameProfession: "high",
  shiftOverlap: "high",
  sharedLanguage: "high",
  ownNewcomerExperience: "high",
  sharedInterests: "high",
  genderPreference: "high",
  seniority: "high",
};

describe("maxPoints", () => {
  it.each([
    ["default weights", DEFAULT_WEIGHTS, 160],
    ["all high", ALL_HIGH, 240],
    [
      "all off",
      { ...ALL_HIGH, ...Object.fromEntries(Object.keys(ALL_HIGH).map((k) => [k, "off"])) } as WeightLevels,
      0,
    ],
  ])("%s → %i", (_, levels, expected) => {
    expect(maxPoints(levels)).toBe(expected);
  });
});

describe("pairFit on 0–100", () => {
  const c = (key: Contribution["key"], points: number): Contribution => ({ key, points });
  it.each<[string, Contribution[], WeightLevels, number]>([
    ["nothing shared", [], DEFAULT_WEIGHTS, 0],
    [
      "department + profession + one shift of one",
      [c("sameDepartment", 30), c("sameProfession", 30), c("shiftOverlap", 20)],
      DEFAULT_WEIGHTS,
      50,
    ],
    // The keep bonus ranks pairs inside one run only; the pair's fit does not change when it is kept.
    [
      "kept pair: the +15 keep bonus is not part of the fit",
      [c("sameDepartment", 30), c("sameProfession", 30), c("shiftOverlap", 20), c("keep", 15)],
      DEFAULT_WEIGHTS,
      50,
    ],
    [
      "a busy buddy fits a little less",
      [c("sameDepartment", 30), c("sameProfession", 30), c("load", -10)],
      DEFAULT_WEIGHTS,
      31,
    ],
    ["load penalty alone never goes below 0", [c("load", -15)], DEFAULT_WEIGHTS, 0],
    [
      "every criterion met",
      [
        c("sameDepartment", 30),
        c("sameProfession", 30),
        c("shiftOverlap", 20),
        c("sharedLanguage", 20),
        c("ownNewcomerExperience", 20),
        c("sharedInterests", 10),
        c("genderPreference", 20),
        c("seniority", 10),
      ],
      DEFAULT_WEIGHTS,
      100,
    ],
    [
      "rounded to whole points (93 of 160 = 58.1)",
      [
        c("sameDepartment", 30),
        c("sameProfession", 30),
        c("shiftOverlap", 20),
        c("seniority", 10),
        c("sharedInterests", 3),
      ],
      DEFAULT_WEIGHTS,
      58,
    ],
    [
      "all weights off: 0, never a division by zero",
      [c("keep", 15)],
      {
        ...DEFAULT_WEIGHTS,
        ...Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, "off"])),
      } as WeightLevels,
      0,
    ],
  ])("%s", (_, contributions, levels, expected) => {
    expect(pairFit(contributions, levels)).toBe(expected);
  });
});

describe("overrideCost", () => {
  it.each([
    [
      "pins that change nothing cost nothing",
      { total: 80, matched: 2 },
      { total: 80, matched: 2 },
      { fitPoints: 0, newcomers: 0 },
    ],
    [
      "a worse pair costs its points on the 0–100 scale (32 of 160 = 20)",
      { total: 160, matched: 2 },
      { total: 128, matched: 2 },
      { fitPoints: 20, newcomers: 0 },
    ],
    [
      "a pin that leaves a newcomer without a buddy says so",
      { total: 160, matched: 2 },
      { total: 80, matched: 1 },
      { fitPoints: 50, newcomers: 1 },
    ],
  ])("%s", (_, best, chosen, expected) => {
    expect(overrideCost(best, chosen, DEFAULT_WEIGHTS)).toEqual(expected);
  });
});

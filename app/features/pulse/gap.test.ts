import { describe, expect, it } from "vitest";
import { experiencedScores, perceptionGap } from "./gap";

const KEYS = ["leadership", "language", "onboarding", "wellbeing"];

describe("perception gap", () => {
  it("puts HR's score beside both audiences and calls out the largest gaps first", () => {
    const { rows, callouts } = perceptionGap({
      dimensionKeys: KEYS,
      hr: [
        { key: "leadership", score: 60 },
        { key: "language", score: 75 },
        { key: "onboarding", score: 80 },
        { key: "wellbeing", score: 30 },
      ],
      newcomers: [
        { key: "leadership", score: 50 },
        { key: "language", score: 40 },
        { key: "onboarding", score: 70 },
        { key: "wellbeing", score: 80 },
      ],
      buddies: [
        { key: "leadership", score: 55 },
        { key: "onboarding", score: 45 },
        { key: "language", score: null },
      ],
    });
    expect(rows.find((r) => r.key === "language")).toEqual({
      key: "language",
      hr: 75,
      newcomers: 40,
      buddies: null,
      largest: { audience: "newcomers", gap: 35 },
    });
    expect(rows.find((r) => r.key === "wellbeing")?.largest).toBeNull(); // people experience it better than HR scores it
    expect(callouts).toEqual([
      { key: "language", audience: "newcomers", hr: 75, experienced: 40, gap: 35 },
      { key: "onboarding", audience: "buddies", hr: 80, experienced: 45, gap: 35 },
    ]);
  });

  it.each([
    [14.9, 0],
    [15, 1],
  ])("a gap of %s points gives %i callouts", (gap, n) => {
    const { callouts } = perceptionGap({
      dimensionKeys: ["language"],
      hr: [{ key: "language", score: 50 + gap }],
      newcomers: [{ key: "language", score: 50 }],
      buddies: null,
    });
    expect(callouts).toHaveLength(n);
  });

  it("has no gap where HR has no score or no group is shown, and at most three callouts", () => {
    const keys = ["a", "b", "c", "d", "e"];
    const { rows, callouts } = perceptionGap({
      dimensionKeys: keys,
      hr: keys.map((key, i) => ({ key, score: key === "e" ? null : 90 - i })),
      newcomers: keys.map((key) => ({ key, score: 10 })),
      buddies: null,
    });
    expect(rows.find((r) => r.key === "e")?.largest).toBeNull();
    expect(callouts.map((c) => c.key)).toEqual(["a", "b", "c"]);
    expect(perceptionGap({ dimensionKeys: keys, hr: [], newcomers: null, buddies: null }).callouts).toEqual([]);
  });

  it("feeds recommendations the lowest known score per dimension", () => {
    const { rows } = perceptionGap({
      dimensionKeys: ["language", "onboarding"],
      hr: [{ key: "language", score: 75 }],
      newcomers: [{ key: "language", score: 40 }],
      buddies: [{ key: "language", score: 60 }],
    });
    expect(experiencedScores(rows)).toEqual([
      { key: "language", score: 40 },
      { key: "onboarding", score: null },
    ]);
  });
});

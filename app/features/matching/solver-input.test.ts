import { describe, expect, it } from "vitest";
import { decimalsOf, MAX_CAPACITY, validateInstance } from "./solver-input";

describe("decimalsOf", () => {
  it.each([
    [0, 0],
    [-42, 0],
    [1.5, 1],
    [0.25, 2],
    [-999_999.999999, 6],
    [1e6, 0],
    [0.1 + 0.2, -1], // 0.30000000000000004: not a decimal with at most 6 digits
    [1e-7, -1],
    [1.1234567, -1],
  ])("%s has %i decimals", (value, expected) => {
    expect(decimalsOf(value)).toBe(expected);
  });
});

describe("validateInstance", () => {
  it.each([
    ["not an object", [1, 2], /must be an object/],
    ["an unknown key", { scores: [], capacities: [], slotPenalty: [1] }, /Unknown key "slotPenalty"/],
    ["capacities missing", { scores: [] }, /"capacities" must be an array/],
    ["a fractional capacity", { scores: [[1]], capacities: [1.5] }, /capacities\[0\] must be an integer/],
    ["a capacity above the limit", { scores: [[1]], capacities: [MAX_CAPACITY + 1] }, /capacities\[0\]/],
    [
      "decreasing penalties",
      { scores: [[1]], capacities: [2], slotPenalties: [5, 1] },
      /non-decreasing: slotPenalties\[1\] = 1/,
    ],
    [
      "a negative penalty",
      { scores: [[1]], capacities: [2], slotPenalties: [-1] },
      /slotPenalties\[0\] must be a number between 0/,
    ],
    ["a short row", { scores: [[1, 2], [3]], capacities: [1, 1] }, /scores\[1\] has 1 entries but there are 2 buddies/],
    ["a text score", { scores: [[1, "2"]], capacities: [1, 1] }, /scores\[0\]\[1\] must be a number .* got "2"/],
    ["a score out of range", { scores: [[2e6]], capacities: [1] }, /scores\[0\]\[0\] must be a number between/],
    ["a score with too many decimals", { scores: [[0.1 + 0.2]], capacities: [1] }, /scores\[0\]\[0\]/],
  ])("refuses %s, naming the place", (_what, input, message) => {
    const result = validateInstance(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("accepts nulls, decimals and penalties, and keeps only the known keys", () => {
    const result = validateInstance({
      scores: [
        [1.5, null],
        [null, -3],
      ],
      capacities: [1, 2],
      slotPenalties: [0, 2.5],
    });
    expect(result).toEqual({
      ok: true,
      instance: {
        scores: [
          [1.5, null],
          [null, -3],
        ],
        capacities: [1, 2],
        slotPenalties: [0, 2.5],
      },
    });
  });

  it("accepts an instance without penalties as it is", () => {
    expect(validateInstance({ scores: [], capacities: [] })).toEqual({
      ok: true,
      instance: { scores: [], capacities: [] },
    });
  });
});

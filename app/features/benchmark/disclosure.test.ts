import { describe, expect, it } from "vitest";
import { filteredGroupDecision, groupDecision, itemAnswersDecision, rowDecision, suppressPartition, type Cell, type Decision } from "./disclosure";

function decisions(cells: Cell[], totalShown = true): Record<string, string> {
  const map = suppressPartition(cells, totalShown);
  return Object.fromEntries(cells.map((c) => {
    const d = map.get(c.key) as Decision;
    return [c.key, d.shown ? "shown" : d.reason];
  }));
}

describe("groupDecision (threshold k = 5)", () => {
  it.each([
    [0, false],
    [1, false],
    [4, false],
    [5, true],
    [2000, true],
  ])("%d organisations → shown %s", (n, shown) => {
    expect(groupDecision(n).shown).toBe(shown);
  });
  it("gives the reason", () => {
    expect(groupDecision(3)).toEqual({ shown: false, reason: "small_group" });
  });
});

describe("suppressPartition: primary and complementary suppression", () => {
  const cases: [string, Cell[], boolean, Record<string, string>][] = [
    ["all cells large: everything shown", [{ key: "a", n: 5 }, { key: "b", n: 9 }], true, { a: "shown", b: "shown" }],
    [
      "one small cell: the smallest other cell goes with it",
      [{ key: "a", n: 3 }, { key: "b", n: 12 }, { key: "c", n: 7 }],
      true,
      { a: "small_group", b: "shown", c: "complementary" },
    ],
    [
      "two small cells whose union is still < 5: a third is suppressed",
      [{ key: "a", n: 1 }, { key: "b", n: 2 }, { key: "c", n: 6 }, { key: "d", n: 8 }],
      true,
      { a: "small_group", b: "small_group", c: "complementary", d: "shown" },
    ],
    [
      "two small cells whose union reaches 5: no partner needed",
      [{ key: "a", n: 2 }, { key: "b", n: 3 }, { key: "c", n: 8 }],
      true,
      { a: "small_group", b: "small_group", c: "shown" },
    ],
    [
      "total not shown: no subtraction possible, only primary",
      [{ key: "a", n: 1 }, { key: "b", n: 7 }],
      false,
      { a: "small_group", b: "shown" },
    ],
    [
      "empty cells are shown and never chosen as partners",
      [{ key: "a", n: 0 }, { key: "b", n: 4 }, { key: "c", n: 6 }, { key: "d", n: 9 }],
      true,
      { a: "shown", b: "small_group", c: "complementary", d: "shown" },
    ],
    [
      "ties for the partner are broken by key, so the choice is stable",
      [{ key: "z", n: 2 }, { key: "y", n: 6 }, { key: "x", n: 6 }],
      true,
      { z: "small_group", y: "shown", x: "complementary" },
    ],
    [
      "a partition with a single non-empty small cell and no partner: it stays suppressed",
      [{ key: "a", n: 3 }, { key: "b", n: 0 }],
      true,
      { a: "small_group", b: "shown" },
    ],
    ["no cells", [], true, {}],
  ];
  it.each(cases)("%s", (_name, cells, totalShown, expected) => {
    expect(decisions(cells, totalShown)).toEqual(expected);
  });

  it("never leaves exactly one suppressed non-empty cell when the total is shown", () => {
    // Exhaustive over small partitions: the union of suppressed cells is empty or ≥ 5, and never one cell alone.
    const sizes = [0, 1, 2, 3, 4, 5, 6, 9];
    for (const a of sizes) for (const b of sizes) for (const c of sizes) {
      const cells = [{ key: "a", n: a }, { key: "b", n: b }, { key: "c", n: c }];
      const total = a + b + c;
      if (total < 5) continue; // the total itself is suppressed then
      const map = suppressPartition(cells, true);
      const hidden = cells.filter((cell) => !map.get(cell.key)?.shown);
      const hiddenN = hidden.reduce((s, cell) => s + cell.n, 0);
      expect(hidden.length === 0 || (hidden.length >= 2 && hiddenN >= 5), JSON.stringify(cells)).toBe(true);
      for (const cell of cells) if (cell.n > 0 && cell.n < 5) expect(map.get(cell.key)?.shown).toBe(false);
    }
  });
});

describe("filteredGroupDecision: a filter result next to broader results", () => {
  it("shows a large group whose complement in every broader group is large too", () => {
    expect(filteredGroupDecision(20, [{ targetKey: "BE", totalN: 40, cells: [{ key: "BE", n: 20 }, { key: "NL", n: 20 }] }])).toEqual({ shown: true });
  });
  it("hides a group that is too small", () => {
    expect(filteredGroupDecision(4, [])).toEqual({ shown: false, reason: "small_group" });
  });
  it("hides Belgium when all minus Belgium would leave 3 Dutch organisations", () => {
    expect(filteredGroupDecision(20, [{ targetKey: "BE", totalN: 23, cells: [{ key: "BE", n: 20 }, { key: "NL", n: 3 }] }])).toEqual({
      shown: false,
      reason: "complementary",
    });
  });
  it("hides a sector within Belgium when the other Belgian sectors together are too few", () => {
    const parent = { targetKey: "hospital", totalN: 14, cells: [{ key: "hospital", n: 6 }, { key: "home_care", n: 6 }, { key: "elderly_care", n: 2 }] };
    // elderly care (2) is primary; the smallest partner is home care or hospital (6, tie → key order: home_care).
    expect(filteredGroupDecision(6, [parent])).toEqual({ shown: true });
    expect(filteredGroupDecision(6, [{ ...parent, targetKey: "home_care" }])).toEqual({ shown: false, reason: "complementary" });
  });
  it("checks every broader group, not only the first", () => {
    const fine = { targetKey: "x", totalN: 30, cells: [{ key: "x", n: 10 }, { key: "y", n: 20 }] };
    const bad = { targetKey: "x", totalN: 12, cells: [{ key: "x", n: 10 }, { key: "y", n: 2 }] };
    expect(filteredGroupDecision(10, [fine, bad]).shown).toBe(false);
  });
});

describe("rowDecision and itemAnswersDecision", () => {
  it.each([
    [true, 0, "name"],
    [true, 100, "name"],
    [false, 5, "pseudonym"],
    [false, 4, "withheld"],
    [false, 0, "withheld"],
  ] as const)("consented %s, %d non-consenting in class → %s", (consented, n, show) => {
    expect(rowDecision(consented, n).show).toBe(show);
  });
  it("item answers only with consent", () => {
    expect(itemAnswersDecision(true)).toEqual({ shown: true });
    expect(itemAnswersDecision(false)).toEqual({ shown: false, reason: "no_consent" });
  });
});

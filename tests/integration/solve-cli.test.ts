// The solver's command-line contract: `npm run --silent solve < instance.json`. Every case runs the command's
// function in-process (scripts/solve-cli.ts); one spawns the real command, so the wiring of stdin, stdout, stderr
// and the exit code is proven once (decision 091).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runSolve } from "../../scripts/solve-cli";

function solve(stdin: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runSolve(args, stdin);
}

/** The real command, as a user runs it. */
function spawnSolve(stdin: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npm", ["run", "--silent", "solve", ...(args.length > 0 ? ["--", ...args] : [])], {
    input: stdin,
    encoding: "utf8",
    timeout: 150_000,
  });
  // npm itself may warn about the machine's npmrc on stderr; keep only the solver's own lines.
  const stderr = result.stderr
    .split("\n")
    .filter((line) => !line.startsWith("npm warn"))
    .join("\n");
  return { status: result.status, stdout: result.stdout, stderr };
}

describe("the real command", () => {
  it("reads stdin, prints the answer on stdout, the refusal on stderr, and exits with the contract's codes", () => {
    const solved = spawnSolve(
      JSON.stringify({
        scores: [
          [10, 4],
          [9, null],
        ],
        capacities: [1, 1],
      }),
      "--certificate",
    );
    expect(solved.status).toBe(0);
    expect(JSON.parse(solved.stdout)).toMatchObject({
      pairs: [
        [0, 1],
        [1, 0],
      ],
      matched: 2,
      total: 13,
      unmatched: [],
      certified: true,
    });
    expect(solved.stdout).toBe(
      runSolve(
        ["--certificate"],
        JSON.stringify({
          scores: [
            [10, 4],
            [9, null],
          ],
          capacities: [1, 1],
        }),
      ).stdout,
    );
    const refused = spawnSolve("[[1, 2]]", "--certifcate");
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/unknown option "--certifcate"/);
  }, 320_000);
});

describe("npm run solve", () => {
  it("prints the optimal pairs, totals, unmatched rows and the certificate verdict", () => {
    const instance = {
      scores: [
        [10, 4, null],
        [9, null, 2],
        [null, null, null],
        [8, 7, 1],
      ],
      capacities: [1, 1, 2],
    };
    const result = solve(JSON.stringify(instance));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      // Three rows can be matched; among those, 10 + 2 + 7 = 19 beats 9 + 4 + 1 and the rest.
      pairs: [
        [0, 0],
        [1, 2],
        [3, 1],
      ],
      matched: 3,
      total: 19,
      unmatched: [2],
      certified: true,
    });
  });

  it("prints integer duals with --certificate that prove the answer optimal by hand-checkable sums", () => {
    const instance = {
      scores: [
        [2.5, 1, null],
        [2, null, 0.5],
        [1.5, 1.5, null],
      ],
      capacities: [2, 10_000, 0],
      slotPenalties: [0, 0.5],
    };
    const result = solve(JSON.stringify(instance), "--certificate");
    expect(result.status).toBe(0);
    type Output = {
      pairs: [number, number][];
      matched: number;
      total: number;
      certified: boolean;
      certificate: { decimals: number; matchBonus: number; rowDuals: number[]; slotDuals: number[][] };
    };
    const output = JSON.parse(result.stdout) as Output;
    // All three matched; the best total is 2.5 + 2 − 0.5 (row 1 second on buddy 0) + 1.5 = 5.5.
    expect(output).toMatchObject({ matched: 3, total: 5.5, certified: true });
    const { decimals, matchBonus, rowDuals, slotDuals } = output.certificate;
    expect(decimals).toBe(1);
    // One dual per slot a newcomer can use: buddy 1's capacity of 10,000 counts as 3, the number of rows.
    expect(slotDuals.map((duals) => duals.length)).toEqual([2, 3, 0]);
    // The check anyone can do with the printed numbers: in tenths of a point, every allowed pair and slot is
    // covered by its duals, and the duals add up to the answer's value.
    const all = [...rowDuals, ...slotDuals.flat(), matchBonus];
    expect(all.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    const penalty = (k: number) => 10 * instance.slotPenalties[Math.min(k, 1)]!;
    instance.scores.forEach((row, i) =>
      row.forEach((score, j) => {
        if (score === null) return;
        slotDuals[j]!.forEach((v, k) =>
          expect(rowDuals[i]! + v).toBeGreaterThanOrEqual(10 * score - penalty(k) + matchBonus),
        );
      }),
    );
    const dualSum = all.reduce((a, b) => a + b, 0) - matchBonus;
    expect(dualSum).toBe(matchBonus * output.matched + 10 * output.total);
    // And matchBonus is big enough for matches to come first: above (N − 1) × range − min weight, here with
    // N = 3, weights (score − penalty) from 0.5 − 0.5 = 0 to 2.5, in tenths: 2 × 25 − 0 = 50.
    expect(matchBonus).toBeGreaterThan(50);
  });

  it.each([
    ["a single newcomer at −1e6 with a capacity of 248", { scores: [[-1_000_000]], capacities: [248] }, -1_000_000],
    ["a single newcomer at 1e6 with a capacity of 498", { scores: [[1_000_000]], capacities: [498] }, 1_000_000],
  ])("certifies %s (exit 0)", (_name, instance, total) => {
    const result = solve(JSON.stringify(instance));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ pairs: [[0, 0]], matched: 1, total, unmatched: [], certified: true });
  });

  const malformed: [string, string, RegExp][] = [
    [
      "ragged rows",
      JSON.stringify({ scores: [[1, 2], [3]], capacities: [1, 1] }),
      /scores\[1\] has 1 entries but there are 2 buddies/,
    ],
    [
      "a negative capacity",
      JSON.stringify({ scores: [[1]], capacities: [-2] }),
      /capacities\[0\] must be an integer ≥ 0/,
    ],
    [
      "a non-number score",
      JSON.stringify({ scores: [[1, "high"]], capacities: [1, 1] }),
      /scores\[0\]\[1\] must be a number between −1000000 and 1000000 with at most 6 decimals/,
    ],
    [
      "a non-number capacity",
      JSON.stringify({ scores: [[1]], capacities: ["one"] }),
      /capacities\[0\] must be an integer/,
    ],
    ["invalid JSON", '{"scores": [[1, 2]', /not valid JSON/],
    ["empty input", "", /no input/],
    ["a bare array", "[[1, 2]]", /must be an object/],
    [
      "an unknown key",
      JSON.stringify({ scores: [[1, 2]], capacities: [1, 1], slotPenalty: [0, 5] }),
      /Unknown key "slotPenalty"/,
    ],
    [
      "a score of 5e-17",
      JSON.stringify({ scores: [[0], [5e-17]], capacities: [1] }),
      /scores\[1\]\[0\] must be a number between −1000000 and 1000000 with at most 6 decimals, or null \(forbidden\), got 5e-17/,
    ],
    [
      "a capacity above 10,000",
      JSON.stringify({ scores: [[1]], capacities: [10_001] }),
      /capacities\[0\] must be an integer ≥ 0 \(at most 10000\), got 10001/,
    ],
    [
      "an instance beyond the exactness limit",
      JSON.stringify({
        scores: Array.from({ length: 373 }, (_, i) => [i === 0 ? -1_000_000 : i === 1 ? 999_999.999999 : 1_000_000]),
        capacities: [373],
        slotPenalties: [0, 1_000_000],
      }),
      /too large to solve exactly: .* must be at most 2\^50 = 1125899906842624/,
    ],
  ];
  it.each(malformed)("refuses %s with exit code 2 and a clear message", (_name, stdin, message) => {
    const result = solve(stdin);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });

  it("refuses an unknown option with exit code 2", () => {
    const result = solve(JSON.stringify({ scores: [[1]], capacities: [1] }), "--certifcate");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/unknown option "--certifcate"/);
  });
});

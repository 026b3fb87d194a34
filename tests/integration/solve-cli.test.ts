// The solver's command-line contract, run for real: `npm run --silent solve < instance.json`.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function solve(stdin: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npm", ["run", "--silent", "solve", ...(args.length > 0 ? ["--", ...args] : [])], {
    input: stdin,
    encoding: "utf8",
    timeout: 30_000,
  });
  // npm itself may warn about the machine's npmrc on stderr; keep only the solver's own lines.
  const stderr = result.stderr
    .split("\n")
    .filter((line) => !line.startsWith("npm warn"))
    .join("\n");
  return { status: result.status, stdout: result.stdout, stderr };
}

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
  }, 30_000);

  it("adds the dual values with --certificate", () => {
    const result = solve(JSON.stringify({ scores: [[5, 3]], capacities: [1, 1], slotPenalties: [0] }), "--certificate");
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as { pairs: number[][]; certificate: { rowDuals: number[]; slotDuals: number[][] } };
    expect(output.pairs).toEqual([[0, 0]]);
    expect(output.certificate.rowDuals).toHaveLength(1);
    expect(output.certificate.slotDuals).toHaveLength(2);
  }, 30_000);

  const malformed: [string, string, RegExp][] = [
    ["ragged rows", JSON.stringify({ scores: [[1, 2], [3]], capacities: [1, 1] }), /scores\[1\] has 1 entries but there are 2 buddies/],
    ["a negative capacity", JSON.stringify({ scores: [[1]], capacities: [-2] }), /capacities\[0\] must be an integer ≥ 0/],
    ["a non-number score", JSON.stringify({ scores: [[1, "high"]], capacities: [1, 1] }), /scores\[0\]\[1\] must be a finite number/],
    ["a non-number capacity", JSON.stringify({ scores: [[1]], capacities: ["one"] }), /capacities\[0\] must be an integer/],
    ["invalid JSON", '{"scores": [[1, 2]', /not valid JSON/],
    ["empty input", "", /no input/],
    ["a bare array", "[[1, 2]]", /must be an object/],
  ];
  it.each(malformed)("refuses %s with exit code 2 and a clear message", (_name, stdin, message) => {
    const result = solve(stdin);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  }, 30_000);
});

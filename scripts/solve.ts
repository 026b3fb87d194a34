// Command-line contract of the assignment solver (docs/decisions/030-assignment-solver.md and 035), so anyone can
// check it:
//   npm run --silent solve [-- --certificate] < instance.json
// reads  {"scores": (number|null)[][], "capacities": number[], "slotPenalties"?: number[]} and nothing else
// prints {"pairs": [[row, col], …], "matched": n, "total": t, "unmatched": [rows…], "certified": true|false}
// `--certificate` adds {"decimals", "matchBonus", "rowDuals", "slotDuals"}: integers counted in units of
// 10^−decimals of a score point, which prove the result optimal if u ≥ 0, v ≥ 0, u_i + v_jk ≥ (score − penalty(k))
// · 10^decimals + matchBonus for every allowed pair and slot k < min(capacity, rows), Σu + Σv = matchBonus ·
// matched + total · 10^decimals, and matchBonus exceeds the bound in certificate.ts.
// Limits (refused with exit 2 and a message naming them): scores null or numbers within ±1e6 with at most 6
// decimals; penalties 0 … 1e6, non-decreasing, at most 6 decimals; capacities integers 0 … 10,000; the exactness
// limit of solver.ts (EXACT_LIMIT). Exit codes: 0 solved and certified · 1 solved but the certificate check failed
// (a solver bug; the reason goes to stderr) · 2 malformed or out-of-limits input (a clear message on stderr).
import { verifyAssignment } from "../app/features/matching/certificate";
import { SolverInputError, solveAssignment, validateInstance } from "../app/features/matching/solver";

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on("data", (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

function refuse(message: string): never {
  process.stderr.write(`solve: ${message}\n`);
  process.exit(2);
}

const options = process.argv.slice(2);
for (const option of options) {
  if (option !== "--certificate") refuse(`unknown option ${JSON.stringify(option)}: the only option is --certificate.`);
}

const text = await readStdin();
if (text.trim() === "") {
  refuse('no input: pipe a JSON instance on stdin, e.g. {"scores": [[3, null], [1, 2]], "capacities": [1, 1]}');
}
let input: unknown;
try {
  input = JSON.parse(text);
} catch (error) {
  refuse(`the input is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
}
const checked = validateInstance(input);
if (!checked.ok) refuse(`invalid instance: ${checked.message}`);

let assignment;
try {
  assignment = solveAssignment(checked.instance);
} catch (error) {
  // The exactness limit depends on the whole instance, so only the solver can tell.
  if (error instanceof SolverInputError) refuse(`invalid instance: ${error.message}`);
  throw error;
}
const verdict = verifyAssignment(checked.instance, assignment);
const output: Record<string, unknown> = {
  pairs: assignment.pairs,
  matched: assignment.matched,
  total: assignment.total,
  unmatched: assignment.unmatched,
  certified: verdict.ok,
};
if (options.includes("--certificate")) output.certificate = assignment.certificate;
process.stdout.write(`${JSON.stringify(output)}\n`);
if (!verdict.ok) {
  process.stderr.write(`solve: the certificate check failed: ${verdict.reason}\n`);
  process.exitCode = 1;
}

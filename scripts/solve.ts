// Command-line contract of the assignment solver (docs/decisions/030-assignment-solver.md), so anyone can check it:
//   npm run --silent solve < instance.json
// reads  {"scores": (number|null)[][], "capacities": number[], "slotPenalties"?: number[]}
// prints {"pairs": [[row, col], …], "matched": n, "total": t, "unmatched": [rows…], "certified": true|false}
// `--certificate` adds the dual values. Exit codes: 0 solved and certified · 1 solved but the certificate
// check failed (a solver bug; the reason goes to stderr) · 2 malformed input (a clear message on stderr).
import { verifyAssignment } from "../app/features/matching/certificate";
import { solveAssignment, validateInstance } from "../app/features/matching/solver";

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

const assignment = solveAssignment(checked.instance);
const verdict = verifyAssignment(checked.instance, assignment);
const output: Record<string, unknown> = {
  pairs: assignment.pairs,
  matched: assignment.matched,
  total: assignment.total,
  unmatched: assignment.unmatched,
  certified: verdict.ok,
};
if (process.argv.includes("--certificate")) output.certificate = assignment.certificate;
process.stdout.write(`${JSON.stringify(output)}\n`);
if (!verdict.ok) {
  process.stderr.write(`solve: the certificate check failed: ${verdict.reason}\n`);
  process.exitCode = 1;
}

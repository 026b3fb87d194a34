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
import { refusedOption, runSolve } from "./solve-cli";

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on("data", (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

// Options are checked before stdin is read, so a wrong option is refused at once.
const options = process.argv.slice(2);
const result = refusedOption(options) ?? runSolve(options, await readStdin());
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.status;

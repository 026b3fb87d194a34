// The solver's command-line contract as a function (docs/decisions/030, 035; scripts/solve.ts is the thin entry
// point): arguments and standard input in, exit code, standard output and standard error out. The tests call it
// in-process and spawn the real command once (decision 091).
import { verifyAssignment } from "../app/features/matching/certificate";
import { SolverInputError, solveAssignment, validateInstance } from "../app/features/matching/solver";

export type CliResult = { status: 0 | 1 | 2; stdout: string; stderr: string };

const refuse = (message: string): CliResult => ({ status: 2, stdout: "", stderr: `solve: ${message}\n` });

/** The refusal of an unknown option, or null: checked before standard input is read. */
export function refusedOption(options: readonly string[]): CliResult | null {
  const unknown = options.find((option) => option !== "--certificate");
  return unknown === undefined
    ? null
    : refuse(`unknown option ${JSON.stringify(unknown)}: the only option is --certificate.`);
}

export function runSolve(options: readonly string[], text: string): CliResult {
  const refused = refusedOption(options);
  if (refused) return refused;
  if (text.trim() === "") {
    return refuse(
      'no input: pipe a JSON instance on stdin, e.g. {"scores": [[3, null], [1, 2]], "capacities": [1, 1]}',
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return refuse(`the input is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const checked = validateInstance(input);
  if (!checked.ok) return refuse(`invalid instance: ${checked.message}`);

  let assignment;
  try {
    assignment = solveAssignment(checked.instance);
  } catch (error) {
    // The exactness limit depends on the whole instance, so only the solver can tell.
    if (error instanceof SolverInputError) return refuse(`invalid instance: ${error.message}`);
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
  const stdout = `${JSON.stringify(output)}\n`;
  if (!verdict.ok) return { status: 1, stdout, stderr: `solve: the certificate check failed: ${verdict.reason}\n` };
  return { status: 0, stdout, stderr: "" };
}

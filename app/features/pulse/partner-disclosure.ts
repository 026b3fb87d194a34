// The one place where the partners' aggregated perception gap asks the benchmark's disclosure rules what may be
// shown (docs/decisions/083). The benchmark's disclosure module is being rewritten (cell-key perturbation):
// after that merge, re-wire this function to it — nothing else in the pulse feature touches disclosure.
import { groupDecision } from "~/features/benchmark/disclosure";

/** Whether a cross-organisation figure over `organisations` contributing organisations may be shown. */
export function partnerGapDisclosure(organisations: number): { shown: boolean } {
  return { shown: groupDecision(organisations).shown };
}

// What the benchmark may show (docs/decisions/040). Pure, so every rule is table-tested.
//
// 1. Threshold: statistics of a group are shown only when it holds at least MIN_GROUP_SIZE organisations.
// 2. Complementary suppression: when a total is shown next to its parts (a country and its country×sector
//    cells, a filter result next to the broader result without that filter), the suppressed parts together
//    must be empty or hold at least MIN_GROUP_SIZE organisations. One suppressed part is never alone: the
//    smallest shown part is suppressed with it, then the next smallest, until the suppressed union is large
//    enough. A suppressed cell shows no number at all (not even its count).
// 3. Individual rows: an organisation that consented is shown by name; one that did not appears under its
//    stable pseudonym only when at least MIN_GROUP_SIZE non-consenting participants share its country,
//    sector and size band (otherwise its attributes would single it out); else it is left out of the list
//    (its scores still count in the group figures).
// 4. One organisation's item answers are shown to partners only when it consented.

export const MIN_GROUP_SIZE = 5;

export type SuppressionReason = "small_group" | "complementary" | "small_class" | "no_consent";

export type Decision = { shown: true } | { shown: false; reason: SuppressionReason };

export const SHOWN: Decision = { shown: true };

export type Cell = { key: string; n: number };

/** Rule 1 alone: a group's own size. An empty group has nothing to hide but nothing to show either. */
export function groupDecision(n: number, k = MIN_GROUP_SIZE): Decision {
  return n >= k ? SHOWN : { shown: false, reason: "small_group" };
}

/**
 * Rules 1 and 2 for a partition of a total into cells. `totalShown` says whether the total itself is
 * visible: when it is not, no subtraction is possible and only the primary rule applies.
 * Empty cells (n = 0) are shown (there is nothing in them to protect) and never picked as partners.
 */
export function suppressPartition(cells: readonly Cell[], totalShown: boolean, k = MIN_GROUP_SIZE): Map<string, Decision> {
  const result = new Map<string, Decision>();
  const suppressed = new Set<string>();
  for (const cell of cells) {
    if (cell.n > 0 && cell.n < k) {
      suppressed.add(cell.key);
      result.set(cell.key, { shown: false, reason: "small_group" });
    } else {
      result.set(cell.key, SHOWN);
    }
  }
  if (totalShown && suppressed.size > 0) {
    // Candidates: shown, non-empty cells, smallest first (key order breaks ties, so the choice is stable).
    const candidates = cells
      .filter((c) => c.n > 0 && !suppressed.has(c.key))
      .sort((a, b) => a.n - b.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    let hidden = cells.reduce((sum, c) => sum + (suppressed.has(c.key) ? c.n : 0), 0);
    for (const candidate of candidates) {
      if (suppressed.size >= 2 && hidden >= k) break;
      suppressed.add(candidate.key);
      hidden += candidate.n;
      result.set(candidate.key, { shown: false, reason: "complementary" });
    }
  }
  return result;
}

/**
 * A filtered group is a cell of every broader group obtained by dropping some of its filters, partitioned
 * by the dropped filters. It is shown only when it survives rules 1 and 2 in each of those partitions, so
 * that "all organisations" minus "Belgium" never isolates a small Dutch group, and "Belgium" minus
 * "Belgium × hospitals" minus "Belgium × home care" never isolates the rest of Belgium.
 */
export function filteredGroupDecision(
  n: number,
  parents: readonly { cells: readonly Cell[]; targetKey: string; totalN: number }[],
  k = MIN_GROUP_SIZE,
): Decision {
  const own = groupDecision(n, k);
  if (!own.shown) return own;
  for (const parent of parents) {
    const decision = suppressPartition(parent.cells, parent.totalN >= k, k).get(parent.targetKey);
    if (decision && !decision.shown) return decision;
  }
  return SHOWN;
}

/** Rule 3: how one organisation may appear in a list of individual scores. */
export function rowDecision(consented: boolean, nonConsentingInClass: number, k = MIN_GROUP_SIZE): { show: "name" | "pseudonym" | "withheld"; reason?: SuppressionReason } {
  if (consented) return { show: "name" };
  if (nonConsentingInClass >= k) return { show: "pseudonym" };
  return { show: "withheld", reason: "small_class" };
}

/** Rule 4: one organisation's item answers, for a partner. */
export function itemAnswersDecision(consented: boolean): Decision {
  return consented ? SHOWN : { shown: false, reason: "no_consent" };
}

// How the interface names a scan item: "6.3 <statement>" (dimension number, item number, the statement in the
// page's language). Item keys such as `team_culture.3` are for data and exports, never for the screen.

export function itemLabel(dimensionNumber: number, position: number, statement: string): string {
  return `${dimensionNumber}.${position} ${statement}`;
}

/** Just the number, "6.3", e.g. for a badge beside the statement. */
export function itemNumber(dimensionNumber: number, position: number): string {
  return `${dimensionNumber}.${position}`;
}

type Item = { key: string; position: number };

/** The label of item `key` in an instrument's dimensions; `statement` picks its text in the page's language. */
export function itemLabelIn<I extends Item>(
  dimensions: readonly { number: number; items: readonly I[] }[],
  key: string,
  statement: (item: I) => string,
): string {
  for (const d of dimensions) {
    const item = d.items.find((i) => i.key === key);
    if (item) return itemLabel(d.number, item.position, statement(item));
  }
  return "";
}

/**
 * Numbers a flat list of items (ordered by dimension, then by position, as the benchmark data is) with the
 * dimensions' order: the first dimension is 1, its first item 1.1.
 */
export function numberItems<T extends { dimensionKey: string }>(
  dimensionKeys: readonly string[],
  items: readonly T[],
): (T & { dimensionNumber: number; position: number })[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const position = (seen.get(item.dimensionKey) ?? 0) + 1;
    seen.set(item.dimensionKey, position);
    return { ...item, dimensionNumber: dimensionKeys.indexOf(item.dimensionKey) + 1, position };
  });
}

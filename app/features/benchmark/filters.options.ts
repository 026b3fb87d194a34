// The comparison's filter values and query strings without zod, so pages that only list or link them do
// not ship a schema library (docs/decisions/140); filters.ts parses them with zod and re-exports these.
// The organisation attributes a partner may filter on (care providers only; db/schema.ts holds the full lists,
// filters.test.ts checks these stay a subset).
export const FILTER_COUNTRIES = ["BE", "NL"] as const;
export const FILTER_SECTORS = ["hospital", "home_care", "elderly_care", "mental_health", "disability_care"] as const;
export const FILTER_SIZE_BANDS = ["small", "medium", "large", "very_large"] as const;
export const BREAKDOWNS = ["country", "sector", "sizeBand"] as const;
export const PEER_GROUPS = ["country", "sector"] as const;

export type FilterCountry = (typeof FILTER_COUNTRIES)[number];
export type FilterSector = (typeof FILTER_SECTORS)[number];
export type FilterSizeBand = (typeof FILTER_SIZE_BANDS)[number];
export type Breakdown = (typeof BREAKDOWNS)[number];
export type PeerGroup = (typeof PEER_GROUPS)[number];

export const FILTER_KEYS = ["country", "sector", "sizeBand", "year", "breakdown", "org", "page"] as const;

/** The filters as a query string, for links and the CSV export of exactly what is on screen. */
export function filtersToQuery(filters: Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

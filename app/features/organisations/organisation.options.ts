// The organisation form's choices, shared by the form and its schema. No zod here: components import this file.
import type { Country, ORGANISATION_KINDS as DB_KINDS, Sector, SizeBand } from "@db/schema";

export const COUNTRIES = ["BE", "NL"] as const satisfies readonly Country[];

export const SECTORS = [
  "hospital",
  "home_care",
  "elderly_care",
  "mental_health",
  "disability_care",
  "education",
  "programme",
] as const satisfies readonly Sector[];

export const SIZE_BANDS = ["small", "medium", "large", "very_large"] as const satisfies readonly SizeBand[];

export const ORGANISATION_KINDS = ["care_provider", "partner"] as const;

// The lists hold exactly the database's values, checked both ways at compile time (`satisfies` alone would let the
// database gain a value the form never offers). db/ values cannot be imported here: the browser imports this file.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type _ChoicesMatchTheDatabase = [
  Holds<Same<(typeof COUNTRIES)[number], Country>>,
  Holds<Same<(typeof SECTORS)[number], Sector>>,
  Holds<Same<(typeof SIZE_BANDS)[number], SizeBand>>,
  Holds<Same<(typeof ORGANISATION_KINDS)[number], (typeof DB_KINDS)[number]>>,
];

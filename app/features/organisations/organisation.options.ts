// The organisation form's choices, shared by the form and its schema. No zod here: components import this file.
import type { Country, Sector, SizeBand } from "@db/schema";

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

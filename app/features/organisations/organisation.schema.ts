import { z } from "zod";
import { checkboxField, optionalIdField } from "~/utils/form-fields";
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

const checkbox = checkboxField;

const Text = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");

export const OrganisationSchema = z.object({
  kind: z.enum(ORGANISATION_KINDS, { error: "validation.choose" }),
  name: Text(160),
  country: z.enum(COUNTRIES, { error: "validation.choose" }),
  sector: z.enum(SECTORS, { error: "validation.choose" }),
  sizeBand: z.enum(SIZE_BANDS, { error: "validation.choose" }),
  benchmarkConsent: checkbox,
  requireBuddyTraining: checkbox,
  requireSameSite: checkbox,
  requireHrSecondFactor: checkbox,
});

export const SiteSchema = z.object({ name: Text(120), city: Text(120) });

export const DepartmentSchema = z.object({
  name: Text(120),
  siteId: optionalIdField("validation.invalidChoice"),
});

export type OrganisationInput = z.infer<typeof OrganisationSchema>;

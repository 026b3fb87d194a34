import { z } from "zod";
import { COUNTRIES, SECTORS, SIZE_BANDS, ORGANISATION_KINDS } from "./organisation.options";
import { checkboxField, optionalIdField } from "~/utils/form-fields";

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

// Plain values for the browser live in organisation.options.ts (no zod there, so pages do not ship it).
export { COUNTRIES, SECTORS, SIZE_BANDS, ORGANISATION_KINDS };

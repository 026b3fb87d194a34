// Forms and parameters of single sign-on (issue 15), shared by the forms and the actions.
import { z } from "zod";
import { checkboxField, optionalIdField } from "~/utils/form-fields";
import { EmailSchema } from "~/features/auth/auth.schema";
import { issuerProblem, parseDomainList } from "./sso-rules";

const text = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");

export const SsoSettingsSchema = z.object({
  issuer: text(500).superRefine((value, ctx) => {
    const problem = issuerProblem(value);
    if (problem)
      ctx.addIssue({
        code: "custom",
        message: problem === "not_https" ? "sso.validation.issuerHttps" : "sso.validation.issuerUrl",
      });
  }),
  clientId: text(255),
  // Empty on a later save keeps the stored secret: the page never shows it again.
  clientSecret: z
    .string()
    .max(1000, "validation.tooLong")
    .optional()
    .transform((v) => (v ?? "").trim() || null),
  domains: z
    .string({ error: "validation.required" })
    .max(5000, "validation.tooLong")
    .transform((v, ctx) => {
      const parsed = parseDomainList(v);
      if (!parsed.ok) {
        ctx.addIssue({
          code: "custom",
          message:
            parsed.problem === "empty"
              ? "sso.validation.domainsRequired"
              : parsed.problem === "too_many"
                ? "sso.validation.tooManyDomains"
                : "sso.validation.domainInvalid",
        });
        return z.NEVER;
      }
      return parsed.domains;
    }),
  requireSso: checkboxField,
  breakGlassUserId: optionalIdField("validation.invalidChoice"),
  defaultDepartmentId: optionalIdField("validation.invalidChoice"),
  departmentClaim: z
    .string()
    .trim()
    .max(64, "validation.tooLong")
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^[A-Za-z][A-Za-z0-9_.:-]*$/.test(v), "sso.validation.claimName"),
});

export type SsoSettingsInput = z.output<typeof SsoSettingsSchema>;

export const SsoStartSchema = z.object({
  email: EmailSchema,
  redirectTo: z.string().max(2000).optional(),
});

export type SsoStartInput = z.output<typeof SsoStartSchema>;

// What the provider sends back to the callback (RFC 6749 4.1.2, 4.1.2.1). Anything else in the query is ignored.
const param = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x21-\x7e]+$/);

export const SsoCallbackSchema = z.union([
  z.object({ error: param(200), state: param(512).optional() }),
  z.object({ code: param(4096), state: param(512) }),
]);

export type SsoCallbackInput = z.output<typeof SsoCallbackSchema>;

import { z } from "zod";
import { optionalIdField } from "~/utils/form-fields";
import { ROLES } from "./roles";
import { checkPassword, PASSWORD_MAX_LENGTH } from "./password-policy";

export const EmailSchema = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.email")
  .pipe(z.email("validation.email"));

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z
    .string({ error: "validation.required" })
    .min(1, "validation.required")
    .max(PASSWORD_MAX_LENGTH * 4, "validation.passwordTooLong"),
  redirectTo: z.string().optional(),
});

export const ForgotPasswordSchema = z.object({ email: EmailSchema });

const PROBLEM_MESSAGES = {
  too_short: "validation.passwordTooShort",
  too_long: "validation.passwordTooLong",
  too_common: "validation.passwordTooCommon",
  contains_email: "validation.passwordContainsEmail",
} as const;

export const NewPasswordSchema = z
  .object({
    password: z.string({ error: "validation.required" }).min(1, "validation.required"),
    confirm: z.string({ error: "validation.required" }).min(1, "validation.required"),
  })
  .superRefine((value, ctx) => {
    const problem = checkPassword(value.password);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PROBLEM_MESSAGES[problem] });
    else if (value.password !== value.confirm)
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "validation.passwordMismatch" });
  });

export function passwordProblemMessage(password: string, email: string): string | null {
  const problem = checkPassword(password, email);
  return problem ? PROBLEM_MESSAGES[problem] : null;
}

export const ChangePasswordSchema = z
  .object({
    current: z.string({ error: "validation.required" }).min(1, "validation.required"),
    password: z.string({ error: "validation.required" }).min(1, "validation.required"),
    confirm: z.string({ error: "validation.required" }).min(1, "validation.required"),
  })
  .superRefine((value, ctx) => {
    const problem = checkPassword(value.password);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PROBLEM_MESSAGES[problem] });
    else if (value.password !== value.confirm)
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "validation.passwordMismatch" });
  });

const NameSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(120, "validation.tooLong");

const optionalId = optionalIdField("validation.invalidChoice");

export const LocaleSchema = z.enum(["nl", "en"], { error: "validation.invalidChoice" });

export const AdminInviteSchema = z.object({
  email: EmailSchema,
  name: NameSchema,
  role: z.enum(ROLES, { error: "validation.choose" }),
  organisationId: optionalId,
  departmentId: optionalId,
  locale: LocaleSchema.default("nl"),
});

export const HrInviteSchema = z.object({
  email: EmailSchema,
  name: NameSchema,
  role: z.enum(["employee", "newcomer"], { error: "validation.roleNotAllowed" }),
  departmentId: optionalId,
  locale: LocaleSchema.default("nl"),
});

export const ProfileSchema = z.object({
  name: NameSchema,
  locale: LocaleSchema,
});

export type AdminInvite = z.infer<typeof AdminInviteSchema>;
export type HrInvite = z.infer<typeof HrInviteSchema>;

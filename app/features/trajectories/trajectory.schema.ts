// Zod schemas of the trajectory forms (docs/decisions/110). Messages are message keys. What depends on the
// day or on stored rows (future dates, the order of steps, which follow-ups exist) is checked in the use case.
import { z } from "zod";
import { CEFR_LEVELS } from "~/features/matching/criteria";
import { dateField, idField, optionalDateField } from "~/utils/form-fields";
import { CONTRACT_TYPES, LEAVE_REASONS, OUTCOMES, QUALIFIED_ROLES, ROLES, SITUATIONS } from "./rules";

const date = dateField("trajectories.errors.date");
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const StepInputSchema = z.object({
  stepKey: z
    .string({ error: "validation.choose" })
    .trim()
    .min(1, { error: "validation.choose" })
    .max(60, { error: "validation.invalidChoice" }),
  reachedOn: date,
});
export type StepInput = z.infer<typeof StepInputSchema>;

export const LanguageInputSchema = z.object({
  level: z.enum(CEFR_LEVELS, { error: "trajectories.errors.cefr" }),
  measuredOn: date,
});
export type LanguageInput = z.infer<typeof LanguageInputSchema>;

export const RolesInputSchema = z.object({
  currentRole: z
    .preprocess(emptyToUndefined, z.enum(ROLES, { error: "validation.invalidChoice" }).optional())
    .transform((v) => v ?? null),
  targetRole: z
    .preprocess(emptyToUndefined, z.enum(QUALIFIED_ROLES, { error: "validation.invalidChoice" }).optional())
    .transform((v) => v ?? null),
});
export type RolesInput = z.infer<typeof RolesInputSchema>;

export const ContractInputSchema = z
  .object({
    type: z.enum(CONTRACT_TYPES, { error: "validation.choose" }),
    role: z.enum(ROLES, { error: "validation.choose" }),
    startDate: date,
    endDate: optionalDateField("trajectories.errors.date"),
  })
  .superRefine((v, ctx) => {
    if (v.endDate !== null && v.endDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "trajectories.errors.endBeforeStart" });
    if (v.type === "permanent" && v.endDate !== null)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "trajectories.errors.permanentEnd" });
  });
export type ContractInput = z.infer<typeof ContractInputSchema>;

export const OutcomeInputSchema = z
  .object({
    outcome: z.enum(OUTCOMES, { error: "validation.choose" }),
    outcomeDate: optionalDateField("trajectories.errors.date"),
    reason: z
      .preprocess(emptyToUndefined, z.enum(LEAVE_REASONS, { error: "validation.invalidChoice" }).optional())
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.outcomeDate === null)
      ctx.addIssue({ code: "custom", path: ["outcomeDate"], message: "trajectories.errors.outcomeDate" });
    if (v.reason !== null && v.outcome !== "left")
      ctx.addIssue({ code: "custom", path: ["reason"], message: "trajectories.errors.reasonOnlyLeft" });
  });
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;

export const FollowUpInputSchema = z.object({
  moment: z
    .string({ error: "errors.badRequest" })
    .regex(/^(month6|month12|contract-[1-9]\d{0,14})$/, { error: "errors.badRequest" }),
  situation: z.enum(SITUATIONS, { error: "validation.choose" }),
});
export type FollowUpInput = z.infer<typeof FollowUpInputSchema>;

/** A follow-up confirmed from the overview, which names the trajectory in the form. */
export const OverviewFollowUpSchema = FollowUpInputSchema.extend({ recordId: idField() });

export const RemoveInputSchema = z.object({ itemId: idField() });
export type RemoveInput = z.infer<typeof RemoveInputSchema>;

export const OverviewFilterSchema = z.object({
  step: z.preprocess(emptyToUndefined, z.string().max(60).optional()).transform((v) => v ?? null),
  overdue: z.preprocess((v) => v === "on" || v === "1", z.boolean()),
});
export type OverviewFilter = z.infer<typeof OverviewFilterSchema>;

// Zod schemas of the scan's forms, shared by the page forms, the autosave endpoint and the actions.
import { z } from "zod";
import { confirmField, idField, optionalDateField, optionalIdField, wholeNumberField } from "~/utils/form-fields";
import { ACTION_STATUSES, ACTION_TEXT_MAX, COMMENT_MAX, OWNER_MAX } from "./constants";
import { ANSWER_VALUES } from "./scoring";

export const ITEM_KEY_PATTERN = /^[a-z_]{2,40}\.[1-9]\d?$/;

export const PeriodSchema = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^(20\d\d)(-(H[12]|Q[1-4]))?$/, { error: "scan.errors.period" });

export const StartScanSchema = z.object({
  period: PeriodSchema,
  start: z.enum(["empty", "previous"], { error: "validation.invalidChoice" }).default("empty"),
});
export type StartScanInput = z.output<typeof StartScanSchema>;

export const AnswerSchema = z.object({
  itemKey: z.string({ error: "scan.errors.unknownItem" }).regex(ITEM_KEY_PATTERN, { error: "scan.errors.unknownItem" }),
  value: z.enum(ANSWER_VALUES, { error: "scan.errors.value" }),
  comment: z
    .string()
    .max(COMMENT_MAX, { error: "scan.errors.commentTooLong" })
    .optional()
    .transform((c) => (c && c.trim() ? c.trim() : null)),
  // The revision the page showed; lets the server tell a user they replaced someone else's newer answer.
  baseRevision: z
    .string()
    .regex(/^(0|[1-9]\d{0,8})$/, { error: "errors.badRequest" })
    .transform((v) => Number(v))
    .optional(),
  // The value and comment the page showed, so values and comments are merged separately (decision 061).
  // Empty means "no answer yet" for the value; absent means "unknown".
  baseValue: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(ANSWER_VALUES, { error: "scan.errors.value" }).optional(),
  ),
  baseComment: z
    .string()
    .max(COMMENT_MAX, { error: "scan.errors.commentTooLong" })
    .optional()
    .transform((c) => (c === undefined ? undefined : c.trim() ? c.trim() : null)),
});
export type AnswerInput = z.output<typeof AnswerSchema>;

const DateSchema = optionalDateField("scan.errors.date");

export const ActionItemSchema = z.object({
  itemKey: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || ITEM_KEY_PATTERN.test(v), { error: "scan.errors.unknownItem" }),
  dimensionKey: z
    .string({ error: "validation.required" })
    .regex(/^[a-z_]{2,40}$/, { error: "scan.errors.unknownDimension" }),
  action: z
    .string({ error: "validation.required" })
    .trim()
    .min(3, { error: "validation.required" })
    .max(ACTION_TEXT_MAX, { error: "scan.errors.tooLong" }),
  // The owner: a person of the organisation (`ownerUserId`, from the list) or a name typed freely (`owner`); the
  // use case requires one and checks the person belongs to the organisation.
  ownerUserId: optionalIdField("validation.invalidChoice"),
  owner: z
    .string()
    .trim()
    .max(OWNER_MAX, { error: "scan.errors.tooLong" })
    .optional()
    .transform((v) => v ?? "")
    .refine((v) => v === "" || v.length >= 2, { error: "scan.actions.errors.ownerTooShort" }),
  dueDate: DateSchema,
  status: z.enum(ACTION_STATUSES, { error: "validation.invalidChoice" }).default("open"),
});
export type ActionItemInput = z.output<typeof ActionItemSchema>;

export const ActionStatusSchema = z.object({
  actionId: idField("errors.badRequest"),
  status: z.enum(ACTION_STATUSES, { error: "validation.invalidChoice" }),
});

/** The action plan's forms on the results page: add, change the status, edit, delete (after its confirmation). */
export const ActionPlanFormSchema = z.discriminatedUnion(
  "intent",
  [
    ActionItemSchema.extend({ intent: z.literal("addAction") }),
    ActionStatusSchema.extend({ intent: z.literal("actionStatus") }),
    ActionItemSchema.extend({
      intent: z.literal("editAction"),
      actionId: idField("errors.badRequest"),
      // The revision the form was opened on: an edit based on an older one is refused (a colleague's is newer).
      revision: wholeNumberField({
        min: 1,
        max: 999_999_999,
        message: "errors.badRequest",
        requiredMessage: "errors.badRequest",
      }),
    }),
    z.object({ intent: z.literal("deleteAction"), actionId: idField("errors.badRequest"), confirm: confirmField() }),
  ],
  { error: "errors.badRequest" },
);

// Plain values for the browser live in constants.ts (no zod there, so pages do not ship it).
export { COMMENT_MAX, ACTION_TEXT_MAX, OWNER_MAX };

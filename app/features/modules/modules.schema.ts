// Zod schemas of the modules forms, shared by the forms and the actions. Messages are message keys.
import { z } from "zod";
import { ID_PATTERN, idField, isCalendarDate } from "~/utils/form-fields";

export { isCalendarDate };

export const MODULE_KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const ModuleKeySchema = z.string().regex(MODULE_KEY_PATTERN).max(80);

export const AssignModuleSchema = z.object({
  moduleKey: z
    .string({ error: "validation.required" })
    .regex(MODULE_KEY_PATTERN, "modules.errors.unknownModule")
    .max(80, "modules.errors.unknownModule"),
  departmentId: z.union([z.literal("all"), z.string().regex(ID_PATTERN, "modules.errors.unknownDepartment")], {
    error: "validation.required",
  }),
  dueDate: z.string({ error: "validation.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "modules.errors.dueDateFormat"),
});
export type AssignModuleInput = z.infer<typeof AssignModuleSchema>;

/** HR's modules page: assign (from the page or a scan's recommendations), remove an assignment, or remind the late ones. */
export const AssignmentFormSchema = z.discriminatedUnion(
  "intent",
  [
    AssignModuleSchema.extend({ intent: z.literal("assign"), redirectTo: z.string().optional() }),
    z.object({ intent: z.literal("remove"), assignmentId: idField() }),
    z.object({ intent: z.literal("remind") }),
  ],
  { error: "errors.badRequest" },
);

// A section number as the form's hidden field sends it: digits only; "" is not section 0.
export const ReadSectionSchema = z.object({
  section: z
    .string({ error: "modules.errors.unknownSection" })
    .regex(/^(0|[1-9]\d?)$/, { error: "modules.errors.unknownSection" })
    .transform((v) => Number(v)),
});

/** A knowledge check's answers: the q1…qN fields as sent (a repeated field is a list, which scoring refuses). */
export const CheckAnswersSchema = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]))
  .transform((form) => Object.fromEntries(Object.entries(form).filter(([field]) => /^q\d+$/.test(field))));
export type CheckAnswers = z.output<typeof CheckAnswersSchema>;

// Built once: a formatter is costly to build and this runs on every module and HR page.
const brusselsDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Brussels",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Belgium and the Netherlands, as YYYY-MM-DD. */
export function todayInBrussels(now: Date = new Date()): string {
  return brusselsDate.format(now);
}

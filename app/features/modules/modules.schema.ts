// Zod schemas of the modules forms, shared by the forms and the actions. Messages are message keys.
import { z } from "zod";

export const MODULE_KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const ModuleKeySchema = z.string().regex(MODULE_KEY_PATTERN).max(80);

export const AssignModuleSchema = z.object({
  moduleKey: z.string({ error: "validation.required" }).regex(MODULE_KEY_PATTERN, "modules.errors.unknownModule").max(80, "modules.errors.unknownModule"),
  departmentId: z.union([z.literal("all"), z.string().regex(/^[1-9]\d{0,15}$/, "modules.errors.unknownDepartment")], { error: "validation.required" }),
  dueDate: z.string({ error: "validation.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "modules.errors.dueDateFormat"),
});
export type AssignModuleInput = z.infer<typeof AssignModuleSchema>;

export const ReadSectionSchema = z.object({ section: z.coerce.number().int().min(0).max(20) });

/** True when the string is a real calendar date (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today's date in Belgium and the Netherlands, as YYYY-MM-DD. */
export function todayInBrussels(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

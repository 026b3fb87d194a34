// Zod fields every form shares (decision 018): a date is a real calendar date, an id or a number is written in
// plain digits, a checkbox may be absent. Pure: imported by feature schemas, the browser and the server alike.
import { z } from "zod";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "./confirm-field";

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD: "2026-02-30" or "2026-2-3" is not. */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A required date field (YYYY-MM-DD, the value of <input type="date">). One message per field, and no check
 * aborts: the form's own refinements (e.g. "paused until" when paused) still run and show theirs.
 */
export function dateField(message: string, requiredMessage = "validation.required") {
  return z
    .string({ error: requiredMessage })
    .trim()
    .superRefine((v, ctx) => {
      if (!v) ctx.addIssue({ code: "custom", message: requiredMessage });
      else if (!isCalendarDate(v)) ctx.addIssue({ code: "custom", message });
    });
}

/** An optional date field: missing or empty is null, anything else must be a real date. */
export function optionalDateField(message: string) {
  return z
    .string({ error: message })
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isCalendarDate(v), { error: message });
}

/** A database id as a form sends it: 1–15 digits without a leading zero ("0x10", "1e3", "00001", " 7" are not). */
export const ID_PATTERN = /^[1-9]\d{0,14}$/;

export function isIdString(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

export function idField(message = "errors.badRequest") {
  return z
    .string({ error: message })
    .regex(ID_PATTERN, { error: message })
    .transform((v) => Number(v));
}

/** An optional id (a select with an empty first option): missing or "" is null. */
export function optionalIdField(message = "validation.invalidChoice") {
  return z
    .union([z.literal(""), idField(message)], { error: message })
    .optional()
    .transform((v) => (typeof v === "number" ? v : null));
}

/** A whole number in plain digits within [min, max]; an empty field is "required", not 0. */
export function wholeNumberField({
  min,
  max,
  message,
  requiredMessage = "validation.required",
}: {
  min: number;
  max: number;
  message: string;
  requiredMessage?: string;
}) {
  return z
    .string({ error: requiredMessage })
    .trim()
    .superRefine((v, ctx) => {
      if (!v) ctx.addIssue({ code: "custom", message: requiredMessage });
      else if (!/^(0|[1-9]\d{0,8})$/.test(v) || Number(v) < min || Number(v) > max)
        ctx.addIssue({ code: "custom", message });
    })
    .transform((v) => Number(v));
}

/**
 * A checkbox: the browser leaves an unticked one out of the form, react-hook-form gives false. Zod 4 makes a
 * `union(…, z.undefined())` a required key, so the field is optional outside the union.
 */
export const checkboxField = z
  .union([z.literal("on"), z.literal("true"), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

// The one field every irreversible action needs (decision 150): `confirm=yes`, posted only by the confirmation
// step of components/ui/confirm-action.tsx. An action that misses it is refused with 400 and changes nothing.
export const confirmField = () => z.literal(CONFIRM_VALUE, { error: "confirm.required" });
export const ConfirmedSchema = z.object({ [CONFIRM_FIELD]: confirmField() });

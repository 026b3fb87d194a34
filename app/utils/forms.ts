// Pure helpers that turn FormData into zod input and zod issues into translated-message keys.
import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export type Parsed<T> =
  { success: true; data: T } | { success: false; fieldErrors: FieldErrors; formError: string | null };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  let formError: string | null = null;
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    if (!key) {
      formError ??= issue.message;
      continue;
    }
    const list = (fieldErrors[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return { success: false, fieldErrors, formError };
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.output<S>> {
  return parseWith(schema, formDataToObject(formData));
}

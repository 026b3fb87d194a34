// Reading a JSON column written by the portal itself: through a schema, never `JSON.parse(…) as T`. A value that
// is not JSON or not of the expected shape (an older version's row, a hand edit) comes back as null, so the caller
// decides what a damaged row means for its page instead of drawing from a wrongly typed value.
import type { z } from "zod";

export function parseStoredJson<T>(schema: z.ZodType<T>, json: string | null | undefined): T | null {
  if (json == null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

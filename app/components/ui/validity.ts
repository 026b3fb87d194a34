// Pure: which of our translated messages belongs to a browser ValidityState. The keys are the ones the shared
// zod schemas use for the same problems, so a field reads the same before and after the server answers.
import type { MessageKey, TranslateParams } from "~/utils/i18n-core";

export type ClientMessage = { key: MessageKey; params?: TranslateParams };

type Validity = Pick<
  ValidityState,
  | "valid"
  | "valueMissing"
  | "typeMismatch"
  | "tooShort"
  | "tooLong"
  | "patternMismatch"
  | "rangeOverflow"
  | "rangeUnderflow"
  | "badInput"
  | "stepMismatch"
>;

export function messageForValidity(
  validity: Validity,
  constraints: { type?: string; minLength?: number; maxLength?: number },
): ClientMessage | null {
  if (validity.valid) return null;
  if (validity.valueMissing)
    return {
      key:
        constraints.type === "radio" || constraints.type?.startsWith("select")
          ? "validation.choose"
          : "validation.required",
    };
  if (validity.typeMismatch && constraints.type === "email") return { key: "validation.email" };
  // A new password says what the server's password rule says (auth.schema.ts), not the generic length message.
  if (validity.tooShort && constraints.type === "password") return { key: "validation.passwordTooShort" };
  if (validity.tooShort && constraints.minLength && constraints.minLength > 0)
    return { key: "validation.tooShort", params: { min: constraints.minLength } };
  if (validity.tooLong && constraints.maxLength && constraints.maxLength > 0)
    return { key: "validation.tooLong", params: { max: constraints.maxLength } };
  return { key: "errors.badRequest" };
}

// The one result every use case returns (house style: `verbNoun(user, input)`). Pure: no HTTP here — a use case
// says *what* went wrong in domain words; `respond.server.ts` in the route layer turns that into a status.
import type { FieldErrors } from "./forms";
import { isMessageKey, type MessageKey, type TranslateParams } from "./i18n";

/** Why a use case refused. The route layer maps each reason to one HTTP status. */
export type FailureReason =
  | "invalid"
  | "unauthenticated"
  | "not_found"
  | "not_allowed"
  | "forbidden"
  | "conflict"
  | "gone"
  | "too_many"
  | "unavailable";

export type Failure = {
  ok: false;
  reason: FailureReason;
  /** A message key for the whole form (shown in the error notice). */
  message: MessageKey;
  params?: TranslateParams;
  /** Message keys per field name, for forms. */
  fields?: FieldErrors;
};

export type Success<T> = { ok: true; value: T };
export type Outcome<T = null> = Success<T> | Failure;

export function ok(): Success<null>;
export function ok<T>(value: T): Success<T>;
export function ok<T>(value?: T): Success<T | null> {
  return { ok: true, value: value ?? null };
}

export function fail(
  reason: FailureReason,
  message: MessageKey,
  extra: { fields?: FieldErrors; params?: TranslateParams } = {},
): Failure {
  return { ok: false, reason, message, ...extra };
}

/**
 * Input the route's schema refused, as a Failure: the field messages for the form, and the notice above it —
 * `message` when given (forms with fields use "common.formErrors"), else the schema's own message for the whole
 * input or its first field message, else "errors.badRequest".
 */
export function invalid(parsed: { fieldErrors: FieldErrors; formError: string | null }, message?: MessageKey): Failure {
  const first = parsed.formError ?? Object.values(parsed.fieldErrors)[0]?.[0];
  return fail("invalid", message ?? (isMessageKey(first) ? first : "errors.badRequest"), {
    fields: parsed.fieldErrors,
  });
}

// Route layer: turns a use case's Failure into the response every form in the portal reads
// (`formError` for the notice, `errors` per field) with the status that belongs to its reason.
import { data } from "@remix-run/node";
import type { Failure, FailureReason } from "./use-case";

const STATUS: Record<FailureReason, 400 | 401 | 403 | 404 | 405 | 409 | 410 | 429 | 503> = {
  invalid: 400,
  // Who you say you are did not check out (a sign-in with a wrong or unknown password).
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  // The address exists but does not take this method (a GET on a POST-only endpoint).
  not_allowed: 405,
  conflict: 409,
  gone: 410,
  too_many: 429,
  // An outside system the use case needs (an identity provider) does not answer: not the caller's fault.
  unavailable: 503,
};

/** The status for a reason, for a route that answers with a bare Response (a file, a JSON endpoint, a thrown 404):
 * the one place a status number is written, so no route states one (decision 204). */
export function statusOf(reason: FailureReason) {
  return STATUS[reason];
}

/** The JSON body and status for a refused use case; `extra` carries what the form needs to re-render (intent, values). */
export function failureResponse<E extends Record<string, unknown>>(failure: Failure, extra?: E) {
  return data(
    {
      ok: false as const,
      formError: failure.message,
      formErrorParams: failure.params ?? null,
      errors: failure.fields ?? {},
      ...(extra ?? ({} as E)),
    },
    { status: STATUS[failure.reason] },
  );
}

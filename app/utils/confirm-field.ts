// The field every irreversible action needs (decision 150), without zod: the confirmation component imports it, and
// zod stays out of the browser (decision 140). The schema that checks it is `ConfirmedSchema` in form-fields.ts.
export const CONFIRM_FIELD = "confirm";
export const CONFIRM_VALUE = "yes";

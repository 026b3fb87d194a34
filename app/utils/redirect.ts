// Where a form may send the browser next. Pure, so the rule is tested on its own (decision 017).

/**
 * A path of this site in its percent-encoded form: "/" and then only URL characters that are safe in a
 * Location header (RFC 3986 path and query characters, every "%" followed by two hex digits). Not "//" or "/\"
 * (another host), no CR/LF, NUL, spaces, U+2028 or other non-ASCII, no fragment.
 */
const SAFE_PATH = /^\/(?![/\\])(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
const REDIRECT_MAX = 2000;

/**
 * Only same-site paths: an open redirect would let a phishing link borrow our login page, and a character a
 * header cannot carry would make building the redirect throw after the action's write. Anything else is the
 * fallback, never an error: the target comes from a hidden field, not from something the user typed.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > REDIRECT_MAX || !SAFE_PATH.test(value)) return fallback;
  return value;
}

// Stable pseudonyms: an HMAC of the organisation id with PSEUDONYM_SECRET, never derived from the name, so
// the same organisation keeps its code across pages, years and exports, and nobody without the secret can
// go from code to id. 6 base32 characters (30 bits): with 2,000 organisations a collision is ~0.2 % likely;
// the loader disambiguates if one ever occurs.
import { createHmac } from "node:crypto";
import { pseudonymSecret } from "~/utils/secrets.server";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function pseudonymCode(organisationId: number, secret = pseudonymSecret(), salt = ""): string {
  const digest = createHmac("sha256", secret).update(`organisation:${organisationId}${salt}`).digest();
  let code = "";
  for (let i = 0; i < 6; i++) code += ALPHABET[(digest[i] ?? 0) & 31];
  return code;
}

/** Codes for many organisations, unique within the set (a collision takes the next salted code). */
export function pseudonymCodes(ids: readonly number[], secret = pseudonymSecret()): Map<number, string> {
  const byId = new Map<number, string>();
  const taken = new Set<string>();
  for (const id of [...ids].sort((a, b) => a - b)) {
    let code = pseudonymCode(id, secret);
    for (let salt = 1; taken.has(code); salt++) code = pseudonymCode(id, secret, `#${salt}`);
    taken.add(code);
    byId.set(id, code);
  }
  return byId;
}

// The route layer's answer once a password has been accepted (sign-in, accepted invitation): a session, or the second step.
import { redirect, redirectDocument } from "@remix-run/node";
import { ROLE_HOME, safeRedirectPath } from "~/utils/permissions.server";
import { challengeCookie, clearChallengeCookie, createSession } from "~/utils/session.server";
import { CHALLENGE_MINUTES, type AfterPassword } from "./second-factor.server";

export const SECOND_FACTOR_PATH = "/login/second-factor";

export function homeOrTarget(role: keyof typeof ROLE_HOME, redirectTo: string | null | undefined): string {
  const target = safeRedirectPath(redirectTo, ROLE_HOME[role]);
  return target === "/" ? ROLE_HOME[role] : target;
}

/** Throws the redirect: to the target with a fresh session, or to the second step with the challenge cookie only. */
export function respondAfterPassword(
  next: AfterPassword,
  redirectTo: string | null | undefined,
  extraCookies: string[] = [],
): never {
  const headers = new Headers();
  if (next.step === "second_factor") {
    headers.append("Set-Cookie", challengeCookie(next.challengeToken, CHALLENGE_MINUTES * 60));
    for (const cookie of extraCookies) headers.append("Set-Cookie", cookie);
    throw redirect(SECOND_FACTOR_PATH, { headers });
  }
  headers.append("Set-Cookie", createSession(next.userId));
  for (const cookie of extraCookies) headers.append("Set-Cookie", cookie);
  headers.append("Set-Cookie", clearChallengeCookie());
  // A new document: the signed-in page comes in the account's language, with its own catalogue (decision 140).
  throw redirectDocument(homeOrTarget(next.role, redirectTo), { headers });
}

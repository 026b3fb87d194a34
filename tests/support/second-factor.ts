// Test helpers for the second factor: codes computed from the key the page shows, the way an authenticator app does.
import { Secret, TOTP } from "otpauth";
import { expect } from "vitest";
import * as accountSecondFactor from "~/routes/account_.second-factor";
import * as login from "~/routes/login";
import { call, DEMO_PASSWORD, get, post } from "./requests";

/** The code an authenticator app shows for the key, `steps` 30-second periods from now. */
export function totp(secret: string, steps = 0): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret.replace(/\s/g, "")),
    timestamp: Date.now() + steps * 30_000,
  });
}

export function cookieValue(setCookie: string | null, name: string): string | null {
  for (const part of (setCookie ?? "").split(/,(?=\s*[A-Za-z_-]+=)/)) {
    const [pair] = part.trim().split(";");
    if (pair?.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return null;
}

/** Turns the second factor on from the account page; returns the key as shown and the recovery codes. */
export async function enrolFromAccount(cookie: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await call(accountSecondFactor.action, post("/account/second-factor", { intent: "start" }, cookie));
  expect(started.status).toBe(302);
  const page = await call(accountSecondFactor.loader, get("/account/second-factor", cookie));
  const secret = (page.body as { enrolment: { secret: string } }).enrolment.secret;
  const confirmed = await call(
    accountSecondFactor.action,
    post("/account/second-factor", { intent: "confirm", code: totp(secret) }, cookie),
  );
  expect(confirmed.status).toBe(200);
  return { secret, recoveryCodes: (confirmed.body as { recoveryCodes: string[] }).recoveryCodes };
}

/** The password step: returns the challenge cookie ("portal_signin=…") that the second step needs. */
export async function passwordStep(email: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await call(login.action, post("/login", { email, password }));
  expect(result.status).toBe(302);
  expect(result.location).toBe("/login/second-factor");
  const challenge = cookieValue(result.headers.get("Set-Cookie"), "portal_signin");
  expect(challenge).not.toBeNull();
  expect(cookieValue(result.headers.get("Set-Cookie"), "portal_session")).toBeNull();
  return challenge ?? "";
}

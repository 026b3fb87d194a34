// Pure rules of the second factor: who must have one, and what a typed code is.
import { z } from "zod";
import type { Role } from "./roles";

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
export const RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RECOVERY_LENGTH = 10;

export type SecondFactorPolicy = "required" | "optional";

/** Admin and partner accounts always; HR when its organisation says so; everyone else may choose. */
export function secondFactorPolicy(
  role: Role,
  organisation: { requireHrSecondFactor: boolean } | null,
): SecondFactorPolicy {
  if (role === "admin" || role === "partner") return "required";
  if (role === "hr" && organisation?.requireHrSecondFactor) return "required";
  return "optional";
}

/** Upper case, spaces and dashes dropped, the letters people confuse with digits read as those digits. */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Ten characters of the alphabet from ten random bytes (32 divides 256, so every character is equally likely). */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_LENGTH) throw new Error(`need ${RECOVERY_LENGTH} bytes`);
  return Array.from(bytes, (b) => RECOVERY_ALPHABET[b % 32]).join("");
}

export type SecondFactorCode = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

/** A six-digit authenticator code, or a recovery code; anything else is a field error. */
export const SecondFactorCodeSchema = z
  .string({ error: "validation.required" })
  .max(40, "secondFactor.codeInvalid")
  .transform((value, ctx): SecondFactorCode => {
    const digits = value.replace(/\s/g, "");
    if (/^\d{6}$/.test(digits)) return { kind: "totp", code: digits };
    const recovery = normaliseRecoveryCode(value);
    if (recovery.length === RECOVERY_LENGTH && [...recovery].every((c) => RECOVERY_ALPHABET.includes(c)))
      return { kind: "recovery", code: recovery };
    ctx.addIssue({ code: "custom", message: value.trim() === "" ? "validation.required" : "secondFactor.codeInvalid" });
    return z.NEVER;
  });

export const TotpCodeSchema = z
  .string({ error: "validation.required" })
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(
    z
      .string()
      .min(1, "validation.required")
      .regex(/^\d{6}$/, "secondFactor.codeInvalid"),
  );

export const ChallengeSchema = z.object({ code: SecondFactorCodeSchema });
export const ConfirmEnrolmentSchema = z.object({ code: TotpCodeSchema });
export const DisableSecondFactorSchema = z.object({
  password: z
    .string({ error: "validation.required" })
    .min(1, "validation.required")
    .max(1024, "validation.passwordTooLong"),
  code: SecondFactorCodeSchema,
});

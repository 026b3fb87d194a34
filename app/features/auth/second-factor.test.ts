import { describe, expect, it } from "vitest";
import {
  formatRecoveryCode,
  normaliseRecoveryCode,
  recoveryCodeFromBytes,
  SecondFactorCodeSchema,
  secondFactorPolicy,
  TotpCodeSchema,
} from "./second-factor";

describe("secondFactorPolicy", () => {
  it.each([
    ["admin", null, "required"],
    ["partner", { requireHrSecondFactor: false }, "required"],
    ["hr", { requireHrSecondFactor: true }, "required"],
    ["hr", { requireHrSecondFactor: false }, "optional"],
    ["employee", { requireHrSecondFactor: true }, "optional"],
    ["newcomer", { requireHrSecondFactor: true }, "optional"],
  ] as const)("%s in %o is %s", (role, organisation, expected) => {
    expect(secondFactorPolicy(role, organisation)).toBe(expected);
  });
});

describe("recovery codes", () => {
  it("are ten characters of the alphabet, shown in two groups of five", () => {
    const code = recoveryCodeFromBytes(Uint8Array.from([0, 1, 31, 32, 63, 255, 10, 17, 18, 30]));
    expect(code).toBe("01Z0ZZAHJY");
    expect(formatRecoveryCode(code)).toBe("01Z0Z-ZAHJY");
  });

  it("are read back however they were typed", () => {
    expect(normaliseRecoveryCode(" o1z0z-zahjy ")).toBe("01Z0ZZAHJY");
    expect(normaliseRecoveryCode("OIZOZ ZAHJY")).toBe("01Z0ZZAHJY");
    expect(normaliseRecoveryCode("0lz0zzahjy")).toBe("01Z0ZZAHJY");
  });
});

describe("SecondFactorCodeSchema", () => {
  it.each([
    ["123456", { kind: "totp", code: "123456" }],
    ["123 456", { kind: "totp", code: "123456" }],
    ["01z0z-zahjy", { kind: "recovery", code: "01Z0ZZAHJY" }],
  ])("reads %j", (input, expected) => {
    expect(SecondFactorCodeSchema.parse(input)).toEqual(expected);
  });

  it.each([
    ["", "validation.required"],
    ["12345", "secondFactor.codeInvalid"],
    ["1234567", "secondFactor.codeInvalid"],
    ["01Z0Z-ZAHJU", "secondFactor.codeInvalid"],
    ["x".repeat(41), "secondFactor.codeInvalid"],
  ])("refuses %j with %s", (input, message) => {
    const result = SecondFactorCodeSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("accepts only six digits as an authenticator code", () => {
    expect(TotpCodeSchema.safeParse("01Z0ZZAHJY").success).toBe(false);
    expect(TotpCodeSchema.parse(" 654 321")).toBe("654321");
  });
});

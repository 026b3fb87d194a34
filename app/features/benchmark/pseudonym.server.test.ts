import { describe, expect, it } from "vitest";
import { pseudonymCode, pseudonymCodes } from "./pseudonym.server";

describe("pseudonyms", () => {
  it("are stable, 6 base32 characters, and depend on the secret", () => {
    const a = pseudonymCode(42, "s1");
    expect(a).toMatch(/^[A-Z2-7]{6}$/);
    expect(pseudonymCode(42, "s1")).toBe(a);
    expect(pseudonymCode(42, "s2")).not.toBe(a);
    expect(pseudonymCode(43, "s1")).not.toBe(a);
  });
  it("stay unique over 5,000 organisations", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => i + 1);
    const codes = pseudonymCodes(ids, "secret");
    expect(new Set(codes.values()).size).toBe(5000);
    expect(codes.get(7)).toBe(pseudonymCodes([7, 8], "secret").get(7));
  });
});

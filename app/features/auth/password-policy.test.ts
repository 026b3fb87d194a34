import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";

describe("checkPassword", () => {
  it.each([
    ["short", "elf tekens!", null, "too_short"],
    ["exactly 12 characters passes", "twaalf-tekst", null, null],
    ["a long passphrase with spaces passes", "de zon schijnt op het dak van zas", null, null],
    ["common password", "Password1234", null, "too_common"],
    ["Dutch common password", "wachtwoord123", null, "too_common"],
    ["one repeated character", "aaaaaaaaaaaaaa", null, "too_common"],
    ["keyboard sequence", "qwertyuiopas", null, "too_common"],
    ["digit sequence", "1234567890123", null, "too_common"],
    ["contains the e-mail name", "sofie.janssens-2026!", "sofie.janssens@zas.example", "contains_email"],
    ["over 256 characters", "x".repeat(120) + "y".repeat(137), null, "too_long"],
    ["counts characters, not bytes (emoji)", "🌷🌷🌷🌷🌷🌷🌷🌷🌷🌷🌷", null, "too_short"],
  ])("%s", (_name, password, email, expected) => {
    expect(checkPassword(password, email ?? undefined)).toBe(expected);
  });
});

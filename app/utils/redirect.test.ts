import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

describe("safeRedirectPath", () => {
  it.each([
    "/",
    "/hr/modules",
    "/hr/scans/3/results?notice=x&y=1",
    "/a/%C3%A9t%C3%A9",
    "/me/modules/being-a-buddy?step=2",
    "/p/~user/(x)!$*+,;=:@",
  ])("keeps %s", (path) => {
    expect(safeRedirectPath(path, "/fallback")).toBe(path);
  });

  it.each([
    ["another host", "//evil.example"],
    ["a backslash host", "/\\evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a relative path", "hr/modules"],
    ["CR/LF (header injection)", "/hr\r\nSet-Cookie: x=1"],
    ["a lone LF", "/hr\n"],
    ["NUL", "/hr\u0000"],
    ["U+2028", "/hr\u2028x"],
    ["non-Latin-1", "/hr/\u0100"],
    ["Latin-1 but not ASCII", "/caf\u00e9"],
    ["a space", "/hr/a b"],
    ["a tab", "/\t/evil.example"],
    ["a fragment", "/hr#x"],
    ["a broken percent code", "/hr/%E0%A4%A"],
    ["a lone percent", "/hr/%"],
    ["a quote", '/hr/"x'],
    ["too long", `/${"a".repeat(2000)}`],
  ])("refuses %s", (_why, path) => {
    expect(safeRedirectPath(path, "/fallback")).toBe("/fallback");
  });

  it.each([null, undefined, 42, ["/hr"]])("refuses a non-string (%j)", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });

  it("returns only values a Location header can carry", () => {
    for (const path of ["/hr\r\n", "/\u2028", "/\u0000", "/ok"]) {
      expect(() => new Headers({ Location: safeRedirectPath(path) })).not.toThrow();
    }
  });
});

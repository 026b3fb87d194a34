// The bench scripts and the test servers share one freePort (tests/support/ports.ts): a copy in a script drifts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIRS = ["scripts", "tests"];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === ".tmp" || e.name === "node_modules" ? [] : sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe("one freePort", () => {
  it("is defined only in tests/support/ports.ts", () => {
    const defining = DIRS.flatMap(sources).filter((file) =>
      /function freePort\s*\(/.test(fs.readFileSync(file, "utf8")),
    );
    expect(defining).toEqual([path.join("tests", "support", "ports.ts")]);
  });
});

// Decision 015 patches @remix-run/router's CommonJS build (the one the server loads) so route matching is not
// redone on every call. This fails when the install did not apply the patch, e.g. after a version bump.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);

describe("the @remix-run/router patch (decision 015)", () => {
  it("is applied to the build the server loads, at the version it was written for", () => {
    const entry = require.resolve("@remix-run/router");
    const pkg: unknown = JSON.parse(readFileSync(require.resolve("@remix-run/router/package.json"), "utf8"));
    expect(pkg).toMatchObject({ version: "1.23.3" });
    const source = readFileSync(entry, "utf8");
    expect(source).toContain("const rankedBranchesCache = new WeakMap();");
    expect(source).toContain("const compiledPathCache = new Map();");
  });
});

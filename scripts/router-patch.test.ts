// Decision 015 patches @remix-run/router's CommonJS build (the one the server loads) so route matching is not
// redone on every call. This fails when the install did not apply the patch, e.g. after a version bump.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type * as RouterModule from "@remix-run/router";
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
    // Decision 176: the result per pathname is kept per route tree.
    expect(source).toContain("const matchResultCache = new WeakMap();");
  });

  it("answers a repeated match with the same routes and params, as the caller's own copy (decision 176)", () => {
    const router = require("@remix-run/router") as typeof RouterModule;
    const routes = [
      {
        id: "root",
        path: "",
        children: [
          { id: "scan", path: "hr/scans/:scanId" },
          { id: "new", path: "hr/scans/new" },
        ],
      },
    ];
    const first = router.matchRoutes(routes, "/hr/scans/2");
    const firstScan = first?.[1];
    if (firstScan) Object.assign(firstScan.params, { scanId: "changed by a caller" });
    const second = router.matchRoutes(routes, "/hr/scans/2");
    expect(second?.map((m) => [m.route.id, m.params.scanId, m.pathname])).toEqual([
      ["root", "2", "/"],
      ["scan", "2", "/hr/scans/2"],
    ]);
    expect(router.matchRoutes(routes, "/hr/scans/new")?.map((m) => m.route.id)).toEqual(["root", "new"]);
    expect(router.matchRoutes(routes, "/elsewhere")).toBeNull();
    expect(router.matchRoutes(routes, "/elsewhere")).toBeNull();
  });
});

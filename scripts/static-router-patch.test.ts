// Decision 188 patches react-router-dom's server build (the one <RemixServer> loads) so createStaticRouter converts
// a route tree into data routes once instead of on every document render. New data routes per render made the
// router's match caches (decisions 015, 176) miss in the render (DataRoutes, and the partial manifest's matching of
// every parent path), so ~90 routes were flattened and ranked again per page: ~0.75 ms of the scan page's CPU.
// This fails when the install did not apply the patch, e.g. after a version bump.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
type StaticRouter = { routes: { id: string; children?: { id: string }[] }[]; state: { matches: unknown[] } };
type ServerModule = { createStaticRouter: (routes: unknown[], context: unknown) => StaticRouter };
const server = require("react-router-dom/server") as ServerModule;

function contextFor(pathname: string) {
  return {
    basename: "",
    location: { pathname, search: "", hash: "", state: null, key: "default" },
    matches: [],
    loaderData: {},
    actionData: null,
    errors: null,
    statusCode: 200,
    loaderHeaders: {},
    actionHeaders: {},
    activeDeferreds: null,
  };
}

describe("the react-router-dom patch (decision 188)", () => {
  it("is applied to the server build at the version it was written for", () => {
    const pkg: unknown = JSON.parse(readFileSync(require.resolve("react-router-dom/package.json"), "utf8"));
    expect(pkg).toMatchObject({ version: "6.30.4" });
    expect(readFileSync(require.resolve("react-router-dom/server"), "utf8")).toContain(
      "const staticDataRoutesCache = new WeakMap();",
    );
  });

  it("gives every render of one route tree the same data routes, and another tree its own", () => {
    const routes = [{ id: "root", path: "/", children: [{ id: "scan", path: "hr/scans/:scanId" }] }];
    const first = server.createStaticRouter(routes, contextFor("/hr/scans/2"));
    const second = server.createStaticRouter(routes, contextFor("/hr/scans/3"));
    expect(second.routes).toBe(first.routes);
    expect(first.routes[0]?.children?.map((r) => r.id)).toEqual(["scan"]);
    const other = server.createStaticRouter([{ id: "root", path: "/" }], contextFor("/"));
    expect(other.routes).not.toBe(first.routes);
    expect(other.routes[0]?.children).toBeUndefined();
  });
});

// Decision 176 patches @remix-run/react's CommonJS build (the one the server loads) so <RemixServer> builds the
// server route tree once per build instead of on every document render (the profile of bench:http showed it as a
// sixth of the framework's render work on the scan page). This renders the same build twice and counts how often
// the tree is built; it fails when the install did not apply the patch, e.g. after a version bump.
import { createRequire } from "node:module";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";

const require = createRequire(import.meta.url);
type RoutesModule = { createServerRoutes: (...args: unknown[]) => unknown };
type ServerModule = { RemixServer: (props: { context: unknown; url: string }) => unknown };
const routesModule = require("@remix-run/react/dist/routes.js") as RoutesModule;
const serverModule = require("@remix-run/react/dist/server.js") as ServerModule;

function buildContext(routeModules: Record<string, { default: () => null }>, manifestRoutes: Record<string, unknown>) {
  return {
    manifest: {
      routes: manifestRoutes,
      entry: { module: "/entry.js", imports: [] },
      url: "/manifest.js",
      version: "1",
    },
    routeModules: { ...routeModules },
    future: {},
    isSpaMode: false,
    serverHandoffString: "{}",
    staticHandlerContext: {
      basename: "",
      location: { pathname: "/", search: "", hash: "", state: null, key: "default" },
      matches: [],
      loaderData: {},
      actionData: null,
      errors: null,
      statusCode: 200,
      loaderHeaders: {},
      actionHeaders: {},
      activeDeferreds: null,
    },
  };
}

describe("the @remix-run/react patch (decision 176)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("builds the server routes of one build once, however many documents it renders", () => {
    const build = vi.spyOn(routesModule, "createServerRoutes");
    const modules = { root: { default: () => null } };
    const manifestRoutes = {
      root: {
        id: "root",
        path: "",
        hasAction: false,
        hasLoader: false,
        hasClientAction: false,
        hasClientLoader: false,
        hasErrorBoundary: false,
        module: "/root.js",
      },
    };
    for (let i = 0; i < 3; i++) {
      renderToString(
        createElement(serverModule.RemixServer as never, {
          context: buildContext(modules, manifestRoutes),
          url: "http://localhost/",
        }),
      );
    }
    expect(build).toHaveBeenCalledTimes(1);
  });

  it("builds them again for another build's route modules", () => {
    const build = vi.spyOn(routesModule, "createServerRoutes");
    const manifestRoutes = {
      root: {
        id: "root",
        path: "",
        hasAction: false,
        hasLoader: false,
        hasClientAction: false,
        hasClientLoader: false,
        hasErrorBoundary: false,
        module: "/root.js",
      },
    };
    renderToString(
      createElement(serverModule.RemixServer as never, {
        context: buildContext({ root: { default: () => null } }, manifestRoutes),
        url: "http://localhost/",
      }),
    );
    renderToString(
      createElement(serverModule.RemixServer as never, {
        context: buildContext({ root: { default: () => null } }, manifestRoutes),
        url: "http://localhost/",
      }),
    );
    expect(build).toHaveBeenCalledTimes(2);
  });
});

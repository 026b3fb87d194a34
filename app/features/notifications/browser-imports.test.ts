// The notification pages' browser bundles must not carry zod (decision 140): Remix drops a route's `.server` imports
// from the browser build, and everything else the route imports, and what that imports, is shipped. This walks the
// same graph from the source (value imports only; `import type` is erased) and lists the packages it reaches.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const app = path.join(root, "app");

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith("~/")
    ? path.join(app, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The names an import statement binds (`import X, { a, b as c } from …`, `import * as X from …`). */
function bindings(clause: string): string[] {
  return clause
    .replace(/[{}]/g, " ")
    .split(",")
    .map(
      (part) =>
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()
          ?.replace(/^\*\s*/, "")
          .replace(/^type\s+/, "")
          .trim() ?? "",
    )
    .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
}

/** A route's source without its loader and action: Remix drops both from the browser build, and what only they use. */
function browserPart(source: string): string {
  return source.replace(/^export (?:async )?function (?:loader|action)\b[\s\S]*?^\}$/gm, "");
}

/** Packages reached from a route module in the browser build, with one path that reaches each. */
function browserPackages(route: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, trail: string[], isRoute: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    const statement = /^\s*(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?["']([^"']+)["'];?/gm;
    const rest = browserPart(source).replace(statement, "");
    for (const m of source.matchAll(statement)) {
      const [, typeOnly, clause, spec] = m;
      if (typeOnly || !spec || spec.includes(".server")) continue;
      // In a route, an import only the loader or action uses is dropped with them.
      if (
        isRoute &&
        clause &&
        !clause.startsWith("*") &&
        !bindings(clause).some((name) => new RegExp(`\\b${name.replace("$", "\\$")}\\b`).test(rest))
      )
        continue;
      const here = [...trail, path.relative(root, file)];
      const local = resolveLocal(file, spec);
      if (local) walk(local, here, false);
      else if (
        !spec.startsWith(".") &&
        !spec.startsWith("~/") &&
        !spec.startsWith("@db/") &&
        !spec.startsWith("node:")
      ) {
        const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec);
        if (!found.has(name)) found.set(name, here);
      }
    }
  };
  walk(path.join(app, "routes", route), [], true);
  return found;
}

describe("notification pages in the browser", () => {
  it.each([
    "admin.outbox.tsx",
    "notifications._index.tsx",
    "notifications.preferences.tsx",
    "notifications.$id.tsx",
    "unsubscribe.$token.tsx",
  ])("%s ships no zod", (route) => {
    const packages = browserPackages(route);
    expect(packages.get("zod") ?? "no zod").toBe("no zod");
    // The walk itself works: every page reaches React through the shared components.
    expect(packages.has("@remix-run/react") || packages.has("react")).toBe(true);
  });
});

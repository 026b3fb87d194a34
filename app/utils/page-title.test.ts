import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageTitles } from "./locale.server";
import { pageTitle, titleFromMatches } from "./page-title";

const ROUTES = path.join(__dirname, "..", "routes");

describe("page titles", () => {
  it("a route's meta gives its title in the root loader's language", () => {
    const meta = pageTitle("hrScans");
    const nl = meta({ matches: [{ id: "root", data: { titles: pageTitles("nl") } }] } as unknown as Parameters<
      typeof meta
    >[0]);
    const en = meta({ matches: [{ id: "root", data: { titles: pageTitles("en") } }] } as unknown as Parameters<
      typeof meta
    >[0]);
    expect(nl).toEqual([{ title: "Inclusiescans · Newcomer-Proof Portal" }]);
    expect(en).toEqual([{ title: "Inclusion scans · Newcomer-Proof Portal" }]);
  });

  it("keeps further tags and falls back to the portal's name when the root has no data", () => {
    const meta = pageTitle("login", [{ name: "referrer", content: "no-referrer" }]);
    expect(meta({ matches: [{ id: "root", data: undefined }] } as unknown as Parameters<typeof meta>[0])).toEqual([
      { title: "Newcomer-Proof Portal" },
      { name: "referrer", content: "no-referrer" },
    ]);
    expect(titleFromMatches([], "login")).toBe("Newcomer-Proof Portal");
  });

  it.each(["nl", "en"] as const)("the %s titles are built once and no caller can change them", (locale) => {
    const first = pageTitles(locale);
    expect(pageTitles(locale)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(pageTitles(locale === "nl" ? "en" : "nl")).not.toBe(first);
  });

  it.each(["nl", "en"] as const)("every %s title is distinct", (locale) => {
    const all = Object.values(pageTitles(locale));
    expect(new Set(all).size).toBe(all.length);
  });

  it("every page route (a module with a component) sets its own title key, and no two routes share one", () => {
    const keys = new Map<string, string>();
    for (const file of fs.readdirSync(ROUTES).filter((f) => f.endsWith(".tsx"))) {
      const source = fs.readFileSync(path.join(ROUTES, file), "utf8");
      if (!/^export default /m.test(source)) continue;
      const key = /^export const meta = pageTitle\("(\w+)"/m.exec(source)?.[1];
      expect(key, `${file} sets no page title`).toBeDefined();
      expect(keys.get(key ?? ""), `${file} shares its title with another route`).toBeUndefined();
      keys.set(key ?? "", file);
    }
    expect(keys.size).toBeGreaterThan(60);
  });
});

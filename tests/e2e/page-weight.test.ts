// Page weight (issue 18, docs/decisions/140, 142, 143): what the production build makes each page load, read from
// the build's manifest (run after `npm run build`, as every e2e file). Exact and independent of the machine's load.
import { describe, expect, it } from "vitest";
import { PAGE_LIMIT_KB, pageWeights, zodInBrowser } from "../../scripts/page-weight-lib";

describe("the JavaScript each page loads", () => {
  const pages = pageWeights();

  it("is at most 100 KB gzipped on every page", () => {
    expect(pages.length).toBeGreaterThan(50);
    const over = pages.filter((p) => p.kb > PAGE_LIMIT_KB).map((p) => `${p.id} ${p.kb.toFixed(1)} KB`);
    expect(over).toEqual([]);
  });

  it("leaves the sign-in and buddy pages well under the limit", () => {
    const light = pages.filter((p) => /^routes\/(login|me\.buddy)/.test(p.id));
    expect(light.map((p) => p.id)).toEqual(expect.arrayContaining(["routes/login", "routes/me.buddy.proposals.$id"]));
    expect(light.filter((p) => p.kb > 97.5).map((p) => `${p.id} ${p.kb.toFixed(1)} KB`)).toEqual([]);
  });

  it("never contains zod: the server's schemas are the authority, the browser checks constraints itself", () => {
    expect(zodInBrowser().map((z) => `${z.file} on ${z.routes.join(", ")}`)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { activeItem, navigationFor } from "./navigation";

describe("activeItem", () => {
  const hr = navigationFor("hr", false);
  it.each([
    ["/hr", "/hr"],
    ["/hr/", "/hr"],
    ["/hr/scans", "/hr/scans"],
    ["/hr/scans/12/results", "/hr/scans"],
    ["/hr/matching/runs/3", "/hr/matching"],
    ["/hr/newcomers/new", "/hr/newcomers"],
    ["/account", "/account"],
  ])("%s belongs to %s", (path, expected) => {
    expect(activeItem(hr, path)?.to).toBe(expected);
  });

  it("an end entry matches only itself, and a path outside the menu matches nothing", () => {
    expect(activeItem(navigationFor("employee", false), "/me/buddy/proposals/4")?.to).toBe("/me/buddy");
    expect(activeItem(navigationFor("employee", false), "/me")?.to).toBe("/me");
    expect(activeItem(hr, "/hrx")).toBeUndefined();
    expect(activeItem(hr, "/login")).toBeUndefined();
  });
});

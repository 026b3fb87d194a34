import { describe, expect, it } from "vitest";
import { stateTone, toneClass } from "./state-tone";

describe("newcomer state colours", () => {
  it.each([
    ["waiting", "attention", "badge badge--attention"],
    ["proposed", "progress", "badge badge--progress"],
    ["matched", "done", "badge"],
    ["ended", "muted", "badge badge--muted"],
    ["erased", "muted", "badge badge--muted"],
  ] as const)("%s is shown as %s", (state, tone, className) => {
    expect(stateTone(state)).toBe(tone);
    expect(toneClass(stateTone(state))).toBe(className);
  });

  it("waiting, the state that needs HR, is never the quiet (muted) one, and matched is not", () => {
    expect(toneClass(stateTone("waiting"))).not.toContain("muted");
    expect(toneClass(stateTone("matched"))).not.toContain("muted");
    expect(toneClass(stateTone("waiting"))).not.toBe(toneClass(stateTone("matched")));
  });
});

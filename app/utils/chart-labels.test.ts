import { describe, expect, it } from "vitest";
import { wrapLabel } from "./chart-labels";

describe("wrapLabel", () => {
  it.each([
    ["2. Inclusieve werving en selectie", 17, ["2. Inclusieve", "werving en", "selectie"]],
    ["8. Opvolging, partnerschappen en verbetering", 17, ["8. Opvolging,", "partnerschappen", "en verbetering"]],
    ["Kort", 17, ["Kort"]],
    ["  spaces   between  ", 17, ["spaces between"]],
    ["Overlongwordthatdoesnotfit here", 10, ["Overlongwordthatdoesnotfit", "here"]],
    ["", 10, []],
  ])("%s (max %i)", (text, max, lines) => {
    expect(wrapLabel(text, max)).toEqual(lines);
    // Nothing of the label is lost.
    expect(lines.join(" ")).toBe(text.trim().split(/\s+/).filter(Boolean).join(" "));
  });
});

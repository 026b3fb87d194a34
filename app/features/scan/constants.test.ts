// The dimension keys exist once in app/ (constants.ts); db/ cannot import app/, so the instrument and the
// module content keep their own list. This keeps the three the same.
import { describe, expect, it } from "vitest";
import { INSTRUMENT_V1 } from "@db/reference/instrument-v1";
import { DIMENSION_KEYS as MODULE_DIMENSION_KEYS } from "@db/reference/modules";
import { DIMENSION_KEYS } from "./constants";

describe("dimension keys", () => {
  it("are the instrument's dimensions, in order, and the ones module content may link to", () => {
    expect(INSTRUMENT_V1.dimensions.map((d) => d.key)).toEqual([...DIMENSION_KEYS]);
    expect([...MODULE_DIMENSION_KEYS]).toEqual([...DIMENSION_KEYS]);
  });
});

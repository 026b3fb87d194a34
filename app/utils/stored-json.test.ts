import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseStoredJson } from "./stored-json";

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

describe("parseStoredJson", () => {
  it.each([
    ['{"newcomer":"Nora","count":2}', { newcomer: "Nora", count: 2 }],
    ["{}", {}],
  ])("reads %s", (json, expected) => expect(parseStoredJson(Params, json)).toEqual(expected));

  it.each([["not json"], ['{"newcomer":{"name":"Nora"}}'], ["[1,2]"], ["null"], [""]])(
    "gives null for the damaged value %s",
    (json) => {
      expect(parseStoredJson(Params, json)).toBeNull();
    },
  );

  it("gives null for a missing value", () => expect(parseStoredJson(Params, null)).toBeNull());
});

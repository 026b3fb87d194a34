import { describe, expect, it } from "vitest";
import { aroundEmail, emailParts } from "./email-parts";

describe("emailParts", () => {
  it.each([
    ["tom.peeters@zas.example", ["tom", ".peeters@", "zas", ".example"]],
    ["hr@zas.example", ["hr@", "zas", ".example"]],
    ["amal-haddad@ziekenhuis-aan-de-stroom.be", ["amal-haddad@", "ziekenhuis-aan-de-stroom", ".be"]],
    ["noatsign", ["noatsign"]],
    ["", []],
  ])("%s breaks into %j", (address, parts) => {
    expect(emailParts(address)).toEqual(parts);
    expect(emailParts(address).join("")).toBe(address);
  });
});

describe("aroundEmail", () => {
  it("splits a sentence around the address", () => {
    expect(aroundEmail("Je kunt je buddy mailen op an@zas.example.", "an@zas.example")).toEqual({
      before: "Je kunt je buddy mailen op ",
      after: ".",
    });
  });
  it("gives nothing when the address is not in the sentence", () => {
    expect(aroundEmail("Mail je buddy.", "an@zas.example")).toBeNull();
    expect(aroundEmail("Mail je buddy.", "")).toBeNull();
  });
});

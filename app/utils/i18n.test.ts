import { describe, expect, it } from "vitest";
import { en } from "~/locales/en";
import { nl } from "~/locales/nl";
import { todayInBrussels } from "~/features/modules/modules.schema";
import { formatDate, formatNumber, isMessageKey, negotiateLocale, translate } from "./i18n";

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe("negotiateLocale", () => {
  it.each([
    ["nl-BE,nl;q=0.9,en;q=0.8", "nl"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-BE,fr;q=0.9,en;q=0.5", "en"],
    ["de-DE", null],
    ["", null],
    ["en;q=0.2,nl;q=0.8", "nl"],
    ["*;q=0.1", null],
    ["garbage;;q=x", null],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("catalogues", () => {
  it("have the same keys in Dutch and English, none empty", () => {
    const nlLeaves = leaves(nl);
    const enLeaves = leaves(en);
    expect(enLeaves.map(([k]) => k).sort()).toEqual(nlLeaves.map(([k]) => k).sort());
    for (const [key, value] of [...nlLeaves, ...enLeaves]) expect(value.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    const enMap = new Map(leaves(en));
    for (const [key, value] of leaves(nl)) {
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]).sort();
      expect(placeholders(enMap.get(key) ?? ""), key).toEqual(placeholders(value));
    }
  });
});

describe("translate", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("nl", "home.welcome", { name: "Sofie" })).toBe("Welkom, Sofie");
    expect(translate("en", "home.welcome", { name: "Sofie" })).toMatch(/Sofie/);
    expect(translate("nl", "home.welcome")).toBe("Welkom, {name}");
  });

  it("chooses the singular or plural form of a counted phrase", () => {
    expect(translate("nl", "matching.card.meProposals", { count: 1 })).toBe("1 voorstel wacht op je antwoord");
    expect(translate("nl", "matching.card.meProposals", { count: 3 })).toBe("3 voorstellen wachten op je antwoord");
    expect(translate("nl", "matching.card.meProposals", { count: 0 })).toBe("0 voorstellen wachten op je antwoord");
    expect(translate("en", "matching.card.meProposals", { count: 1 })).toBe("1 proposal is waiting for your answer");
    expect(translate("en", "matching.card.meProposals", { count: 2 })).toBe("2 proposals are waiting for your answer");
    expect(translate("en", "scan.submitMissing", { count: 1 })).toBe("1 statement still to answer.");
  });

  it("recognises message keys and nothing else", () => {
    expect(isMessageKey("auth.loginTitle")).toBe(true);
    expect(isMessageKey("auth")).toBe(false);
    expect(isMessageKey("auth.nope")).toBe(false);
    expect(isMessageKey(42)).toBe(false);
  });

  it("formats numbers per locale", () => {
    expect(formatNumber("nl", 1234.5, 1)).toBe("1.234,5");
    expect(formatNumber("en", 1234.5, 1)).toBe("1,234.5");
  });
});

describe("formatters built once and reused (decision 098)", () => {
  it("still formats each locale and option set its own way, in any order of calls", () => {
    const at = "2026-12-01T23:30:00.000Z"; // already 2 December in Brussels
    const calls = [
      () => formatDate("nl", at),
      () => formatDate("en", at, true),
      () => formatDate("en", at),
      () => formatDate("nl", at, true),
      () => formatNumber("nl", 1234.5678, 2),
      () => formatNumber("en", 1234.5678),
      () => formatNumber("nl", 1234.5678),
      () => formatNumber("en", 1234.5678, 2),
    ];
    const first = calls.map((c) => c());
    expect(first).toEqual([
      "2 dec 2026",
      "2 Dec 2026, 00:30",
      "2 Dec 2026",
      "2 dec 2026, 00:30",
      "1.234,57",
      "1,235",
      "1.235",
      "1,234.57",
    ]);
    expect([...calls].reverse().map((c) => c())).toEqual([...first].reverse());
    expect(formatDate("nl", "not a date")).toBe("");
  });

  it("gives today's date in Brussels, not in UTC", () => {
    expect(todayInBrussels(new Date("2026-12-01T23:30:00.000Z"))).toBe("2026-12-02");
    expect(todayInBrussels(new Date("2026-06-30T21:59:00.000Z"))).toBe("2026-06-30");
  });
});

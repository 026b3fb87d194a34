import { describe, expect, it } from "vitest";
import {
  DEFAULT_WEIGHTS,
  evaluatePair,
  hasWorkingLanguage,
  normaliseWeights,
  sharedLanguages,
  type BuddyFacts,
  type NewcomerFacts,
  type PairContext,
  type WeightLevels,
} from "./criteria";

const newcomer: NewcomerFacts = {
  organisationId: 1,
  siteId: 10,
  departmentId: 100,
  profession: "nurse",
  dutchLevel: "B1",
  languages: [{ code: "ar", level: "C2" }],
  shifts: ["day", "night"],
  interests: ["cooking", "music"],
  buddyGenderPreference: null,
};

const buddy: BuddyFacts = {
  organisationId: 1,
  siteId: 10,
  departmentId: 200,
  profession: "doctor",
  dutchLevel: "C2",
  languages: [],
  shifts: [],
  interests: [],
  gender: "female",
  status: "active",
  pausedUntil: null,
  capacity: 2,
  load: 0,
  trained: true,
  yearsInOrganisation: 1,
  ownNewcomerExperience: false,
};

const ctx: PairContext = { requireTraining: true, requireSameSite: false, forbiddenPair: false, today: "2026-11-25" };

describe("hard rules", () => {
  it.each<[string, Partial<NewcomerFacts>, Partial<BuddyFacts>, Partial<PairContext>, string]>([
    ["other organisation", {}, { organisationId: 2 }, {}, "otherOrganisation"],
    ["buddy inactive", {}, { status: "inactive" }, {}, "buddyUnavailable"],
    ["buddy paused until later", {}, { status: "paused", pausedUntil: "2026-12-01" }, {}, "buddyUnavailable"],
    ["buddy paused without end date", {}, { status: "paused", pausedUntil: null }, {}, "buddyUnavailable"],
    ["buddy full", {}, { load: 2 }, {}, "buddyFull"],
    ["untrained when required", {}, { trained: false }, {}, "untrained"],
    [
      "Dutch A2 and no other shared language",
      { dutchLevel: "A2" },
      { languages: [{ code: "fr", level: "C1" }] },
      {},
      "noSharedLanguage",
    ],
    [
      "shared language only at A2 on one side",
      { dutchLevel: "A2" },
      { languages: [{ code: "ar", level: "A2" }] },
      {},
      "noSharedLanguage",
    ],
    ["other site when required", {}, { siteId: 11 }, { requireSameSite: true }, "otherSite"],
    ["newcomer without site when same site required", { siteId: null }, {}, { requireSameSite: true }, "otherSite"],
    ["declined before", {}, {}, { forbiddenPair: true }, "forbiddenPair"],
    // order: the first rule that forbids is reported
    ["other organisation before full", {}, { organisationId: 2, load: 5 }, {}, "otherOrganisation"],
    ["full before untrained", {}, { load: 2, trained: false }, {}, "buddyFull"],
  ])("%s → %s", (_name, n, b, c, rule) => {
    const verdict = evaluatePair({ ...newcomer, ...n }, { ...buddy, ...b }, { ...ctx, ...c }, DEFAULT_WEIGHTS);
    expect(verdict).toEqual({ allowed: false, rule });
  });

  it.each<[string, Partial<NewcomerFacts>, Partial<BuddyFacts>, Partial<PairContext>]>([
    ["paused until today is available again", {}, { status: "paused", pausedUntil: "2026-11-25" }, {}],
    ["untrained when not required", {}, { trained: false }, { requireTraining: false }],
    ["other site when not required", {}, { siteId: 11 }, {}],
    [
      "Dutch A2 but Arabic shared",
      { dutchLevel: "A2" },
      { dutchLevel: "A2", languages: [{ code: "ar", level: "B2" }] },
      {},
    ],
    ["one slot left", {}, { load: 1 }, {}],
  ])("%s is allowed", (_name, n, b, c) => {
    expect(evaluatePair({ ...newcomer, ...n }, { ...buddy, ...b }, { ...ctx, ...c }, DEFAULT_WEIGHTS).allowed).toBe(
      true,
    );
  });
});

describe("weighted criteria", () => {
  it("scores zero with an empty explanation when nothing matches", () => {
    expect(evaluatePair(newcomer, buddy, ctx, DEFAULT_WEIGHTS)).toEqual({ allowed: true, score: 0, contributions: [] });
  });

  it("adds every met criterion with its points, in a fixed order", () => {
    const b: BuddyFacts = {
      ...buddy,
      departmentId: 100,
      profession: "nurse",
      shifts: ["day"],
      languages: [{ code: "ar", level: "B2" }],
      ownNewcomerExperience: true,
      interests: ["music", "cooking", "sport"],
      yearsInOrganisation: 8,
      load: 1,
    };
    const verdict = evaluatePair(
      { ...newcomer, buddyGenderPreference: "female" },
      b,
      { ...ctx, keep: true },
      DEFAULT_WEIGHTS,
    );
    expect(verdict).toEqual({
      allowed: true,
      score: 30 + 30 + 10 + 20 + 20 + 7 + 20 + 10 - 5 + 15,
      contributions: [
        { key: "sameDepartment", points: 30 },
        { key: "sameProfession", points: 30 },
        { key: "shiftOverlap", points: 10, count: 1 },
        { key: "sharedLanguage", points: 20, language: "ar" },
        { key: "ownNewcomerExperience", points: 20 },
        { key: "sharedInterests", points: 7, count: 2 },
        { key: "genderPreference", points: 20 },
        { key: "seniority", points: 10 },
        { key: "load", points: -5, count: 1 },
        { key: "keep", points: 15 },
      ],
    });
  });

  it("follows the organisation's levels: off drops a criterion, high gives 30", () => {
    const weights: WeightLevels = { ...DEFAULT_WEIGHTS, sameDepartment: "off", seniority: "high" };
    const verdict = evaluatePair(newcomer, { ...buddy, departmentId: 100, yearsInOrganisation: 3 }, ctx, weights);
    expect(verdict).toEqual({ allowed: true, score: 15, contributions: [{ key: "seniority", points: 15 }] });
  });

  it("does not count 'other' as the same profession", () => {
    const verdict = evaluatePair(
      { ...newcomer, profession: "other" },
      { ...buddy, profession: "other" },
      ctx,
      DEFAULT_WEIGHTS,
    );
    expect(verdict).toMatchObject({ score: 0 });
  });

  it("gives no gender points when the newcomer states no preference", () => {
    expect(evaluatePair(newcomer, { ...buddy, gender: "male" }, ctx, DEFAULT_WEIGHTS)).toMatchObject({ score: 0 });
    expect(
      evaluatePair(
        { ...newcomer, buddyGenderPreference: "female" },
        { ...buddy, gender: "male" },
        ctx,
        DEFAULT_WEIGHTS,
      ),
    ).toMatchObject({ score: 0 });
  });
});

describe("languages", () => {
  it.each<[string, NewcomerFacts["languages"], BuddyFacts["languages"], string[]]>([
    ["none", [], [], []],
    ["both B1+", [{ code: "ti", level: "C2" }], [{ code: "ti", level: "B1" }], ["ti"]],
    ["one below B1", [{ code: "ti", level: "C2" }], [{ code: "ti", level: "A2" }], []],
    [
      "newcomer's order",
      [
        { code: "fr", level: "B2" },
        { code: "en", level: "C1" },
      ],
      [
        { code: "en", level: "C1" },
        { code: "fr", level: "C1" },
      ],
      ["fr", "en"],
    ],
  ])("%s", (_name, a, b, expected) => {
    expect(sharedLanguages(a, b)).toEqual(expected);
  });

  it("counts Dutch as shared only when both are at B1 or better", () => {
    expect(hasWorkingLanguage({ ...newcomer, languages: [] }, buddy)).toBe(true);
    expect(hasWorkingLanguage({ ...newcomer, languages: [], dutchLevel: "A2" }, buddy)).toBe(false);
    expect(hasWorkingLanguage({ ...newcomer, languages: [] }, { ...buddy, dutchLevel: "A2" })).toBe(false);
  });
});

describe("normaliseWeights", () => {
  it("keeps known levels and falls back to the defaults", () => {
    expect(normaliseWeights({ sameDepartment: "low", seniority: "huge", other: "high" })).toEqual({
      ...DEFAULT_WEIGHTS,
      sameDepartment: "low",
    });
    expect(normaliseWeights(null)).toEqual(DEFAULT_WEIGHTS);
  });
});

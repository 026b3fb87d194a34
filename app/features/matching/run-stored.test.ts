import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, type BuddyFacts, type NewcomerFacts } from "./criteria";
import { planRun, type MatchingPool } from "./run-plan";
import { readStored, StoredPinsSchema, StoredRunResultSchema } from "./run-stored";

const n: NewcomerFacts = {
  organisationId: 1,
  siteId: 1,
  departmentId: 5,
  profession: "nurse",
  dutchLevel: "B1",
  languages: [{ code: "ar", level: "C1" }],
  shifts: ["day"],
  interests: ["music"],
  buddyGenderPreference: null,
};
const b: BuddyFacts = {
  organisationId: 1,
  siteId: 1,
  departmentId: 5,
  profession: "nurse",
  dutchLevel: "C2",
  languages: [{ code: "ar", level: "B2" }],
  shifts: ["day"],
  interests: ["music"],
  gender: null,
  status: "active",
  pausedUntil: null,
  capacity: 1,
  load: 0,
  trained: true,
  yearsInOrganisation: 3,
  ownNewcomerExperience: true,
};
const pool: MatchingPool = {
  newcomers: [1, 2].map((id) => ({
    id,
    name: `N${id}`,
    departmentId: 5,
    facts: n,
    pendingBuddyId: null,
    forbiddenBuddyIds: new Set<number>(),
  })),
  buddies: [{ id: 7, name: "B7", facts: b }],
  rules: { requireTraining: true, requireSameSite: false },
  today: "2026-12-02",
  departments: [{ id: 5, name: "Geriatrie", siteName: null }],
};

describe("stored run JSON", () => {
  it("reads back exactly what a run stores (rows with contributions, a newcomer left without, the unpinned best)", () => {
    const plan = planRun(pool, DEFAULT_WEIGHTS, { "2": 7 });
    const stored = JSON.stringify({ rows: plan.rows, buddyCount: plan.buddyIds.length, best: plan.best });
    expect(readStored(StoredRunResultSchema, stored, "result")).toEqual(JSON.parse(stored));
    expect(readStored(StoredPinsSchema, JSON.stringify({ "2": 7 }), "pins")).toEqual({ "2": 7 });
  });

  it.each([
    [
      "a row without its reasons",
      JSON.stringify({
        rows: [
          {
            newcomerId: 1,
            newcomerName: "N",
            department: null,
            chosen: null,
            alternatives: [],
            allowed: [],
            allowedCount: 0,
            pendingBuddyId: null,
          },
        ],
        buddyCount: 1,
      }),
    ],
    [
      "an unknown hard rule",
      JSON.stringify({
        rows: [
          {
            newcomerId: 1,
            newcomerName: "N",
            department: null,
            chosen: null,
            alternatives: [],
            allowed: [],
            allowedCount: 0,
            reasons: [{ rule: "tooTall", count: 1 }],
            pendingBuddyId: null,
          },
        ],
        buddyCount: 1,
      }),
    ],
    ["not a result at all", "[]"],
  ])("refuses %s instead of reading half of it", (_what, json) => {
    expect(() => readStored(StoredRunResultSchema, json, "matching run 1 result")).toThrow(
      /matching run 1 result does not match its schema/,
    );
  });

  it.each([
    ["a buddy id that is text", '{"2":"7"}'],
    ["a key that is not a newcomer id", '{"x":7}'],
  ])("refuses pins with %s", (_what, json) => {
    expect(() => readStored(StoredPinsSchema, json, "pins")).toThrow(/pins does not match/);
  });
});

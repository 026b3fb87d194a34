import { describe, expect, it } from "vitest";
import {
  atLevelAfter12,
  followUpStates,
  languageGain,
  monthsToLevelContract,
  retainedAt,
  situationAt,
  stepOrderProblem,
  type RouteFacts,
} from "./rules";

const base: RouteFacts = {
  startDate: "2025-01-15",
  profession: "nurse",
  steps: [],
  languages: [],
  contracts: [],
  followUps: [],
  outcome: null,
  outcomeDate: null,
};
const facts = (over: Partial<RouteFacts>): RouteFacts => ({ ...base, ...over });

describe("retention and outcome at 6 and 12 months, with censoring", () => {
  it.each([
    // [case, facts, today, retained6, retained12, atLevel12]
    ["started 5 months ago: nothing counted yet", facts({ startDate: "2026-07-01" }), "2026-12-01", null, null, null],
    [
      "started 8 months ago, 6 months confirmed working: retained at 6, not yet at 12",
      facts({ startDate: "2026-04-01", followUps: [{ moment: "month6", situation: "below_level" }] }),
      "2026-12-01",
      true,
      null,
      null,
    ],
    [
      "started 11 months ago and left after 3: lost at 6, still censored at 12",
      facts({ startDate: "2026-01-01", outcome: "left", outcomeDate: "2026-04-01" }),
      "2026-12-01",
      false,
      null,
      null,
    ],
    ["12 months passed, nothing confirmed: unknown, not counted", facts({}), "2026-12-01", null, null, null],
    [
      "12 months confirmed at level",
      facts({
        followUps: [
          { moment: "month6", situation: "in_training" },
          { moment: "month12", situation: "at_level" },
        ],
      }),
      "2026-12-01",
      true,
      true,
      true,
    ],
    [
      "12 months confirmed below level: retained, not at level",
      facts({ followUps: [{ moment: "month12", situation: "below_level" }] }),
      "2026-12-01",
      null,
      true,
      false,
    ],
    [
      "left at month 6 (confirmed) stays left at 12",
      facts({ followUps: [{ moment: "month6", situation: "left" }] }),
      "2026-12-01",
      false,
      false,
      false,
    ],
    [
      "left after 9 months (outcome): retained at 6 only if confirmed, lost at 12",
      facts({ followUps: [{ moment: "month6", situation: "at_level" }], outcome: "left", outcomeDate: "2025-10-15" }),
      "2026-12-01",
      true,
      false,
      false,
    ],
    [
      "the 12-month day itself counts",
      facts({ followUps: [{ moment: "month12", situation: "at_level" }] }),
      "2026-01-15",
      null,
      true,
      true,
    ],
    [
      "the day before the 12-month day is censored",
      facts({ followUps: [{ moment: "month12", situation: "at_level" }] }),
      "2026-01-14",
      null,
      null,
      null,
    ],
  ])("%s", (_name, f, today, r6, r12, level) => {
    expect(retainedAt(f, 6, today)).toBe(r6);
    expect(retainedAt(f, 12, today)).toBe(r12);
    expect(atLevelAfter12(f, today)).toBe(level);
  });

  it("censoring names itself", () => {
    expect(situationAt(facts({ startDate: "2026-07-01" }), 12, "2026-12-01")).toBe("censored");
    expect(situationAt(facts({}), 12, "2026-12-01")).toBe("unknown");
  });
});

describe("steps follow the route", () => {
  const order: Record<string, number> = { intake: 10, naric_app: 20, naric_eq: 30, visum: 60 };
  it.each([
    [
      "in order",
      [
        ["intake", "2025-01-01"],
        ["naric_app", "2025-02-01"],
        ["visum", "2025-06-01"],
      ],
      null,
    ],
    [
      "same day is fine",
      [
        ["naric_app", "2025-02-01"],
        ["naric_eq", "2025-02-01"],
      ],
      null,
    ],
    [
      "gaps are fine",
      [
        ["intake", "2025-01-01"],
        ["visum", "2025-06-01"],
      ],
      null,
    ],
    [
      "a later step dated before an earlier one",
      [
        ["naric_app", "2025-03-01"],
        ["naric_eq", "2025-02-01"],
      ],
      { step: "naric_eq", after: "naric_app" },
    ],
    [
      "the visum before the intake",
      [
        ["intake", "2025-05-01"],
        ["visum", "2025-04-30"],
      ],
      { step: "visum", after: "intake" },
    ],
  ] as const)("%s", (_name, recorded, expected) => {
    expect(
      stepOrderProblem(
        recorded.map(([stepKey, reachedOn]) => ({ stepKey, reachedOn })),
        (k) => order[k],
      ),
    ).toEqual(expected);
  });
});

describe("follow-up moments", () => {
  it("6 and 12 months after the start and at a contract's end; overdue two weeks after; none after leaving", () => {
    const f = facts({
      startDate: "2026-01-31",
      contracts: [
        { id: 7, type: "fixed_term", role: "care_assistant", startDate: "2026-02-01", endDate: "2026-07-31" },
      ],
      followUps: [{ moment: "month6", situation: "below_level" }],
    });
    expect(followUpStates(f, "2026-08-10").map((m) => [m.moment, m.dueDate, m.state])).toEqual([
      ["contract-7", "2026-07-31", "due"],
      ["month6", "2026-07-31", "confirmed"],
      ["month12", "2027-01-31", "upcoming"],
    ]);
    expect(followUpStates(f, "2026-08-15").find((m) => m.moment === "contract-7")?.state).toBe("overdue");
    expect(followUpStates({ ...f, outcome: "left", outcomeDate: "2026-05-01" }, "2026-08-15")).toEqual([]);
  });
});

describe("months and language", () => {
  it("months to a contract at level count only fixed-term or permanent contracts in a qualified role", () => {
    expect(
      monthsToLevelContract(
        facts({ contracts: [{ id: 1, type: "dual_learning", role: "nurse", startDate: "2025-03-15", endDate: null }] }),
      ),
    ).toBeNull();
    expect(
      monthsToLevelContract(
        facts({
          contracts: [
            { id: 1, type: "fixed_term", role: "care_assistant", startDate: "2025-02-15", endDate: null },
            { id: 2, type: "permanent", role: "nurse", startDate: "2026-01-15", endDate: null },
          ],
        }),
      ),
    ).toBe(12);
  });
  it.each([
    [[], null],
    [[["B1", "2025-01-01"]], null],
    [
      [
        ["B2", "2026-01-01"],
        ["A2", "2025-01-01"],
      ],
      2,
    ],
    [
      [
        ["B2", "2025-01-01"],
        ["B1", "2026-01-01"],
      ],
      -1,
    ],
  ] as const)("gain of %j is %s", (levels, gain) => {
    expect(languageGain({ languages: levels.map(([level, measuredOn]) => ({ level, measuredOn })) })).toBe(gain);
  });
});

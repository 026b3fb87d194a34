import { describe, expect, it } from "vitest";
import { digestWeek, localDate } from "./calendar";
import { KINDS_BY_ROLE } from "./kinds";
import { parsePreferenceForm } from "./notifications.schema";
import { dueEvents, type OrgSnapshot } from "./reminders";

const empty: OrgSnapshot = {
  organisationId: 1,
  country: "BE",
  hrUserIds: [],
  proposals: [],
  answered: [],
  checkIns: [],
  assignments: [],
  waiting: [],
  actions: [],
  drafts: [],
  lastSubmitted: null,
};
const keysAt = (org: Partial<OrgSnapshot>, iso: string) =>
  dueEvents({ ...empty, ...org }, new Date(iso)).map((e) => e.key);

describe("dueEvents", () => {
  const checkIn = {
    matchId: 7,
    key: "week6",
    dueDate: "2027-03-10",
    buddyUserId: 2,
    buddyName: "Bram",
    newcomerUserId: 3,
    newcomerName: "Nour",
  };
  it.each([
    [
      "two days before: the newcomer hears it is coming up",
      "2027-03-08T09:00:00Z",
      ["checkin-upcoming:7:week6:2027-03-10"],
    ],
    ["three days before: nothing yet", "2027-03-07T09:00:00Z", []],
    [
      "on the day: the buddy is reminded, the newcomer still sees it coming",
      "2027-03-10T09:00:00Z",
      ["checkin-upcoming:7:week6:2027-03-10", "checkin-due:7:week6:2027-03-10"],
    ],
    ["two days late: still 'due'", "2027-03-12T20:00:00Z", ["checkin-due:7:week6:2027-03-10"]],
    ["three days late: overdue", "2027-03-13T09:00:00Z", ["checkin-overdue:7:week6:2027-03-10"]],
    // 23:30 UTC on the 9th is already the 10th in Brussels.
    [
      "the organisation's day, not UTC's",
      "2027-03-09T23:30:00Z",
      ["checkin-upcoming:7:week6:2027-03-10", "checkin-due:7:week6:2027-03-10"],
    ],
  ])("check-in: %s", (_label, iso, expected) => {
    expect(keysAt({ checkIns: [checkIn] }, iso)).toEqual(expected);
  });

  it("a newcomer without an account gets no 'coming up'", () => {
    expect(keysAt({ checkIns: [{ ...checkIn, newcomerUserId: null }] }, "2027-03-08T09:00:00Z")).toEqual([]);
  });

  it.each([
    ["25 hours before the deadline", "2027-03-01T11:00:00Z", []],
    ["23 hours before", "2027-03-01T13:00:00Z", ["proposal-expiring:5"]],
    ["after the deadline", "2027-03-02T12:00:01Z", []],
  ])("proposal expiring: %s", (_label, iso, expected) => {
    expect(
      keysAt(
        { proposals: [{ matchId: 5, buddyUserId: 2, newcomerName: "Nour", deadline: "2027-03-02T12:00:00Z" }] },
        iso,
      ),
    ).toEqual(expected);
  });

  it.each([
    ["a week before", "2027-04-03T09:00:00Z", ["module-assigned:4:9"]],
    ["three days before", "2027-04-07T09:00:00Z", ["module-assigned:4:9", "module-due:4:9:2027-04-10"]],
    ["on the due date", "2027-04-10T09:00:00Z", ["module-assigned:4:9", "module-due:4:9:2027-04-10"]],
    ["the day after", "2027-04-11T09:00:00Z", ["module-overdue:4:9:2027-04-10"]],
  ])("module: %s", (_label, iso, expected) => {
    expect(
      keysAt(
        { assignments: [{ assignmentId: 4, moduleKey: "being-a-buddy", dueDate: "2027-04-10", pendingUserIds: [9] }] },
        iso,
      ),
    ).toEqual(expected);
  });

  it("HR events go to every HR user, each with their own key", () => {
    const org = {
      hrUserIds: [11, 12],
      answered: [
        {
          matchId: 5,
          status: "declined" as const,
          at: "2027-03-01T10:00:00Z",
          newcomerId: 1,
          newcomerName: "Nour",
          buddyName: "Bram",
        },
      ],
    };
    expect(keysAt(org, "2027-03-02T09:00:00Z")).toEqual(["match-declined:5:11", "match-declined:5:12"]);
    expect(keysAt(org, "2027-03-20T09:00:00Z")).toEqual([]);
  });

  it.each([
    ["13 days waiting", "2027-03-14T09:00:00Z", []],
    ["15 days waiting", "2027-03-16T09:00:00Z", ["newcomer-waiting:3:11"]],
  ])("newcomer waiting: %s", (_label, iso, expected) => {
    expect(
      keysAt({ hrUserIds: [11], waiting: [{ newcomerId: 3, name: "Nour", since: "2027-03-01T09:00:00Z" }] }, iso),
    ).toEqual(expected);
  });

  it("scans: stale after 30 days untouched, next one 11 months after the submission", () => {
    const org = {
      hrUserIds: [11],
      drafts: [{ scanId: 8, period: "2027", lastTouchedAt: "2027-01-01T10:00:00Z" }],
      lastSubmitted: { scanId: 6, period: "2026", submittedAt: "2026-03-15T10:00:00Z" },
    };
    expect(keysAt(org, "2027-01-30T09:00:00Z")).toEqual([]);
    expect(keysAt(org, "2027-02-01T09:00:00Z")).toEqual(["scan-stale:8:2027-01-01:11"]);
    expect(keysAt({ ...org, drafts: [] }, "2027-02-15T09:00:00Z")).toEqual(["scan-due:6:11"]);
    expect(keysAt({ ...org, drafts: [] }, "2027-02-14T09:00:00Z")).toEqual([]);
  });

  it("the same state and moment always give the same keys", () => {
    const org = {
      checkIns: [checkIn],
      hrUserIds: [11],
      actions: [{ id: 1, scanId: 6, dueDate: "2027-03-11", action: "Onthaalplan" }],
    };
    expect(keysAt(org, "2027-03-10T09:00:00Z")).toEqual(keysAt(org, "2027-03-10T09:00:00Z"));
    expect(keysAt(org, "2027-03-10T09:00:00Z")).toContain("action-due:1:2027-03-11:11");
  });
});

describe("calendar", () => {
  it.each([
    ["Sunday evening: last week's digest", "2027-03-07T20:00:00Z", "2027-03-01"],
    ["Monday 07:59 in Brussels: not yet this week's", "2027-03-08T06:59:00Z", null],
    ["Monday 08:00 in Brussels", "2027-03-08T07:00:00Z", "2027-03-08"],
    ["Monday 08:00 in summer time", "2027-06-07T06:00:00Z", "2027-06-07"],
    ["Wednesday: this week's (sent late after a stop)", "2027-03-10T12:00:00Z", "2027-03-08"],
  ])("digestWeek: %s", (_label, iso, expected) => {
    const week = digestWeek(new Date(iso), "Europe/Brussels");
    if (expected === null) expect(week).toBeNull();
    else expect(week).toBe(expected);
  });

  it("localDate follows the time zone", () => {
    expect(localDate(new Date("2027-03-09T23:30:00Z"), "Europe/Amsterdam")).toBe("2027-03-10");
    expect(localDate(new Date("2027-03-09T22:30:00Z"), "Europe/Amsterdam")).toBe("2027-03-09");
  });
});

describe("parsePreferenceForm", () => {
  const hr = KINDS_BY_ROLE.hr;
  it.each([
    ["a valid choice", [["kind:scan_due", "digest"]], true],
    [
      "an unknown kind",
      [
        ["kind:scan_due", "digest"],
        ["kind:nope", "off"],
      ],
      false,
    ],
    ["a kind of another role", [["kind:checkin_due", "off"]], false],
    ["an unknown channel", [["kind:scan_due", "weekly"]], false],
    ["the digest into the digest", [["kind:weekly_digest", "digest"]], false],
    ["nothing at all", [], false],
  ] as [string, [string, string][], boolean][])("%s", (_label, entries, ok) => {
    expect(parsePreferenceForm(entries, hr).ok).toBe(ok);
  });
});

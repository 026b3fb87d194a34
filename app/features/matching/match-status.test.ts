import { describe, expect, it } from "vitest";
import { dueChanges, effectiveStatus, isBuddyAvailable } from "./match-status";

const NOW = new Date("2027-03-10T09:00:00.000Z");

describe("effectiveStatus", () => {
  it.each([
    [
      "a proposal before its deadline stays proposed",
      { status: "proposed", deadline: "2027-03-10T09:00:01.000Z", startDate: "2027-01-01" },
      "proposed",
    ],
    [
      "a proposal past its deadline is expired",
      { status: "proposed", deadline: "2027-03-10T08:59:59.999Z", startDate: "2027-04-01" },
      "expired",
    ],
    [
      "a proposal exactly at its deadline can still be answered",
      { status: "proposed", deadline: "2027-03-10T09:00:00.000Z", startDate: "2027-04-01" },
      "proposed",
    ],
    [
      "an accepted match before the start date stays accepted",
      { status: "accepted", deadline: "2027-01-01T00:00:00.000Z", startDate: "2027-03-11" },
      "accepted",
    ],
    [
      "an accepted match on the start date is active",
      { status: "accepted", deadline: "2027-01-01T00:00:00.000Z", startDate: "2027-03-10" },
      "active",
    ],
    [
      "a declined proposal past its deadline stays declined",
      { status: "declined", deadline: "2027-01-01T00:00:00.000Z", startDate: "2027-03-01" },
      "declined",
    ],
    [
      "a completed match stays completed",
      { status: "completed", deadline: "2027-01-01T00:00:00.000Z", startDate: "2027-01-01" },
      "completed",
    ],
  ])("%s", (_, m, expected) => {
    expect(effectiveStatus(m, NOW)).toBe(expected);
  });
});

describe("dueChanges", () => {
  it("lists only the matches whose status changes now, split by change", () => {
    const rows = [
      { id: 1, status: "proposed", deadline: "2027-03-09T00:00:00.000Z", startDate: "2027-04-01" },
      { id: 2, status: "proposed", deadline: "2027-03-12T00:00:00.000Z", startDate: "2027-04-01" },
      { id: 3, status: "accepted", deadline: "2027-03-01T00:00:00.000Z", startDate: "2027-03-10" },
      { id: 4, status: "accepted", deadline: "2027-03-01T00:00:00.000Z", startDate: "2027-03-20" },
      { id: 5, status: "active", deadline: "2027-03-01T00:00:00.000Z", startDate: "2027-02-01" },
    ];
    const due = dueChanges(rows, NOW);
    expect(due.expire.map((m) => m.id)).toEqual([1]);
    expect(due.start.map((m) => m.id)).toEqual([3]);
  });
});

describe("isBuddyAvailable", () => {
  it.each<[string, "active" | "paused" | "inactive", string | null, boolean]>([
    ["active", "active", null, true],
    ["inactive", "inactive", null, false],
    ["paused without an end date", "paused", null, false],
    ["paused until tomorrow", "paused", "2027-03-11", false],
    ["paused until today", "paused", "2027-03-10", true],
  ])("%s", (_, status, until, expected) => {
    expect(isBuddyAvailable(status, until, "2027-03-10")).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { invitationsDue, type MatchFacts } from "./moments";

const match = (over: Partial<MatchFacts> = {}): MatchFacts => ({
  id: 7,
  status: "active",
  base: "2026-01-10",
  endedOn: null,
  ...over,
});
const due = (
  audience: "newcomer" | "buddy",
  today: string,
  m: MatchFacts[] = [match()],
  used: string[] = [],
  campaigns = [] as { id: number; opensOn: string; closesOn: string }[],
) =>
  invitationsDue({ audience, matches: m, campaigns, used: new Set(used), today }).map((i) => `${i.moment}@${i.dueOn}`);

describe("pulse moments", () => {
  it.each([
    ["newcomer", "2026-02-20", []], // day 41
    ["newcomer", "2026-02-21", ["week6@2026-02-21"]], // day 42
    ["newcomer", "2026-04-03", ["week6@2026-02-21"]], // last open day of week 6
    ["newcomer", "2026-04-04", []],
    ["newcomer", "2026-04-10", ["month3@2026-04-10"]],
    ["newcomer", "2026-07-10", ["month6@2026-07-10"]],
    ["buddy", "2026-02-21", []],
    ["buddy", "2026-04-10", ["month3@2026-04-10"]],
  ] as const)("%s on %s: %j", (audience, today, expected) => expect(due(audience, today)).toEqual(expected));

  it("asks a buddy at the end of a match and skips moments after it", () => {
    const ended = match({ status: "completed", endedOn: "2026-03-01" });
    expect(due("buddy", "2026-03-05", [ended])).toEqual(["end@2026-03-01"]);
    expect(due("newcomer", "2026-04-10", [ended])).toEqual([]);
    expect(due("newcomer", "2026-02-25", [ended])).toEqual(["week6@2026-02-21"]);
  });

  it("never invites for a proposal or a declined match, nor twice for a used occasion", () => {
    expect(due("newcomer", "2026-02-21", [match({ status: "proposed" })])).toEqual([]);
    expect(due("newcomer", "2026-02-21", [match({ status: "declined" })])).toEqual([]);
    expect(due("newcomer", "2026-02-21", [match()], ["match:7:newcomer:week6"])).toEqual([]);
  });

  it("invites everyone during an open campaign", () => {
    const campaigns = [{ id: 3, opensOn: "2026-05-01", closesOn: "2026-05-28" }];
    expect(due("buddy", "2026-05-28", [], [], campaigns)).toEqual(["campaign@2026-05-01"]);
    expect(due("buddy", "2026-05-29", [], [], campaigns)).toEqual([]);
    expect(due("newcomer", "2026-05-10", [], ["campaign:3:newcomer"], campaigns)).toEqual([]);
  });
});

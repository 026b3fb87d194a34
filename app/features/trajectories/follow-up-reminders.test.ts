import { describe, expect, it } from "vitest";
import { trajectoryFollowUpEvents } from "~/features/notifications/trajectory-followups";

describe("the follow-up reminder rule (docs/decisions/112)", () => {
  const due = [{ recordId: 7, newcomerName: "Amal", moment: "month12", dueDate: "2026-11-01" }];
  it.each([
    ["the day before the moment", "2026-10-31", 0],
    ["the day of the moment", "2026-11-01", 2],
    ["60 days after", "2026-12-31", 2],
    ["61 days after: a late-entered route does not flood HR", "2027-01-01", 0],
  ])("%s", (_name, today, count) => {
    const events = trajectoryFollowUpEvents([11, 12], due, today);
    expect(events).toHaveLength(count);
    for (const e of events)
      expect(e).toMatchObject({
        key: "trajectory-followup:7:month12",
        kind: "trajectory_followup",
        link: "/hr/newcomers/7/trajectory",
      });
  });
});

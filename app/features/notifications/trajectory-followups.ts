// The reminder rule of the trajectories' follow-up moments (docs/decisions/112): every HR user of the
// organisation is asked once per moment — 6 and 12 months after the start, and at the end of a contract —
// to confirm the newcomer's situation. The key names the occasion, so a repeat tick records nothing new.
import type { DueEvent } from "./reminders";
import { addDays } from "./calendar";

export type TrajectoryFollowUpDue = { recordId: number; newcomerName: string; moment: string; dueDate: string };

/** A follow-up that came longer ago than this (e.g. a route entered afterwards) is not reminded about. */
export const FOLLOW_UP_LOOKBACK_DAYS = 60;

export function trajectoryFollowUpEvents(
  hrUserIds: readonly number[],
  due: readonly TrajectoryFollowUpDue[],
  today: string,
): DueEvent[] {
  const out: DueEvent[] = [];
  for (const f of due) {
    if (today < f.dueDate || today > addDays(f.dueDate, FOLLOW_UP_LOOKBACK_DAYS)) continue;
    for (const userId of hrUserIds) {
      out.push({
        key: `trajectory-followup:${f.recordId}:${f.moment}`,
        kind: "trajectory_followup",
        userId,
        params: { newcomer: f.newcomerName, dueDate: f.dueDate },
        link: `/hr/newcomers/${f.recordId}/trajectory`,
      });
    }
  }
  return out;
}

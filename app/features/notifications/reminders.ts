// Which reminders are due for an organisation at a given moment: a pure function of its state and the time.
// Every event carries a key that names the occasion (not the moment it was noticed), so asking again — in the
// next tick, after a restart, in a second process, after the clock jumped — yields the same keys, and the
// unique index turns a repeat into nothing.
import type { NotificationKind } from "./kinds";
import { addDays, addMonths, localDate, timeZoneOf, type Country } from "./calendar";

export type EventParams = Record<string, string | number>;

export type DueEvent = {
  key: string;
  kind: NotificationKind;
  userId: number;
  params: EventParams;
  link: string;
  /** A calendar invitation for a day (YYYY-MM-DD) in the organisation's time zone. */
  calendar?: { date: string; uid: string };
};

export type OrgSnapshot = {
  organisationId: number;
  country: Country;
  hrUserIds: number[];
  /** Proposals waiting for the buddy's answer. */
  proposals: { matchId: number; buddyUserId: number; newcomerName: string; deadline: string }[];
  /** Proposals that were declined or expired (with the moment of that answer or of the deadline). */
  answered: {
    matchId: number;
    status: "declined" | "expired";
    at: string;
    newcomerId: number;
    newcomerName: string;
    buddyName: string;
  }[];
  /** Check-ins not yet logged, of matches that are accepted or running. */
  checkIns: {
    matchId: number;
    key: string;
    dueDate: string;
    buddyUserId: number;
    buddyName: string;
    newcomerUserId: number | null;
    newcomerName: string;
  }[];
  /** Module assignments with the users who have not passed the module yet. */
  assignments: { assignmentId: number; moduleKey: string; dueDate: string; pendingUserIds: number[] }[];
  /** Newcomers without a proposal or match, with the moment their record was made. */
  waiting: { newcomerId: number; name: string; since: string }[];
  /** Open action-plan items with a due date. */
  actions: { id: number; scanId: number; dueDate: string; action: string }[];
  /** Scans in progress with the moment of their last answer (or their start). */
  drafts: { scanId: number; period: string; lastTouchedAt: string }[];
  /** The latest submitted scan when no scan was started after it. */
  lastSubmitted: { scanId: number; period: string; submittedAt: string } | null;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const RULES = {
  proposalExpiringHours: 24,
  checkInUpcomingDays: 2,
  checkInOverdueDays: 3,
  moduleDueSoonDays: 3,
  answeredLookbackDays: 14,
  newcomerWaitingDays: 14,
  actionDueSoonDays: 3,
  scanStaleDays: 30,
  nextScanMonths: 11,
} as const;

export function dueEvents(org: OrgSnapshot, now: Date): DueEvent[] {
  const today = localDate(now, timeZoneOf(org.country));
  const t = now.getTime();
  const out: DueEvent[] = [];

  for (const p of org.proposals) {
    const deadline = Date.parse(p.deadline);
    if (t >= deadline - RULES.proposalExpiringHours * HOUR && t < deadline) {
      out.push({
        key: `proposal-expiring:${p.matchId}`,
        kind: "proposal_expiring",
        userId: p.buddyUserId,
        params: { newcomer: p.newcomerName, deadlineAt: p.deadline },
        link: `/me/buddy/proposals/${p.matchId}`,
      });
    }
  }

  for (const c of org.checkIns) {
    const params = { newcomer: c.newcomerName, buddy: c.buddyName, moment: c.key, dueDate: c.dueDate };
    const calendar = { date: c.dueDate, uid: `checkin-${c.matchId}-${c.key}` };
    if (c.newcomerUserId != null && today >= addDays(c.dueDate, -RULES.checkInUpcomingDays) && today <= c.dueDate) {
      out.push({
        key: `checkin-upcoming:${c.matchId}:${c.key}:${c.dueDate}`,
        kind: "checkin_upcoming",
        userId: c.newcomerUserId,
        params,
        link: "/newcomer",
        calendar,
      });
    }
    const overdueFrom = addDays(c.dueDate, RULES.checkInOverdueDays);
    if (today >= c.dueDate && today < overdueFrom) {
      out.push({
        key: `checkin-due:${c.matchId}:${c.key}:${c.dueDate}`,
        kind: "checkin_due",
        userId: c.buddyUserId,
        params,
        link: `/me/buddy/matches/${c.matchId}`,
        calendar,
      });
    } else if (today >= overdueFrom) {
      out.push({
        key: `checkin-overdue:${c.matchId}:${c.key}:${c.dueDate}`,
        kind: "checkin_overdue",
        userId: c.buddyUserId,
        params,
        link: `/me/buddy/matches/${c.matchId}`,
      });
    }
  }

  for (const a of org.assignments) {
    const params = { module: a.moduleKey, dueDate: a.dueDate };
    const link = `/me/modules/${a.moduleKey}`;
    for (const userId of a.pendingUserIds) {
      if (today <= a.dueDate)
        out.push({ key: `module-assigned:${a.assignmentId}:${userId}`, kind: "module_assigned", userId, params, link });
      if (today >= addDays(a.dueDate, -RULES.moduleDueSoonDays) && today <= a.dueDate) {
        out.push({
          key: `module-due:${a.assignmentId}:${userId}:${a.dueDate}`,
          kind: "module_due",
          userId,
          params,
          link,
        });
      }
      if (today > a.dueDate)
        out.push({
          key: `module-overdue:${a.assignmentId}:${userId}:${a.dueDate}`,
          kind: "module_overdue",
          userId,
          params,
          link,
        });
    }
  }

  const hr = (key: string, kind: NotificationKind, params: EventParams, link: string) => {
    for (const userId of org.hrUserIds) out.push({ key: `${key}:${userId}`, kind, userId, params, link });
  };

  for (const a of org.answered) {
    if (t - Date.parse(a.at) > RULES.answeredLookbackDays * DAY) continue;
    hr(
      `match-${a.status}:${a.matchId}`,
      a.status === "declined" ? "match_declined" : "match_expired",
      { newcomer: a.newcomerName, buddy: a.buddyName },
      `/hr/matching/rematch/${a.newcomerId}`,
    );
  }
  for (const w of org.waiting) {
    if (t - Date.parse(w.since) < RULES.newcomerWaitingDays * DAY) continue;
    hr(
      `newcomer-waiting:${w.newcomerId}`,
      "newcomer_waiting",
      { newcomer: w.name, sinceDate: w.since.slice(0, 10) },
      `/hr/newcomers/${w.newcomerId}`,
    );
  }
  for (const a of org.actions) {
    if (today < addDays(a.dueDate, -RULES.actionDueSoonDays)) continue;
    hr(
      `action-due:${a.id}:${a.dueDate}`,
      "action_due",
      { action: a.action, dueDate: a.dueDate },
      `/hr/scans/${a.scanId}/actions`,
    );
  }
  for (const d of org.drafts) {
    if (t - Date.parse(d.lastTouchedAt) < RULES.scanStaleDays * DAY) continue;
    hr(
      `scan-stale:${d.scanId}:${d.lastTouchedAt.slice(0, 10)}`,
      "scan_stale",
      { period: d.period, sinceDate: d.lastTouchedAt.slice(0, 10) },
      `/hr/scans/${d.scanId}`,
    );
  }
  if (org.lastSubmitted) {
    const s = org.lastSubmitted;
    if (today >= addMonths(localDate(new Date(s.submittedAt), timeZoneOf(org.country)), RULES.nextScanMonths)) {
      hr(
        `scan-due:${s.scanId}`,
        "scan_due",
        { period: s.period, submittedDate: s.submittedAt.slice(0, 10) },
        "/hr/scans",
      );
    }
  }
  return out;
}

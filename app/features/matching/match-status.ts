// The match-status rules that depend only on the clock, in one place (issue 17). Reads apply them to what
// they show (`effectiveStatus`), so a page is right even before the state is written; the write
// (`refreshMatchStates` in store.server.ts) applies the same rules once per request that needs it and on the
// scheduler's tick.

/** A proposal whose deadline has passed can no longer be answered. */
export function isProposalExpired(deadline: string, now: Date): boolean {
  return deadline < now.toISOString();
}

/** An accepted match becomes active on the newcomer's start date. */
export function isStarting(startDate: string, today: string): boolean {
  return startDate <= today;
}

/** A buddy can be proposed unless inactive, or paused with no end date or an end date still ahead. */
export function isBuddyAvailable(
  status: "active" | "paused" | "inactive",
  pausedUntil: string | null,
  today: string,
): boolean {
  if (status === "inactive") return false;
  if (status === "paused") return pausedUntil != null && pausedUntil <= today;
  return true;
}

export type ClockedMatch = { status: string; deadline: string; startDate: string };

/** The status a match has at `now`, whether or not the change has been written yet. */
export function effectiveStatus(m: ClockedMatch, now: Date): string {
  if (m.status === "proposed" && isProposalExpired(m.deadline, now)) return "expired";
  if (m.status === "accepted" && isStarting(m.startDate, now.toISOString().slice(0, 10))) return "active";
  return m.status;
}

/** Which of these matches change at `now`: proposals that expire, accepted matches that start. */
export function dueChanges<T extends ClockedMatch & { id: number }>(
  rows: readonly T[],
  now: Date,
): { expire: T[]; start: T[] } {
  const expire: T[] = [];
  const start: T[] = [];
  for (const m of rows) {
    const next = effectiveStatus(m, now);
    if (next === m.status) continue;
    if (next === "expired") expire.push(m);
    else start.push(m);
  }
  return { expire, start };
}

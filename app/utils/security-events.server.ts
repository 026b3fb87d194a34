// Security events (requests refused as cross-site, …) go to the audit log so an admin can see an attack.
// A flood must not fill the log: at most MAX_PER_WINDOW entries a minute, then one entry with the count left out.
import { audit } from "./audit.server";

const WINDOW_MS = 60_000;
const MAX_PER_WINDOW = 60;

let windowStart = Number.NEGATIVE_INFINITY;
let written = 0;
let dropped = 0;

export type SecurityEvent = {
  action: "security.cross_site_refused";
  path: string;
  detail: Record<string, string | number>;
};

/** Writes the event unless this minute's share is used up; returns whether it was written. */
export function recordSecurityEvent(event: SecurityEvent, now: number = Date.now()): boolean {
  if (now - windowStart >= WINDOW_MS) {
    if (dropped > 0)
      audit({
        actorUserId: null,
        action: "security.events_dropped",
        entityType: "request",
        detail: { count: dropped },
      });
    windowStart = now;
    written = 0;
    dropped = 0;
  }
  if (written >= MAX_PER_WINDOW) {
    dropped += 1;
    return false;
  }
  written += 1;
  audit({
    actorUserId: null,
    action: event.action,
    entityType: "request",
    entityId: event.path.slice(0, 200),
    detail: event.detail,
  });
  return true;
}

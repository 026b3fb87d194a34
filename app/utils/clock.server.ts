// The time the scheduler and the outbox go by. In tests (demo mode only) a file may hold the current time,
// so a running server can be walked through months without waiting; everywhere else it is the system clock.
import fs from "node:fs";

export function now(): Date {
  const file = process.env.PORTAL_CLOCK_FILE;
  if (file && process.env.PORTAL_MODE !== "production") {
    try {
      const parsed = new Date(fs.readFileSync(file, "utf8").trim());
      if (!Number.isNaN(parsed.getTime())) return parsed;
    } catch {
      /* no file yet: the system clock */
    }
  }
  return new Date();
}

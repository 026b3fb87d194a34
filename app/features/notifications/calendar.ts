// Dates in an organisation's own time zone: which day it is there, and simple day arithmetic on YYYY-MM-DD.

export type Country = "BE" | "NL";

export function timeZoneOf(country: Country): string {
  return country === "NL" ? "Europe/Amsterdam" : "Europe/Brussels";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(now: Date, timeZone: string): { date: string; hour: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(now).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}

/** The calendar date (YYYY-MM-DD) it is now in the time zone. */
export function localDate(now: Date, timeZone: string): string {
  return parts(now, timeZone).date;
}

export function localHour(now: Date, timeZone: string): number {
  return parts(now, timeZone).hour;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week the date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export const DIGEST_HOUR = 8;

/**
 * The week (its Monday) whose digest is due now: from Monday 08:00 local time until the end of Sunday. A
 * server that was down on Monday morning sends that week's digest once when it comes back.
 */
export function digestWeek(now: Date, timeZone: string): string | null {
  const { date, hour } = parts(now, timeZone);
  if (isoWeekday(date) === 1 && hour < DIGEST_HOUR) return null;
  return mondayOf(date);
}

// The route's rules as pure functions (docs/decisions/110): the order of steps, the follow-up moments, and
// what a trajectory says at 6 and 12 months. Censoring: a moment that has not come yet says nothing (the
// person is neither retained nor lost), and a moment that has come but was never confirmed by HR — nor
// closed by an earlier "left" — is unknown and not counted either.
import { CEFR_LEVELS, type CefrLevel } from "~/features/matching/criteria";

export const CONTRACT_TYPES = ["internship", "dual_learning", "fixed_term", "permanent"] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Roles at qualification level: a contract in one of these counts as "at level". */
export const QUALIFIED_ROLES = [
  "nurse",
  "midwife",
  "doctor",
  "social_worker",
  "physiotherapist",
  "pharmacist",
  "psychologist",
  "occupational_therapist",
  "lab_technician",
  "radiographer",
] as const;
export const BELOW_LEVEL_ROLES = ["care_assistant", "nursing_student", "care_support", "logistics", "other"] as const;
export const ROLES = [...QUALIFIED_ROLES, ...BELOW_LEVEL_ROLES] as const;
export type Role = (typeof ROLES)[number];

export const SITUATIONS = ["at_level", "below_level", "in_training", "left"] as const;
export type Situation = (typeof SITUATIONS)[number];
/** The outcome when a trajectory ends: the same four situations. */
export const OUTCOMES = SITUATIONS;
export type Outcome = Situation;
export const LEAVE_REASONS = [
  "other_employer_care",
  "work_outside_care",
  "moved_away",
  "studies",
  "family_or_health",
  "residence_status",
  "recognition_refused",
  "contract_ended",
  "other",
] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

export const FOLLOW_UP_MONTHS = [6, 12] as const;
/** Days after its date that an unconfirmed follow-up counts as overdue in HR's filter. */
export const FOLLOW_UP_GRACE_DAYS = 14;

export function isQualifiedRole(role: string | null | undefined): boolean {
  return role != null && (QUALIFIED_ROLES as readonly string[]).includes(role);
}

// ——— Dates ———————————————————————————————————————————————————————————————————————————————

const DAY = 86_400_000;
const MONTH_DAYS = 365.25 / 12;

export function addMonthsIso(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Months from a to b (average month length), one decimal; never negative. */
export function monthsBetween(a: string, b: string): number {
  const days = (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY;
  return Math.max(0, Math.round((days / MONTH_DAYS) * 10) / 10);
}

// ——— Steps ———————————————————————————————————————————————————————————————————————————————

export type CatalogueStep = {
  key: string;
  order: number;
  countries: readonly string[];
  professions: readonly string[];
  recognises: readonly string[];
};
export type RecordedStep = { stepKey: string; reachedOn: string };

/** The catalogue's steps that belong to a route in this country for this profession, in route order. */
export function stepsFor<S extends CatalogueStep>(steps: readonly S[], country: string, profession: string): S[] {
  return steps
    .filter((s) => s.countries.includes(country) && (s.professions.length === 0 || s.professions.includes(profession)))
    .sort((a, b) => a.order - b.order);
}

/**
 * The first step that is dated before a step that comes earlier on the route, with that earlier step, or
 * null when the dates follow the route. Steps of equal order may have any dates.
 */
export function stepOrderProblem(
  recorded: readonly RecordedStep[],
  orderOf: (key: string) => number | undefined,
): { step: string; after: string } | null {
  const sorted = recorded
    .map((r) => ({ ...r, order: orderOf(r.stepKey) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.order - b.order || a.reachedOn.localeCompare(b.reachedOn));
  for (let j = 0; j < sorted.length; j++) {
    const later = sorted[j];
    if (!later) continue;
    for (let i = 0; i < j; i++) {
      const earlier = sorted[i];
      if (earlier && earlier.order < later.order && later.reachedOn < earlier.reachedOn)
        return { step: later.stepKey, after: earlier.stepKey };
    }
  }
  return null;
}

/** The step furthest along the route that was reached (HR's "position"), or null. */
export function positionOf(
  recorded: readonly RecordedStep[],
  orderOf: (key: string) => number | undefined,
): string | null {
  let best: { key: string; order: number } | null = null;
  for (const r of recorded) {
    const order = orderOf(r.stepKey) ?? -1;
    if (!best || order > best.order) best = { key: r.stepKey, order };
  }
  return best?.key ?? null;
}

// ——— Follow-up moments ————————————————————————————————————————————————————————————————————

export type ContractFact = { id: number; type: string; role: string; startDate: string; endDate: string | null };
export type FollowUpFact = { moment: string; situation: Situation };
export type RouteFacts = {
  startDate: string;
  profession: string;
  steps: readonly RecordedStep[];
  languages: readonly { level: string; measuredOn: string }[];
  contracts: readonly ContractFact[];
  followUps: readonly FollowUpFact[];
  outcome: Outcome | null;
  outcomeDate: string | null;
};

export type FollowUpMoment = { moment: string; dueDate: string; months: number | null; contractId: number | null };

/** 6 and 12 months after the start, and the end of every contract with an end date; none after leaving. */
export function followUpMoments(
  facts: Pick<RouteFacts, "startDate" | "contracts" | "outcome" | "outcomeDate">,
): FollowUpMoment[] {
  const moments: FollowUpMoment[] = FOLLOW_UP_MONTHS.map((months) => ({
    moment: `month${months}`,
    dueDate: addMonthsIso(facts.startDate, months),
    months,
    contractId: null,
  }));
  for (const c of facts.contracts)
    if (c.endDate) moments.push({ moment: `contract-${c.id}`, dueDate: c.endDate, months: null, contractId: c.id });
  const leftOn = facts.outcome === "left" ? facts.outcomeDate : null;
  return moments
    .filter((m) => leftOn === null || m.dueDate <= leftOn)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.moment.localeCompare(b.moment));
}

export type FollowUpState = FollowUpMoment & {
  state: "upcoming" | "due" | "overdue" | "confirmed";
  situation: Situation | null;
};

export function followUpStates(facts: RouteFacts, today: string): FollowUpState[] {
  const confirmed = new Map(facts.followUps.map((f) => [f.moment, f.situation]));
  return followUpMoments(facts).map((m) => {
    const situation = confirmed.get(m.moment) ?? null;
    const state = situation
      ? "confirmed"
      : today < m.dueDate
        ? "upcoming"
        : today > addDaysIso(m.dueDate, FOLLOW_UP_GRACE_DAYS)
          ? "overdue"
          : "due";
    return { ...m, state, situation };
  });
}

// ——— What a trajectory says ————————————————————————————————————————————————————————————————

export type Known = Situation | "censored" | "unknown";

/**
 * The situation `months` after the start: censored before that day; "left" once the trajectory ended with
 * leaving on or before it, or an earlier confirmed moment said "left"; otherwise what HR confirmed at that
 * moment, or unknown.
 */
export function situationAt(facts: RouteFacts, months: number, today: string): Known {
  const due = addMonthsIso(facts.startDate, months);
  if (today < due) return "censored";
  if (facts.outcome === "left" && facts.outcomeDate !== null && facts.outcomeDate <= due) return "left";
  for (const f of facts.followUps) {
    const m = /^month(\d+)$/.exec(f.moment);
    if (m && Number(m[1]) < months && f.situation === "left") return "left";
  }
  return facts.followUps.find((f) => f.moment === `month${months}`)?.situation ?? "unknown";
}

/** Still in the organisation `months` after the start: true, false, or null (censored or unknown: not counted). */
export function retainedAt(facts: RouteFacts, months: number, today: string): boolean | null {
  const s = situationAt(facts, months, today);
  if (s === "censored" || s === "unknown") return null;
  return s !== "left";
}

/** Working at qualification level 12 months after the start: true, false, or null (not counted). */
export function atLevelAfter12(facts: RouteFacts, today: string): boolean | null {
  const s = situationAt(facts, 12, today);
  if (s === "censored" || s === "unknown") return null;
  return s === "at_level";
}

/** Months from the start to the first step that recognises this profession; null until reached. */
export function monthsToRecognition(
  facts: RouteFacts,
  recognisesOf: (key: string) => readonly string[],
): number | null {
  const dates = facts.steps
    .filter((s) => recognisesOf(s.stepKey).includes(facts.profession))
    .map((s) => s.reachedOn)
    .sort();
  return dates[0] ? monthsBetween(facts.startDate, dates[0]) : null;
}

/** Months from the start to the first fixed-term or permanent contract in a role at qualification level. */
export function monthsToLevelContract(facts: RouteFacts): number | null {
  const dates = facts.contracts
    .filter((c) => (c.type === "fixed_term" || c.type === "permanent") && isQualifiedRole(c.role))
    .map((c) => c.startDate)
    .sort();
  return dates[0] ? monthsBetween(facts.startDate, dates[0]) : null;
}

export function cefrIndex(level: string): number {
  return (CEFR_LEVELS as readonly string[]).indexOf(level);
}

/** CEFR steps between the first and the latest measurement (B1 → B2 is 1); null with fewer than two. */
export function languageGain(facts: Pick<RouteFacts, "languages">): number | null {
  const sorted = [...facts.languages]
    .filter((l) => cefrIndex(l.level) >= 0)
    .sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last || sorted.length < 2) return null;
  return cefrIndex(last.level) - cefrIndex(first.level);
}

export function latestLanguage(facts: Pick<RouteFacts, "languages">): CefrLevel | null {
  const sorted = [...facts.languages].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const level = sorted[sorted.length - 1]?.level;
  return level && cefrIndex(level) >= 0 ? (level as CefrLevel) : null;
}

/** The figures one person contributes: what erasure keeps, and what every indicator counts. */
export type PersonFigures = {
  retained6: boolean | null;
  retained12: boolean | null;
  atLevel12: boolean | null;
  monthsToRecognition: number | null;
  monthsToLevelContract: number | null;
  languageGain: number | null;
};

export function personFigures(
  facts: RouteFacts,
  today: string,
  recognisesOf: (key: string) => readonly string[],
): PersonFigures {
  return {
    retained6: retainedAt(facts, 6, today),
    retained12: retainedAt(facts, 12, today),
    atLevel12: atLevelAfter12(facts, today),
    monthsToRecognition: monthsToRecognition(facts, recognisesOf),
    monthsToLevelContract: monthsToLevelContract(facts),
    languageGain: languageGain(facts),
  };
}

// ——— An organisation's own figures (HR: exact, its own people) ——————————————————————————————

export type Share = { hits: number; of: number };
export type OwnFigures = {
  people: number;
  atLevel12: Share;
  retained6: Share;
  retained12: Share;
  /** Started less than 12 months ago: not yet counted at 12 months. */
  notYet12: number;
  medianMonthsToRecognition: number | null;
  medianMonthsToLevelContract: number | null;
  meanLanguageGain: number | null;
};

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const value = s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

function share(values: readonly (boolean | null)[]): Share {
  const known = values.filter((v): v is boolean => v !== null);
  return { hits: known.filter(Boolean).length, of: known.length };
}

export function ownFigures(people: readonly PersonFigures[], censored12: number): OwnFigures {
  const gains = people.map((p) => p.languageGain).filter((g): g is number => g !== null);
  return {
    people: people.length,
    atLevel12: share(people.map((p) => p.atLevel12)),
    retained6: share(people.map((p) => p.retained6)),
    retained12: share(people.map((p) => p.retained12)),
    notYet12: censored12,
    medianMonthsToRecognition: median(
      people.flatMap((p) => (p.monthsToRecognition === null ? [] : [p.monthsToRecognition])),
    ),
    medianMonthsToLevelContract: median(
      people.flatMap((p) => (p.monthsToLevelContract === null ? [] : [p.monthsToLevelContract])),
    ),
    meanLanguageGain: gains.length ? Math.round((gains.reduce((a, b) => a + b, 0) / gains.length) * 10) / 10 : null,
  };
}

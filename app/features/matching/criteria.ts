// The matching rules as one pure function: a newcomer and a buddy → forbidden (with the first rule that
// forbids) or allowed with a score and its contributions. The solver only ever sees these numbers.
// Documented in docs/decisions/031-buddy-matching-criteria.md.
import { isBuddyAvailable } from "./match-status";

export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

export const LANGUAGE_CODES = [
  "en",
  "fr",
  "de",
  "es",
  "pt",
  "it",
  "pl",
  "ro",
  "uk",
  "ru",
  "ar",
  "ti",
  "am",
  "so",
  "prs",
  "fa",
  "ps",
  "tr",
  "ku",
  "hi",
  "tl",
  "zh",
] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export const SHIFTS = ["day", "evening", "night", "weekend"] as const;
export type Shift = (typeof SHIFTS)[number];

// No religion ("faith" was dropped, decision 167): it is sensitive data under the GDPR and not the portal's business.
export const INTERESTS = [
  "sport",
  "music",
  "cooking",
  "reading",
  "nature",
  "family",
  "technology",
  "art",
  "travel",
  "volunteering",
  "games",
] as const;
export type Interest = (typeof INTERESTS)[number];

const INTEREST_SET: ReadonlySet<string> = new Set(INTERESTS);
export function isInterest(value: unknown): value is Interest {
  return typeof value === "string" && INTEREST_SET.has(value);
}

export const PROFESSIONS = [
  "nurse",
  "doctor",
  "care_assistant",
  "physiotherapist",
  "pharmacist",
  "midwife",
  "lab_technician",
  "radiographer",
  "occupational_therapist",
  "psychologist",
  "social_worker",
  "other",
] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const GENDERS = ["female", "male", "x"] as const;
export type Gender = (typeof GENDERS)[number];

export const CRITERIA = [
  "sameDepartment",
  "sameProfession",
  "shiftOverlap",
  "sharedLanguage",
  "ownNewcomerExperience",
  "sharedInterests",
  "genderPreference",
  "seniority",
] as const;
export type Criterion = (typeof CRITERIA)[number];

export const LEVELS = ["off", "low", "medium", "high"] as const;
export type Level = (typeof LEVELS)[number];
export type WeightLevels = Record<Criterion, Level>;

/** Points a criterion is worth when fully met, per level. */
export const LEVEL_POINTS: Record<Level, number> = { off: 0, low: 10, medium: 20, high: 30 };

export const DEFAULT_WEIGHTS: WeightLevels = {
  sameDepartment: "high",
  sameProfession: "high",
  shiftOverlap: "medium",
  sharedLanguage: "medium",
  ownNewcomerExperience: "medium",
  sharedInterests: "low",
  genderPreference: "medium",
  seniority: "low",
};

/** Points subtracted per newcomer the buddy already has (accepted or active): spreads the load. */
export const LOAD_PENALTY_PER_NEWCOMER = 5;
/** Points subtracted for a buddy's k-th newcomer inside one run (k = 0, 1, 2, …). */
export const SLOT_PENALTIES = [0, 5, 10, 15, 20];
/** Added to a pair that is already proposed or accepted, so a re-run keeps it unless something is clearly better. */
export const KEEP_BONUS = 15;

export type LanguageSkill = { code: LanguageCode; level: CefrLevel };

export type NewcomerFacts = {
  organisationId: number;
  siteId: number | null;
  departmentId: number | null;
  profession: Profession;
  dutchLevel: CefrLevel;
  languages: LanguageSkill[];
  shifts: Shift[];
  interests: Interest[];
  buddyGenderPreference: Gender | null;
};

export type BuddyFacts = {
  organisationId: number;
  siteId: number | null;
  departmentId: number | null;
  profession: Profession;
  dutchLevel: CefrLevel;
  languages: LanguageSkill[];
  shifts: Shift[];
  interests: Interest[];
  gender: Gender | null;
  status: "active" | "paused" | "inactive";
  pausedUntil: string | null;
  capacity: number;
  /** accepted + active matches right now */
  load: number;
  trained: boolean;
  yearsInOrganisation: number;
  ownNewcomerExperience: boolean;
};

export type PairContext = {
  requireTraining: boolean;
  requireSameSite: boolean;
  /** declined before, expired, or ended with "do not re-match" */
  forbiddenPair: boolean;
  /** the pair is proposed or accepted already (keep-bonus) */
  keep?: boolean;
  /** today as YYYY-MM-DD, to read "paused until" */
  today: string;
};

export const HARD_RULES = [
  "otherOrganisation",
  "buddyUnavailable",
  "buddyFull",
  "untrained",
  "noSharedLanguage",
  "otherSite",
  "forbiddenPair",
] as const;
export type HardRule = (typeof HARD_RULES)[number];

export type Contribution = {
  key: Criterion | "load" | "keep";
  points: number;
  language?: LanguageCode;
  count?: number;
};

export type PairVerdict =
  { allowed: false; rule: HardRule } | { allowed: true; score: number; contributions: Contribution[] };

const RANK: Record<CefrLevel, number> = { A1: 0, A2: 1, B1: 2, B2: 3, C1: 4, C2: 5 };

export function atLeast(level: CefrLevel, min: CefrLevel): boolean {
  return (RANK[level] ?? -1) >= RANK[min];
}

/** Languages beside Dutch both speak at B1 or better, in the newcomer's order. */
export function sharedLanguages(a: LanguageSkill[], b: LanguageSkill[]): LanguageCode[] {
  // Plain loops: this runs for every pair of a run (newcomers × buddies), and the lists are tiny.
  const out: LanguageCode[] = [];
  for (const l of a) {
    if (!atLeast(l.level, "B1") || out.includes(l.code)) continue;
    for (const m of b) {
      if (m.code === l.code && atLeast(m.level, "B1")) {
        out.push(l.code);
        break;
      }
    }
  }
  return out;
}

export function hasWorkingLanguage(n: NewcomerFacts, b: BuddyFacts): boolean {
  if (atLeast(n.dutchLevel, "B1") && atLeast(b.dutchLevel, "B1")) return true;
  return sharedLanguages(n.languages, b.languages).length > 0;
}

function isAvailable(b: BuddyFacts, today: string): boolean {
  return isBuddyAvailable(b.status, b.pausedUntil, today);
}

export function evaluatePair(n: NewcomerFacts, b: BuddyFacts, ctx: PairContext, weights: WeightLevels): PairVerdict {
  // Hard rules, in the order HR reads them when a newcomer cannot be matched.
  if (n.organisationId !== b.organisationId) return { allowed: false, rule: "otherOrganisation" };
  if (!isAvailable(b, ctx.today)) return { allowed: false, rule: "buddyUnavailable" };
  if (b.load >= b.capacity) return { allowed: false, rule: "buddyFull" };
  if (ctx.requireTraining && !b.trained) return { allowed: false, rule: "untrained" };
  const shared = sharedLanguages(n.languages, b.languages);
  if (shared.length === 0 && !(atLeast(n.dutchLevel, "B1") && atLeast(b.dutchLevel, "B1")))
    return { allowed: false, rule: "noSharedLanguage" };
  if (ctx.requireSameSite && (n.siteId == null || n.siteId !== b.siteId)) return { allowed: false, rule: "otherSite" };
  if (ctx.forbiddenPair) return { allowed: false, rule: "forbiddenPair" };

  const contributions: Contribution[] = [];
  const add = (c: Contribution) => {
    if (c.points !== 0) contributions.push(c);
  };
  const pts = (c: Criterion) => LEVEL_POINTS[weights[c]];

  if (n.departmentId != null && n.departmentId === b.departmentId)
    add({ key: "sameDepartment", points: pts("sameDepartment") });
  if (n.profession !== "other" && n.profession === b.profession)
    add({ key: "sameProfession", points: pts("sameProfession") });
  if (n.shifts.length > 0) {
    const overlap = n.shifts.filter((s) => b.shifts.includes(s)).length;
    if (overlap > 0)
      add({
        key: "shiftOverlap",
        points: Math.round((pts("shiftOverlap") * overlap) / n.shifts.length),
        count: overlap,
      });
  }
  if (shared[0]) add({ key: "sharedLanguage", points: pts("sharedLanguage"), language: shared[0] });
  if (b.ownNewcomerExperience) add({ key: "ownNewcomerExperience", points: pts("ownNewcomerExperience") });
  const interests = n.interests.filter((i) => b.interests.includes(i)).length;
  if (interests > 0)
    add({
      key: "sharedInterests",
      points: Math.round((pts("sharedInterests") * Math.min(interests, 3)) / 3),
      count: interests,
    });
  if (n.buddyGenderPreference && n.buddyGenderPreference === b.gender)
    add({ key: "genderPreference", points: pts("genderPreference") });
  if (b.yearsInOrganisation >= 5) add({ key: "seniority", points: pts("seniority") });
  else if (b.yearsInOrganisation >= 2) add({ key: "seniority", points: Math.round(pts("seniority") / 2) });
  if (b.load > 0) add({ key: "load", points: -LOAD_PENALTY_PER_NEWCOMER * b.load, count: b.load });
  if (ctx.keep) add({ key: "keep", points: KEEP_BONUS });

  const score = contributions.reduce((sum, c) => sum + c.points, 0);
  return { allowed: true, score, contributions };
}

/** Reads a stored JSON weights object, falling back to the default level for anything missing or unknown. */
export function normaliseWeights(value: unknown): WeightLevels {
  const out = { ...DEFAULT_WEIGHTS };
  if (value && typeof value === "object") {
    for (const c of CRITERIA) {
      const v = (value as Record<string, unknown>)[c];
      if (typeof v === "string" && (LEVELS as readonly string[]).includes(v)) out[c] = v as Level;
    }
  }
  return out;
}

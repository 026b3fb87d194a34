// The anonymous pulse: who is invited, storing an answer without a link to the person, HR's results, campaigns.
// docs/decisions/080 (anonymity) and 081 (perception gap). Nothing here writes an audit entry or a log line
// about an answer: the participation row is the only trace that someone answered, and it holds no answer.
import { randomInt } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { memberships, users } from "@db/schema";
import { buddyProfiles, matches, newcomerRecords } from "@db/schema-matching";
import {
  pulseCampaigns,
  pulseOpenAnswers,
  pulseParticipations,
  pulseResponses,
  type PulseAudience,
} from "@db/schema-pulse";
import { INSTRUMENT_V1 } from "@db/reference/instrument-v1";
import { currentPulseInstrument, pulseInstrument, type PulseInstrumentData } from "@db/reference/pulse-v1";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { DIMENSION_KEYS } from "~/features/scan/constants";
import type { Locale } from "~/utils/i18n";
import type { OrgUser } from "~/utils/permissions.server";
import {
  batchFor,
  groupExperience,
  isShown,
  openAnswersToShow,
  periodOf,
  type GroupResult,
  type PulseValue,
} from "./anonymity";
import { experiencedScores, perceptionGap } from "./gap";
import { addDays, invitationsDue, type Invitation } from "./moments";
import { fail, ok, type Outcome } from "~/utils/use-case";
import { parseStoredJson } from "~/utils/stored-json";
import { z } from "zod";

export function dimensionNames(locale: Locale): { key: string; number: number; name: string }[] {
  return INSTRUMENT_V1.dimensions.map((d) => ({
    key: d.key,
    number: d.number,
    name: locale === "nl" ? d.nameNl : d.nameEn,
  }));
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

type Db = Pick<ReturnType<typeof getDb>, "select">;

function audienceOf(db: Db, userId: number): { audience: PulseAudience; organisationId: number } | null {
  const m = db
    .select({ role: memberships.role, organisationId: memberships.organisationId, status: users.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.userId, userId))
    .get();
  if (!m || m.organisationId == null || m.status !== "active") return null;
  if (m.role === "newcomer") return { audience: "newcomer", organisationId: m.organisationId };
  if (m.role === "employee") {
    const profile = db
      .select({ id: buddyProfiles.id, status: buddyProfiles.status })
      .from(buddyProfiles)
      .where(eq(buddyProfiles.userId, userId))
      .get();
    if (profile) return { audience: "buddy", organisationId: m.organisationId };
  }
  return null;
}

function dueFor(
  db: Db,
  userId: number,
  date: string,
): { audience: PulseAudience; organisationId: number; invitations: Invitation[] } | null {
  const who = audienceOf(db, userId);
  if (!who) return null;
  const rows =
    who.audience === "newcomer"
      ? db
          .select({
            id: matches.id,
            status: matches.status,
            startDate: newcomerRecords.startDate,
            acceptedAt: matches.acceptedAt,
            endedAt: matches.endedAt,
          })
          .from(matches)
          .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
          .where(and(eq(newcomerRecords.userId, userId), isNull(newcomerRecords.erasedAt)))
          .all()
      : db
          .select({
            id: matches.id,
            status: matches.status,
            startDate: newcomerRecords.startDate,
            acceptedAt: matches.acceptedAt,
            endedAt: matches.endedAt,
          })
          .from(matches)
          .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
          .innerJoin(buddyProfiles, eq(buddyProfiles.id, matches.buddyId))
          .where(eq(buddyProfiles.userId, userId))
          .all();
  const facts = rows.flatMap((r) => {
    if (!r.acceptedAt) return [];
    const accepted = r.acceptedAt.slice(0, 10);
    return [
      {
        id: r.id,
        status: r.status,
        base: r.startDate > accepted ? r.startDate : accepted,
        endedOn: r.endedAt ? r.endedAt.slice(0, 10) : null,
      },
    ];
  });
  const campaigns = db
    .select({ id: pulseCampaigns.id, opensOn: pulseCampaigns.opensOn, closesOn: pulseCampaigns.closesOn })
    .from(pulseCampaigns)
    .where(eq(pulseCampaigns.organisationId, who.organisationId))
    .all();
  const buddyActive =
    who.audience === "buddy"
      ? db.select({ s: buddyProfiles.status }).from(buddyProfiles).where(eq(buddyProfiles.userId, userId)).get()?.s !==
        "inactive"
      : true;
  const used = new Set(
    db
      .select({ o: pulseParticipations.occasion })
      .from(pulseParticipations)
      .where(eq(pulseParticipations.userId, userId))
      .all()
      .map((p) => p.o),
  );
  return {
    ...who,
    invitations: invitationsDue({
      audience: who.audience,
      matches: facts,
      campaigns: buddyActive ? campaigns : [],
      used,
      today: date,
    }),
  };
}

/**
 * The pulse invitations open for user X on date D (YYYY-MM-DD): what the home pages show, and what the
 * reminders can call to decide whom to remind. Empty when the user is not a newcomer or buddy.
 */
export function pulseInvitationsDue(userId: number, date: string = todayIso()): Invitation[] {
  return dueFor(getDb(), userId, date)?.invitations ?? [];
}

export type PulseFormView = {
  audience: PulseAudience;
  version: number;
  closesOn: string;
  statements: { key: string; text: string }[];
  openQuestion: string;
};

function localise(instrument: PulseInstrumentData, locale: Locale) {
  return {
    statements: instrument.statements.map((s) => ({ key: s.key, text: locale === "nl" ? s.textNl : s.textEn })),
    openQuestion: locale === "nl" ? instrument.openQuestionNl : instrument.openQuestionEn,
  };
}

/** The form to answer, or null when nothing is due for this user today. */
export function getPulseForm(user: OrgUser, locale: Locale, date = todayIso()): PulseFormView | null {
  const due = dueFor(getDb(), user.id, date);
  const first = due?.invitations[0];
  if (!due || !first) return null;
  const instrument = currentPulseInstrument(due.audience);
  return {
    audience: due.audience,
    version: instrument.version,
    closesOn: first.closesOn,
    ...localise(instrument, locale),
  };
}

export function pulseStatementKeys(audience: PulseAudience): string[] {
  return currentPulseInstrument(audience).statements.map((s) => s.key);
}

export function audienceOfUser(user: OrgUser): PulseAudience | null {
  return audienceOf(getDb(), user.id)?.audience ?? null;
}

// Random row ids: the physical order of the rows says nothing about who answered when.
const RANDOM_ID_MAX = 2 ** 47;

function freshId(tx: Db, table: typeof pulseResponses | typeof pulseOpenAnswers): number {
  for (;;) {
    const id = randomInt(1, RANDOM_ID_MAX);
    if (!tx.select({ id: table.id }).from(table).where(eq(table.id, id)).get()) return id;
  }
}

/**
 * Stores one answer. In one transaction: the open invitations of this user are marked as used (all of them for
 * this audience, so one answer covers one stretch of time), the scale answers go in as an anonymous row with a
 * random id and its batch number, and the open answer, if any, as a separate anonymous row.
 */
export function answerPulse(
  user: OrgUser,
  input: { answers: Record<string, string>; open: string },
  date = todayIso(),
): Outcome {
  const db = getDb();
  return db.transaction(
    (tx): Outcome => {
      const due = dueFor(tx, user.id, date);
      if (!due || due.organisationId !== user.organisationId) return fail("conflict", "pulse.errors.nothingDue");
      if (due.invitations.length === 0) return fail("conflict", "pulse.errors.alreadyAnswered");
      const instrument = currentPulseInstrument(due.audience);
      const answers: Record<string, PulseValue> = {};
      for (const s of instrument.statements) {
        const raw = input.answers[s.key];
        if (raw === "dont_know") answers[s.key] = "dont_know";
        else if (raw === "1" || raw === "2" || raw === "3" || raw === "4" || raw === "5")
          answers[s.key] = Number(raw) as 1 | 2 | 3 | 4 | 5;
        else return fail("invalid", "common.formErrors", { fields: { [s.key]: ["pulse.errors.chooseAnswer"] } });
      }
      for (const inv of due.invitations)
        tx.insert(pulseParticipations).values({ userId: user.id, occasion: inv.occasion }).run();
      const period = periodOf(date);
      const group = and(
        eq(pulseResponses.organisationId, due.organisationId),
        eq(pulseResponses.audience, due.audience),
        eq(pulseResponses.period, period),
      );
      const existing =
        tx
          .select({ n: sql<number>`count(*)` })
          .from(pulseResponses)
          .where(group)
          .get()?.n ?? 0;
      tx.insert(pulseResponses)
        .values({
          id: freshId(tx, pulseResponses),
          organisationId: due.organisationId,
          audience: due.audience,
          instrumentVersion: instrument.version,
          period,
          batch: batchFor(existing),
          answers: JSON.stringify(answers),
        })
        .run();
      if (input.open) {
        const openGroup = and(
          eq(pulseOpenAnswers.organisationId, due.organisationId),
          eq(pulseOpenAnswers.audience, due.audience),
          eq(pulseOpenAnswers.period, period),
        );
        const openExisting =
          tx
            .select({ n: sql<number>`count(*)` })
            .from(pulseOpenAnswers)
            .where(openGroup)
            .get()?.n ?? 0;
        tx.insert(pulseOpenAnswers)
          .values({
            id: freshId(tx, pulseOpenAnswers),
            organisationId: due.organisationId,
            audience: due.audience,
            period,
            batch: batchFor(openExisting),
            text: input.open,
          })
          .run();
      }
      return ok();
    },
    { behavior: "immediate" },
  );
}

// ——— HR ————————————————————————————————————————————————————————————————————————————————

const StoredAnswersSchema = z.record(
  z.string(),
  z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal("dont_know")]),
) satisfies z.ZodType<Record<string, PulseValue>>;

type ResponseRow = { batch: number; answers: Record<string, PulseValue>; instrumentVersion: number };

function responsesOf(
  organisationIds: readonly number[],
  audience: PulseAudience,
  period: string | null,
): (ResponseRow & { period: string; organisationId: number })[] {
  if (organisationIds.length === 0) return [];
  const where = and(
    inArray(pulseResponses.organisationId, [...organisationIds]),
    eq(pulseResponses.audience, audience),
    period ? eq(pulseResponses.period, period) : undefined,
  );
  return getDb()
    .select({
      batch: pulseResponses.batch,
      answers: pulseResponses.answers,
      instrumentVersion: pulseResponses.instrumentVersion,
      period: pulseResponses.period,
      organisationId: pulseResponses.organisationId,
    })
    .from(pulseResponses)
    .where(where)
    .all()
    .flatMap((r) => {
      // A response whose stored answers do not read is left out of the counts, not half-counted.
      const answers = parseStoredJson(StoredAnswersSchema, r.answers);
      return answers ? [{ ...r, answers }] : [];
    });
}

/** Experience of one group; responses of other instrument versions are compared only within their version. */
export function experienceOf(rows: readonly ResponseRow[], audience: PulseAudience): GroupResult {
  const version = currentPulseInstrument(audience).version;
  const instrument = pulseInstrument(audience, version) ?? currentPulseInstrument(audience);
  return groupExperience(
    rows.filter((r) => r.instrumentVersion === version),
    instrument.statements,
    DIMENSION_KEYS,
  );
}

export function pulsePeriods(organisationId: number): string[] {
  return getDb()
    .selectDistinct({ period: pulseResponses.period })
    .from(pulseResponses)
    .where(eq(pulseResponses.organisationId, organisationId))
    .orderBy(desc(pulseResponses.period))
    .all()
    .map((r) => r.period);
}

export type AudienceExperience = {
  period: string;
  respondents: number;
  dimensions: { key: string; score: number | null }[];
};

/** Per audience, the latest period (at or before `asOf`'s period) whose results may be shown. */
export function latestExperience(
  organisationId: number,
  asOf: string = todayIso(),
): { newcomers: AudienceExperience | null; buddies: AudienceExperience | null } {
  const until = periodOf(asOf);
  const periods = pulsePeriods(organisationId).filter((p) => p <= until);
  const pick = (audience: PulseAudience): AudienceExperience | null => {
    for (const period of periods) {
      const r = experienceOf(responsesOf([organisationId], audience, period), audience);
      if (r.shown)
        return {
          period,
          respondents: r.respondents,
          dimensions: r.dimensions.map((d) => ({ key: d.key, score: d.score })),
        };
    }
    return null;
  };
  return { newcomers: pick("newcomer"), buddies: pick("buddy") };
}

export type TrendRow = { period: string; newcomers: number | null; buddies: number | null };

/** Mean experience over the dimensions shown, per period and audience; null where the group is not shown. */
export function experienceTrend(organisationId: number): TrendRow[] {
  const mean = (r: GroupResult) => {
    if (!r.shown) return null;
    const scores = r.dimensions.map((d) => d.score).filter((s): s is number => s !== null);
    return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  };
  return pulsePeriods(organisationId)
    .slice()
    .reverse()
    .map((period) => ({
      period,
      newcomers: mean(experienceOf(responsesOf([organisationId], "newcomer", period), "newcomer")),
      buddies: mean(experienceOf(responsesOf([organisationId], "buddy", period), "buddy")),
    }));
}

export type PulseGroupView =
  | { shown: false }
  | {
      shown: true;
      respondents: number;
      dimensions: { key: string; score: number | null }[];
      statements: { key: string; text: string; score: number | null }[];
      open: string[] | null;
    };

export type PulseOverview = {
  dimensions: { key: string; number: number; name: string }[];
  periods: string[];
  period: string;
  newcomers: PulseGroupView;
  buddies: PulseGroupView;
  trend: TrendRow[];
  campaigns: { id: number; opensOn: string; closesOn: string; open: boolean }[];
};

function groupView(organisationId: number, audience: PulseAudience, period: string, locale: Locale): PulseGroupView {
  const r = experienceOf(responsesOf([organisationId], audience, period), audience);
  if (!r.shown) return { shown: false };
  const instrument = currentPulseInstrument(audience);
  const texts = new Map(instrument.statements.map((s) => [s.key, locale === "nl" ? s.textNl : s.textEn]));
  const openRows = getDb()
    .select({ batch: pulseOpenAnswers.batch, text: pulseOpenAnswers.text })
    .from(pulseOpenAnswers)
    .where(
      and(
        eq(pulseOpenAnswers.organisationId, organisationId),
        eq(pulseOpenAnswers.audience, audience),
        eq(pulseOpenAnswers.period, period),
      ),
    )
    .all();
  const open = openAnswersToShow(openRows);
  return {
    shown: true,
    respondents: r.respondents,
    dimensions: r.dimensions
      .filter((d) => d.score !== null || d.respondents > 0)
      .map((d) => ({ key: d.key, score: d.score })),
    statements: r.statements.map((s) => ({ key: s.key, text: texts.get(s.key) ?? s.key, score: s.score })),
    open: open.shown ? open.texts : null,
  };
}

/** HR's pulse page. A period outside the organisation's periods shows the current one; groups below five say "not shown". */
export function pulseOverview(
  user: OrgUser,
  requested: string | null,
  locale: Locale,
  date = todayIso(),
): PulseOverview {
  const current = periodOf(date);
  const periods = [...new Set([current, ...pulsePeriods(user.organisationId)])].sort().reverse();
  const period = requested && periods.includes(requested) ? requested : current;
  const campaigns = getDb()
    .select({ id: pulseCampaigns.id, opensOn: pulseCampaigns.opensOn, closesOn: pulseCampaigns.closesOn })
    .from(pulseCampaigns)
    .where(eq(pulseCampaigns.organisationId, user.organisationId))
    .orderBy(desc(pulseCampaigns.opensOn), desc(pulseCampaigns.id))
    .all()
    .map((c) => ({ ...c, open: c.opensOn <= date && date <= c.closesOn }));
  return {
    dimensions: dimensionNames(locale),
    periods,
    period,
    newcomers: groupView(user.organisationId, "newcomer", period, locale),
    buddies: groupView(user.organisationId, "buddy", period, locale),
    trend: experienceTrend(user.organisationId),
    campaigns,
  };
}

/** HR opens a campaign from today for the given number of weeks; one open campaign at a time. */
export function openCampaign(user: OrgUser, input: { weeks: number }, date = todayIso()): Outcome<{ id: number }> {
  const db = getDb();
  return db.transaction(
    (tx): Outcome<{ id: number }> => {
      const running = tx
        .select({ id: pulseCampaigns.id, closesOn: pulseCampaigns.closesOn })
        .from(pulseCampaigns)
        .where(and(eq(pulseCampaigns.organisationId, user.organisationId), ne(pulseCampaigns.closesOn, "")))
        .orderBy(asc(pulseCampaigns.closesOn))
        .all()
        .find((c) => c.closesOn >= date);
      if (running) return fail("conflict", "pulse.errors.campaignRunning");
      const row = tx
        .insert(pulseCampaigns)
        .values({
          organisationId: user.organisationId,
          opensOn: date,
          closesOn: addDays(date, input.weeks * 7 - 1),
          openedByUserId: user.id,
        })
        .returning({ id: pulseCampaigns.id })
        .get();
      audit({
        actorUserId: user.id,
        organisationId: user.organisationId,
        action: "pulse.campaign.open",
        entityType: "pulse_campaign",
        entityId: row.id,
        detail: { weeks: input.weeks },
      });
      return ok({ id: row.id });
    },
    { behavior: "immediate" },
  );
}

export { isShown };

/**
 * The perception gap for a scan's results page and report: HR's dimension scores beside the latest shown
 * experience of newcomers and buddies (docs/decisions/081), plus the trend per period.
 */
export function perceptionGapFor(
  organisationId: number,
  hr: readonly { key: string; score: number | null }[],
  asOf: string = todayIso(),
) {
  const latest = latestExperience(organisationId, asOf);
  const { rows, callouts } = perceptionGap({
    dimensionKeys: DIMENSION_KEYS,
    hr,
    newcomers: latest.newcomers?.dimensions ?? null,
    buddies: latest.buddies?.dimensions ?? null,
  });
  return {
    rows,
    callouts,
    newcomers: latest.newcomers ? { period: latest.newcomers.period, respondents: latest.newcomers.respondents } : null,
    buddies: latest.buddies ? { period: latest.buddies.period, respondents: latest.buddies.respondents } : null,
    trend: experienceTrend(organisationId),
    recommendationScores: experiencedScores(rows),
  };
}

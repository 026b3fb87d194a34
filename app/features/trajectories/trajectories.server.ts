// Trajectory use cases (docs/decisions/110): HR reads and changes the route of its own organisation's
// newcomer records; the newcomer reads their own. Every HR view and change is audited like a newcomer record
// (decision 060); an id of another organisation is a 404 with a security entry, and nothing changes.
import { and, asc, eq, inArray, isNull, like } from "drizzle-orm";
import { organisations } from "@db/schema";
import { newcomerRecords, type NewcomerRecord } from "@db/schema-matching";
import { notifications } from "@db/schema-notifications";
import { CURRENT_ROUTE_CATALOGUE, routeCatalogue, type RouteStepData } from "@db/reference/trajectory-v1";
import {
  trajectories,
  trajectoryAnonymousOutcomes,
  trajectoryContracts,
  trajectoryFollowUps,
  trajectoryLanguageLevels,
  trajectorySteps,
  type Trajectory,
} from "@db/schema-trajectories";
import { audit, auditNewcomerView } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { getDb, nowIso, type Tx } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import type { CurrentUser } from "~/utils/session.server";
import { auditMissingId } from "~/utils/tenancy.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import {
  followUpMoments,
  followUpStates,
  latestLanguage,
  ownFigures,
  personFigures,
  positionOf,
  situationAt,
  stepOrderProblem,
  stepsFor,
  type FollowUpState,
  type OwnFigures,
  type PersonFigures,
  type RouteFacts,
  type Situation,
} from "./rules";
import type {
  ContractInput,
  FollowUpInput,
  LanguageInput,
  OutcomeInput,
  OverviewFilter,
  RemoveInput,
  RolesInput,
  StepInput,
} from "./trajectory.schema";

type OrgActor = Pick<CurrentUser, "id"> & { organisationId: number };

export function todayIso(at: Date = now()): string {
  return at.toISOString().slice(0, 10);
}

// ——— The catalogue ————————————————————————————————————————————————————————————————————————

function catalogueSteps(version: number): readonly RouteStepData[] {
  return (routeCatalogue(version) ?? CURRENT_ROUTE_CATALOGUE).steps;
}
const orderIn = (version: number) => (key: string) => catalogueSteps(version).find((s) => s.key === key)?.order;
const recognisesIn = (version: number) => (key: string) =>
  catalogueSteps(version).find((s) => s.key === key)?.recognises ?? [];

export type StepView = { key: string; title: string; help: string; reachedOn: string | null; stepId: number | null };

function stepText(step: RouteStepData, locale: Locale) {
  return { title: locale === "en" ? step.titleEn : step.titleNl, help: locale === "en" ? step.helpEn : step.helpNl };
}

/** The step titles of the current catalogue, for HR's filter. */
export function stepChoices(locale: Locale): { value: string; label: string }[] {
  return [...CURRENT_ROUTE_CATALOGUE.steps]
    .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key))
    .map((s) => ({ value: s.key, label: `${s.countries.join("/")} · ${stepText(s, locale).title}` }));
}

// ——— Loading facts in bulk ——————————————————————————————————————————————————————————————————

type Loaded = {
  record: NewcomerRecord;
  country: string;
  trajectory: Trajectory | null;
  steps: { id: number; stepKey: string; reachedOn: string }[];
  languages: { id: number; level: string; measuredOn: string }[];
  contracts: { id: number; type: string; role: string; startDate: string; endDate: string | null }[];
  followUps: { moment: string; situation: string; confirmedAt: string }[];
};

function groupBy<T>(rows: readonly T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  }
  return out;
}

/** Every live record (of one organisation, or all), or the named records, with its trajectory, in six queries. */
function loadRoutes(
  db: ReturnType<typeof getDb> | Tx,
  organisationId: number | null,
  recordIds?: readonly number[],
): Loaded[] {
  // Named records are read as they are (erasure reads its own record after emptying it); lists skip erased ones.
  const conditions = recordIds ? [inArray(newcomerRecords.id, [...recordIds])] : [isNull(newcomerRecords.erasedAt)];
  if (organisationId !== null) conditions.push(eq(newcomerRecords.organisationId, organisationId));
  const records = db
    .select()
    .from(newcomerRecords)
    .where(and(...conditions))
    .orderBy(asc(newcomerRecords.startDate), asc(newcomerRecords.id))
    .all();
  if (records.length === 0) return [];
  const countries = new Map(
    db
      .select({ id: organisations.id, country: organisations.country })
      .from(organisations)
      .all()
      .map((o) => [o.id, o.country]),
  );
  const ts = db
    .select()
    .from(trajectories)
    .where(
      inArray(
        trajectories.newcomerRecordId,
        records.map((r) => r.id),
      ),
    )
    .all();
  const tIds = ts.map((t) => t.id);
  const steps = tIds.length
    ? groupBy(
        db.select().from(trajectorySteps).where(inArray(trajectorySteps.trajectoryId, tIds)).all(),
        (r) => r.trajectoryId,
      )
    : new Map();
  const languages = tIds.length
    ? groupBy(
        db
          .select()
          .from(trajectoryLanguageLevels)
          .where(inArray(trajectoryLanguageLevels.trajectoryId, tIds))
          .orderBy(asc(trajectoryLanguageLevels.measuredOn))
          .all(),
        (r) => r.trajectoryId,
      )
    : new Map();
  const contracts = tIds.length
    ? groupBy(
        db
          .select()
          .from(trajectoryContracts)
          .where(inArray(trajectoryContracts.trajectoryId, tIds))
          .orderBy(asc(trajectoryContracts.startDate))
          .all(),
        (r) => r.trajectoryId,
      )
    : new Map();
  const followUps = tIds.length
    ? groupBy(
        db.select().from(trajectoryFollowUps).where(inArray(trajectoryFollowUps.trajectoryId, tIds)).all(),
        (r) => r.trajectoryId,
      )
    : new Map();
  const byRecord = new Map(ts.map((t) => [t.newcomerRecordId, t]));
  return records.map((record) => {
    const trajectory = byRecord.get(record.id) ?? null;
    const id = trajectory?.id ?? -1;
    return {
      record,
      country: countries.get(record.organisationId) ?? "BE",
      trajectory,
      steps: (steps.get(id) ?? []).map((s: { id: number; stepKey: string; reachedOn: string }) => ({
        id: s.id,
        stepKey: s.stepKey,
        reachedOn: s.reachedOn,
      })),
      languages: (languages.get(id) ?? []).map((l: { id: number; level: string; measuredOn: string }) => ({
        id: l.id,
        level: l.level,
        measuredOn: l.measuredOn,
      })),
      contracts: (contracts.get(id) ?? []).map((c: Loaded["contracts"][number]) => ({
        id: c.id,
        type: c.type,
        role: c.role,
        startDate: c.startDate,
        endDate: c.endDate,
      })),
      followUps: (followUps.get(id) ?? []).map((f: { moment: string; situation: string; confirmedAt: string }) => ({
        moment: f.moment,
        situation: f.situation,
        confirmedAt: f.confirmedAt,
      })),
    };
  });
}

function factsOf(l: Loaded): RouteFacts {
  return {
    startDate: l.record.startDate,
    profession: l.record.profession,
    steps: l.steps,
    languages: l.languages,
    contracts: l.contracts,
    followUps: l.followUps.map((f) => ({ moment: f.moment, situation: f.situation as Situation })),
    outcome: (l.trajectory?.outcome as Situation | null) ?? null,
    outcomeDate: l.trajectory?.outcomeDate ?? null,
  };
}

function versionOf(l: Loaded): number {
  return l.trajectory?.catalogueVersion ?? CURRENT_ROUTE_CATALOGUE.version;
}

/** The figures each live record contributes, and those erasure kept, per organisation (for indicators). */
export function figuresByOrganisation(today = todayIso()): Map<number, PersonFigures[]> {
  const db = getDb();
  const out = new Map<number, PersonFigures[]>();
  const push = (org: number, f: PersonFigures) => {
    const list = out.get(org) ?? [];
    list.push(f);
    out.set(org, list);
  };
  for (const l of loadRoutes(db, null))
    push(l.record.organisationId, personFigures(factsOf(l), today, recognisesIn(versionOf(l))));
  for (const a of db.select().from(trajectoryAnonymousOutcomes).all()) {
    push(a.organisationId, {
      retained6: a.retained6,
      retained12: a.retained12,
      atLevel12: a.atLevel12,
      monthsToRecognition: a.monthsToRecognition,
      monthsToLevelContract: a.monthsToLevelContract,
      languageGain: a.languageGain,
    });
  }
  return out;
}

// ——— Views ————————————————————————————————————————————————————————————————————————————————

export type ContractView = Loaded["contracts"][number];
export type RouteView = {
  recordId: number;
  name: string;
  profession: string;
  startDate: string;
  country: string;
  route: StepView[];
  position: string | null;
  languages: Loaded["languages"];
  latestLanguage: string | null;
  currentRole: string | null;
  targetRole: string | null;
  contracts: ContractView[];
  outcome: string | null;
  outcomeDate: string | null;
  outcomeReason: string | null;
  followUps: FollowUpState[];
};

function routeView(l: Loaded, locale: Locale, today: string): RouteView {
  const version = versionOf(l);
  const all = catalogueSteps(version);
  const facts = factsOf(l);
  const reached = new Map(l.steps.map((s) => [s.stepKey, s]));
  const route = stepsFor(all, l.country, l.record.profession).map((s): StepView => ({
    key: s.key,
    ...stepText(s, locale),
    reachedOn: reached.get(s.key)?.reachedOn ?? null,
    stepId: reached.get(s.key)?.id ?? null,
  }));
  // A step recorded earlier that no longer fits the profession or country stays visible.
  for (const s of l.steps) {
    if (route.some((r) => r.key === s.stepKey)) continue;
    const def = all.find((d) => d.key === s.stepKey);
    route.push({
      key: s.stepKey,
      title: def ? stepText(def, locale).title : s.stepKey,
      help: def ? stepText(def, locale).help : "",
      reachedOn: s.reachedOn,
      stepId: s.id,
    });
  }
  return {
    recordId: l.record.id,
    name: l.record.name,
    profession: l.record.profession,
    startDate: l.record.startDate,
    country: l.country,
    route,
    position: positionOf(l.steps, orderIn(version)),
    languages: l.languages,
    latestLanguage: latestLanguage(facts),
    currentRole: l.trajectory?.currentRole ?? null,
    targetRole: l.trajectory?.targetRole ?? null,
    contracts: l.contracts,
    outcome: l.trajectory?.outcome ?? null,
    outcomeDate: l.trajectory?.outcomeDate ?? null,
    outcomeReason: l.trajectory?.outcomeReason ?? null,
    followUps: followUpStates(facts, today),
  };
}

export type Overview = { rows: RouteView[]; total: number; figures: OwnFigures; today: string };

/** HR's overview: every newcomer's position, filtered, with the organisation's own figures. One audit entry. */
export function viewTrajectoryOverview(actor: OrgActor, filter: OverviewFilter, locale: Locale): Overview {
  const today = todayIso();
  const loaded = loadRoutes(getDb(), actor.organisationId);
  const all = loaded.map((l) => routeView(l, locale, today));
  const rows = all.filter(
    (r) =>
      (filter.step === null || r.position === filter.step) &&
      (!filter.overdue || r.followUps.some((f) => f.state === "overdue")),
  );
  const people = loaded.map((l) => personFigures(factsOf(l), today, recognisesIn(versionOf(l))));
  const kept = getDb()
    .select()
    .from(trajectoryAnonymousOutcomes)
    .where(eq(trajectoryAnonymousOutcomes.organisationId, actor.organisationId))
    .all();
  const censored12 = loaded.filter((l) => situationAt(factsOf(l), 12, today) === "censored").length;
  const figures = ownFigures(
    [
      ...people,
      ...kept.map((a) => ({
        retained6: a.retained6,
        retained12: a.retained12,
        atLevel12: a.atLevel12,
        monthsToRecognition: a.monthsToRecognition,
        monthsToLevelContract: a.monthsToLevelContract,
        languageGain: a.languageGain,
      })),
    ],
    censored12,
  );
  auditNewcomerView(
    { id: actor.id, organisationId: actor.organisationId },
    { action: "trajectories.viewed", entityType: "trajectory_list", newcomerIds: rows.map((r) => r.recordId) },
  );
  return { rows, total: all.length, figures, today };
}

/** The organisation's live record, or a failure (404 with the probe entry for a foreign id; 409 when erased). */
function ownRecord(actor: OrgActor, recordId: number): Outcome<NewcomerRecord> {
  const record = getDb()
    .select()
    .from(newcomerRecords)
    .where(and(eq(newcomerRecords.id, recordId), eq(newcomerRecords.organisationId, actor.organisationId)))
    .get();
  if (!record) {
    auditMissingId({ id: actor.id, organisationId: actor.organisationId }, "newcomer_record", recordId);
    return fail("not_found", "errors.notFound");
  }
  if (record.erasedAt) return fail("conflict", "matching.recordErased");
  return ok(record);
}

/** One newcomer's route for HR: one `trajectory.view` entry. */
export function viewTrajectory(
  actor: OrgActor,
  recordId: number,
  locale: Locale,
): Outcome<RouteView & { today: string }> {
  const record = ownRecord(actor, recordId);
  if (!record.ok) return record;
  const today = todayIso();
  const [loaded] = loadRoutes(getDb(), actor.organisationId, [recordId]);
  if (!loaded) return fail("not_found", "errors.notFound");
  auditNewcomerView(
    { id: actor.id, organisationId: actor.organisationId },
    { action: "trajectory.view", entityType: "trajectory", entityId: recordId, newcomerIds: [recordId] },
  );
  return ok({ ...routeView(loaded, locale, today), today });
}

/** The signed-in newcomer's own route (their linked record in their organisation), or null. */
export function myTrajectory(
  user: Pick<CurrentUser, "id" | "organisationId">,
  locale: Locale,
): (RouteView & { today: string }) | null {
  if (user.organisationId === null) return null;
  const record = getDb()
    .select({ id: newcomerRecords.id })
    .from(newcomerRecords)
    .where(
      and(
        eq(newcomerRecords.userId, user.id),
        eq(newcomerRecords.organisationId, user.organisationId),
        isNull(newcomerRecords.erasedAt),
      ),
    )
    .get();
  if (!record) return null;
  const [loaded] = loadRoutes(getDb(), user.organisationId, [record.id]);
  const today = todayIso();
  return loaded ? { ...routeView(loaded, locale, today), today } : null;
}

/** The newcomer's own trajectory for their data export (account export), without HR's internal ids. */
export function trajectoryForExport(user: Pick<CurrentUser, "id" | "organisationId">): Record<string, unknown> | null {
  const view = myTrajectory(user, "en");
  if (!view) return null;
  return {
    catalogueVersion: CURRENT_ROUTE_CATALOGUE.version,
    startDate: view.startDate,
    steps: view.route.filter((s) => s.reachedOn).map((s) => ({ step: s.key, title: s.title, reachedOn: s.reachedOn })),
    languageLevels: view.languages.map((l) => ({ level: l.level, measuredOn: l.measuredOn })),
    currentRole: view.currentRole,
    targetRole: view.targetRole,
    contracts: view.contracts.map((c) => ({ type: c.type, role: c.role, startDate: c.startDate, endDate: c.endDate })),
    outcome: view.outcome,
    outcomeDate: view.outcomeDate,
    outcomeReason: view.outcomeReason,
    followUps: view.followUps
      .filter((f) => f.situation)
      .map((f) => ({ moment: f.moment, dueDate: f.dueDate, situation: f.situation })),
  };
}

// ——— Changes ——————————————————————————————————————————————————————————————————————————————

type Change = { recordId: number };

/** The record's trajectory, made on first change, inside the transaction. */
function ensureTrajectory(tx: Tx, record: NewcomerRecord): Trajectory {
  const existing = tx.select().from(trajectories).where(eq(trajectories.newcomerRecordId, record.id)).get();
  if (existing) return existing;
  return tx
    .insert(trajectories)
    .values({
      organisationId: record.organisationId,
      newcomerRecordId: record.id,
      catalogueVersion: CURRENT_ROUTE_CATALOGUE.version,
    })
    .returning()
    .get();
}

/**
 * Runs one change in an immediate transaction: the record is checked first, the change may refuse (then
 * nothing is written, not even the empty trajectory), and every accepted change is audited.
 */
function change(
  actor: OrgActor,
  recordId: number,
  part: string,
  apply: (tx: Tx, t: Trajectory, record: NewcomerRecord, today: string) => Outcome<null>,
): Outcome<null> {
  const record = ownRecord(actor, recordId);
  if (!record.ok) return record;
  const today = todayIso();
  const db = getDb();
  let result: Outcome<null> = ok();
  try {
    db.transaction(
      (tx) => {
        const t = ensureTrajectory(tx, record.value);
        result = apply(tx, t, record.value, today);
        if (!result.ok) throw new Refused();
        tx.update(trajectories).set({ updatedAt: nowIso() }).where(eq(trajectories.id, t.id)).run();
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return result;
  }
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: "trajectory.update",
    entityType: "trajectory",
    entityId: recordId,
    detail: { part },
  });
  return result;
}

class Refused extends Error {}

const invalid = (field: string, key: Parameters<typeof fail>[1], params?: Record<string, string>) =>
  fail("invalid", key, { fields: { [field]: [key] }, params });

export function recordStep(actor: OrgActor, input: Change & StepInput): Outcome<null> {
  return change(actor, input.recordId, "step", (tx, t, record, today) => {
    const country =
      tx
        .select({ c: organisations.country })
        .from(organisations)
        .where(eq(organisations.id, record.organisationId))
        .get()?.c ?? "BE";
    const allowed = stepsFor(catalogueSteps(t.catalogueVersion), country, record.profession);
    if (!allowed.some((s) => s.key === input.stepKey)) return invalid("stepKey", "trajectories.errors.unknownStep");
    if (input.reachedOn > today) return invalid("reachedOn", "trajectories.errors.future");
    const existing = tx.select().from(trajectorySteps).where(eq(trajectorySteps.trajectoryId, t.id)).all();
    const next = [
      ...existing.filter((s) => s.stepKey !== input.stepKey),
      { stepKey: input.stepKey, reachedOn: input.reachedOn },
    ];
    const problem = stepOrderProblem(next, orderIn(t.catalogueVersion));
    if (problem) return invalid("reachedOn", "trajectories.errors.stepOrder");
    tx.insert(trajectorySteps)
      .values({ trajectoryId: t.id, stepKey: input.stepKey, reachedOn: input.reachedOn })
      .onConflictDoUpdate({
        target: [trajectorySteps.trajectoryId, trajectorySteps.stepKey],
        set: { reachedOn: input.reachedOn },
      })
      .run();
    return ok();
  });
}

export function removeStep(actor: OrgActor, input: Change & RemoveInput): Outcome<null> {
  return change(actor, input.recordId, "step.remove", (tx, t) => {
    const removed = tx
      .delete(trajectorySteps)
      .where(and(eq(trajectorySteps.id, input.itemId), eq(trajectorySteps.trajectoryId, t.id)))
      .returning({ id: trajectorySteps.id })
      .all();
    return removed.length ? ok() : fail("not_found", "errors.notFound");
  });
}

export function recordLanguageLevel(actor: OrgActor, input: Change & LanguageInput): Outcome<null> {
  return change(actor, input.recordId, "language", (tx, t, _record, today) => {
    if (input.measuredOn > today) return invalid("measuredOn", "trajectories.errors.future");
    tx.insert(trajectoryLanguageLevels)
      .values({ trajectoryId: t.id, level: input.level, measuredOn: input.measuredOn })
      .run();
    return ok();
  });
}

export function removeLanguageLevel(actor: OrgActor, input: Change & RemoveInput): Outcome<null> {
  return change(actor, input.recordId, "language.remove", (tx, t) => {
    const removed = tx
      .delete(trajectoryLanguageLevels)
      .where(and(eq(trajectoryLanguageLevels.id, input.itemId), eq(trajectoryLanguageLevels.trajectoryId, t.id)))
      .returning({ id: trajectoryLanguageLevels.id })
      .all();
    return removed.length ? ok() : fail("not_found", "errors.notFound");
  });
}

export function setRoles(actor: OrgActor, input: Change & RolesInput): Outcome<null> {
  return change(actor, input.recordId, "roles", (tx, t) => {
    tx.update(trajectories)
      .set({ currentRole: input.currentRole, targetRole: input.targetRole })
      .where(eq(trajectories.id, t.id))
      .run();
    return ok();
  });
}

export function recordContract(actor: OrgActor, input: Change & ContractInput): Outcome<null> {
  return change(actor, input.recordId, "contract", (tx, t) => {
    tx.insert(trajectoryContracts)
      .values({
        trajectoryId: t.id,
        type: input.type,
        role: input.role,
        startDate: input.startDate,
        endDate: input.endDate,
      })
      .run();
    return ok();
  });
}

export function removeContract(actor: OrgActor, input: Change & RemoveInput): Outcome<null> {
  return change(actor, input.recordId, "contract.remove", (tx, t) => {
    const removed = tx
      .delete(trajectoryContracts)
      .where(and(eq(trajectoryContracts.id, input.itemId), eq(trajectoryContracts.trajectoryId, t.id)))
      .returning({ id: trajectoryContracts.id })
      .all();
    if (!removed.length) return fail("not_found", "errors.notFound");
    tx.delete(trajectoryFollowUps)
      .where(
        and(eq(trajectoryFollowUps.trajectoryId, t.id), eq(trajectoryFollowUps.moment, `contract-${input.itemId}`)),
      )
      .run();
    return ok();
  });
}

export function recordOutcome(actor: OrgActor, input: Change & OutcomeInput): Outcome<null> {
  return change(actor, input.recordId, "outcome", (tx, t, record, today) => {
    if (input.outcomeDate === null) return invalid("outcomeDate", "trajectories.errors.outcomeDate");
    if (input.outcomeDate > today) return invalid("outcomeDate", "trajectories.errors.future");
    if (input.outcomeDate < record.startDate) return invalid("outcomeDate", "trajectories.errors.beforeStart");
    tx.update(trajectories)
      .set({
        outcome: input.outcome,
        outcomeDate: input.outcomeDate,
        outcomeReason: input.outcome === "left" ? input.reason : null,
      })
      .where(eq(trajectories.id, t.id))
      .run();
    return ok();
  });
}

export function clearOutcome(actor: OrgActor, input: Change): Outcome<null> {
  return change(actor, input.recordId, "outcome.clear", (tx, t) => {
    tx.update(trajectories)
      .set({ outcome: null, outcomeDate: null, outcomeReason: null })
      .where(eq(trajectories.id, t.id))
      .run();
    return ok();
  });
}

/** HR's confirmation of a follow-up moment that has come: the situation, in one post. */
export function confirmFollowUp(actor: OrgActor, input: Change & FollowUpInput): Outcome<null> {
  return change(actor, input.recordId, "followUp", (tx, t, record, today) => {
    const contracts = tx.select().from(trajectoryContracts).where(eq(trajectoryContracts.trajectoryId, t.id)).all();
    const moment = followUpMoments({
      startDate: record.startDate,
      contracts,
      outcome: t.outcome as Situation | null,
      outcomeDate: t.outcomeDate,
    }).find((m) => m.moment === input.moment);
    if (!moment) return fail("invalid", "trajectories.errors.unknownFollowUp");
    if (moment.dueDate > today) return fail("invalid", "trajectories.errors.followUpNotDue");
    tx.insert(trajectoryFollowUps)
      .values({
        trajectoryId: t.id,
        moment: input.moment,
        situation: input.situation,
        confirmedByUserId: actor.id,
        confirmedAt: nowIso(),
      })
      .onConflictDoUpdate({
        target: [trajectoryFollowUps.trajectoryId, trajectoryFollowUps.moment],
        set: { situation: input.situation, confirmedByUserId: actor.id, confirmedAt: nowIso() },
      })
      .run();
    return ok();
  });
}

// ——— Erasure and reminders ————————————————————————————————————————————————————————————————

/**
 * Called inside the newcomer erasure's transaction (decision 062): keeps the person's derived figures as
 * one anonymous row (organisation only), then deletes the trajectory with its steps, levels, contracts and
 * follow-ups, and the follow-up reminders that named the newcomer.
 */
export function eraseTrajectoryIn(tx: Tx, recordId: number, today = todayIso()): void {
  const [loaded] = loadRoutes(tx, null, [recordId]);
  if (loaded?.trajectory) {
    tx.insert(trajectoryAnonymousOutcomes)
      .values({
        organisationId: loaded.record.organisationId,
        ...personFigures(factsOf(loaded), today, recognisesIn(versionOf(loaded))),
      })
      .run();
    tx.delete(trajectories).where(eq(trajectories.id, loaded.trajectory.id)).run();
  }
  tx.delete(notifications)
    .where(like(notifications.eventKey, `trajectory-followup:${recordId}:%`))
    .run();
}

export type FollowUpDue = { recordId: number; newcomerName: string; moment: string; dueDate: string };

/** Follow-ups that have come and are not confirmed, per organisation, for the reminders' rule. */
export function followUpsDue(at: Date): Map<number, FollowUpDue[]> {
  const today = todayIso(at);
  const out = new Map<number, FollowUpDue[]>();
  for (const l of loadRoutes(getDb(), null)) {
    if (!l.trajectory) continue;
    for (const f of followUpStates(factsOf(l), today)) {
      if (f.state !== "due" && f.state !== "overdue") continue;
      const list = out.get(l.record.organisationId) ?? [];
      list.push({ recordId: l.record.id, newcomerName: l.record.name, moment: f.moment, dueDate: f.dueDate });
      out.set(l.record.organisationId, list);
    }
  }
  return out;
}

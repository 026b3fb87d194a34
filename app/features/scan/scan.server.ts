// Use cases of the inclusion scan: the only scan code that touches the database.
// Every function takes the organisation from the caller's session and checks ids against it (404 otherwise).
import { and, asc, desc, eq, inArray, lt, ne, sql } from "drizzle-orm";
import {
  actionItems,
  instrumentDimensions,
  instrumentItems,
  organisations,
  scanAnswers,
  scanDimensionScores,
  scans,
  users,
  type Scan,
} from "@db/schema";
import { audit } from "~/utils/audit.server";
import { getDb, nowIso, prepared } from "~/utils/db.server";
import { registerDrain } from "~/utils/lifecycle.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import type { ActionStatus } from "./constants";
import { exportFileName, scanToCsv, scanToJson, type ExportAnswer } from "./export";
import { mergeAnswer } from "./merge";
import { strengthsAndGaps } from "./ranking";
import { ActionItemSchema, ActionStatusSchema, AnswerSchema, StartScanSchema, type AnswerInput } from "./scan.schema";
import { isAnswerValue, scoreScan, type AnswerValue, type Answers, type ScanResult } from "./scoring";

type Actor = { id: number; organisationId: number };

export type InstrumentItem = { key: string; dimensionKey: string; position: number; textNl: string; textEn: string; helpNl: string; helpEn: string; core: boolean };
export type InstrumentDimension = {
  key: string;
  number: number;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  moduleKeys: string[];
  items: InstrumentItem[];
};
export type Instrument = { version: number; dimensions: InstrumentDimension[]; itemKeys: Set<string> };

// Instrument versions never change once loaded, so each is read once per process.
const instrumentCache = new Map<number, Instrument>();

export function getInstrument(version: number): Instrument | null {
  const cached = instrumentCache.get(version);
  if (cached) return cached;
  const db = getDb();
  const dims = db.select().from(instrumentDimensions).where(eq(instrumentDimensions.version, version)).orderBy(asc(instrumentDimensions.number)).all();
  if (dims.length === 0) return null;
  const items = db.select().from(instrumentItems).where(eq(instrumentItems.version, version)).orderBy(asc(instrumentItems.position)).all();
  const dimensions = dims.map((d) => ({
    key: d.key,
    number: d.number,
    nameNl: d.nameNl,
    nameEn: d.nameEn,
    descriptionNl: d.descriptionNl,
    descriptionEn: d.descriptionEn,
    moduleKeys: JSON.parse(d.moduleKeys) as string[],
    items: items
      .filter((i) => i.dimensionKey === d.key)
      .map((i) => ({ key: i.key, dimensionKey: i.dimensionKey, position: i.position, textNl: i.textNl, textEn: i.textEn, helpNl: i.helpNl, helpEn: i.helpEn, core: i.core })),
  }));
  const instrument = { version, dimensions, itemKeys: new Set(items.map((i) => i.key)) };
  instrumentCache.set(version, instrument);
  return instrument;
}

export function latestInstrumentVersion(): number {
  const row = getDb().select({ version: instrumentDimensions.version }).from(instrumentDimensions).orderBy(desc(instrumentDimensions.version)).limit(1).get();
  if (!row) throw new Error("No instrument loaded");
  return row.version;
}

function requireInstrument(version: number): Instrument {
  const instrument = getInstrument(version);
  if (!instrument) throw new Error(`Instrument version ${version} is missing`);
  return instrument;
}

/** The scan if it belongs to the organisation, else null (callers answer 404). */
const scanOfOrganisation = prepared((db) =>
  db
    .select()
    .from(scans)
    .where(and(eq(scans.id, sql.placeholder("scanId")), eq(scans.organisationId, sql.placeholder("organisationId"))))
    .prepare(),
);

export function findScan(organisationId: number, scanId: number): Scan | null {
  return scanOfOrganisation().get({ scanId, organisationId }) ?? null;
}

export type AnswerView = { itemKey: string; value: AnswerValue; comment: string | null; revision: number; answeredAt: string; answeredByName: string | null; answeredByUserId: number | null };

// The scan page, results and exports all read a scan's answers: prepared once per connection.
const answersOfScan = prepared((db) =>
  db
    .select({
      itemKey: scanAnswers.itemKey,
      value: scanAnswers.value,
      comment: scanAnswers.comment,
      revision: scanAnswers.revision,
      answeredAt: scanAnswers.answeredAt,
      answeredByUserId: scanAnswers.answeredByUserId,
      answeredByName: users.name,
    })
    .from(scanAnswers)
    .leftJoin(users, eq(users.id, scanAnswers.answeredByUserId))
    .where(eq(scanAnswers.scanId, sql.placeholder("scanId")))
    .prepare(),
);

function answersOf(scanId: number): AnswerView[] {
  return answersOfScan()
    .all({ scanId })
    .flatMap((row) => (isAnswerValue(row.value) ? [{ ...row, value: row.value }] : []));
}

function answerMap(answers: readonly { itemKey: string; value: AnswerValue }[]): Answers {
  const map: Record<string, AnswerValue> = {};
  for (const a of answers) map[a.itemKey] = a.value;
  return map;
}

// ——— List and start ————————————————————————————————————————————————————————————————

export type ScanListRow = { id: number; period: string; status: Scan["status"]; createdAt: string; submittedAt: string | null; overallScore: number | null; overallLevel: number | null; answered: number; total: number };

export function listScans(organisationId: number): ScanListRow[] {
  const db = getDb();
  const rows = db.select().from(scans).where(eq(scans.organisationId, organisationId)).orderBy(desc(scans.period)).all();
  if (rows.length === 0) return [];
  const counts = new Map<number, number>();
  const answerRows = db.select({ scanId: scanAnswers.scanId }).from(scanAnswers).where(inArray(scanAnswers.scanId, rows.map((r) => r.id))).all();
  for (const a of answerRows) counts.set(a.scanId, (counts.get(a.scanId) ?? 0) + 1);
  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    status: r.status,
    createdAt: r.createdAt,
    submittedAt: r.submittedAt,
    overallScore: r.overallScore,
    overallLevel: r.overallLevel,
    answered: counts.get(r.id) ?? 0,
    total: getInstrument(r.instrumentVersion)?.itemKeys.size ?? 0,
  }));
}

export type StartResult = { ok: true; scanId: number } | { ok: false; status: number; errors: FieldErrors; formError: string };

export function startScan(actor: Actor, form: FormData): StartResult {
  const parsed = parseForm(StartScanSchema, form);
  if (!parsed.success) return { ok: false, status: 400, errors: parsed.fieldErrors, formError: "common.formErrors" };
  const { period, start } = parsed.data;
  const version = latestInstrumentVersion();
  const instrument = requireInstrument(version);
  const db = getDb();
  const outcome = db.transaction(
    (tx): StartResult => {
      const clash = tx.select({ id: scans.id }).from(scans).where(and(eq(scans.organisationId, actor.organisationId), eq(scans.period, period))).get();
      if (clash) return { ok: false, status: 409, errors: { period: ["scan.errors.periodTaken"] }, formError: "common.formErrors" };
      let source: Scan | undefined;
      if (start === "previous") {
        source = tx.select().from(scans).where(eq(scans.organisationId, actor.organisationId)).orderBy(desc(scans.period)).limit(1).get();
        if (!source) return { ok: false, status: 400, errors: { start: ["scan.errors.noPrevious"] }, formError: "common.formErrors" };
      }
      const created = tx
        .insert(scans)
        .values({ organisationId: actor.organisationId, instrumentVersion: version, period, startedByUserId: actor.id, copiedFromScanId: source?.id ?? null })
        .returning({ id: scans.id })
        .get();
      if (source) {
        // Only answers to items of the new scan's version are carried over; others would not be comparable.
        const previous = tx.select().from(scanAnswers).where(eq(scanAnswers.scanId, source.id)).all();
        const at = nowIso();
        for (const a of previous) {
          if (!instrument.itemKeys.has(a.itemKey)) continue;
          tx.insert(scanAnswers)
            .values({ scanId: created.id, itemKey: a.itemKey, value: a.value, comment: a.comment, answeredByUserId: a.answeredByUserId, answeredAt: at, revision: 1 })
            .run();
        }
      }
      return { ok: true, scanId: created.id };
    },
    { behavior: "immediate" },
  );
  if (outcome.ok) audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "scan.start", entityType: "scan", entityId: outcome.scanId, detail: { start } });
  return outcome;
}

// ——— Filling in ——————————————————————————————————————————————————————————————————————

export type LocalisedDimension = {
  key: string;
  number: number;
  name: string;
  description: string;
  items: { key: string; position: number; text: string; help: string; core: boolean }[];
};

// The fill-in page ships only the reader's language: half the payload on a slow hospital PC.
const localisedCache = new Map<string, LocalisedDimension[]>();

function localised(instrument: Instrument, locale: "nl" | "en"): LocalisedDimension[] {
  const cacheKey = `${instrument.version}:${locale}`;
  const cached = localisedCache.get(cacheKey);
  if (cached) return cached;
  const nl = locale === "nl";
  const dimensions = instrument.dimensions.map((d) => ({
    key: d.key,
    number: d.number,
    name: nl ? d.nameNl : d.nameEn,
    description: nl ? d.descriptionNl : d.descriptionEn,
    items: d.items.map((i) => ({ key: i.key, position: i.position, text: nl ? i.textNl : i.textEn, help: nl ? i.helpNl : i.helpEn, core: i.core })),
  }));
  localisedCache.set(cacheKey, dimensions);
  return dimensions;
}

export type ScanPage = {
  scan: { id: number; period: string; status: Scan["status"]; instrumentVersion: number; submittedAt: string | null };
  /** Every dimension with its progress, for the contents and the step links. */
  dimensions: { key: string; number: number; name: string; answered: number; total: number }[];
  /** The dimension shown: one step of the scan, so a slow PC or a phone renders 5 items, not 40. */
  current: LocalisedDimension;
  previousKey: string | null;
  nextKey: string | null;
  answers: AnswerView[];
  answered: number;
  total: number;
};

/**
 * The fill-in page, one dimension at a time: one indexed query for the scan, one for its answers; the
 * instrument comes from memory. Without a valid dimension key it opens the first dimension with open items.
 */
export function getScanPage(organisationId: number, scanId: number, locale: "nl" | "en", dimensionKey?: string | null): ScanPage | null {
  const scan = findScan(organisationId, scanId);
  if (!scan) return null;
  const instrument = requireInstrument(scan.instrumentVersion);
  const dims = localised(instrument, locale);
  const answers = answersOf(scan.id);
  const answeredKeys = new Set(answers.map((a) => a.itemKey));
  const dimensions = dims.map((d) => ({ key: d.key, number: d.number, name: d.name, answered: d.items.filter((i) => answeredKeys.has(i.key)).length, total: d.items.length }));
  const requested = dims.findIndex((d) => d.key === dimensionKey);
  const chosen = requested >= 0 ? requested : Math.max(0, dimensions.findIndex((d) => d.answered < d.total));
  const current = dims[chosen] ?? dims[0];
  if (!current) throw new Error("Instrument without dimensions");
  const itemKeys = new Set(current.items.map((i) => i.key));
  return {
    scan: { id: scan.id, period: scan.period, status: scan.status, instrumentVersion: scan.instrumentVersion, submittedAt: scan.submittedAt },
    dimensions,
    current,
    previousKey: dims[chosen - 1]?.key ?? null,
    nextKey: dims[chosen + 1]?.key ?? null,
    answers: answers.filter((a) => itemKeys.has(a.itemKey)),
    answered: answers.filter((a) => instrument.itemKeys.has(a.itemKey)).length,
    total: instrument.itemKeys.size,
  };
}

export type SavedAnswer = { itemKey: string; value: AnswerValue; comment: string | null; revision: number; answeredAt: string; answeredByName: string | null };
/** The comment a stale save did not apply: the user's and the stored (newer) one, to choose from. */
export type CommentConflict = { mine: string | null; theirs: string | null; byName: string | null; at: string };
export type SaveResult =
  | {
      ok: true;
      answer: SavedAnswer;
      replaced: { value: AnswerValue; comment: string | null; byName: string | null; at: string } | null;
      commentConflict: CommentConflict | null;
    }
  | { ok: false; status: number; error: string; field?: string };

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];
type SaveActor = Actor & { name: string };
type PendingSave = { actor: SaveActor; scanId: number; input: AnswerInput; resolve: (r: SaveResult) => void; reject: (e: unknown) => void };

let pendingSaves: PendingSave[] = [];
let flushScheduled = false;

/**
 * Saves one answer: an upsert of the (scan, item) row. Answers to other items are never touched. Last write
 * wins per item; if the page showed an older revision written by someone else, the result says what was
 * replaced so the page can show it (decision 011).
 *
 * Group commit (decision 013): saves that arrive in the same turn of the event loop are written in one
 * immediate transaction, so one fsync (synchronous=FULL) serves them all. Each caller's promise resolves only
 * after that commit: durability is unchanged, throughput under concurrent autosaves is not bound by the disk.
 */
export function saveAnswer(actor: SaveActor, scanId: number, form: FormData): Promise<SaveResult> {
  const parsed = parseForm(AnswerSchema, form);
  if (!parsed.success) {
    const [field, messages] = Object.entries(parsed.fieldErrors)[0] ?? ["", []];
    return Promise.resolve({ ok: false, status: 400, error: messages[0] ?? "errors.badRequest", field });
  }
  return new Promise<SaveResult>((resolve, reject) => {
    pendingSaves.push({ actor, scanId, input: parsed.data, resolve, reject });
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushSaves);
    }
  });
}

// A graceful shutdown writes what is still queued before it closes the database (decision 096).
registerDrain("scan autosaves", flushSaves);

function flushSaves(): number {
  flushScheduled = false;
  const batch = pendingSaves;
  pendingSaves = [];
  if (batch.length === 0) return 0;
  let results: SaveResult[];
  try {
    results = getDb().transaction((tx) => batch.map((p) => saveOne(tx, p.actor, p.scanId, p.input)), { behavior: "immediate" });
  } catch (error) {
    for (const p of batch) p.reject(error);
    return 0;
  }
  batch.forEach((p, i) => p.resolve(results[i] ?? { ok: false, status: 500, error: "errors.unexpected" }));
  return batch.length;
}

// The autosave's statements, prepared once per connection (they run inside flushSaves' transaction, as does
// findScan's: one connection).
const saveStatements = prepared((db) => ({
  existing: db
    .select()
    .from(scanAnswers)
    .where(and(eq(scanAnswers.scanId, sql.placeholder("scanId")), eq(scanAnswers.itemKey, sql.placeholder("itemKey"))))
    .prepare(),
  update: db
    .update(scanAnswers)
    // update().set() takes SQL, not bare placeholders.
    .set({
      value: sql`${sql.placeholder("value")}`,
      comment: sql`${sql.placeholder("comment")}`,
      answeredByUserId: sql`${sql.placeholder("userId")}`,
      answeredAt: sql`${sql.placeholder("at")}`,
      revision: sql`${sql.placeholder("revision")}`,
    })
    .where(and(eq(scanAnswers.scanId, sql.placeholder("scanId")), eq(scanAnswers.itemKey, sql.placeholder("itemKey"))))
    .prepare(),
  insert: db
    .insert(scanAnswers)
    .values({
      scanId: sql.placeholder("scanId"),
      itemKey: sql.placeholder("itemKey"),
      value: sql.placeholder("value"),
      comment: sql.placeholder("comment"),
      answeredByUserId: sql.placeholder("userId"),
      answeredAt: sql.placeholder("at"),
      revision: sql.placeholder("revision"),
    })
    .prepare(),
}));

function saveOne(tx: Tx, actor: SaveActor, scanId: number, input: AnswerInput): SaveResult {
  const statements = saveStatements();
  const scan = findScan(actor.organisationId, scanId);
  if (!scan) return { ok: false, status: 404, error: "errors.notFound" };
  if (scan.status !== "draft") return { ok: false, status: 409, error: "scan.errors.locked" };
  if (!requireInstrument(scan.instrumentVersion).itemKeys.has(input.itemKey)) return { ok: false, status: 400, error: "scan.errors.unknownItem", field: "itemKey" };
  const existing = statements.existing.get({ scanId, itemKey: input.itemKey });
  const at = nowIso();
  const stored = existing && isAnswerValue(existing.value) ? { value: existing.value, comment: existing.comment ?? null, revision: existing.revision } : null;
  const merged = mergeAnswer(stored, input);
  let replaced: Extract<SaveResult, { ok: true }>["replaced"] = null;
  let commentConflict: CommentConflict | null = null;
  const byName = () => (existing?.answeredByUserId ? (tx.select({ name: users.name }).from(users).where(eq(users.id, existing.answeredByUserId)).get()?.name ?? null) : null);
  if (existing && stored) {
    if (merged.valueReplaced && existing.answeredByUserId !== actor.id) replaced = { value: stored.value, comment: stored.comment, byName: byName(), at: existing.answeredAt };
    if (merged.commentConflict) commentConflict = { mine: input.comment, theirs: stored.comment, byName: byName(), at: existing.answeredAt };
  }
  if (existing && !merged.write) {
    // Nothing changes (e.g. only a comment that lost to a newer one): the row and its author stay as they are.
    const answer = { itemKey: input.itemKey, value: stored?.value ?? input.value, comment: existing.comment, revision: existing.revision, answeredAt: existing.answeredAt, answeredByName: byName() };
    return { ok: true, answer, replaced, commentConflict };
  }
  const revision = existing ? existing.revision + 1 : 1;
  const values = { scanId, itemKey: input.itemKey, value: merged.value, comment: merged.comment, userId: actor.id, at, revision };
  if (existing) statements.update.run(values);
  else statements.insert.run(values);
  return { ok: true, answer: { itemKey: input.itemKey, value: merged.value, comment: merged.comment, revision, answeredAt: at, answeredByName: actor.name }, replaced, commentConflict };
}

export type SubmitResult = { ok: true } | { ok: false; status: number; error: string; missing?: string[] };

/** Submits when every item has an answer (don't know / n.a. count); stores the scores and locks the scan. */
export function submitScan(actor: Actor, scanId: number): SubmitResult {
  const db = getDb();
  const outcome = db.transaction(
    (tx): SubmitResult => {
      const scan = tx.select().from(scans).where(and(eq(scans.id, scanId), eq(scans.organisationId, actor.organisationId))).get();
      if (!scan) return { ok: false, status: 404, error: "errors.notFound" };
      if (scan.status !== "draft") return { ok: false, status: 409, error: "scan.errors.locked" };
      const instrument = requireInstrument(scan.instrumentVersion);
      const rows = tx.select({ itemKey: scanAnswers.itemKey, value: scanAnswers.value }).from(scanAnswers).where(eq(scanAnswers.scanId, scanId)).all();
      const answers: Record<string, AnswerValue> = {};
      for (const r of rows) if (isAnswerValue(r.value)) answers[r.itemKey] = r.value;
      const missing = [...instrument.itemKeys].filter((k) => answers[k] === undefined);
      if (missing.length > 0) return { ok: false, status: 400, error: "scan.errors.missingAnswers", missing };
      const result = scoreScan(instrument, answers);
      tx.delete(scanDimensionScores).where(eq(scanDimensionScores.scanId, scanId)).run();
      for (const d of result.dimensions) tx.insert(scanDimensionScores).values({ scanId, dimensionKey: d.key, score: d.score, level: d.level }).run();
      tx.update(scans)
        .set({ status: "submitted", submittedAt: nowIso(), submittedByUserId: actor.id, overallScore: result.overall, overallLevel: result.overallLevel })
        .where(eq(scans.id, scanId))
        .run();
      return { ok: true };
    },
    { behavior: "immediate" },
  );
  if (outcome.ok) audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "scan.submit", entityType: "scan", entityId: scanId });
  return outcome;
}

// ——— Results ——————————————————————————————————————————————————————————————————————————

export type ActionItemView = { id: number; itemKey: string | null; dimensionKey: string; action: string; owner: string; dueDate: string | null; status: ActionStatus };

export type ScanResults = {
  scan: { id: number; period: string; status: Scan["status"]; instrumentVersion: number; submittedAt: string | null; organisationName: string };
  dimensions: InstrumentDimension[];
  result: ScanResult;
  previous: { period: string; dimensions: { key: string; score: number | null }[]; overall: number | null } | null;
  strengths: { key: string; score: number }[];
  gaps: { key: string; score: number }[];
  trend: { period: string; overall: number | null; level: number | null }[];
  actions: ActionItemView[];
  answers: AnswerView[];
};

export function getScanResults(organisationId: number, scanId: number): ScanResults | null {
  const db = getDb();
  const scan = findScan(organisationId, scanId);
  if (!scan) return null;
  const instrument = requireInstrument(scan.instrumentVersion);
  const answers = answersOf(scan.id);
  const result = scoreScan(instrument, answerMap(answers));
  const organisationName = db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).get()?.name ?? "";
  const earlier = db
    .select()
    .from(scans)
    .where(and(eq(scans.organisationId, organisationId), eq(scans.status, "submitted"), eq(scans.instrumentVersion, scan.instrumentVersion), lt(scans.period, scan.period), ne(scans.id, scan.id)))
    .orderBy(desc(scans.period))
    .limit(1)
    .get();
  let previous: ScanResults["previous"] = null;
  if (earlier) {
    const scores = db.select().from(scanDimensionScores).where(eq(scanDimensionScores.scanId, earlier.id)).all();
    previous = {
      period: earlier.period,
      overall: earlier.overallScore,
      dimensions: instrument.dimensions.map((d) => ({ key: d.key, score: scores.find((s) => s.dimensionKey === d.key)?.score ?? null })),
    };
  }
  const trend = db
    .select({ period: scans.period, overall: scans.overallScore, level: scans.overallLevel })
    .from(scans)
    .where(and(eq(scans.organisationId, organisationId), eq(scans.status, "submitted")))
    .orderBy(asc(scans.period))
    .all();
  const { strengths, gaps } = strengthsAndGaps(result.dimensions, 3);
  return {
    scan: { id: scan.id, period: scan.period, status: scan.status, instrumentVersion: scan.instrumentVersion, submittedAt: scan.submittedAt, organisationName },
    dimensions: instrument.dimensions,
    result,
    previous,
    strengths,
    gaps,
    trend,
    actions: listActions(organisationId, scan.id),
    answers,
  };
}

// ——— Exports ——————————————————————————————————————————————————————————————————————————

export function exportScan(actor: Actor, scanId: number, format: "csv" | "json"): { body: string; fileName: string; contentType: string } | null {
  const data = getScanResults(actor.organisationId, scanId);
  if (!data) return null;
  const byKey = new Map(data.answers.map((a) => [a.itemKey, a]));
  const rows: ExportAnswer[] = data.dimensions.flatMap((d) =>
    d.items.map((i) => ({ itemKey: i.key, dimensionKey: d.key, value: byKey.get(i.key)?.value ?? null, comment: byKey.get(i.key)?.comment ?? null })),
  );
  audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "scan.export", entityType: "scan", entityId: scanId, detail: { format } });
  const meta = { organisation: data.scan.organisationName, period: data.scan.period, instrumentVersion: data.scan.instrumentVersion, status: data.scan.status, submittedAt: data.scan.submittedAt };
  const fileName = exportFileName(data.scan.organisationName, data.scan.period, format);
  if (format === "csv") return { body: scanToCsv(rows, data.result), fileName, contentType: "text/csv; charset=utf-8" };
  return { body: JSON.stringify(scanToJson(meta, rows, data.result), null, 2), fileName, contentType: "application/json; charset=utf-8" };
}

// ——— Action plan ——————————————————————————————————————————————————————————————————————

export function listActions(organisationId: number, scanId: number): ActionItemView[] {
  return getDb()
    .select({ id: actionItems.id, itemKey: actionItems.itemKey, dimensionKey: actionItems.dimensionKey, action: actionItems.action, owner: actionItems.owner, dueDate: actionItems.dueDate, status: actionItems.status })
    .from(actionItems)
    .where(and(eq(actionItems.scanId, scanId), eq(actionItems.organisationId, organisationId)))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .all();
}

export type ActionResult = { ok: true; notice: string } | { ok: false; status: number; errors: FieldErrors; formError: string };

export function manageActions(actor: Actor, scanId: number, form: FormData): ActionResult {
  const scan = findScan(actor.organisationId, scanId);
  if (!scan) return { ok: false, status: 404, errors: {}, formError: "errors.notFound" };
  if (scan.status !== "submitted") return { ok: false, status: 409, errors: {}, formError: "scan.errors.notSubmitted" };
  const instrument = requireInstrument(scan.instrumentVersion);
  const intent = String(form.get("intent") ?? "");
  const db = getDb();
  if (intent === "addAction") {
    const parsed = parseForm(ActionItemSchema, form);
    if (!parsed.success) return { ok: false, status: 400, errors: parsed.fieldErrors, formError: "common.formErrors" };
    const input = parsed.data;
    const dimension = instrument.dimensions.find((d) => d.key === input.dimensionKey);
    if (!dimension) return { ok: false, status: 400, errors: { dimensionKey: ["scan.errors.unknownDimension"] }, formError: "common.formErrors" };
    if (input.itemKey && !dimension.items.some((i) => i.key === input.itemKey)) return { ok: false, status: 400, errors: { itemKey: ["scan.errors.unknownItem"] }, formError: "common.formErrors" };
    const row = db
      .insert(actionItems)
      .values({ organisationId: actor.organisationId, scanId, itemKey: input.itemKey, dimensionKey: input.dimensionKey, action: input.action, owner: input.owner, dueDate: input.dueDate, status: input.status, createdByUserId: actor.id })
      .returning({ id: actionItems.id })
      .get();
    audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "scan.action.add", entityType: "action_item", entityId: row.id });
    return { ok: true, notice: "scan.actions.added" };
  }
  if (intent === "actionStatus" || intent === "deleteAction") {
    const parsed = parseForm(ActionStatusSchema.partial({ status: true }), form);
    if (!parsed.success || (intent === "actionStatus" && !parsed.data.status)) {
      return { ok: false, status: 400, errors: parsed.success ? {} : parsed.fieldErrors, formError: "errors.badRequest" };
    }
    const where = and(eq(actionItems.id, parsed.data.actionId), eq(actionItems.scanId, scanId), eq(actionItems.organisationId, actor.organisationId));
    const exists = db.select({ id: actionItems.id }).from(actionItems).where(where).get();
    if (!exists) return { ok: false, status: 404, errors: {}, formError: "errors.notFound" };
    if (intent === "deleteAction") {
      db.delete(actionItems).where(where).run();
      audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "scan.action.delete", entityType: "action_item", entityId: exists.id });
      return { ok: true, notice: "scan.actions.deleted" };
    }
    const status = parsed.data.status ?? "open";
    db.update(actionItems).set({ status, updatedAt: nowIso() }).where(where).run();
    audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "scan.action.status", entityType: "action_item", entityId: exists.id, detail: { fields: ["status"] } });
    return { ok: true, notice: "scan.actions.updated" };
  }
  return { ok: false, status: 400, errors: {}, formError: "errors.badRequest" };
}

/** For the HR home card: the latest scan, if any. */
export function latestScanSummary(organisationId: number): ScanListRow | null {
  return listScans(organisationId)[0] ?? null;
}

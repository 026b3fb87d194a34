// Use cases of the inclusion scan: list, start, fill in (the page; the autosave is autosave.server.ts), submit,
// results and exports. The instrument is instrument.server.ts, the action plan action-plan.server.ts.
// Every function takes the organisation from the caller's session and checks ids against it (404 otherwise).
import { and, asc, desc, eq, inArray, lt, ne, sql } from "drizzle-orm";
import { organisations, scanAnswers, scanDimensionScores, scans, users, type Scan } from "@db/schema";
import type { ExportTable } from "~/features/exports/table";
import { audit } from "~/utils/audit.server";
import { makeTranslate, type Locale, type Translate } from "~/utils/i18n";
import { getDb, nowIso, prepared } from "~/utils/db.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import {
  exportFileName,
  scanTable,
  scanToJson,
  type ExportAnswer,
  type ExportDimension,
  type ScanTableLabels,
} from "./export";
import {
  getInstrument,
  latestInstrumentVersion,
  localisedInstrument,
  requireInstrument,
  type InstrumentDimension,
  type LocalisedDimension,
} from "./instrument.server";
import { strengthsAndGaps } from "./ranking";
import type { StartScanInput } from "./scan.schema";
import { isAnswerValue, scoreScan, type AnswerValue, type Answers, type ScanResult } from "./scoring";
import { itemLabelIn } from "./item-label";

type Actor = { id: number; organisationId: number };

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

export type AnswerView = {
  itemKey: string;
  value: AnswerValue;
  comment: string | null;
  revision: number;
  answeredAt: string;
  answeredByName: string | null;
  answeredByUserId: number | null;
};

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

export type ScanListRow = {
  id: number;
  period: string;
  status: Scan["status"];
  createdAt: string;
  submittedAt: string | null;
  overallScore: number | null;
  overallLevel: number | null;
  answered: number;
  total: number;
};

export function listScans(organisationId: number): ScanListRow[] {
  const db = getDb();
  const rows = db
    .select()
    .from(scans)
    .where(eq(scans.organisationId, organisationId))
    .orderBy(desc(scans.period))
    .all();
  if (rows.length === 0) return [];
  const counts = new Map<number, number>();
  const answerRows = db
    .select({ scanId: scanAnswers.scanId })
    .from(scanAnswers)
    .where(
      inArray(
        scanAnswers.scanId,
        rows.map((r) => r.id),
      ),
    )
    .all();
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

export function startScan(actor: Actor, input: StartScanInput): Outcome<{ scanId: number }> {
  const { period, start } = input;
  const version = latestInstrumentVersion();
  const instrument = requireInstrument(version);
  const db = getDb();
  const outcome = db.transaction(
    (tx): Outcome<{ scanId: number }> => {
      const clash = tx
        .select({ id: scans.id })
        .from(scans)
        .where(and(eq(scans.organisationId, actor.organisationId), eq(scans.period, period)))
        .get();
      if (clash) return fail("conflict", "common.formErrors", { fields: { period: ["scan.errors.periodTaken"] } });
      let source: Scan | undefined;
      if (start === "previous") {
        source = tx
          .select()
          .from(scans)
          .where(eq(scans.organisationId, actor.organisationId))
          .orderBy(desc(scans.period))
          .limit(1)
          .get();
        if (!source) return fail("invalid", "common.formErrors", { fields: { start: ["scan.errors.noPrevious"] } });
      }
      const created = tx
        .insert(scans)
        .values({
          organisationId: actor.organisationId,
          instrumentVersion: version,
          period,
          startedByUserId: actor.id,
          copiedFromScanId: source?.id ?? null,
        })
        .returning({ id: scans.id })
        .get();
      if (source) {
        // Only answers to items of the new scan's version are carried over; others would not be comparable.
        const previous = tx.select().from(scanAnswers).where(eq(scanAnswers.scanId, source.id)).all();
        const at = nowIso();
        for (const a of previous) {
          if (!instrument.itemKeys.has(a.itemKey)) continue;
          tx.insert(scanAnswers)
            .values({
              scanId: created.id,
              itemKey: a.itemKey,
              value: a.value,
              comment: a.comment,
              answeredByUserId: a.answeredByUserId,
              answeredAt: at,
              revision: 1,
            })
            .run();
        }
      }
      return ok({ scanId: created.id });
    },
    { behavior: "immediate" },
  );
  if (outcome.ok)
    audit({
      actorUserId: actor.id,
      organisationId: actor.organisationId,
      action: "scan.start",
      entityType: "scan",
      entityId: outcome.value.scanId,
      detail: { start },
    });
  return outcome;
}

// ——— Filling in ——————————————————————————————————————————————————————————————————————

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
export function getScanPage(
  organisationId: number,
  scanId: number,
  locale: "nl" | "en",
  dimensionKey?: string | null,
): ScanPage | null {
  const scan = findScan(organisationId, scanId);
  if (!scan) return null;
  const instrument = requireInstrument(scan.instrumentVersion);
  const dims = localisedInstrument(instrument, locale);
  const answers = answersOf(scan.id);
  const answeredKeys = new Set(answers.map((a) => a.itemKey));
  const dimensions = dims.map((d) => ({
    key: d.key,
    number: d.number,
    name: d.name,
    answered: d.items.filter((i) => answeredKeys.has(i.key)).length,
    total: d.items.length,
  }));
  const requested = dims.findIndex((d) => d.key === dimensionKey);
  const chosen =
    requested >= 0
      ? requested
      : Math.max(
          0,
          dimensions.findIndex((d) => d.answered < d.total),
        );
  const current = dims[chosen] ?? dims[0];
  if (!current) throw new Error("Instrument without dimensions");
  const itemKeys = new Set(current.items.map((i) => i.key));
  return {
    scan: {
      id: scan.id,
      period: scan.period,
      status: scan.status,
      instrumentVersion: scan.instrumentVersion,
      submittedAt: scan.submittedAt,
    },
    dimensions,
    current,
    previousKey: dims[chosen - 1]?.key ?? null,
    nextKey: dims[chosen + 1]?.key ?? null,
    answers: answers.filter((a) => itemKeys.has(a.itemKey)),
    answered: answers.filter((a) => instrument.itemKeys.has(a.itemKey)).length,
    total: instrument.itemKeys.size,
  };
}

/** Items of a scan's instrument as the screen names them ("6.3 <statement>", item-label.ts), with their dimension for a link. */
export function labelScanItems(
  organisationId: number,
  scanId: number,
  locale: "nl" | "en",
  keys: readonly string[],
): { key: string; dimensionKey: string; label: string }[] {
  const scan = findScan(organisationId, scanId);
  if (!scan) return [];
  const dims = localisedInstrument(requireInstrument(scan.instrumentVersion), locale);
  return keys.flatMap((key) => {
    const dimension = dims.find((d) => d.items.some((i) => i.key === key));
    return dimension ? [{ key, dimensionKey: dimension.key, label: itemLabelIn(dims, key, (i) => i.text) }] : [];
  });
}

/**
 * Submits when every item has an answer (don't know / n.a. count); stores the scores and locks the scan.
 * Refused with the unanswered items as fields when some are missing.
 */
export function submitScan(actor: Actor, input: { scanId: number }): Outcome {
  const { scanId } = input;
  const db = getDb();
  const outcome = db.transaction(
    (tx): Outcome => {
      const scan = tx
        .select()
        .from(scans)
        .where(and(eq(scans.id, scanId), eq(scans.organisationId, actor.organisationId)))
        .get();
      if (!scan) return fail("not_found", "errors.notFound");
      if (scan.status !== "draft") return fail("conflict", "scan.errors.locked");
      const instrument = requireInstrument(scan.instrumentVersion);
      const rows = tx
        .select({ itemKey: scanAnswers.itemKey, value: scanAnswers.value })
        .from(scanAnswers)
        .where(eq(scanAnswers.scanId, scanId))
        .all();
      const answers: Record<string, AnswerValue> = {};
      for (const r of rows) if (isAnswerValue(r.value)) answers[r.itemKey] = r.value;
      const missing = [...instrument.itemKeys].filter((k) => answers[k] === undefined);
      if (missing.length > 0)
        return fail("invalid", "scan.errors.missingAnswers", {
          fields: Object.fromEntries(missing.map((key) => [key, ["validation.required"]])),
        });
      const result = scoreScan(instrument, answers);
      tx.delete(scanDimensionScores).where(eq(scanDimensionScores.scanId, scanId)).run();
      for (const d of result.dimensions)
        tx.insert(scanDimensionScores).values({ scanId, dimensionKey: d.key, score: d.score, level: d.level }).run();
      tx.update(scans)
        .set({
          status: "submitted",
          submittedAt: nowIso(),
          submittedByUserId: actor.id,
          overallScore: result.overall,
          overallLevel: result.overallLevel,
        })
        .where(eq(scans.id, scanId))
        .run();
      return ok();
    },
    { behavior: "immediate" },
  );
  if (outcome.ok)
    audit({
      actorUserId: actor.id,
      organisationId: actor.organisationId,
      action: "scan.submit",
      entityType: "scan",
      entityId: scanId,
    });
  return outcome;
}

// ——— Results ——————————————————————————————————————————————————————————————————————————

export type ScanResults = {
  scan: {
    id: number;
    period: string;
    status: Scan["status"];
    instrumentVersion: number;
    submittedAt: string | null;
    organisationName: string;
  };
  dimensions: InstrumentDimension[];
  result: ScanResult;
  previous: { period: string; dimensions: { key: string; score: number | null }[]; overall: number | null } | null;
  strengths: { key: string; score: number }[];
  gaps: { key: string; score: number }[];
  /** Every submitted scan of the organisation, oldest first, with its theme scores (keys of this instrument). */
  trend: {
    period: string;
    overall: number | null;
    level: number | null;
    dimensions: { key: string; score: number | null }[];
  }[];
  answers: AnswerView[];
};

export function getScanResults(organisationId: number, scanId: number): ScanResults | null {
  const db = getDb();
  const scan = findScan(organisationId, scanId);
  if (!scan) return null;
  const instrument = requireInstrument(scan.instrumentVersion);
  const answers = answersOf(scan.id);
  const result = scoreScan(instrument, answerMap(answers));
  const organisationName =
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).get()
      ?.name ?? "";
  const earlier = db
    .select()
    .from(scans)
    .where(
      and(
        eq(scans.organisationId, organisationId),
        eq(scans.status, "submitted"),
        eq(scans.instrumentVersion, scan.instrumentVersion),
        lt(scans.period, scan.period),
        ne(scans.id, scan.id),
      ),
    )
    .orderBy(desc(scans.period))
    .limit(1)
    .get();
  let previous: ScanResults["previous"] = null;
  if (earlier) {
    const scores = db.select().from(scanDimensionScores).where(eq(scanDimensionScores.scanId, earlier.id)).all();
    previous = {
      period: earlier.period,
      overall: earlier.overallScore,
      dimensions: instrument.dimensions.map((d) => ({
        key: d.key,
        score: scores.find((s) => s.dimensionKey === d.key)?.score ?? null,
      })),
    };
  }
  const submitted = db
    .select({ id: scans.id, period: scans.period, overall: scans.overallScore, level: scans.overallLevel })
    .from(scans)
    .where(and(eq(scans.organisationId, organisationId), eq(scans.status, "submitted")))
    .orderBy(asc(scans.period))
    .all();
  const trendScores = submitted.length
    ? db
        .select({
          scanId: scanDimensionScores.scanId,
          key: scanDimensionScores.dimensionKey,
          score: scanDimensionScores.score,
        })
        .from(scanDimensionScores)
        .where(
          inArray(
            scanDimensionScores.scanId,
            submitted.map((s) => s.id),
          ),
        )
        .all()
    : [];
  const trend = submitted.map(({ id, ...point }) => ({
    ...point,
    dimensions: instrument.dimensions.map((d) => ({
      key: d.key,
      score: trendScores.find((s) => s.scanId === id && s.key === d.key)?.score ?? null,
    })),
  }));
  const { strengths, gaps } = strengthsAndGaps(result.dimensions, 3);
  return {
    scan: {
      id: scan.id,
      period: scan.period,
      status: scan.status,
      instrumentVersion: scan.instrumentVersion,
      submittedAt: scan.submittedAt,
      organisationName,
    },
    dimensions: instrument.dimensions,
    result,
    previous,
    strengths,
    gaps,
    trend,
    answers,
  };
}

// ——— Exports ——————————————————————————————————————————————————————————————————————————

export function scanTableLabels(t: Translate): ScanTableLabels {
  return {
    headings: [
      t("scan.export.section"),
      t("scan.export.number"),
      t("scan.tableDimension"),
      t("scan.export.statement"),
      t("scan.export.answer"),
      t("scan.tableScore"),
      t("scan.tableLevel"),
      t("scan.export.levelName"),
      t("scan.export.comment"),
    ],
    item: t("scan.export.item"),
    dimension: t("scan.export.dimension"),
    overallSection: t("scan.export.overall"),
    overall: t("scan.overall"),
    dontKnow: t("scan.values.dont_know"),
    notApplicable: t("scan.values.not_applicable"),
    levels: [t("scan.levels.1"), t("scan.levels.2"), t("scan.levels.3"), t("scan.levels.4"), t("scan.levels.5")],
  };
}

/** The scan for a spreadsheet (CSV or .xlsx, decision 159): the answers, themes and overall as the page names them. */
export function exportScanTable(
  actor: Actor,
  scanId: number,
  locale: Locale,
): { table: ExportTable; baseName: string } | null {
  const data = getScanResults(actor.organisationId, scanId);
  if (!data) return null;
  const t = makeTranslate(locale);
  const dimensions: ExportDimension[] = data.dimensions.map((d) => ({
    key: d.key,
    number: d.number,
    name: locale === "en" ? d.nameEn : d.nameNl,
    items: d.items.map((i) => ({ key: i.key, position: i.position, text: locale === "en" ? i.textEn : i.textNl })),
  }));
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: "scan.export",
    entityType: "scan",
    entityId: scanId,
    detail: { format: "table" },
  });
  const table = scanTable(
    dimensions,
    data.answers,
    data.result,
    scanTableLabels(t),
    t("scan.resultsTitle", { period: data.scan.period }),
  );
  return {
    table,
    baseName: exportFileName(data.scan.organisationName, data.scan.period, "json").replace(/\.json$/, ""),
  };
}

/** The scan as JSON for machines: keys, unrounded numbers (decision 011). */
export function exportScan(
  actor: Actor,
  scanId: number,
): { body: string; fileName: string; contentType: string } | null {
  const data = getScanResults(actor.organisationId, scanId);
  if (!data) return null;
  const byKey = new Map(data.answers.map((a) => [a.itemKey, a]));
  const rows: ExportAnswer[] = data.dimensions.flatMap((d) =>
    d.items.map((i) => ({
      itemKey: i.key,
      dimensionKey: d.key,
      value: byKey.get(i.key)?.value ?? null,
      comment: byKey.get(i.key)?.comment ?? null,
    })),
  );
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: "scan.export",
    entityType: "scan",
    entityId: scanId,
    detail: { format: "json" },
  });
  const meta = {
    organisation: data.scan.organisationName,
    period: data.scan.period,
    instrumentVersion: data.scan.instrumentVersion,
    status: data.scan.status,
    submittedAt: data.scan.submittedAt,
  };
  return {
    body: JSON.stringify(scanToJson(meta, rows, data.result), null, 2),
    fileName: exportFileName(data.scan.organisationName, data.scan.period, "json"),
    contentType: "application/json; charset=utf-8",
  };
}

export type SubmittedScanScores = {
  scan: { id: number; period: string; submittedAt: string | null };
  /** The stored score per dimension (null: insufficient data). */
  dimensions: { key: string; score: number | null }[];
  /** Core items the scoring rules flag, with their dimension (scoring.ts decides which). */
  flaggedCoreItems: { itemKey: string; dimensionKey: string }[];
};

/** What other capabilities may read of a submitted scan of the organisation (null for a draft, another's or none). */
export function getSubmittedScanScores(organisationId: number, scanId: number): SubmittedScanScores | null {
  const scan = findScan(organisationId, scanId);
  if (!scan || scan.status !== "submitted") return null;
  const instrument = requireInstrument(scan.instrumentVersion);
  const dimensionOf = new Map(instrument.dimensions.flatMap((d) => d.items.map((i) => [i.key, d.key] as const)));
  const { flaggedCoreItems } = scoreScan(instrument, answerMap(answersOf(scan.id)));
  const dimensions = getDb()
    .select({ key: scanDimensionScores.dimensionKey, score: scanDimensionScores.score })
    .from(scanDimensionScores)
    .where(eq(scanDimensionScores.scanId, scan.id))
    .all();
  return {
    scan: { id: scan.id, period: scan.period, submittedAt: scan.submittedAt },
    dimensions,
    flaggedCoreItems: flaggedCoreItems.map((itemKey) => ({ itemKey, dimensionKey: dimensionOf.get(itemKey) ?? "" })),
  };
}

/** The organisation's most recently submitted scan, if any. */
export function latestSubmittedScanId(organisationId: number): number | null {
  return (
    getDb()
      .select({ id: scans.id })
      .from(scans)
      .where(and(eq(scans.organisationId, organisationId), eq(scans.status, "submitted")))
      .orderBy(desc(scans.submittedAt), desc(scans.id))
      .get()?.id ?? null
  );
}

/** For the HR home card: the latest scan, if any. */
export function latestScanSummary(organisationId: number): ScanListRow | null {
  return listScans(organisationId)[0] ?? null;
}

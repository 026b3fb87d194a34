// An employee's or newcomer's modules: the list, reading (progress per section) and the knowledge check.
import { and, eq } from "drizzle-orm";
import { moduleAssignments, moduleCompletions, moduleProgress } from "@db/schema-modules";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { fail, ok, type Outcome } from "~/utils/use-case";
import { activeModules, BUDDY_MODULE_KEY, findModule } from "./catalogue.server";
import { optionId, questionField, scoreCheck, type CheckResult } from "./check";
import { todayInBrussels, type CheckAnswers } from "./modules.schema";

type Actor = { id: number; organisationId: number; departmentId?: number | null; role?: string };

export type ModuleStatus = "not_started" | "in_progress" | "completed";

export type ModuleListItem = {
  key: string;
  title: string;
  summary: string;
  audience: string[];
  durationMinutes: number;
  sectionCount: number;
  sectionsRead: number;
  status: ModuleStatus;
  score: number | null;
  passedAt: string | null;
  dueDate: string | null;
  overdue: boolean;
};

/**
 * Earliest due date per module assigned to the user's department or to all departments. Assignments are for
 * receiving teams: a newcomer is never assigned one, nor flagged overdue (docs/decisions/082).
 */
function dueDatesFor(actor: Actor): Map<string, string> {
  if (actor.role === "newcomer") return new Map();
  const rows = getDb()
    .select({
      moduleKey: moduleAssignments.moduleKey,
      dueDate: moduleAssignments.dueDate,
      departmentId: moduleAssignments.departmentId,
    })
    .from(moduleAssignments)
    .where(eq(moduleAssignments.organisationId, actor.organisationId))
    .all()
    .filter((r) => r.departmentId === null || (actor.departmentId != null && r.departmentId === actor.departmentId));
  const due = new Map<string, string>();
  for (const r of rows) {
    const current = due.get(r.moduleKey);
    if (!current || r.dueDate < current) due.set(r.moduleKey, r.dueDate);
  }
  return due;
}

function readSet(json: string | undefined): number[] {
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((n): n is number => typeof n === "number") : [];
}

/** Every available module for the user: assigned ones first (by due date), then the catalogue order. */
export function listModulesForUser(
  actor: Actor,
  locale: Locale,
  today = todayInBrussels(),
): { assigned: ModuleListItem[]; other: ModuleListItem[] } {
  const db = getDb();
  const due = dueDatesFor(actor);
  const progress = new Map(
    db
      .select()
      .from(moduleProgress)
      .where(eq(moduleProgress.userId, actor.id))
      .all()
      .map((p) => [p.moduleKey, p]),
  );
  const done = new Map(
    db
      .select()
      .from(moduleCompletions)
      .where(eq(moduleCompletions.userId, actor.id))
      .all()
      .map((c) => [c.moduleKey, c]),
  );
  const items = activeModules(locale).map((m): ModuleListItem => {
    const p = progress.get(m.key);
    const c = done.get(m.key);
    const dueDate = due.get(m.key) ?? null;
    const sectionsRead = readSet(p?.sectionsRead).filter((i) => i < m.content.sections.length).length;
    return {
      key: m.key,
      title: m.content.title,
      summary: m.content.summary,
      audience: m.audience,
      durationMinutes: m.durationMinutes,
      sectionCount: m.content.sections.length,
      sectionsRead,
      status: c ? "completed" : p ? "in_progress" : "not_started",
      score: c?.score ?? null,
      passedAt: c?.passedAt ?? null,
      dueDate,
      overdue: Boolean(dueDate && !c && dueDate < today),
    };
  });
  const assigned = items
    .filter((i) => i.dueDate)
    .sort(
      (a, b) =>
        Number(a.status === "completed") - Number(b.status === "completed") ||
        (a.dueDate ?? "").localeCompare(b.dueDate ?? ""),
    );
  return { assigned, other: items.filter((i) => !i.dueDate) };
}

export function isTrainedBuddy(userId: number): boolean {
  return Boolean(
    getDb()
      .select({ id: moduleCompletions.id })
      .from(moduleCompletions)
      .where(and(eq(moduleCompletions.userId, userId), eq(moduleCompletions.moduleKey, BUDDY_MODULE_KEY)))
      .get(),
  );
}

/** What the employee's home shows: open assigned modules, completed ones, and the buddy training. */
export function moduleHomeSummary(actor: Actor, locale: Locale) {
  const { assigned, other } = listModulesForUser(actor, locale);
  const all = [...assigned, ...other];
  return {
    open: assigned
      .filter((m) => m.status !== "completed")
      .map(({ key, title, dueDate, overdue, status }) => ({ key, title, dueDate, overdue, status })),
    inProgress: other.filter((m) => m.status === "in_progress").map(({ key, title }) => ({ key, title })),
    completed: all
      .filter((m) => m.status === "completed")
      .map(({ key, title, passedAt, score }) => ({ key, title, passedAt, score })),
    trainedBuddy: isTrainedBuddy(actor.id),
    available: all.length,
  };
}

export type ReadingView = {
  key: string;
  title: string;
  summary: string;
  durationMinutes: number;
  sections: { heading: string; html: string }[];
  sectionsRead: number[];
  status: ModuleStatus;
  score: number | null;
  attempts: number;
  dueDate: string | null;
};

export function getModuleForReading(actor: Actor, key: string, locale: Locale): ReadingView | null {
  const m = findModule(key, locale);
  if (!m) return null;
  const db = getDb();
  const p = db
    .select()
    .from(moduleProgress)
    .where(and(eq(moduleProgress.userId, actor.id), eq(moduleProgress.moduleKey, key)))
    .get();
  const c = db
    .select()
    .from(moduleCompletions)
    .where(and(eq(moduleCompletions.userId, actor.id), eq(moduleCompletions.moduleKey, key)))
    .get();
  return {
    key: m.key,
    title: m.content.title,
    summary: m.content.summary,
    durationMinutes: m.durationMinutes,
    sections: m.content.sections,
    sectionsRead: readSet(p?.sectionsRead).filter((i) => i < m.content.sections.length),
    status: c ? "completed" : p ? "in_progress" : "not_started",
    score: c?.score ?? null,
    attempts: p?.attempts ?? 0,
    dueDate: dueDatesFor(actor).get(key) ?? null,
  };
}

/** Saves that the user read one section (0-based). Idempotent. */
export function markSectionRead(actor: Actor, input: { moduleKey: string; section: number }): Outcome {
  const { moduleKey: key, section } = input;
  const m = findModule(key, "nl");
  if (!m) return fail("not_found", "modules.errors.unknownModule");
  if (!Number.isInteger(section) || section < 0 || section >= m.content.sections.length)
    return fail("invalid", "modules.errors.unknownSection");
  const db = getDb();
  db.transaction(
    (tx) => {
      const p = tx
        .select()
        .from(moduleProgress)
        .where(and(eq(moduleProgress.userId, actor.id), eq(moduleProgress.moduleKey, key)))
        .get();
      const read = [...new Set([...readSet(p?.sectionsRead), section])].sort((a, b) => a - b);
      const now = new Date().toISOString();
      if (p)
        tx.update(moduleProgress)
          .set({ sectionsRead: JSON.stringify(read), updatedAt: now })
          .where(eq(moduleProgress.id, p.id))
          .run();
      else
        tx.insert(moduleProgress)
          .values({ userId: actor.id, moduleKey: key, sectionsRead: JSON.stringify(read) })
          .run();
    },
    { behavior: "immediate" },
  );
  return ok();
}

export type CheckView = {
  key: string;
  title: string;
  questions: { field: string; question: string; options: { id: string; text: string }[] }[];
  attempts: number;
  status: ModuleStatus;
  score: number | null;
};

export function getCheck(actor: Actor, key: string, locale: Locale): CheckView | null {
  const m = findModule(key, locale);
  if (!m) return null;
  const db = getDb();
  const p = db
    .select()
    .from(moduleProgress)
    .where(and(eq(moduleProgress.userId, actor.id), eq(moduleProgress.moduleKey, key)))
    .get();
  const c = db
    .select()
    .from(moduleCompletions)
    .where(and(eq(moduleCompletions.userId, actor.id), eq(moduleCompletions.moduleKey, key)))
    .get();
  return {
    key: m.key,
    title: m.content.title,
    questions: m.content.quiz.map((q, qi) => ({
      field: questionField(qi),
      question: q.question,
      options: q.options.map((o, oi) => ({ id: optionId(oi), text: o.text })),
    })),
    attempts: p?.attempts ?? 0,
    status: c ? "completed" : p ? "in_progress" : "not_started",
    score: c?.score ?? null,
  };
}

export type CheckFeedback = {
  percent: number;
  correctCount: number;
  total: number;
  passed: boolean;
  attempts: number;
  questions: {
    field: string;
    chosen: string;
    isCorrect: boolean;
    chosenText: string;
    feedback: string;
    correctText: string;
  }[];
};

/** Scores a knowledge check, counts the attempt and, at ≥ 80 %, records the completion (best score kept). */
export function submitCheck(
  actor: Actor,
  input: { moduleKey: string; answers: CheckAnswers },
  locale: Locale,
): Outcome<CheckFeedback> {
  const { moduleKey: key, answers } = input;
  const m = findModule(key, locale);
  if (!m) return fail("not_found", "modules.errors.unknownModule");
  const outcome = scoreCheck(
    { questions: m.answerKey.map((correct, i) => ({ correct, optionCount: m.content.quiz[i]?.options.length ?? 0 })) },
    answers,
  );
  if (!outcome.ok) {
    if (outcome.kind === "tampered") return fail("invalid", "modules.errors.tampered");
    return fail("invalid", "modules.check.answerAll", {
      fields: Object.fromEntries(outcome.fields.map((f) => [f, ["modules.check.answerRequired"]])),
    });
  }
  const result: CheckResult = outcome.result;
  let attempts = 0;
  getDb().transaction(
    (tx) => {
      const now = new Date().toISOString();
      const p = tx
        .select()
        .from(moduleProgress)
        .where(and(eq(moduleProgress.userId, actor.id), eq(moduleProgress.moduleKey, key)))
        .get();
      attempts = (p?.attempts ?? 0) + 1;
      if (p)
        tx.update(moduleProgress)
          .set({ attempts, lastScore: result.percent, updatedAt: now })
          .where(eq(moduleProgress.id, p.id))
          .run();
      else
        tx.insert(moduleProgress)
          .values({ userId: actor.id, moduleKey: key, attempts, lastScore: result.percent })
          .run();
      if (result.passed) {
        const c = tx
          .select()
          .from(moduleCompletions)
          .where(and(eq(moduleCompletions.userId, actor.id), eq(moduleCompletions.moduleKey, key)))
          .get();
        if (!c)
          tx.insert(moduleCompletions)
            .values({
              userId: actor.id,
              organisationId: actor.organisationId,
              moduleKey: key,
              score: result.percent,
              passedAt: now,
            })
            .run();
        else if (result.percent > c.score)
          tx.update(moduleCompletions).set({ score: result.percent }).where(eq(moduleCompletions.id, c.id)).run();
      }
    },
    { behavior: "immediate" },
  );
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: result.passed ? "module.check.passed" : "module.check.failed",
    entityType: "module",
    entityId: key,
    detail: { attempt: attempts, percent: result.percent },
  });
  return ok({
    percent: result.percent,
    correctCount: result.correctCount,
    total: result.total,
    passed: result.passed,
    attempts,
    questions: result.questions.map((q, i) => {
      const options = m.content.quiz[i]?.options ?? [];
      return {
        field: q.field,
        chosen: optionId(q.chosen),
        isCorrect: q.isCorrect,
        chosenText: options[q.chosen]?.text ?? "",
        feedback: options[q.chosen]?.feedback ?? "",
        correctText: options[q.correct]?.text ?? "",
      };
    }),
  });
}

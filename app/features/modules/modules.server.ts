// Use cases of the sensitisation modules: reading, the knowledge check, assignment, completion and
// recommendations. The only feature file that touches the module tables.
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { ModuleLanguageContent } from "@db/reference/modules";
import { departments, instrumentItems, memberships, scanAnswers, scanDimensionScores, scans, users } from "@db/schema";
import { moduleAssignments, moduleCompletions, moduleProgress, modules, type ModuleRow } from "@db/schema-modules";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import type { Locale } from "~/utils/i18n";
import { optionId, questionField, scoreCheck, type CheckResult } from "./check";
import { AssignModuleSchema, isCalendarDate, todayInBrussels } from "./modules.schema";
import { recommendModules, type RecommendationReason } from "./recommendations";

export const BUDDY_MODULE_KEY = "being-a-buddy";

type Actor = { id: number; organisationId: number; departmentId?: number | null; role?: string };

// ——— Catalogue ————————————————————————————————————————————————————————————————————

type LoadedModule = {
  key: string;
  position: number;
  audience: string[];
  durationMinutes: number;
  dimensions: string[];
  content: ModuleLanguageContent;
  answerKey: number[];
};

function load(row: ModuleRow, locale: Locale): LoadedModule {
  return {
    key: row.key,
    position: row.position,
    audience: JSON.parse(row.audience) as string[],
    durationMinutes: row.durationMinutes,
    dimensions: JSON.parse(row.dimensions) as string[],
    content: JSON.parse(locale === "en" ? row.contentEn : row.contentNl) as ModuleLanguageContent,
    answerKey: JSON.parse(row.answerKey) as number[],
  };
}

function activeModules(locale: Locale): LoadedModule[] {
  return getDb()
    .select()
    .from(modules)
    .where(eq(modules.active, true))
    .orderBy(asc(modules.position), asc(modules.key))
    .all()
    .map((row) => load(row, locale));
}

/** An active module of the catalogue, or null (unknown and retired modules are not available). */
function findModule(key: string, locale: Locale): LoadedModule | null {
  const row = getDb().select().from(modules).where(and(eq(modules.key, key), eq(modules.active, true))).get();
  return row ? load(row, locale) : null;
}

export function moduleTitles(locale: Locale): { key: string; title: string }[] {
  return activeModules(locale).map((m) => ({ key: m.key, title: m.content.title }));
}

// ——— Employee: list, read, check —————————————————————————————————————————————————

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
    .select({ moduleKey: moduleAssignments.moduleKey, dueDate: moduleAssignments.dueDate, departmentId: moduleAssignments.departmentId })
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
export function listModulesForUser(actor: Actor, locale: Locale, today = todayInBrussels()): { assigned: ModuleListItem[]; other: ModuleListItem[] } {
  const db = getDb();
  const due = dueDatesFor(actor);
  const progress = new Map(db.select().from(moduleProgress).where(eq(moduleProgress.userId, actor.id)).all().map((p) => [p.moduleKey, p]));
  const done = new Map(db.select().from(moduleCompletions).where(eq(moduleCompletions.userId, actor.id)).all().map((c) => [c.moduleKey, c]));
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
  const assigned = items.filter((i) => i.dueDate).sort((a, b) => Number(a.status === "completed") - Number(b.status === "completed") || (a.dueDate ?? "").localeCompare(b.dueDate ?? ""));
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
    open: assigned.filter((m) => m.status !== "completed").map(({ key, title, dueDate, overdue, status }) => ({ key, title, dueDate, overdue, status })),
    inProgress: other.filter((m) => m.status === "in_progress").map(({ key, title }) => ({ key, title })),
    completed: all.filter((m) => m.status === "completed").map(({ key, title, passedAt, score }) => ({ key, title, passedAt, score })),
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
  const p = db.select().from(moduleProgress).where(and(eq(moduleProgress.userId, actor.id), eq(moduleProgress.moduleKey, key))).get();
  const c = db.select().from(moduleCompletions).where(and(eq(moduleCompletions.userId, actor.id), eq(moduleCompletions.moduleKey, key))).get();
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

type Outcome = { ok: true } | { ok: false; status: 400 | 404; message: string };

/** Saves that the user read one section (0-based). Idempotent. */
export function markSectionRead(actor: Actor, key: string, section: number): Outcome {
  const m = findModule(key, "nl");
  if (!m) return { ok: false, status: 404, message: "modules.errors.unknownModule" };
  if (!Number.isInteger(section) || section < 0 || section >= m.content.sections.length) return { ok: false, status: 400, message: "modules.errors.unknownSection" };
  const db = getDb();
  db.transaction(
    (tx) => {
      const p = tx.select().from(moduleProgress).where(and(eq(moduleProgress.userId, actor.id), eq(moduleProgress.moduleKey, key))).get();
      const read = [...new Set([...readSet(p?.sectionsRead), section])].sort((a, b) => a - b);
      const now = new Date().toISOString();
      if (p) tx.update(moduleProgress).set({ sectionsRead: JSON.stringify(read), updatedAt: now }).where(eq(moduleProgress.id, p.id)).run();
      else tx.insert(moduleProgress).values({ userId: actor.id, moduleKey: key, sectionsRead: JSON.stringify(read) }).run();
    },
    { behavior: "immediate" },
  );
  return { ok: true };
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
  const p = db.select().from(moduleProgress).where(and(eq(moduleProgress.userId, actor.id), eq(moduleProgress.moduleKey, key))).get();
  const c = db.select().from(moduleCompletions).where(and(eq(moduleCompletions.userId, actor.id), eq(moduleCompletions.moduleKey, key))).get();
  return {
    key: m.key,
    title: m.content.title,
    questions: m.content.quiz.map((q, qi) => ({ field: questionField(qi), question: q.question, options: q.options.map((o, oi) => ({ id: optionId(oi), text: o.text })) })),
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
  questions: { field: string; chosen: string; isCorrect: boolean; chosenText: string; feedback: string; correctText: string }[];
};

export type SubmitCheckResult =
  | { status: 200; feedback: CheckFeedback; formError: null; errors: FieldErrors }
  | { status: 400 | 404; feedback: null; formError: string; errors: FieldErrors };

/** Scores a knowledge check, counts the attempt and, at ≥ 80 %, records the completion (best score kept). */
export function submitCheck(actor: Actor, key: string, form: FormData, locale: Locale): SubmitCheckResult {
  const m = findModule(key, locale);
  if (!m) return { status: 404, feedback: null, formError: "modules.errors.unknownModule", errors: {} };
  const answers: Record<string, unknown> = {};
  for (const [field, value] of form.entries()) {
    if (!/^q\d+$/.test(field)) continue;
    answers[field] = field in answers ? [answers[field], value].flat() : typeof value === "string" ? value : null;
  }
  const outcome = scoreCheck({ questions: m.answerKey.map((correct, i) => ({ correct, optionCount: m.content.quiz[i]?.options.length ?? 0 })) }, answers);
  if (!outcome.ok) {
    if (outcome.kind === "tampered") return { status: 400, feedback: null, formError: "modules.errors.tampered", errors: {} };
    return { status: 400, feedback: null, formError: "modules.check.answerAll", errors: Object.fromEntries(outcome.fields.map((f) => [f, ["modules.check.answerRequired"]])) };
  }
  const result: CheckResult = outcome.result;
  let attempts = 0;
  getDb().transaction(
    (tx) => {
      const now = new Date().toISOString();
      const p = tx.select().from(moduleProgress).where(and(eq(moduleProgress.userId, actor.id), eq(moduleProgress.moduleKey, key))).get();
      attempts = (p?.attempts ?? 0) + 1;
      if (p) tx.update(moduleProgress).set({ attempts, lastScore: result.percent, updatedAt: now }).where(eq(moduleProgress.id, p.id)).run();
      else tx.insert(moduleProgress).values({ userId: actor.id, moduleKey: key, attempts, lastScore: result.percent }).run();
      if (result.passed) {
        const c = tx.select().from(moduleCompletions).where(and(eq(moduleCompletions.userId, actor.id), eq(moduleCompletions.moduleKey, key))).get();
        if (!c) tx.insert(moduleCompletions).values({ userId: actor.id, organisationId: actor.organisationId, moduleKey: key, score: result.percent, passedAt: now }).run();
        else if (result.percent > c.score) tx.update(moduleCompletions).set({ score: result.percent }).where(eq(moduleCompletions.id, c.id)).run();
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
  return {
    status: 200,
    formError: null,
    errors: {},
    feedback: {
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
    },
  };
}

// ——— HR: assignment, completion, recommendations ——————————————————————————————————

type Person = { userId: number; name: string; departmentId: number | null };

function employeesOf(organisationId: number): Person[] {
  return getDb()
    .select({ userId: users.id, name: users.name, departmentId: memberships.departmentId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "employee"), eq(users.status, "active")))
    .orderBy(asc(users.name))
    .all();
}

function departmentsOf(organisationId: number) {
  return getDb()
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.organisationId, organisationId))
    .orderBy(asc(departments.name))
    .all();
}

function completionsOf(userIds: number[]): Set<string> {
  if (userIds.length === 0) return new Set();
  const rows = getDb().select({ userId: moduleCompletions.userId, moduleKey: moduleCompletions.moduleKey }).from(moduleCompletions).where(inArray(moduleCompletions.userId, userIds)).all();
  return new Set(rows.map((r) => `${r.userId}:${r.moduleKey}`));
}

export type AssignResult = { status: number; formError: string | null; errors: FieldErrors; notice: string | null; moduleKey: string | null };

export function assignModule(actor: Actor, form: FormData, today = todayInBrussels()): AssignResult {
  const moduleKey = typeof form.get("moduleKey") === "string" ? String(form.get("moduleKey")).slice(0, 80) : null;
  const base = { moduleKey, notice: null };
  const parsed = parseForm(AssignModuleSchema, form);
  if (!parsed.success) return { ...base, status: 400, formError: "common.formErrors", errors: parsed.fieldErrors };
  const { dueDate } = parsed.data;
  if (!findModule(parsed.data.moduleKey, "nl")) return { ...base, status: 400, formError: "modules.errors.unknownModule", errors: { moduleKey: ["modules.errors.unknownModule"] } };
  if (!isCalendarDate(dueDate)) return { ...base, status: 400, formError: "common.formErrors", errors: { dueDate: ["modules.errors.dueDateFormat"] } };
  if (dueDate < today) return { ...base, status: 400, formError: "common.formErrors", errors: { dueDate: ["modules.errors.dueDatePast"] } };
  let departmentId: number | null = null;
  if (parsed.data.departmentId !== "all") {
    const id = Number(parsed.data.departmentId);
    const dep = getDb().select({ id: departments.id }).from(departments).where(and(eq(departments.id, id), eq(departments.organisationId, actor.organisationId))).get();
    // Another organisation's department looks exactly like one that does not exist.
    if (!dep) return { ...base, status: 404, formError: "modules.errors.unknownDepartment", errors: { departmentId: ["modules.errors.unknownDepartment"] } };
    departmentId = dep.id;
  }
  let id = 0;
  let updated = false;
  getDb().transaction(
    (tx) => {
      const existing = tx
        .select({ id: moduleAssignments.id })
        .from(moduleAssignments)
        .where(
          and(
            eq(moduleAssignments.organisationId, actor.organisationId),
            eq(moduleAssignments.moduleKey, parsed.data.moduleKey),
            departmentId === null ? isNull(moduleAssignments.departmentId) : eq(moduleAssignments.departmentId, departmentId),
          ),
        )
        .get();
      if (existing) {
        tx.update(moduleAssignments).set({ dueDate, assignedByUserId: actor.id }).where(eq(moduleAssignments.id, existing.id)).run();
        id = existing.id;
        updated = true;
      } else {
        id = tx
          .insert(moduleAssignments)
          .values({ organisationId: actor.organisationId, departmentId, moduleKey: parsed.data.moduleKey, dueDate, assignedByUserId: actor.id })
          .returning({ id: moduleAssignments.id })
          .get().id;
      }
    },
    { behavior: "immediate" },
  );
  audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: updated ? "module.assignment.updated" : "module.assignment.created", entityType: "module_assignment", entityId: id, detail: { moduleKey: parsed.data.moduleKey, departmentId, dueDate } });
  return { ...base, status: 200, formError: null, errors: {}, notice: updated ? "modules.assign.updated" : "modules.assign.done" };
}

export function removeAssignment(actor: Actor, assignmentId: number): AssignResult {
  const base = { moduleKey: null, errors: {}, notice: null };
  const row = getDb()
    .select({ id: moduleAssignments.id })
    .from(moduleAssignments)
    .where(and(eq(moduleAssignments.id, assignmentId), eq(moduleAssignments.organisationId, actor.organisationId)))
    .get();
  if (!row) return { ...base, status: 404, formError: "errors.notFound" };
  getDb().delete(moduleAssignments).where(eq(moduleAssignments.id, row.id)).run();
  audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "module.assignment.removed", entityType: "module_assignment", entityId: row.id });
  return { ...base, status: 200, formError: null, notice: "modules.assign.removed" };
}

export type MatrixCell = { applies: boolean; dueDate: string | null; completed: number; total: number; overdue: boolean };
export type CompletionMatrix = {
  modules: { key: string; title: string }[];
  rows: { departmentId: number | null; name: string | null; cells: MatrixCell[] }[];
};

export type AssignmentRow = {
  id: number;
  moduleKey: string;
  moduleTitle: string;
  departmentId: number | null;
  departmentName: string | null;
  dueDate: string;
  completed: number;
  total: number;
  overdue: boolean;
};

/** The organisation's assignments and the department × module completion matrix. */
export function completionOverview(actor: Actor, locale: Locale, today = todayInBrussels()): { assignments: AssignmentRow[]; matrix: CompletionMatrix } {
  const db = getDb();
  const titles = new Map(db.select().from(modules).all().map((row) => [row.key, load(row, locale).content.title]));
  const deps = departmentsOf(actor.organisationId);
  const depName = new Map(deps.map((d) => [d.id, d.name]));
  const people = employeesOf(actor.organisationId);
  const done = completionsOf(people.map((p) => p.userId));
  const assignments = db
    .select()
    .from(moduleAssignments)
    .where(eq(moduleAssignments.organisationId, actor.organisationId))
    .orderBy(asc(moduleAssignments.dueDate), asc(moduleAssignments.id))
    .all();
  const count = (moduleKey: string, inScope: (p: Person) => boolean) => {
    const scoped = people.filter(inScope);
    return { total: scoped.length, completed: scoped.filter((p) => done.has(`${p.userId}:${moduleKey}`)).length };
  };
  const assignmentRows: AssignmentRow[] = assignments.map((a) => {
    const { total, completed } = count(a.moduleKey, (p) => a.departmentId === null || p.departmentId === a.departmentId);
    return {
      id: a.id,
      moduleKey: a.moduleKey,
      moduleTitle: titles.get(a.moduleKey) ?? a.moduleKey,
      departmentId: a.departmentId,
      departmentName: a.departmentId === null ? null : (depName.get(a.departmentId) ?? null),
      dueDate: a.dueDate,
      completed,
      total,
      overdue: a.dueDate < today && completed < total,
    };
  });

  const moduleKeys = [...new Set(assignments.map((a) => a.moduleKey))];
  const matrixModules = moduleKeys.map((key) => ({ key, title: titles.get(key) ?? key })).sort((a, b) => a.title.localeCompare(b.title));
  const rowDeps: { id: number | null; name: string | null }[] = [...deps];
  if (people.some((p) => p.departmentId === null)) rowDeps.push({ id: null, name: null });
  // Departments where nothing applies would only be noise in the matrix.
  const rows = rowDeps.map((d) => ({
    departmentId: d.id,
    name: d.name,
    cells: matrixModules.map((m): MatrixCell => {
      const applicable = assignments.filter((a) => a.moduleKey === m.key && (a.departmentId === null || (d.id !== null && a.departmentId === d.id)));
      if (applicable.length === 0) return { applies: false, dueDate: null, completed: 0, total: 0, overdue: false };
      const dueDate = applicable.map((a) => a.dueDate).sort()[0] ?? null;
      const { total, completed } = count(m.key, (p) => p.departmentId === d.id);
      return { applies: true, dueDate, completed, total, overdue: Boolean(dueDate && dueDate < today && completed < total) };
    }),
  })).filter((row) => row.cells.some((c) => c.applies));
  return { assignments: assignmentRows, matrix: { modules: matrixModules, rows } };
}

export type PersonCompletion = { name: string; departmentName: string | null; status: ModuleStatus; score: number | null; passedAt: string | null; attempts: number; dueDate: string; overdue: boolean };

/** Per person, for one module assigned in the organisation: only for that organisation's HR. */
export function moduleCompletionDetail(actor: Actor, moduleKey: string, locale: Locale, today = todayInBrussels()) {
  const db = getDb();
  const row = db.select().from(modules).where(eq(modules.key, moduleKey)).get();
  if (!row) return null;
  const assignments = db.select().from(moduleAssignments).where(and(eq(moduleAssignments.organisationId, actor.organisationId), eq(moduleAssignments.moduleKey, moduleKey))).all();
  if (assignments.length === 0) return null;
  const deps = new Map(departmentsOf(actor.organisationId).map((d) => [d.id, d.name]));
  const people = employeesOf(actor.organisationId);
  const ids = people.map((p) => p.userId);
  const completions = new Map(
    ids.length ? db.select().from(moduleCompletions).where(and(eq(moduleCompletions.moduleKey, moduleKey), inArray(moduleCompletions.userId, ids))).all().map((c) => [c.userId, c]) : [],
  );
  const progress = new Map(
    ids.length ? db.select().from(moduleProgress).where(and(eq(moduleProgress.moduleKey, moduleKey), inArray(moduleProgress.userId, ids))).all().map((p) => [p.userId, p]) : [],
  );
  const rows: PersonCompletion[] = people.flatMap((p) => {
    const due = assignments.filter((a) => a.departmentId === null || a.departmentId === p.departmentId).map((a) => a.dueDate).sort()[0];
    if (!due) return [];
    const c = completions.get(p.userId);
    const pr = progress.get(p.userId);
    return [
      {
        name: p.name,
        departmentName: p.departmentId === null ? null : (deps.get(p.departmentId) ?? null),
        status: c ? "completed" : pr ? "in_progress" : "not_started",
        score: c?.score ?? null,
        passedAt: c?.passedAt ?? null,
        attempts: pr?.attempts ?? 0,
        dueDate: due,
        overdue: !c && due < today,
      },
    ];
  });
  rows.sort((a, b) => (a.departmentName ?? "").localeCompare(b.departmentName ?? "") || a.name.localeCompare(b.name));
  audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "module.completion.viewed", entityType: "module", entityId: moduleKey, detail: { people: rows.length } });
  return { key: moduleKey, title: load(row, locale).content.title, rows };
}

const csvCell = (value: string | number) => {
  const text = String(value);
  // A leading = + - @ would be run as a formula by spreadsheet programs.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Completion per department and module as CSV (aggregates only, no names). */
export function completionCsv(actor: Actor, locale: Locale, labels: { header: string[]; allDepartments: string; noDepartment: string; yes: string; no: string }): string {
  const { matrix } = completionOverview(actor, locale);
  const lines = [labels.header.map(csvCell).join(",")];
  for (const row of matrix.rows) {
    row.cells.forEach((cell, i) => {
      const m = matrix.modules[i];
      if (!cell.applies || !m) return;
      lines.push([row.name ?? labels.noDepartment, m.key, m.title, cell.dueDate ?? "", cell.completed, cell.total, cell.overdue ? labels.yes : labels.no].map(csvCell).join(","));
    });
  }
  audit({ actorUserId: actor.id, organisationId: actor.organisationId, action: "module.completion.exported", entityType: "organisation", entityId: actor.organisationId });
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export type RecommendedModule = { moduleKey: string; title: string; summary: string; durationMinutes: number; reasons: RecommendationReason[] };

type ScanRecommendations = { scan: { id: number; period: string; submittedAt: string | null }; modules: RecommendedModule[] };

/** Recommendations from the organisation's latest submitted scan, or null when it has none. */
export function recommendationsForOrganisation(actor: Actor, locale: Locale): ScanRecommendations | null {
  const latest = getDb()
    .select({ id: scans.id })
    .from(scans)
    .where(and(eq(scans.organisationId, actor.organisationId), eq(scans.status, "submitted")))
    .orderBy(desc(scans.submittedAt), desc(scans.id))
    .get();
  return latest ? recommendationsForScan(actor, latest.id, locale) : null;
}

/**
 * Recommendations for one submitted scan of the actor's organisation (null for a draft, an unknown scan or
 * another organisation's). The scan results page calls this and renders <RecommendedModules>.
 */
/** `experienced`: per dimension the lowest of HR's and the pulse's scores (docs/decisions/081); a gap recommends too. */
export function recommendationsForScan(actor: Actor, scanId: number, locale: Locale, experienced?: readonly { key: string; score: number | null }[]): ScanRecommendations | null {
  const db = getDb();
  const scan = db
    .select({ id: scans.id, period: scans.period, submittedAt: scans.submittedAt, version: scans.instrumentVersion })
    .from(scans)
    .where(and(eq(scans.id, scanId), eq(scans.organisationId, actor.organisationId), eq(scans.status, "submitted")))
    .get();
  if (!scan) return null;
  const dimensions = db
    .select({ key: scanDimensionScores.dimensionKey, score: scanDimensionScores.score })
    .from(scanDimensionScores)
    .where(eq(scanDimensionScores.scanId, scan.id))
    .all()
    .map((d) => {
      const lived = experienced?.find((e) => e.key === d.key)?.score ?? null;
      return lived === null ? d : { key: d.key, score: d.score === null ? lived : Math.min(d.score, lived) };
    });
  const flaggedCoreItems = db
    .select({ itemKey: scanAnswers.itemKey, dimensionKey: instrumentItems.dimensionKey })
    .from(scanAnswers)
    .innerJoin(instrumentItems, and(eq(instrumentItems.key, scanAnswers.itemKey), eq(instrumentItems.version, scan.version)))
    .where(and(eq(scanAnswers.scanId, scan.id), eq(instrumentItems.core, true), inArray(scanAnswers.value, ["0", "1"])))
    .all();
  const catalogue = activeModules(locale);
  const assignedToAll = db
    .select({ moduleKey: moduleAssignments.moduleKey })
    .from(moduleAssignments)
    .where(and(eq(moduleAssignments.organisationId, actor.organisationId), isNull(moduleAssignments.departmentId)))
    .all()
    .map((r) => r.moduleKey);
  const byKey = new Map(catalogue.map((m) => [m.key, m]));
  const recommended = recommendModules({ dimensions, flaggedCoreItems, moduleDimensions: Object.fromEntries(catalogue.map((m) => [m.key, m.dimensions])), assignedToAll });
  return {
    scan: { id: scan.id, period: scan.period, submittedAt: scan.submittedAt },
    modules: recommended.flatMap((r) => {
      const m = byKey.get(r.moduleKey);
      return m ? [{ moduleKey: m.key, title: m.content.title, summary: m.content.summary, durationMinutes: m.durationMinutes, reasons: r.reasons }] : [];
    }),
  };
}

/** What an assignment form needs: the organisation's departments, the catalogue and the earliest due date. */
export function assignmentFormOptions(actor: Actor, locale: Locale) {
  return { departments: departmentsOf(actor.organisationId), modules: moduleTitles(locale), minDueDate: todayInBrussels() };
}

/** HR home card figures. */
export function moduleHrSummary(actor: Actor, locale: Locale) {
  const { assignments } = completionOverview(actor, locale);
  return { assignments: assignments.length, overdue: assignments.filter((a) => a.overdue).length, completed: assignments.reduce((s, a) => s + a.completed, 0), total: assignments.reduce((s, a) => s + a.total, 0) };
}

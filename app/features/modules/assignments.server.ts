// HR's side of the modules: assignments to departments, completion per department and person, the CSV.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { departments, memberships, users } from "@db/schema";
import { moduleAssignments, moduleCompletions, moduleProgress, modules } from "@db/schema-modules";
import type { ExportCell, ExportTable } from "~/features/exports/table";
import { recordEvents } from "~/features/notifications/notify.server";
import { wakeOutbox } from "~/features/notifications/outbox.server";
import type { DueEvent } from "~/features/notifications/reminders";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { fail, ok, type Outcome } from "~/utils/use-case";
import { findModule, loadModule, moduleTitles } from "./catalogue.server";
import type { ModuleStatus } from "./learning.server";
import { isCalendarDate, todayInBrussels, type AssignModuleInput } from "./modules.schema";

type Actor = { id: number; organisationId: number };

type Person = { userId: number; name: string; departmentId: number | null };

function employeesOf(organisationId: number): Person[] {
  return getDb()
    .select({ userId: users.id, name: users.name, departmentId: memberships.departmentId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.organisationId, organisationId), eq(memberships.role, "employee"), eq(users.status, "active")),
    )
    .orderBy(asc(users.name))
    .all();
}

export function departmentsOf(organisationId: number) {
  return getDb()
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.organisationId, organisationId))
    .orderBy(asc(departments.name))
    .all();
}

function completionsOf(userIds: number[]): Set<string> {
  if (userIds.length === 0) return new Set();
  const rows = getDb()
    .select({ userId: moduleCompletions.userId, moduleKey: moduleCompletions.moduleKey })
    .from(moduleCompletions)
    .where(inArray(moduleCompletions.userId, userIds))
    .all();
  return new Set(rows.map((r) => `${r.userId}:${r.moduleKey}`));
}

/** Assigns a module to a department (or all) with a due date; a second assignment of the same pair moves the date. */
export function assignModule(
  actor: Actor,
  input: AssignModuleInput,
  today = todayInBrussels(),
): Outcome<{ notice: "modules.assign.updated" | "modules.assign.done" }> {
  const { dueDate } = input;
  if (!findModule(input.moduleKey, "nl"))
    return fail("invalid", "modules.errors.unknownModule", { fields: { moduleKey: ["modules.errors.unknownModule"] } });
  if (!isCalendarDate(dueDate))
    return fail("invalid", "common.formErrors", { fields: { dueDate: ["modules.errors.dueDateFormat"] } });
  if (dueDate < today)
    return fail("invalid", "common.formErrors", { fields: { dueDate: ["modules.errors.dueDatePast"] } });
  let departmentId: number | null = null;
  if (input.departmentId !== "all") {
    const id = Number(input.departmentId);
    const dep = getDb()
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.id, id), eq(departments.organisationId, actor.organisationId)))
      .get();
    // Another organisation's department looks exactly like one that does not exist.
    if (!dep)
      return fail("not_found", "modules.errors.unknownDepartment", {
        fields: { departmentId: ["modules.errors.unknownDepartment"] },
      });
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
            eq(moduleAssignments.moduleKey, input.moduleKey),
            departmentId === null
              ? isNull(moduleAssignments.departmentId)
              : eq(moduleAssignments.departmentId, departmentId),
          ),
        )
        .get();
      if (existing) {
        tx.update(moduleAssignments)
          .set({ dueDate, assignedByUserId: actor.id })
          .where(eq(moduleAssignments.id, existing.id))
          .run();
        id = existing.id;
        updated = true;
      } else {
        id = tx
          .insert(moduleAssignments)
          .values({
            organisationId: actor.organisationId,
            departmentId,
            moduleKey: input.moduleKey,
            dueDate,
            assignedByUserId: actor.id,
          })
          .returning({ id: moduleAssignments.id })
          .get().id;
      }
    },
    { behavior: "immediate" },
  );
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: updated ? "module.assignment.updated" : "module.assignment.created",
    entityType: "module_assignment",
    entityId: id,
    detail: { moduleKey: input.moduleKey, departmentId, dueDate },
  });
  return ok({ notice: updated ? "modules.assign.updated" : "modules.assign.done" });
}

export function removeAssignment(actor: Actor, input: { assignmentId: number }): Outcome {
  const { assignmentId } = input;
  const row = getDb()
    .select({ id: moduleAssignments.id })
    .from(moduleAssignments)
    .where(and(eq(moduleAssignments.id, assignmentId), eq(moduleAssignments.organisationId, actor.organisationId)))
    .get();
  if (!row) return fail("not_found", "errors.notFound");
  getDb().delete(moduleAssignments).where(eq(moduleAssignments.id, row.id)).run();
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: "module.assignment.removed",
    entityType: "module_assignment",
    entityId: row.id,
  });
  return ok();
}

export type MatrixCell = {
  applies: boolean;
  dueDate: string | null;
  completed: number;
  total: number;
  overdue: boolean;
};
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
export function completionOverview(
  actor: Actor,
  locale: Locale,
  today = todayInBrussels(),
): { assignments: AssignmentRow[]; matrix: CompletionMatrix } {
  const db = getDb();
  const titles = new Map(
    db
      .select()
      .from(modules)
      .all()
      .map((row) => [row.key, loadModule(row, locale).content.title]),
  );
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
    const { total, completed } = count(
      a.moduleKey,
      (p) => a.departmentId === null || p.departmentId === a.departmentId,
    );
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
  const matrixModules = moduleKeys
    .map((key) => ({ key, title: titles.get(key) ?? key }))
    .sort((a, b) => a.title.localeCompare(b.title));
  const rowDeps: { id: number | null; name: string | null }[] = [...deps];
  if (people.some((p) => p.departmentId === null)) rowDeps.push({ id: null, name: null });
  // Departments where nothing applies would only be noise in the matrix.
  const rows = rowDeps
    .map((d) => ({
      departmentId: d.id,
      name: d.name,
      cells: matrixModules.map((m): MatrixCell => {
        const applicable = assignments.filter(
          (a) => a.moduleKey === m.key && (a.departmentId === null || (d.id !== null && a.departmentId === d.id)),
        );
        if (applicable.length === 0) return { applies: false, dueDate: null, completed: 0, total: 0, overdue: false };
        const dueDate = applicable.map((a) => a.dueDate).sort()[0] ?? null;
        const { total, completed } = count(m.key, (p) => p.departmentId === d.id);
        return {
          applies: true,
          dueDate,
          completed,
          total,
          overdue: Boolean(dueDate && dueDate < today && completed < total),
        };
      }),
    }))
    .filter((row) => row.cells.some((c) => c.applies));
  return { assignments: assignmentRows, matrix: { modules: matrixModules, rows } };
}

export type PersonCompletion = {
  name: string;
  departmentName: string | null;
  status: ModuleStatus;
  score: number | null;
  passedAt: string | null;
  attempts: number;
  dueDate: string;
  overdue: boolean;
};

/** Per person, for one module assigned in the organisation: only for that organisation's HR. */
export function moduleCompletionDetail(actor: Actor, moduleKey: string, locale: Locale, today = todayInBrussels()) {
  const db = getDb();
  const row = db.select().from(modules).where(eq(modules.key, moduleKey)).get();
  if (!row) return null;
  const assignments = db
    .select()
    .from(moduleAssignments)
    .where(and(eq(moduleAssignments.organisationId, actor.organisationId), eq(moduleAssignments.moduleKey, moduleKey)))
    .all();
  if (assignments.length === 0) return null;
  const deps = new Map(departmentsOf(actor.organisationId).map((d) => [d.id, d.name]));
  const people = employeesOf(actor.organisationId);
  const ids = people.map((p) => p.userId);
  const completions = new Map(
    ids.length
      ? db
          .select()
          .from(moduleCompletions)
          .where(and(eq(moduleCompletions.moduleKey, moduleKey), inArray(moduleCompletions.userId, ids)))
          .all()
          .map((c) => [c.userId, c])
      : [],
  );
  const progress = new Map(
    ids.length
      ? db
          .select()
          .from(moduleProgress)
          .where(and(eq(moduleProgress.moduleKey, moduleKey), inArray(moduleProgress.userId, ids)))
          .all()
          .map((p) => [p.userId, p])
      : [],
  );
  const rows: PersonCompletion[] = people.flatMap((p) => {
    const due = assignments
      .filter((a) => a.departmentId === null || a.departmentId === p.departmentId)
      .map((a) => a.dueDate)
      .sort()[0];
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
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: "module.completion.viewed",
    entityType: "module",
    entityId: moduleKey,
    detail: { people: rows.length },
  });
  return { key: moduleKey, title: loadModule(row, locale).content.title, rows };
}

/** The completion matrix as a download (CSV or .xlsx, decision 158): counts as numbers, no names. */
export function completionTable(
  actor: Actor,
  locale: Locale,
  labels: { sheet: string; header: string[]; allDepartments: string; noDepartment: string; yes: string; no: string },
): ExportTable {
  const { matrix } = completionOverview(actor, locale);
  const rows: ExportCell[][] = [labels.header];
  for (const row of matrix.rows) {
    row.cells.forEach((cell, i) => {
      const m = matrix.modules[i];
      if (!cell.applies || !m) return;
      rows.push([
        row.name ?? labels.noDepartment,
        m.key,
        m.title,
        cell.dueDate ?? "",
        cell.completed,
        cell.total,
        cell.overdue ? labels.yes : labels.no,
      ]);
    });
  }
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: "module.completion.exported",
    entityType: "organisation",
    entityId: actor.organisationId,
  });
  return { sheet: labels.sheet, rows, headerRows: [0] };
}

/**
 * "Remind the late ones" (decision 161): every employee in scope of an assignment past its due date who has not
 * completed the module gets a module_overdue notification (and a mail, by their preferences) through the
 * notifications outbox. One reminder per person, assignment and day: a second click the same day queues nothing.
 */
export function remindOverdue(
  actor: Actor,
  _input: Record<string, never> = {},
  now = new Date(),
): Outcome<{ reminded: number }> {
  const today = todayInBrussels(now);
  const people = employeesOf(actor.organisationId);
  const done = completionsOf(people.map((p) => p.userId));
  const late = getDb()
    .select()
    .from(moduleAssignments)
    .where(eq(moduleAssignments.organisationId, actor.organisationId))
    .all()
    .filter((a) => a.dueDate < today);
  const events: DueEvent[] = late.flatMap((a) =>
    people
      .filter(
        (p) =>
          (a.departmentId === null || p.departmentId === a.departmentId) && !done.has(`${p.userId}:${a.moduleKey}`),
      )
      .map((p) => ({
        key: `module-overdue-reminder:${a.id}:${p.userId}:${today}`,
        kind: "module_overdue" as const,
        userId: p.userId,
        params: { module: a.moduleKey, dueDate: a.dueDate },
        link: `/me/modules/${a.moduleKey}`,
      })),
  );
  if (events.length === 0) return fail("invalid", "modules.remind.nobody");
  const { notifications } = getDb().transaction((tx) => recordEvents(tx, events, now, actor.organisationId));
  wakeOutbox();
  audit({
    actorUserId: actor.id,
    organisationId: actor.organisationId,
    action: "module.overdue.reminded",
    entityType: "organisation",
    entityId: actor.organisationId,
    detail: { people: notifications },
  });
  return ok({ reminded: notifications });
}

/** What an assignment form needs: the organisation's departments, the catalogue and the earliest due date. */
export function assignmentFormOptions(actor: Actor, locale: Locale) {
  return {
    departments: departmentsOf(actor.organisationId),
    modules: moduleTitles(locale),
    minDueDate: todayInBrussels(),
  };
}

/** HR home card figures. */
export function moduleHrSummary(actor: Actor, locale: Locale) {
  const { assignments } = completionOverview(actor, locale);
  return {
    assignments: assignments.length,
    overdue: assignments.filter((a) => a.overdue).length,
    completed: assignments.reduce((s, a) => s + a.completed, 0),
    total: assignments.reduce((s, a) => s + a.total, 0),
  };
}

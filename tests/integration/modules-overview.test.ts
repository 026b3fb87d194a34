// HR's modules page (decision 161): the status first, three recommendations before "show all", and "remind the
// late ones" queueing module_overdue notifications through the notifications outbox. Real SQLite, real Requests.
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { departments, memberships } from "@db/schema";
import { moduleAssignments, moduleCompletions } from "@db/schema-modules";
import { notifications, outbox } from "@db/schema-notifications";
import * as hrModules from "~/routes/hr.modules._index";
import { getDb } from "~/utils/db.server";
import { call, cookieFor, get, post, seeded, userId } from "../support/requests";

const HR = "hr@zas.example";
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

function organisationOf(email: string): number {
  return (
    getDb()
      .select({ id: memberships.organisationId })
      .from(memberships)
      .where(eq(memberships.userId, userId(email)))
      .get()?.id ?? 0
  );
}

beforeAll(async () => {
  await seeded();
});

describe("remind the late ones", () => {
  it("queues one module_overdue notification per late employee through the outbox, once a day, none for those who finished", async () => {
    const db = getDb();
    const org = organisationOf(HR);
    const staffOf = (departmentId: number) =>
      db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.organisationId, org),
            eq(memberships.departmentId, departmentId),
            eq(memberships.role, "employee"),
          ),
        )
        .all();
    const department = db
      .select()
      .from(departments)
      .where(eq(departments.organisationId, org))
      .all()
      .sort((a, b) => staffOf(b.id).length - staffOf(a.id).length)[0];
    if (!department) throw new Error("no department");
    const staff = staffOf(department.id);
    expect(staff.length).toBeGreaterThan(1);
    const moduleKey = "being-a-buddy";
    db.delete(moduleAssignments).where(eq(moduleAssignments.organisationId, org)).run();
    db.insert(moduleAssignments)
      .values({ organisationId: org, departmentId: department.id, moduleKey, dueDate: inDays(-3) })
      .run();
    const finished = staff[0]?.userId ?? 0;
    db.delete(moduleCompletions).where(eq(moduleCompletions.moduleKey, moduleKey)).run();
    db.insert(moduleCompletions).values({ userId: finished, moduleKey, score: 100 }).run();
    const late = staff.filter((s) => s.userId !== finished).map((s) => s.userId);

    const page = await call(hrModules.loader, get("/hr/modules", cookieFor(HR)));
    expect(page.status).toBe(200);

    const first = await call(hrModules.action, post("/hr/modules", { intent: "remind" }, cookieFor(HR)));
    expect(first.body).toMatchObject({ notice: "modules.remind.sent", reminded: late.length });
    expect(first.status).toBe(200);
    const reminders = db
      .select()
      .from(notifications)
      .where(like(notifications.eventKey, "module-overdue-reminder:%"))
      .all();
    expect(reminders.map((n) => n.userId).sort()).toEqual([...late].sort());
    expect(reminders.every((n) => n.kind === "module_overdue")).toBe(true);
    expect(
      db.select().from(outbox).where(like(outbox.eventKey, "notify:%:module-overdue-reminder:%")).all().length,
    ).toBeLessThanOrEqual(late.length);

    const again = await call(hrModules.action, post("/hr/modules", { intent: "remind" }, cookieFor(HR)));
    expect(again.body).toMatchObject({ notice: "modules.remind.alreadySent", reminded: 0 });
    expect(
      db.select().from(notifications).where(like(notifications.eventKey, "module-overdue-reminder:%")).all(),
    ).toHaveLength(reminders.length);
  });

  it("with nobody late it is a translated 400 and queues nothing; an employee gets 403", async () => {
    const db = getDb();
    const org = organisationOf("hr@zuyderland.example");
    db.delete(moduleAssignments).where(eq(moduleAssignments.organisationId, org)).run();
    const before = db.select().from(notifications).all().length;
    const result = await call(
      hrModules.action,
      post("/hr/modules", { intent: "remind" }, cookieFor("hr@zuyderland.example")),
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ formError: "modules.remind.nobody" });
    expect(db.select().from(notifications).all()).toHaveLength(before);
    const employee = await call(
      hrModules.action,
      post("/hr/modules", { intent: "remind" }, cookieFor("daan.smeets@zuyderland.example")),
    );
    expect(employee.status).toBe(403);
  });
});

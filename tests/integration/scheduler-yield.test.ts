// A tick writes its events a few at a time and lets the event loop run between those writes (decision 173): a
// request on the same thread (or waiting for the write lock in another) waits for at most a handful of inserts,
// never for a whole chunk of organisations.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { moduleAssignments } from "@db/schema-modules";
import { runTick } from "~/features/notifications/scheduler.server";
import { getDb } from "~/utils/db.server";
import { createCareOrganisation, createUser } from "../support/factories";

const T0 = new Date();
const dueIn30Days = new Date(T0.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
const notificationCount = () => getDb().get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM notifications`).n;

beforeAll(() => {
  const { organisation, department } = createCareOrganisation();
  for (let i = 0; i < 24; i++)
    createUser({ role: "employee", organisationId: organisation.id, departmentId: department.id });
  getDb()
    .insert(moduleAssignments)
    .values({
      organisationId: organisation.id,
      departmentId: department.id,
      moduleKey: "being-a-buddy",
      dueDate: dueIn30Days,
    })
    .run();
});

describe("a tick's writes", () => {
  it("commits at most five events between two turns of the event loop", async () => {
    const before = notificationCount();
    const seen = [before];
    let ticking = true;
    const watch = () => {
      seen.push(notificationCount());
      if (ticking) setImmediate(watch);
    };
    setImmediate(watch);
    const result = await runTick(T0);
    ticking = false;
    seen.push(notificationCount());
    // One "module assigned" for each of the 25 employees (the factory's own and the 24 above).
    expect(result.notifications).toBeGreaterThanOrEqual(25);
    const steps = seen.slice(1).map((n, i) => n - seen[i]!);
    expect(Math.max(...steps)).toBeLessThanOrEqual(5);
    // The rows the watcher saw appear are the tick's (its events, and the two HR digests of this week).
    expect(seen[seen.length - 1]! - before).toBeGreaterThanOrEqual(result.notifications);
  });
});

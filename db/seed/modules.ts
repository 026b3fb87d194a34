// Demo state of the sensitisation modules at ZAS: HR assigned two modules to Geriatrie (one now overdue),
// Lieve Maes completed both and is a trained buddy, Jonas De Smet (the demo employee) is halfway through one.
import { and, eq, inArray } from "drizzle-orm";
import type { PortalDb } from "../client";
import { departments, memberships } from "../schema";
import { moduleAssignments, moduleCompletions, moduleProgress, modules } from "../schema-modules";
import { findUserIdByEmail } from "./seed";

const DAY = 86_400_000;
const isoDate = (offsetDays: number, now: Date) =>
  new Date(now.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
const isoTime = (offsetDays: number, now: Date) => new Date(now.getTime() + offsetDays * DAY).toISOString();

export function seedModules(db: PortalDb, now = new Date()): void {
  const wanted = ["intercultural-communication", "language-sensitive-working", "being-a-buddy"];
  const present = new Set(
    db
      .select({ key: modules.key })
      .from(modules)
      .where(inArray(modules.key, wanted))
      .all()
      .map((m) => m.key),
  );
  const hr = findUserIdByEmail(db, "hr@zas.example");
  const anyOrg = hr
    ? db.select({ id: memberships.organisationId }).from(memberships).where(eq(memberships.userId, hr)).get()
    : undefined;
  if (!anyOrg?.id) return;
  const orgId = anyOrg.id;
  const geriatrie = db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organisationId, orgId), eq(departments.name, "Geriatrie")))
    .get();
  const jonas = findUserIdByEmail(db, "verpleegkundige@zas.example");
  const lieve = findUserIdByEmail(db, "lieve.maes@zas.example");
  if (!geriatrie || !hr || !jonas || !lieve) return;

  db.transaction((tx) => {
    const assign = (moduleKey: string, dueInDays: number) => {
      if (!present.has(moduleKey)) return;
      tx.insert(moduleAssignments)
        .values({
          organisationId: orgId,
          departmentId: geriatrie.id,
          moduleKey,
          dueDate: isoDate(dueInDays, now),
          assignedByUserId: hr,
          createdAt: isoTime(-30, now),
        })
        .run();
    };
    const complete = (userId: number, moduleKey: string, score: number, daysAgo: number) => {
      if (!present.has(moduleKey)) return;
      tx.insert(moduleProgress)
        .values({
          userId,
          moduleKey,
          sectionsRead: JSON.stringify([0, 1, 2, 3, 4, 5]),
          attempts: score === 100 ? 1 : 2,
          lastScore: score,
          startedAt: isoTime(-daysAgo - 2, now),
          updatedAt: isoTime(-daysAgo, now),
        })
        .run();
      tx.insert(moduleCompletions)
        .values({ userId, organisationId: orgId, moduleKey, score, passedAt: isoTime(-daysAgo, now) })
        .run();
    };
    assign("intercultural-communication", 21);
    assign("language-sensitive-working", -7);
    complete(lieve, "intercultural-communication", 100, 12);
    complete(lieve, "language-sensitive-working", 80, 10);
    complete(lieve, "being-a-buddy", 100, 40);
    if (present.has("intercultural-communication")) {
      tx.insert(moduleProgress)
        .values({
          userId: jonas,
          moduleKey: "intercultural-communication",
          sectionsRead: JSON.stringify([0, 1]),
          startedAt: isoTime(-3, now),
          updatedAt: isoTime(-1, now),
        })
        .run();
    }
  });
}

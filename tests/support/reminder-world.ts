// A small organisation at every stage of the programme, built directly in a migrated database, for the
// reminder tests: a proposal waiting for a buddy, a module assignment, a submitted and a draft scan.
import { hash } from "@node-rs/argon2";
import type { PortalDb } from "@db/client";
import { departments, memberships, organisations, scans, users } from "@db/schema";
import { buddyProfiles, matches, newcomerRecords } from "@db/schema-matching";
import { moduleAssignments } from "@db/schema-modules";

export const DAY = 86_400_000;
export const WORLD_PASSWORD = "Herinnering-test-2026";

export type World = {
  organisationId: number;
  departmentId: number;
  hr: { id: number; email: string };
  buddy: { id: number; email: string };
  newcomer: { id: number; email: string; recordId: number };
  employee: { id: number; email: string };
  matchId: number;
  assignmentId: number;
  submittedScanId: number;
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** t0 is "now" for the world: the proposal's deadline is t0 + 3 days, the module is due at t0 + 10 days. */
export async function buildWorld(db: PortalDb, t0: Date, tag = "w"): Promise<World> {
  const passwordHash = await hash(WORLD_PASSWORD);
  return db.transaction((tx) => {
    const organisationId = tx
      .insert(organisations)
      .values({
        kind: "care_provider",
        name: `Zorggroep Herinnering ${tag}`,
        country: "BE",
        sector: "hospital",
        sizeBand: "large",
      })
      .returning({ id: organisations.id })
      .get().id;
    const departmentId = tx
      .insert(departments)
      .values({ organisationId, name: "Geriatrie" })
      .returning({ id: departments.id })
      .get().id;
    const person = (email: string, name: string, locale: "nl" | "en", role: "hr" | "employee" | "newcomer") => {
      const id = tx.insert(users).values({ email, name, locale, passwordHash }).returning({ id: users.id }).get().id;
      tx.insert(memberships).values({ userId: id, organisationId, departmentId, role }).run();
      return { id, email };
    };
    const hr = person(`hr.${tag}@herinnering.example`, "Hilde Vermeulen", "nl", "hr");
    const buddy = person(`buddy.${tag}@herinnering.example`, "Bram Claes", "en", "employee");
    const newcomerUser = person(`nieuwkomer.${tag}@herinnering.example`, "Nour Haddad", "nl", "newcomer");
    const employee = person(`collega.${tag}@herinnering.example`, "Els Jacobs", "nl", "employee");
    const recordId = tx
      .insert(newcomerRecords)
      .values({
        organisationId,
        userId: newcomerUser.id,
        name: "Nour Haddad",
        profession: "nurse",
        departmentId,
        startDate: isoDate(t0),
        dutchLevel: "B1",
        languages: JSON.stringify([{ code: "nl", level: "B1" }]),
        createdAt: t0.toISOString(),
      })
      .returning({ id: newcomerRecords.id })
      .get().id;
    const profileId = tx
      .insert(buddyProfiles)
      .values({
        organisationId,
        userId: buddy.id,
        profession: "nurse",
        departmentId,
        dutchLevel: "C2",
        languages: JSON.stringify([{ code: "nl", level: "C2" }]),
        capacity: 2,
      })
      .returning({ id: buddyProfiles.id })
      .get().id;
    const matchId = tx
      .insert(matches)
      .values({
        organisationId,
        newcomerId: recordId,
        buddyId: profileId,
        status: "proposed",
        proposedAt: t0.toISOString(),
        deadline: new Date(t0.getTime() + 3 * DAY).toISOString(),
      })
      .returning({ id: matches.id })
      .get().id;
    const assignmentId = tx
      .insert(moduleAssignments)
      .values({
        organisationId,
        departmentId,
        moduleKey: "being-a-buddy",
        dueDate: isoDate(new Date(t0.getTime() + 10 * DAY)),
        createdAt: t0.toISOString(),
      })
      .returning({ id: moduleAssignments.id })
      .get().id;
    const submittedScanId = tx
      .insert(scans)
      .values({
        organisationId,
        instrumentVersion: 1,
        period: "2026",
        status: "submitted",
        createdAt: new Date(t0.getTime() - 5 * DAY).toISOString(),
        submittedAt: t0.toISOString(),
      })
      .returning({ id: scans.id })
      .get().id;
    return {
      organisationId,
      departmentId,
      hr,
      buddy,
      newcomer: { ...newcomerUser, recordId },
      employee,
      matchId,
      assignmentId,
      submittedScanId,
    };
  });
}

// "Geloof" (faith) is no longer an interest (decision 167): religion is sensitive data under the GDPR. The data
// migration removes it from every stored list, a post with it is refused with nothing stored, and matching
// never scores it — not even for a list written before the migration ran.
import { eq } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, migrateDatabase } from "@db/client";
import { buddyProfiles, newcomerRecords } from "@db/schema-matching";
import { DEFAULT_WEIGHTS, evaluatePair } from "~/features/matching/criteria";
import { buddyFacts, newcomerFacts } from "~/features/matching/store.server";
import * as buddyProfile from "~/routes/me.buddy.profile";
import * as newcomerNew from "~/routes/hr.newcomers.new";
import { getDb } from "~/utils/db.server";
import { cookieOf, createCareOrganisation, createUser } from "../support/factories";
import { matchingWorld } from "../support/matching-world";
import { call, post } from "../support/requests";

const MIGRATION = "no-faith-interest";

/** A copy of the migrations folder whose journal stops before the faith migration. */
function migrationsBefore(dir: string): string {
  const folder = path.join(dir, "migrations");
  fs.cpSync(path.resolve("migrations"), folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal: { entries: { tag: string }[] } = JSON.parse(fs.readFileSync(journalFile, "utf8"));
  const at = journal.entries.findIndex((e) => e.tag.endsWith(MIGRATION));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe("faith is gone as an interest", () => {
  it("the migration removes it from stored buddy profiles and newcomer records and keeps the other interests in order", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "no-faith-"));
    const previous = process.env.MIGRATIONS_DIR;
    try {
      const db = openDatabase(path.join(dir, "portal.db"));
      process.env.MIGRATIONS_DIR = migrationsBefore(dir);
      migrateDatabase(db);
      const sqlite = db.$client;
      const org = Number(
        sqlite
          .prepare(
            "INSERT INTO organisations (kind, name, country, sector, size_band) VALUES ('care_provider', 'Zorg Oud', 'BE', 'hospital', 'medium') RETURNING id",
          )
          .pluck()
          .get(),
      );
      const user = (email: string) =>
        Number(sqlite.prepare("INSERT INTO users (email, name) VALUES (?, ?) RETURNING id").pluck().get(email, email));
      const buddy = (email: string, interests: string) =>
        sqlite
          .prepare(
            "INSERT INTO buddy_profiles (organisation_id, user_id, profession, dutch_level, interests) VALUES (?, ?, 'nurse', 'C2', ?)",
          )
          .run(org, user(email), interests);
      const newcomer = (name: string, interests: string) =>
        sqlite
          .prepare(
            "INSERT INTO newcomer_records (organisation_id, name, profession, start_date, dutch_level, interests) VALUES (?, ?, 'nurse', '2027-03-01', 'B1', ?)",
          )
          .run(org, name, interests);
      buddy("a@old.example", '["faith","music","cooking"]');
      buddy("b@old.example", '["sport"]');
      buddy("c@old.example", '["faith"]');
      newcomer("Nieuw A", '["cooking","faith","art"]');
      newcomer("Nieuw B", "[]");

      delete process.env.MIGRATIONS_DIR;
      migrateDatabase(db);
      const buddies = sqlite.prepare("SELECT interests FROM buddy_profiles ORDER BY id").pluck().all();
      const newcomers = sqlite.prepare("SELECT interests FROM newcomer_records ORDER BY id").pluck().all();
      expect(buddies.map((j) => JSON.parse(String(j)))).toEqual([["music", "cooking"], ["sport"], []]);
      expect(newcomers.map((j) => JSON.parse(String(j)))).toEqual([["cooking", "art"], []]);
      sqlite.close();
    } finally {
      if (previous === undefined) delete process.env.MIGRATIONS_DIR;
      else process.env.MIGRATIONS_DIR = previous;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a newcomer record or buddy profile posted with faith is refused and nothing is stored", async () => {
    const world = createCareOrganisation();
    const hr = cookieOf(world.hr);
    const name = `Geloof Test ${world.organisation.id}`;
    const newcomerForm = {
      name,
      profession: "nurse",
      departmentId: String(world.department.id),
      startDate: "2027-02-01",
      dutchLevel: "B1",
      lang0code: "ar",
      lang0level: "C2",
      recognitionStatus: "in_progress",
    };
    const newcomer = await call(
      newcomerNew.action,
      post("/hr/newcomers/new", { ...newcomerForm, interests: ["cooking", "faith"] }, hr),
    );
    expect(newcomer.status).toBe(400);
    expect(getDb().select().from(newcomerRecords).where(eq(newcomerRecords.name, name)).all()).toEqual([]);
    // The same form without faith is taken: faith alone was the reason.
    expect(
      (await call(newcomerNew.action, post("/hr/newcomers/new", { ...newcomerForm, interests: ["cooking"] }, hr)))
        .status,
    ).toBe(302);

    const employee = createUser({ role: "employee", organisationId: world.organisation.id });
    const profileForm = {
      profession: "nurse",
      departmentId: String(world.department.id),
      dutchLevel: "C2",
      lang0code: "ar",
      lang0level: "C2",
      capacity: "1",
      yearsInOrganisation: "3",
      status: "active",
    };
    const profile = await call(
      buddyProfile.action,
      post("/me/buddy/profile", { ...profileForm, interests: ["faith"] }, cookieOf(employee)),
    );
    expect(profile.status).toBe(400);
    expect(getDb().select().from(buddyProfiles).where(eq(buddyProfiles.userId, employee.id)).all()).toEqual([]);
    expect(
      (
        await call(
          buddyProfile.action,
          post("/me/buddy/profile", { ...profileForm, interests: ["music"] }, cookieOf(employee)),
        )
      ).status,
    ).toBe(302);
  });

  it("matching does not score faith, even on a list stored before the migration", () => {
    const world = matchingWorld("Geloof Matching");
    const buddyId = world.buddy("lies", "Lies Buddy", { profession: "nurse", department: "A", capacity: 1 });
    const newcomerId = world.newcomer("Nadia Nieuw", { profession: "nurse", department: "A" });
    getDb().update(buddyProfiles).set({ interests: '["faith","music"]' }).where(eq(buddyProfiles.id, buddyId)).run();
    getDb().update(newcomerRecords).set({ interests: '["faith"]' }).where(eq(newcomerRecords.id, newcomerId)).run();
    const b = getDb().select().from(buddyProfiles).where(eq(buddyProfiles.id, buddyId)).get();
    const n = getDb().select().from(newcomerRecords).where(eq(newcomerRecords.id, newcomerId)).get();
    if (!b || !n) throw new Error("rows missing");
    const verdict = evaluatePair(
      newcomerFacts(n),
      buddyFacts(b, 0, true),
      { today: "2027-01-01", requireTraining: false, requireSameSite: false, forbiddenPair: false, keep: false },
      DEFAULT_WEIGHTS,
    );
    expect(verdict.allowed).toBe(true);
    if (!verdict.allowed) return;
    expect(verdict.contributions.map((c) => c.key)).not.toContain("sharedInterests");
    expect(newcomerFacts(n).interests).toEqual([]);
    expect(buddyFacts(b, 0, true).interests).toEqual(["music"]);
  });
});

// Demo trajectories (docs/decisions/110): a few realistic routes so HR's overview and the partners' outcome
// indicators show something. Seven organisations without demo accounts carry routes that started 13–22
// months ago (Flanders: NARIC-Vlaanderen, bridging, visum; the Netherlands: CIBG, BIG, IDW diploma
// evaluation), with HR's follow-ups confirmed; the demo newcomer at ZAS has just started hers. Belgium holds
// four of them, so its row of the 12-month figures stays "not shown" until a fifth organisation (e.g. ZAS)
// confirms a 12-month follow-up. Dates are relative to the seeding day; all people are fictional.
import { asc, eq } from "drizzle-orm";
import type { PortalDb } from "../client";
import { departments, organisations } from "../schema";
import { newcomerRecords } from "../schema-matching";
import {
  trajectories,
  trajectoryContracts,
  trajectoryFollowUps,
  trajectoryLanguageLevels,
  trajectorySteps,
} from "../schema-trajectories";
import { CURRENT_ROUTE_CATALOGUE } from "../reference/trajectory-v1";

type Route = {
  profession: "nurse" | "social_worker";
  start: number; // months ago
  steps: [string, number][]; // step key, months ago
  languages: [string, number][];
  contracts: { type: string; role: string; from: number; to: number | null }[];
  followUps: [string, string][];
  currentRole: string;
  targetRole: string;
  outcome?: { outcome: string; at: number; reason?: string };
};

const ROUTES: Record<string, Route> = {
  beNurseBridging: {
    profession: "nurse",
    start: 20,
    steps: [
      ["intake", 20],
      ["be_naric_application", 19],
      ["be_naric_equivalence", 15],
      ["be_bridging", 14],
      ["be_bridging_done", 8],
      ["be_visum", 6],
    ],
    languages: [
      ["A2", 20],
      ["B1", 12],
      ["B2", 3],
    ],
    contracts: [
      { type: "dual_learning", role: "nursing_student", from: 14, to: 8 },
      { type: "fixed_term", role: "nurse", from: 6, to: -6 },
    ],
    followUps: [
      ["month6", "in_training"],
      ["month12", "in_training"],
    ],
    currentRole: "nurse",
    targetRole: "nurse",
  },
  beNurseFast: {
    profession: "nurse",
    start: 16,
    steps: [
      ["be_naric_application", 16],
      ["be_naric_equivalence", 13],
      ["be_visum", 9],
    ],
    languages: [
      ["B1", 16],
      ["B2", 6],
    ],
    contracts: [
      { type: "fixed_term", role: "care_assistant", from: 16, to: 9 },
      { type: "permanent", role: "nurse", from: 9, to: null },
    ],
    followUps: [
      ["month6", "below_level"],
      ["month12", "at_level"],
    ],
    currentRole: "nurse",
    targetRole: "nurse",
    outcome: { outcome: "at_level", at: 9 },
  },
  beLeft: {
    profession: "nurse",
    start: 14,
    steps: [
      ["intake", 14],
      ["be_naric_application", 13],
    ],
    languages: [
      ["A2", 14],
      ["A2", 8],
    ],
    contracts: [{ type: "fixed_term", role: "care_assistant", from: 14, to: 5 }],
    followUps: [["month6", "below_level"]],
    currentRole: "care_assistant",
    targetRole: "nurse",
    outcome: { outcome: "left", at: 5, reason: "moved_away" },
  },
  beSocialWork: {
    profession: "social_worker",
    start: 18,
    steps: [
      ["intake", 18],
      ["be_naric_application", 17],
      ["be_naric_equivalence", 12],
    ],
    languages: [
      ["B1", 18],
      ["B2", 10],
      ["C1", 1],
    ],
    contracts: [
      { type: "fixed_term", role: "care_support", from: 18, to: 12 },
      { type: "permanent", role: "social_worker", from: 11, to: null },
    ],
    followUps: [
      ["month6", "below_level"],
      ["month12", "at_level"],
    ],
    currentRole: "social_worker",
    targetRole: "social_worker",
  },
  beRecent: {
    profession: "nurse",
    start: 4,
    steps: [
      ["intake", 4],
      ["be_naric_application", 3],
    ],
    languages: [["A2", 4]],
    contracts: [{ type: "internship", role: "nursing_student", from: 3, to: -3 }],
    followUps: [],
    currentRole: "nursing_student",
    targetRole: "nurse",
  },
  nlNurse: {
    profession: "nurse",
    start: 22,
    steps: [
      ["nl_cibg_application", 21],
      ["nl_cibg_statement", 12],
      ["nl_big", 10],
    ],
    languages: [
      ["B1", 22],
      ["B2", 8],
    ],
    contracts: [
      { type: "dual_learning", role: "nursing_student", from: 20, to: 10 },
      { type: "permanent", role: "nurse", from: 10, to: null },
    ],
    followUps: [
      ["month6", "in_training"],
      ["month12", "in_training"],
    ],
    currentRole: "nurse",
    targetRole: "nurse",
  },
  nlSocialWork: {
    profession: "social_worker",
    start: 15,
    steps: [
      ["nl_idw_evaluation", 14],
      ["nl_evc", 6],
    ],
    languages: [
      ["B1", 15],
      ["B2", 3],
    ],
    contracts: [
      { type: "fixed_term", role: "care_support", from: 15, to: 3 },
      { type: "fixed_term", role: "social_worker", from: 3, to: -9 },
    ],
    followUps: [
      ["month6", "below_level"],
      ["month12", "below_level"],
    ],
    currentRole: "social_worker",
    targetRole: "social_worker",
  },
  nlLeft: {
    profession: "nurse",
    start: 13,
    steps: [["nl_cibg_application", 12]],
    languages: [
      ["A2", 13],
      ["B1", 7],
    ],
    contracts: [{ type: "fixed_term", role: "care_assistant", from: 13, to: 7 }],
    followUps: [["month6", "below_level"]],
    currentRole: "care_assistant",
    targetRole: "nurse",
    outcome: { outcome: "left", at: 7, reason: "other_employer_care" },
  },
};

const PEOPLE: Record<string, [string, keyof typeof ROUTES][]> = {
  "AZ Scheldeland": [
    ["Grace Mensah", "beNurseBridging"],
    ["Nadia Karimi", "beNurseFast"],
    ["Samuel Okoro", "beRecent"],
  ],
  "Ziekenhuis Noorderkempen": [
    ["Leyla Aydın", "beNurseFast"],
    ["Bashir Noori", "beLeft"],
  ],
  "Woonzorggroep Leiedal": [
    ["Irina Petrenko", "beNurseBridging"],
    ["Jamal Haidari", "beSocialWork"],
  ],
  "Thuiszorg Waasland": [
    ["Sara Gebremedhin", "beSocialWork"],
    ["Omar Farouk", "beLeft"],
    ["Ana Sousa", "beRecent"],
  ],
  "Ziekenhuis De Venen": [
    ["Priya Nair", "nlNurse"],
    ["Tariq Aziz", "nlLeft"],
  ],
  "Zorggroep Eemland": [
    ["Marta Kowalska", "nlNurse"],
    ["Hassan Jaber", "nlSocialWork"],
  ],
  "Thuiszorg Rijnstreek": [
    ["Elif Demir", "nlSocialWork"],
    ["Yusuf Abdi", "nlLeft"],
  ],
};

function monthsAgo(today: Date, months: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, Math.min(today.getUTCDate(), 28)));
  return d.toISOString().slice(0, 10);
}

export function seedTrajectories(db: PortalDb, today = new Date()): void {
  const version = CURRENT_ROUTE_CATALOGUE.version;
  db.transaction((tx) => {
    for (const [orgName, people] of Object.entries(PEOPLE)) {
      const org = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, orgName)).get();
      if (!org) continue;
      const dep = tx
        .select({ id: departments.id, siteId: departments.siteId })
        .from(departments)
        .where(eq(departments.organisationId, org.id))
        .orderBy(asc(departments.id))
        .get();
      for (const [name, routeKey] of people) {
        const r = ROUTES[routeKey];
        if (!r) continue;
        const startDate = monthsAgo(today, r.start);
        const record = tx
          .insert(newcomerRecords)
          .values({
            organisationId: org.id,
            name,
            profession: r.profession,
            siteId: dep?.siteId ?? null,
            departmentId: dep?.id ?? null,
            startDate,
            dutchLevel: r.languages[r.languages.length - 1]?.[0] ?? "B1",
            recognitionStatus: r.steps.length > 2 ? "recognised" : "in_progress",
          })
          .returning({ id: newcomerRecords.id })
          .get();
        const t = tx
          .insert(trajectories)
          .values({
            organisationId: org.id,
            newcomerRecordId: record.id,
            catalogueVersion: version,
            currentRole: r.currentRole,
            targetRole: r.targetRole,
            outcome: r.outcome?.outcome ?? null,
            outcomeDate: r.outcome ? monthsAgo(today, r.outcome.at) : null,
            outcomeReason: r.outcome?.reason ?? null,
          })
          .returning({ id: trajectories.id })
          .get();
        for (const [stepKey, m] of r.steps)
          tx.insert(trajectorySteps)
            .values({ trajectoryId: t.id, stepKey, reachedOn: monthsAgo(today, m) })
            .run();
        for (const [level, m] of r.languages)
          tx.insert(trajectoryLanguageLevels)
            .values({ trajectoryId: t.id, level, measuredOn: monthsAgo(today, m) })
            .run();
        for (const c of r.contracts)
          tx.insert(trajectoryContracts)
            .values({
              trajectoryId: t.id,
              type: c.type,
              role: c.role,
              startDate: monthsAgo(today, c.from),
              endDate: c.to === null ? null : monthsAgo(today, c.to),
            })
            .run();
        for (const [moment, situation] of r.followUps)
          tx.insert(trajectoryFollowUps).values({ trajectoryId: t.id, moment, situation }).run();
      }
    }
    // The demo newcomer at ZAS (Amal Haddad) has just started: her diploma is with NARIC-Vlaanderen.
    const amal = tx
      .select({
        id: newcomerRecords.id,
        organisationId: newcomerRecords.organisationId,
        startDate: newcomerRecords.startDate,
      })
      .from(newcomerRecords)
      .where(eq(newcomerRecords.name, "Amal Haddad"))
      .get();
    if (amal) {
      const t = tx
        .insert(trajectories)
        .values({
          organisationId: amal.organisationId,
          newcomerRecordId: amal.id,
          catalogueVersion: version,
          currentRole: "care_assistant",
          targetRole: "nurse",
        })
        .returning({ id: trajectories.id })
        .get();
      tx.insert(trajectorySteps)
        .values({ trajectoryId: t.id, stepKey: "be_naric_application", reachedOn: amal.startDate })
        .run();
      tx.insert(trajectoryLanguageLevels).values({ trajectoryId: t.id, level: "B1", measuredOn: amal.startDate }).run();
    }
  });
}

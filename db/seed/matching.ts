// Demo data for buddy matching at ZAS (Antwerp) and Zuyderland (Heerlen/Sittard): fictional newcomers and
// buddies with varied professions and languages, one active match with a check-in done, one pending
// proposal for the demo employee, and the demo newcomer's own record. Dates are relative to the seeding day.
import { and, eq } from "drizzle-orm";
import type { PortalDb } from "../client";
import { departments, memberships, organisations, users } from "../schema";
import { buddyProfiles, checkIns, matches, newcomerRecords } from "../schema-matching";
import { moduleCompletions } from "../schema-modules";

type Lang = [string, string];
type DemoBuddy = {
  email: string;
  name?: string;
  department: string;
  profession: string;
  dutch: string;
  languages: Lang[];
  shifts: string[];
  interests: string[];
  gender: string | null;
  capacity: number;
  years: number;
  experience: boolean;
  trained: boolean;
  pausedDays?: number;
};
type DemoNewcomer = {
  key: string;
  name: string;
  department: string;
  profession: string;
  dutch: string;
  languages: Lang[];
  shifts: string[];
  interests: string[];
  genderPreference?: string;
  recognition: string;
  startInDays: number;
  createdDaysAgo: number;
  account?: string;
};

const BUDDIES: Record<string, DemoBuddy[]> = {
  "ZAS Ziekenhuis aan de Stroom": [
    {
      email: "verpleegkundige@zas.example",
      department: "Geriatrie",
      profession: "nurse",
      dutch: "C2",
      languages: [
        ["en", "B2"],
        ["fr", "B1"],
      ],
      shifts: ["day", "evening"],
      interests: ["cooking", "sport"],
      gender: "male",
      capacity: 2,
      years: 6,
      experience: false,
      trained: true,
    },
    {
      email: "an.wouters@zas.example",
      department: "Cardiologie",
      profession: "nurse",
      dutch: "C2",
      languages: [
        ["en", "C1"],
        ["es", "B2"],
      ],
      shifts: ["day", "night"],
      interests: ["travel", "music"],
      gender: "female",
      capacity: 1,
      years: 9,
      experience: false,
      trained: true,
    },
    {
      email: "tom.peeters@zas.example",
      department: "Spoedgevallen",
      profession: "doctor",
      dutch: "C2",
      languages: [
        ["en", "C1"],
        ["fr", "C1"],
      ],
      shifts: ["day", "night", "weekend"],
      interests: ["sport", "technology"],
      gender: "male",
      capacity: 2,
      years: 4,
      experience: false,
      trained: true,
    },
    {
      email: "lieve.maes@zas.example",
      department: "Geriatrie",
      profession: "nurse",
      dutch: "C2",
      languages: [["en", "B2"]],
      shifts: ["day"],
      interests: ["reading", "family"],
      gender: "female",
      capacity: 2,
      years: 12,
      experience: false,
      trained: true,
    },
    {
      email: "bram.jacobs@zas.example",
      department: "Sociale dienst",
      profession: "social_worker",
      dutch: "C2",
      languages: [
        ["en", "B2"],
        ["tr", "B1"],
      ],
      shifts: ["day"],
      interests: ["games", "music"],
      gender: "male",
      capacity: 1,
      years: 2,
      experience: false,
      trained: false,
    },
    {
      email: "eva.vandamme@zas.example",
      department: "Intensieve zorg",
      profession: "nurse",
      dutch: "C2",
      languages: [["en", "C1"]],
      shifts: ["night"],
      interests: ["nature"],
      gender: "female",
      capacity: 1,
      years: 7,
      experience: false,
      trained: true,
      pausedDays: 60,
    },
    {
      email: "youssef.elamrani@zas.example",
      name: "Youssef El Amrani",
      department: "Interne geneeskunde",
      profession: "doctor",
      dutch: "C1",
      languages: [
        ["ar", "C2"],
        ["fr", "C2"],
        ["en", "B2"],
      ],
      shifts: ["day", "weekend"],
      interests: ["cooking", "family"],
      gender: "male",
      capacity: 2,
      years: 5,
      experience: true,
      trained: true,
    },
    {
      email: "mariam.tesfaye@zas.example",
      name: "Mariam Tesfaye",
      department: "Materniteit",
      profession: "midwife",
      dutch: "C1",
      languages: [
        ["ti", "C2"],
        ["am", "C1"],
        ["en", "B2"],
      ],
      shifts: ["day", "evening"],
      interests: ["music", "volunteering"],
      gender: "female",
      capacity: 1,
      years: 3,
      experience: true,
      trained: true,
    },
  ],
  "Zuyderland Medisch Centrum": [
    {
      email: "daan.smeets@zuyderland.example",
      department: "Neurologie",
      profession: "doctor",
      dutch: "C2",
      languages: [
        ["en", "C1"],
        ["de", "C1"],
        ["fr", "B1"],
      ],
      shifts: ["day"],
      interests: ["sport", "nature"],
      gender: "male",
      capacity: 2,
      years: 8,
      experience: false,
      trained: true,
    },
    {
      email: "iris.janssen@zuyderland.example",
      department: "Longziekten",
      profession: "nurse",
      dutch: "C2",
      languages: [
        ["en", "B2"],
        ["de", "B2"],
      ],
      shifts: ["day", "evening", "weekend"],
      interests: ["cooking", "art"],
      gender: "female",
      capacity: 3,
      years: 10,
      experience: false,
      trained: true,
    },
    {
      email: "oksana.kovalenko@zuyderland.example",
      name: "Oksana Kovalenko",
      department: "Chirurgie",
      profession: "nurse",
      dutch: "B2",
      languages: [
        ["uk", "C2"],
        ["ru", "C1"],
        ["en", "B1"],
      ],
      shifts: ["day", "night"],
      interests: ["family", "reading"],
      gender: "female",
      capacity: 1,
      years: 4,
      experience: true,
      trained: false,
    },
  ],
};

const NEWCOMERS: Record<string, DemoNewcomer[]> = {
  "ZAS Ziekenhuis aan de Stroom": [
    {
      key: "amal",
      name: "Amal Haddad",
      account: "nieuwkomer@zas.example",
      department: "Geriatrie",
      profession: "nurse",
      dutch: "B1",
      languages: [
        ["ar", "C2"],
        ["en", "C1"],
        ["fr", "B1"],
      ],
      shifts: ["day"],
      interests: ["reading", "cooking"],
      recognition: "recognised",
      startInDays: -50,
      createdDaysAgo: 75,
    },
    {
      key: "yonas",
      name: "Yonas Tesfay",
      department: "Geriatrie",
      profession: "nurse",
      dutch: "A2",
      languages: [
        ["ti", "C2"],
        ["en", "B2"],
      ],
      shifts: ["day", "evening"],
      interests: ["sport", "music"],
      recognition: "in_progress",
      startInDays: 12,
      createdDaysAgo: 9,
    },
    {
      key: "hamid",
      name: "Hamid Rahimi",
      department: "Spoedgevallen",
      profession: "doctor",
      dutch: "A2",
      languages: [
        ["prs", "C2"],
        ["fa", "C2"],
        ["en", "C1"],
      ],
      shifts: ["night", "weekend"],
      interests: ["sport", "technology"],
      recognition: "in_progress",
      startInDays: 40,
      createdDaysAgo: 6,
    },
    {
      key: "olena",
      name: "Olena Shevchenko",
      department: "Cardiologie",
      profession: "nurse",
      dutch: "B1",
      languages: [
        ["uk", "C2"],
        ["en", "B1"],
      ],
      shifts: ["day", "night"],
      interests: ["music", "travel"],
      recognition: "recognised",
      startInDays: 19,
      createdDaysAgo: 5,
    },
    {
      key: "fatima",
      name: "Fatima Zahra Benali",
      department: "Interne geneeskunde",
      profession: "doctor",
      dutch: "B2",
      languages: [
        ["ar", "C2"],
        ["fr", "C2"],
      ],
      shifts: ["day"],
      interests: ["family", "cooking"],
      genderPreference: "female",
      recognition: "in_progress",
      startInDays: 26,
      createdDaysAgo: 4,
    },
    {
      key: "lucia",
      name: "Lucía Romero",
      department: "Materniteit",
      profession: "midwife",
      dutch: "A2",
      languages: [
        ["es", "C2"],
        ["en", "B2"],
      ],
      shifts: ["day", "evening"],
      interests: ["music", "art"],
      recognition: "not_started",
      startInDays: 33,
      createdDaysAgo: 3,
    },
  ],
  "Zuyderland Medisch Centrum": [
    {
      key: "mehmet",
      name: "Mehmet Yılmaz",
      department: "Longziekten",
      profession: "nurse",
      dutch: "B1",
      languages: [
        ["tr", "C2"],
        ["de", "B2"],
      ],
      shifts: ["day", "weekend"],
      interests: ["cooking", "sport"],
      recognition: "recognised",
      startInDays: 14,
      createdDaysAgo: 8,
    },
    {
      key: "dmytro",
      name: "Dmytro Bondarenko",
      department: "Chirurgie",
      profession: "nurse",
      dutch: "A2",
      languages: [
        ["uk", "C2"],
        ["ru", "C2"],
        ["en", "B1"],
      ],
      shifts: ["night"],
      interests: ["technology"],
      recognition: "in_progress",
      startInDays: 30,
      createdDaysAgo: 2,
    },
    {
      key: "aicha",
      name: "Aïcha Diallo",
      department: "Neurologie",
      profession: "doctor",
      dutch: "B1",
      languages: [
        ["fr", "C2"],
        ["en", "B2"],
      ],
      shifts: ["day"],
      interests: ["reading", "nature"],
      recognition: "in_progress",
      startInDays: 21,
      createdDaysAgo: 7,
    },
  ],
};

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => iso(ms).slice(0, 10);
const langs = (list: Lang[]) => JSON.stringify(list.map(([code, level]) => ({ code, level })));

/** Adds the matching demo to a freshly seeded database (after seedDemo's users and organisations exist). */
export function seedMatching(db: PortalDb, options: { passwordHash: string | null; now?: Date }): void {
  const now = (options.now ?? new Date()).getTime();
  db.transaction((tx) => {
    const userByEmail = (email: string) =>
      tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id;
    const profileIds = new Map<string, number>();
    const recordIds = new Map<string, number>();
    for (const [orgName, buddies] of Object.entries(BUDDIES)) {
      const org = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, orgName)).get();
      if (!org) continue;
      const dep = (name: string) =>
        tx
          .select({ id: departments.id, siteId: departments.siteId })
          .from(departments)
          .where(and(eq(departments.organisationId, org.id), eq(departments.name, name)))
          .get();
      for (const b of buddies) {
        const d = dep(b.department);
        let userId = userByEmail(b.email);
        if (!userId && b.name) {
          userId = tx
            .insert(users)
            .values({ email: b.email, name: b.name, passwordHash: options.passwordHash })
            .returning({ id: users.id })
            .get().id;
          tx.insert(memberships)
            .values({ userId, organisationId: org.id, departmentId: d?.id ?? null, role: "employee" })
            .run();
        }
        if (!userId) continue;
        const profile = tx
          .insert(buddyProfiles)
          .values({
            organisationId: org.id,
            userId,
            profession: b.profession,
            siteId: d?.siteId ?? null,
            departmentId: d?.id ?? null,
            dutchLevel: b.dutch,
            languages: langs(b.languages),
            shifts: JSON.stringify(b.shifts),
            interests: JSON.stringify(b.interests),
            gender: b.gender,
            capacity: b.capacity,
            yearsInOrganisation: b.years,
            ownNewcomerExperience: b.experience,
            status: b.pausedDays ? "paused" : "active",
            pausedUntil: b.pausedDays ? date(now + b.pausedDays * DAY) : null,
          })
          .returning({ id: buddyProfiles.id })
          .get();
        profileIds.set(b.email, profile.id);
        if (b.trained) {
          tx.insert(moduleCompletions)
            .values({
              userId,
              organisationId: org.id,
              moduleKey: "being-a-buddy",
              score: 90,
              passedAt: iso(now - 120 * DAY),
            })
            .onConflictDoNothing()
            .run();
        }
      }
      for (const n of NEWCOMERS[orgName] ?? []) {
        const d = dep(n.department);
        const created = iso(now - n.createdDaysAgo * DAY);
        const record = tx
          .insert(newcomerRecords)
          .values({
            organisationId: org.id,
            userId: n.account ? (userByEmail(n.account) ?? null) : null,
            name: n.name,
            profession: n.profession,
            siteId: d?.siteId ?? null,
            departmentId: d?.id ?? null,
            startDate: date(now + n.startInDays * DAY),
            dutchLevel: n.dutch,
            languages: langs(n.languages),
            shifts: JSON.stringify(n.shifts),
            interests: JSON.stringify(n.interests),
            buddyGenderPreference: n.genderPreference ?? null,
            recognitionStatus: n.recognition,
            createdAt: created,
            updatedAt: created,
          })
          .returning({ id: newcomerRecords.id })
          .get();
        recordIds.set(n.key, record.id);
      }
    }

    const zas = tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, "ZAS Ziekenhuis aan de Stroom"))
      .get();
    const amal = recordIds.get("amal");
    const yonas = recordIds.get("yonas");
    const lieve = profileIds.get("lieve.maes@zas.example");
    const jonas = profileIds.get("verpleegkundige@zas.example");
    if (!zas || !amal || !yonas || !lieve || !jonas) return;

    // Amal and Lieve: accepted two weeks before Amal started; the week-1 check-in is done.
    const acceptedAt = now - 64 * DAY;
    const start = now - 50 * DAY;
    const active = tx
      .insert(matches)
      .values({
        organisationId: zas.id,
        newcomerId: amal,
        buddyId: lieve,
        status: "active",
        // The fit on 0–100 (decision 122): 93 of the 160 points the default weights allow.
        score: 58,
        explanation: JSON.stringify([
          { key: "sameDepartment", points: 30 },
          { key: "sameProfession", points: 30 },
          { key: "shiftOverlap", points: 20, count: 1 },
          { key: "seniority", points: 10 },
          { key: "sharedInterests", points: 3, count: 1 },
        ]),
        proposedAt: iso(acceptedAt - 2 * DAY),
        deadline: iso(acceptedAt + 3 * DAY),
        respondedAt: iso(acceptedAt),
        acceptedAt: iso(acceptedAt),
      })
      .returning({ id: matches.id })
      .get();
    const due = (days: number) => date(start + days * DAY);
    const addMonths = (months: number) => {
      const d = new Date(start);
      d.setUTCMonth(d.getUTCMonth() + months);
      return date(d.getTime());
    };
    tx.insert(checkIns)
      .values([
        {
          matchId: active.id,
          key: "week1",
          dueDate: due(7),
          doneAt: iso(start + 8 * DAY),
          note: "Eerste week goed verlopen; samen de afdeling en het dienstrooster overlopen.",
          doneByUserId: userByEmail("lieve.maes@zas.example") ?? null,
        },
        { matchId: active.id, key: "week6", dueDate: due(42) },
        { matchId: active.id, key: "month3", dueDate: addMonths(3) },
        { matchId: active.id, key: "month6", dueDate: addMonths(6) },
      ])
      .run();

    // Yonas and Jonas: proposed yesterday, waiting for Jonas's answer.
    tx.insert(matches)
      .values({
        organisationId: zas.id,
        newcomerId: yonas,
        buddyId: jonas,
        status: "proposed",
        // What a run computes for this pair (decision 122): 113 of 160 points, a fit of 71.
        score: 71,
        explanation: JSON.stringify([
          { key: "sameDepartment", points: 30 },
          { key: "sameProfession", points: 30 },
          { key: "shiftOverlap", points: 20, count: 2 },
          { key: "sharedLanguage", points: 20, language: "en" },
          { key: "sharedInterests", points: 3, count: 1 },
          { key: "seniority", points: 10 },
        ]),
        proposedAt: iso(now - DAY),
        deadline: iso(now + 4 * DAY),
      })
      .run();
  });
}

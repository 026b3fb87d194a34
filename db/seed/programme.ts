// Matching history in ten demo organisations without demo journeys (decision 046), so that the partners'
// programme indicators show every total and the per-country figures in the demo: each has two trained buddies,
// two newcomers (one match completed after six months, one active with the check-ins so far done) and the
// buddies' module completions. Five are Belgian, five Dutch, so each country has five organisations with
// matches (a breakdown cell needs five contributing organisations). Nine have no demo login; Thuiszorg Parkstad's
// HR login is used by no test journey. No check-in is overdue and none falls due within two months of the seeding day, so the reminder
// and pulse journeys of ZAS and Zuyderland see nothing new. Dates are relative to the seeding day; all people
// are fictional.
import { asc, eq } from "drizzle-orm";
import type { PortalDb } from "../client";
import { departments, memberships, organisations, users } from "../schema";
import { buddyProfiles, checkIns, matches, newcomerRecords } from "../schema-matching";
import { moduleCompletions } from "../schema-modules";

type Person = { name: string; profession: "nurse" | "social_worker" | "care_assistant"; languages: [string, string][] };
type History = {
  organisation: string;
  domain: string;
  buddies: [Person, Person];
  /** [completed, active]: the newcomers, with the days from their record to the accepted match */
  newcomers: [Person & { days: number }, Person & { days: number }];
  /** extra modules the buddies completed, beside "being-a-buddy" */
  modules: string[];
};

const HISTORY: History[] = [
  {
    organisation: "AZ Scheldeland",
    domain: "scheldeland",
    buddies: [
      {
        name: "Katrien De Bruyne",
        profession: "nurse",
        languages: [
          ["en", "C1"],
          ["fr", "B2"],
        ],
      },
      { name: "Pieter Van Hecke", profession: "nurse", languages: [["en", "B2"]] },
    ],
    newcomers: [
      {
        name: "Nadia Khaled",
        profession: "nurse",
        languages: [
          ["ar", "C2"],
          ["en", "B2"],
        ],
        days: 12,
      },
      {
        name: "Samir Haidari",
        profession: "nurse",
        languages: [
          ["fa", "C2"],
          ["en", "B1"],
        ],
        days: 21,
      },
    ],
    modules: ["intercultural-communication"],
  },
  {
    organisation: "Ziekenhuis Noorderkempen",
    domain: "noorderkempen",
    buddies: [
      {
        name: "Els Vermeulen",
        profession: "nurse",
        languages: [
          ["en", "B2"],
          ["fr", "B1"],
        ],
      },
      { name: "Jan Claessens", profession: "nurse", languages: [["en", "C1"]] },
    ],
    newcomers: [
      {
        name: "Tigist Alemu",
        profession: "nurse",
        languages: [
          ["am", "C2"],
          ["en", "B2"],
        ],
        days: 9,
      },
      {
        name: "Iryna Melnyk",
        profession: "nurse",
        languages: [
          ["uk", "C2"],
          ["en", "B2"],
        ],
        days: 16,
      },
    ],
    modules: ["language-sensitive-working"],
  },
  {
    organisation: "Woonzorggroep Leiedal",
    domain: "leiedal",
    buddies: [
      {
        name: "Ann Vandenberghe",
        profession: "care_assistant",
        languages: [
          ["en", "B1"],
          ["fr", "B2"],
        ],
      },
      { name: "Stijn Desmet", profession: "nurse", languages: [["en", "B2"]] },
    ],
    newcomers: [
      {
        name: "Aminata Traoré",
        profession: "nurse",
        languages: [
          ["fr", "C2"],
          ["en", "A2"],
        ],
        days: 18,
      },
      {
        name: "Rustam Nazarov",
        profession: "nurse",
        languages: [
          ["ru", "C2"],
          ["en", "B2"],
        ],
        days: 27,
      },
    ],
    modules: [],
  },
  {
    organisation: "Thuiszorg Waasland",
    domain: "waasland",
    buddies: [
      {
        name: "Veerle Martens",
        profession: "nurse",
        languages: [
          ["en", "B2"],
          ["fr", "B1"],
        ],
      },
      { name: "Koen Van Acker", profession: "social_worker", languages: [["en", "C1"]] },
    ],
    newcomers: [
      {
        name: "Hana Yousef",
        profession: "nurse",
        languages: [
          ["ar", "C2"],
          ["en", "B1"],
        ],
        days: 14,
      },
      {
        name: "Grace Mensah",
        profession: "social_worker",
        languages: [
          ["en", "C2"],
          ["fr", "B1"],
        ],
        days: 10,
      },
    ],
    modules: ["working-in-care-teams"],
  },
  {
    organisation: "Woonzorgnetwerk Dijlevallei",
    domain: "dijlevallei",
    buddies: [
      {
        name: "Sarah Peeters",
        profession: "nurse",
        languages: [
          ["en", "C1"],
          ["fr", "B2"],
        ],
      },
      {
        name: "Wim Hermans",
        profession: "care_assistant",
        languages: [
          ["en", "B1"],
          ["fr", "B1"],
        ],
      },
    ],
    newcomers: [
      {
        name: "Ahmad Sultani",
        profession: "nurse",
        languages: [
          ["ps", "C2"],
          ["en", "B1"],
        ],
        days: 24,
      },
      {
        name: "Marie-Claire Ngoy",
        profession: "nurse",
        languages: [
          ["fr", "C2"],
          ["ln", "C2"],
        ],
        days: 8,
      },
    ],
    modules: [],
  },
  {
    organisation: "Zorggroep Eemland",
    domain: "eemland",
    buddies: [
      {
        name: "Anouk de Vries",
        profession: "nurse",
        languages: [
          ["en", "C1"],
          ["de", "B1"],
        ],
      },
      { name: "Ruud Bakker", profession: "nurse", languages: [["en", "B2"]] },
    ],
    newcomers: [
      {
        name: "Selam Gebremedhin",
        profession: "nurse",
        languages: [
          ["ti", "C2"],
          ["en", "B1"],
        ],
        days: 15,
      },
      {
        name: "Kateryna Ivanenko",
        profession: "nurse",
        languages: [
          ["uk", "C2"],
          ["en", "B2"],
        ],
        days: 19,
      },
    ],
    modules: ["bias-in-selection"],
  },
  {
    organisation: "Thuiszorg Rijnstreek",
    domain: "rijnstreek",
    buddies: [
      { name: "Linda Visser", profession: "nurse", languages: [["en", "B2"]] },
      {
        name: "Mark de Groot",
        profession: "social_worker",
        languages: [
          ["en", "C1"],
          ["de", "B2"],
        ],
      },
    ],
    newcomers: [
      {
        name: "Farah Al-Masri",
        profession: "nurse",
        languages: [
          ["ar", "C2"],
          ["en", "B2"],
        ],
        days: 11,
      },
      { name: "Joseph Okafor", profession: "social_worker", languages: [["en", "C2"]], days: 29 },
    ],
    modules: [],
  },
  {
    organisation: "Ziekenhuis De Venen",
    domain: "devenen",
    buddies: [
      {
        name: "Esther Mulder",
        profession: "nurse",
        languages: [
          ["en", "C1"],
          ["fr", "B1"],
        ],
      },
      {
        name: "Bas Willemsen",
        profession: "nurse",
        languages: [
          ["en", "C1"],
          ["de", "B1"],
        ],
      },
    ],
    newcomers: [
      {
        name: "Dina Hamdan",
        profession: "nurse",
        languages: [
          ["ar", "C2"],
          ["en", "C1"],
        ],
        days: 13,
      },
      {
        name: "Pavel Horák",
        profession: "nurse",
        languages: [
          ["cs", "C2"],
          ["en", "B2"],
        ],
        days: 22,
      },
    ],
    modules: ["intercultural-communication", "language-sensitive-working"],
  },
  {
    organisation: "Stichting Zorgbrug Twente",
    domain: "zorgbrug",
    buddies: [
      {
        name: "Ingrid Kuipers",
        profession: "social_worker",
        languages: [
          ["en", "B2"],
          ["de", "C1"],
        ],
      },
      { name: "Thijs Oosterhuis", profession: "care_assistant", languages: [["en", "B2"]] },
    ],
    newcomers: [
      {
        name: "Berhane Kidane",
        profession: "social_worker",
        languages: [
          ["ti", "C2"],
          ["en", "B2"],
        ],
        days: 17,
      },
      {
        name: "Layla Rahman",
        profession: "social_worker",
        languages: [
          ["bn", "C2"],
          ["en", "C1"],
        ],
        days: 25,
      },
    ],
    modules: [],
  },
  {
    organisation: "Thuiszorg Parkstad",
    domain: "parkstad",
    buddies: [
      {
        name: "Monique Vranken",
        profession: "nurse",
        languages: [
          ["en", "B2"],
          ["de", "B2"],
        ],
      },
      {
        name: "Roel Hermans",
        profession: "nurse",
        languages: [
          ["en", "B1"],
          ["de", "C1"],
        ],
      },
    ],
    newcomers: [
      {
        name: "Zainab Hussaini",
        profession: "nurse",
        languages: [
          ["fa", "C2"],
          ["en", "B1"],
        ],
        days: 20,
      },
      {
        name: "Ali Demir",
        profession: "nurse",
        languages: [
          ["tr", "C2"],
          ["de", "B2"],
        ],
        days: 12,
      },
    ],
    modules: ["working-in-care-teams"],
  },
];

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => iso(ms).slice(0, 10);
const langs = (list: [string, string][]) => JSON.stringify(list.map(([code, level]) => ({ code, level })));
const slug = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".")
    .replace(/^\.|\.$/g, "");

/** Days after a match's start at which each check-in falls due (month 3 and 6 as whole months, about). */
const CHECK_IN_DAYS = [
  ["week1", 7],
  ["week6", 42],
  ["month3", 91],
  ["month6", 182],
] as const;

/** Adds the matching history above (after seedDemo's organisations exist; accounts of the buddies without a password). */
export function seedProgrammeHistory(db: PortalDb, options: { passwordHash: string | null; now?: Date }): void {
  const now = (options.now ?? new Date()).getTime();
  db.transaction((tx) => {
    HISTORY.forEach((h, index) => {
      const org = tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, h.organisation))
        .get();
      if (!org) return;
      const dep = tx
        .select({ id: departments.id, siteId: departments.siteId })
        .from(departments)
        .where(eq(departments.organisationId, org.id))
        .orderBy(asc(departments.id))
        .get();
      const buddyIds = h.buddies.map((b, i) => {
        const userId = tx
          .insert(users)
          .values({ email: `${slug(b.name)}@${h.domain}.example`, name: b.name, passwordHash: options.passwordHash })
          .returning({ id: users.id })
          .get().id;
        tx.insert(memberships)
          .values({ userId, organisationId: org.id, departmentId: dep?.id ?? null, role: "employee" })
          .run();
        for (const key of ["being-a-buddy", ...h.modules]) {
          tx.insert(moduleCompletions)
            .values({
              userId,
              organisationId: org.id,
              moduleKey: key,
              score: 80 + ((index + i) % 3) * 10,
              passedAt: iso(now - (300 + 10 * i) * DAY),
            })
            .onConflictDoNothing()
            .run();
        }
        return {
          userId,
          profileId: tx
            .insert(buddyProfiles)
            .values({
              organisationId: org.id,
              userId,
              profession: b.profession,
              siteId: dep?.siteId ?? null,
              departmentId: dep?.id ?? null,
              dutchLevel: "C2",
              languages: langs(b.languages),
              shifts: JSON.stringify(["day"]),
              capacity: 1,
              yearsInOrganisation: 3 + ((index + i) % 8),
            })
            .returning({ id: buddyProfiles.id })
            .get().id,
        };
      });
      // The completed match started about ten months ago, the active one 100–109 days ago (week 1, week 6 and
      // month 3 done; its month-6 check-in falls due 73–82 days after seeding).
      const starts = [300 + 5 * index, 100 + index];
      h.newcomers.forEach((n, i) => {
        const buddy = buddyIds[i];
        if (!buddy) return;
        const start = now - (starts[i] ?? 100) * DAY;
        const acceptedAt = start - 14 * DAY;
        const created = acceptedAt - n.days * DAY;
        const record = tx
          .insert(newcomerRecords)
          .values({
            organisationId: org.id,
            name: n.name,
            profession: n.profession,
            siteId: dep?.siteId ?? null,
            departmentId: dep?.id ?? null,
            startDate: date(start),
            dutchLevel: i === 0 ? "B2" : "B1",
            languages: langs(n.languages),
            shifts: JSON.stringify(["day"]),
            recognitionStatus: i === 0 ? "recognised" : "in_progress",
            createdAt: iso(created),
            updatedAt: iso(created),
          })
          .returning({ id: newcomerRecords.id })
          .get();
        const completed = i === 0;
        const match = tx
          .insert(matches)
          .values({
            organisationId: org.id,
            newcomerId: record.id,
            buddyId: buddy.profileId,
            status: completed ? "completed" : "active",
            score: 30 + 20,
            explanation: JSON.stringify([
              { key: "sameDepartment", points: 30 },
              { key: "shiftOverlap", points: 20, count: 1 },
            ]),
            proposedAt: iso(acceptedAt - 2 * DAY),
            deadline: iso(acceptedAt + 3 * DAY),
            respondedAt: iso(acceptedAt),
            acceptedAt: iso(acceptedAt),
            endedAt: completed ? iso(start + 190 * DAY) : null,
          })
          .returning({ id: matches.id })
          .get();
        tx.insert(checkIns)
          .values(
            CHECK_IN_DAYS.map(([key, days]) => {
              const due = start + days * DAY;
              const done = due <= now;
              return {
                matchId: match.id,
                key,
                dueDate: date(due),
                doneAt: done ? iso(due + DAY) : null,
                doneByUserId: done ? buddy.userId : null,
              };
            }),
          )
          .run();
      });
    });
  });
}

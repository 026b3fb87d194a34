import { hash } from "@node-rs/argon2";
import { count, eq } from "drizzle-orm";
import type { PortalDb } from "../client";
import { departments, memberships, organisations, sites, users } from "../schema";
import { seedModules } from "./modules";
import { seedMatching } from "./matching";
import { seedProgrammeHistory } from "./programme";
import { seedPulse } from "./pulse";
import { seedTrajectories } from "./trajectories";
import { DEMO_ORGANISATIONS, DEMO_USERS, type DemoOrganisation } from "./demo-data";
import { seedScans, type ScanScorer } from "./scan";

export function isSeeded(db: PortalDb): boolean {
  const row = db.select({ n: count() }).from(organisations).get();
  return (row?.n ?? 0) > 0;
}

type Writer = PortalDb | Parameters<Parameters<PortalDb["transaction"]>[0]>[0];

function insertOrganisation(db: Writer, org: DemoOrganisation): { id: number; departments: Map<string, number> } {
  const created = db
    .insert(organisations)
    .values({
      kind: org.kind,
      name: org.name,
      country: org.country,
      sector: org.sector,
      sizeBand: org.sizeBand,
      benchmarkConsent: org.benchmarkConsent,
    })
    .returning({ id: organisations.id })
    .get();
  const byName = new Map<string, number>();
  for (const site of org.sites) {
    const siteRow = db
      .insert(sites)
      .values({ organisationId: created.id, name: site.name, city: site.city })
      .returning({ id: sites.id })
      .get();
    for (const name of site.departments) {
      const dep = db
        .insert(departments)
        .values({ organisationId: created.id, siteId: siteRow.id, name })
        .returning({ id: departments.id })
        .get();
      byName.set(name, dep.id);
    }
  }
  return { id: created.id, departments: byName };
}

/** Fills an empty database with the demo world. Runs in one transaction: all or nothing. */
export async function seedDemo(db: PortalDb, options: { password: string; scoreScan: ScanScorer }): Promise<void> {
  // Hash outside the transaction: better-sqlite3 transactions must stay synchronous.
  // The library default is argon2id (m=19456, t=2, p=1).
  const passwordHash = await hash(options.password);
  db.transaction((tx) => {
    const orgIds = new Map<string, { id: number; departments: Map<string, number> }>();
    for (const org of DEMO_ORGANISATIONS) orgIds.set(org.key, insertOrganisation(tx, org));
    for (const person of DEMO_USERS) {
      const user = tx
        .insert(users)
        .values({ email: person.email, name: person.name, passwordHash, locale: person.locale ?? null })
        .returning({ id: users.id })
        .get();
      const org = person.organisationKey ? orgIds.get(person.organisationKey) : undefined;
      tx.insert(memberships)
        .values({
          userId: user.id,
          role: person.role,
          organisationId: org?.id ?? null,
          departmentId: person.department ? (org?.departments.get(person.department) ?? null) : null,
        })
        .run();
    }
  });
  seedScans(db, options.scoreScan);
  seedModules(db);
  seedMatching(db, { passwordHash });
  seedPulse(db);
  seedTrajectories(db);
  seedProgrammeHistory(db, { passwordHash: null });
}

const SECTORS_FOR_LARGE = ["hospital", "home_care", "elderly_care", "mental_health", "disability_care"] as const;
const SIZES_FOR_LARGE = ["small", "medium", "large", "very_large"] as const;

/** Adds N synthetic care organisations (with a site and three departments each) for benchmarks. */
export function seedLarge(db: PortalDb, n: number): number[] {
  const ids: number[] = [];
  db.transaction((tx) => {
    const start = (tx.select({ n: count() }).from(organisations).get()?.n ?? 0) + 1;
    for (let i = 0; i < n; i++) {
      const number = start + i;
      const org: DemoOrganisation = {
        key: `large-${number}`,
        kind: "care_provider",
        name: `Zorgorganisatie ${String(number).padStart(5, "0")}`,
        country: number % 2 === 0 ? "NL" : "BE",
        sector: SECTORS_FOR_LARGE[number % SECTORS_FOR_LARGE.length] ?? "hospital",
        sizeBand: SIZES_FOR_LARGE[number % SIZES_FOR_LARGE.length] ?? "medium",
        benchmarkConsent: number % 3 === 0,
        sites: [
          {
            name: "Hoofdlocatie",
            city: number % 2 === 0 ? "Utrecht" : "Brussel",
            departments: ["Afdeling A", "Afdeling B", "Afdeling C"],
          },
        ],
      };
      ids.push(insertOrganisation(tx, org).id);
    }
  });
  return ids;
}

export function findUserIdByEmail(db: PortalDb, email: string): number | undefined {
  return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id;
}

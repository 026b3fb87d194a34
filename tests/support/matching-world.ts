// A small care organisation of its own for matching tests: one HR user, buddies and newcomers made to measure,
// so a test knows every score it depends on (the demo seed's people stay untouched).
import { departments, memberships, organisations, users } from "@db/schema";
import { buddyProfiles, newcomerRecords } from "@db/schema-matching";
import { getDb } from "~/utils/db.server";
import { cookieFor } from "./requests";

type Person = { profession: string; department: "A" | "B"; dutchLevel?: string; shifts?: string[] };

export function matchingWorld(name: string) {
  const db = getDb();
  const org = db
    .insert(organisations)
    .values({
      kind: "care_provider",
      name,
      country: "BE",
      sector: "hospital",
      sizeBand: "medium",
      requireBuddyTraining: false,
    })
    .returning({ id: organisations.id })
    .get();
  const dep = {
    A: db
      .insert(departments)
      .values({ organisationId: org.id, name: "Afdeling A" })
      .returning({ id: departments.id })
      .get().id,
    B: db
      .insert(departments)
      .values({ organisationId: org.id, name: "Afdeling B" })
      .returning({ id: departments.id })
      .get().id,
  };
  const slug = name.toLowerCase().replace(/[^a-z]+/g, "-");
  const person = (local: string, displayName: string, role: "hr" | "employee") => {
    const user = db
      .insert(users)
      .values({ email: `${local}@${slug}.example`, name: displayName, locale: "nl" })
      .returning({ id: users.id })
      .get();
    db.insert(memberships).values({ userId: user.id, organisationId: org.id, role }).run();
    return user.id;
  };
  person("hr", `HR ${name}`, "hr");
  return {
    organisationId: org.id,
    hrCookie: () => cookieFor(`hr@${slug}.example`),
    buddyCookie: (local: string) => cookieFor(`${local}@${slug}.example`),
    buddy(local: string, displayName: string, p: Person & { capacity: number }) {
      const userId = person(local, displayName, "employee");
      return db
        .insert(buddyProfiles)
        .values({
          organisationId: org.id,
          userId,
          profession: p.profession,
          departmentId: dep[p.department],
          dutchLevel: p.dutchLevel ?? "C2",
          shifts: JSON.stringify(p.shifts ?? []),
          capacity: p.capacity,
        })
        .returning({ id: buddyProfiles.id })
        .get().id;
    },
    newcomer(displayName: string, p: Person) {
      return db
        .insert(newcomerRecords)
        .values({
          organisationId: org.id,
          name: displayName,
          profession: p.profession,
          departmentId: dep[p.department],
          startDate: "2027-03-01",
          dutchLevel: p.dutchLevel ?? "B1",
          shifts: JSON.stringify(p.shifts ?? []),
        })
        .returning({ id: newcomerRecords.id })
        .get().id;
    },
  };
}

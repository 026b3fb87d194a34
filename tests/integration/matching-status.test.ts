// Issue 17, "work done twice": the clock's status rules (match-status.ts) are applied by reads without writing,
// and the one write happens once, in the use case of the page that needs it (or on the scheduler's tick).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { forbiddenPairs, matches } from "@db/schema-matching";
import * as hrHome from "~/routes/hr._index";
import * as hrMatching from "~/routes/hr.matching._index";
import { getDb } from "~/utils/db.server";
import { matchingWorld } from "../support/matching-world";
import { call, get, seeded } from "../support/requests";

beforeAll(seeded);

describe("a proposal past its deadline", () => {
  it("counts as expired on HR's home page without that read writing anything; the matching page writes it once", async () => {
    const world = matchingWorld("Kliniek Klok");
    const buddy = world.buddy("gert", "Gert Wouters", { profession: "nurse", department: "A", capacity: 1 });
    const newcomer = world.newcomer("Sara Haddou", { profession: "nurse", department: "A" });
    const late = getDb()
      .insert(matches)
      .values({
        organisationId: world.organisationId,
        newcomerId: newcomer,
        buddyId: buddy,
        status: "proposed",
        score: 50,
        explanation: "[]",
        proposedAt: new Date(Date.now() - 6 * 86_400_000).toISOString(),
        deadline: new Date(Date.now() - 60_000).toISOString(),
      })
      .returning({ id: matches.id })
      .get();
    const statusNow = () =>
      getDb().select({ status: matches.status }).from(matches).where(eq(matches.id, late.id)).get()?.status;

    const home = await call(hrHome.loader, get("/hr", world.hrCookie()));
    expect((home.body as { waitingNewcomers: number }).waitingNewcomers).toBe(1);
    expect(statusNow()).toBe("proposed");
    expect(getDb().select().from(forbiddenPairs).where(eq(forbiddenPairs.newcomerId, newcomer)).all()).toHaveLength(0);

    const page = await call(hrMatching.loader, get("/hr/matching", world.hrCookie()));
    expect((page.body as { answered: { id: number; status: string }[] }).answered).toContainEqual(
      expect.objectContaining({ id: late.id, status: "expired" }),
    );
    expect(statusNow()).toBe("expired");
    expect(
      getDb()
        .select({ reason: forbiddenPairs.reason })
        .from(forbiddenPairs)
        .where(eq(forbiddenPairs.newcomerId, newcomer))
        .all(),
    ).toEqual([{ reason: "expired" }]);
  });
});

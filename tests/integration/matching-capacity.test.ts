// Issue 11, finding 14: a proposal waiting for the buddy's answer uses one of the buddy's slots, both in the
// solver's input and when a run is sent (decision 063).
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { matches } from "@db/schema-matching";
import { getRun, type RunView } from "~/features/matching/runs.server";
import * as hrMatching from "~/routes/hr.matching._index";
import * as hrRun from "~/routes/hr.matching.runs.$id";
import { getDb } from "~/utils/db.server";
import { translate } from "~/utils/i18n";
import { matchingWorld } from "../support/matching-world";
import { call, get, post, seeded } from "../support/requests";

let world: ReturnType<typeof matchingWorld>;
beforeAll(async () => {
  await seeded();
  world = matchingWorld("Kliniek Capaciteit");
});

const db = () => getDb();
const slotsUsed = (buddyId: number) =>
  db()
    .select({ id: matches.id, newcomerId: matches.newcomerId })
    .from(matches)
    .where(and(eq(matches.buddyId, buddyId), inArray(matches.status, ["proposed", "accepted", "active"])))
    .all();

describe("capacity and pending proposals", () => {
  let bea = 0;
  let anna = 0;
  let chris = 0;

  async function run(): Promise<RunView> {
    const started = await call(hrMatching.action, post("/hr/matching", { intent: "run" }, world.hrCookie()));
    expect(started.status).toBe(302);
    const id = Number(/\/hr\/matching\/runs\/(\d+)/.exec(started.location ?? "")?.[1]);
    return getRun(world.organisationId, id)!;
  }
  const send = (runId: number) =>
    call(hrRun.action, post(`/hr/matching/runs/${runId}`, { intent: "send", confirm: "yes" }, world.hrCookie()), {
      id: String(runId),
    });

  it("a re-run does not give a buddy's last slot to someone else while a proposal to them is pending", async () => {
    bea = world.buddy("bea", "Bea Buddy", { profession: "social_worker", department: "A", capacity: 1 });
    anna = world.newcomer("Anna Eerst", { profession: "nurse", department: "B" });
    const first = await run();
    expect(first.result.rows.find((r) => r.newcomerId === anna)?.chosen?.buddyId).toBe(bea);
    expect((await send(first.id)).status).toBe(302);
    expect(slotsUsed(bea)).toHaveLength(1);

    // Chris fits Bea far better (same department and profession) than Anna does, even with Anna's keep-bonus.
    chris = world.newcomer("Chris Later", { profession: "social_worker", department: "A" });
    const second = await run();
    const annaRow = second.result.rows.find((r) => r.newcomerId === anna)!;
    const chrisRow = second.result.rows.find((r) => r.newcomerId === chris)!;
    expect(annaRow.chosen).toMatchObject({ buddyId: bea, kept: true });
    expect(chrisRow.chosen).toBeNull();
    expect(chrisRow.reasons).toContainEqual({ rule: "taken", count: 1 });
    expect(second.certificateOk).toBe(true);

    const sent = await send(second.id);
    expect(sent.status).toBe(302);
    expect(sent.location).toContain("count=0");
    expect(slotsUsed(bea).map((m) => m.newcomerId)).toEqual([anna]);
  });

  it("HR is told on the run page why a pending proposal keeps its place", async () => {
    const third = await run();
    const page = await call(hrRun.loader, get(`/hr/matching/runs/${third.id}`, world.hrCookie()), {
      id: String(third.id),
    });
    expect(page.status).toBe(200);
    expect((page.body as { run: RunView }).run.result.rows.find((r) => r.newcomerId === anna)?.chosen?.kept).toBe(true);
    expect(translate("nl", "matching.run.heldNote")).toMatch(/capaciteit/);
    expect(translate("en", "matching.run.heldNote")).toMatch(/capacity/);
  });

  it("sending refuses a run when a proposal made since would put a buddy over capacity; nothing is sent", async () => {
    const dirk = world.buddy("dirk", "Dirk Daarna", { profession: "social_worker", department: "A", capacity: 1 });
    const draft = await run();
    expect(draft.result.rows.find((r) => r.newcomerId === chris)?.chosen?.buddyId).toBe(dirk);
    // Meanwhile Dirk's one slot is taken by a proposal for somebody else (as a send by a colleague would).
    const other = world.newcomer("Dana Tussendoor", { profession: "nurse", department: "B" });
    db()
      .insert(matches)
      .values({
        organisationId: world.organisationId,
        newcomerId: other,
        buddyId: dirk,
        status: "proposed",
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .run();

    const refused = await send(draft.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ formError: "matching.runFull" });
    expect(translate("nl", "matching.runFull")).not.toBe("matching.runFull");
    expect(slotsUsed(dirk).map((m) => m.newcomerId)).toEqual([other]);
    expect(db().select().from(matches).where(eq(matches.newcomerId, chris)).all()).toHaveLength(0);
    expect(getRun(world.organisationId, draft.id)?.status).toBe("draft");
  });
});

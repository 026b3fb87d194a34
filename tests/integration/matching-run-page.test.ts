// Issue 17: the matching run page in the one use-case shape. The route authorises and parses; `viewRun(user,
// { runId })` and `changeRun(user, { runId, …action })` take the signed-in HR user and typed input and answer
// with an Outcome; the organisation comes from the user, never from the URL.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { matches, matchingRuns } from "@db/schema-matching";
import { changeRun, getRun, viewRun } from "~/features/matching/runs.server";
import * as hrMatching from "~/routes/hr.matching._index";
import * as hrRun from "~/routes/hr.matching.runs.$id";
import { getDb } from "~/utils/db.server";
import { requireOrgRole } from "~/utils/permissions.server";
import { matchingWorld } from "../support/matching-world";
import { call, get, post, seeded } from "../support/requests";

beforeAll(seeded);

async function draftRun(world: ReturnType<typeof matchingWorld>): Promise<number> {
  const started = await call(hrMatching.action, post("/hr/matching", { intent: "run" }, world.hrCookie()));
  expect(started.status).toBe(302);
  return Number(/\/hr\/matching\/runs\/(\d+)/.exec(started.location ?? "")?.[1]);
}
const hrOf = (world: ReturnType<typeof matchingWorld>) => requireOrgRole(get("/hr/matching", world.hrCookie()), "hr");
const statusOf = (runId: number) =>
  getDb().select({ status: matchingRuns.status }).from(matchingRuns).where(eq(matchingRuns.id, runId)).get()?.status;

describe("the run page's use cases", () => {
  it("viewRun gives the organisation's own run with the answer days; another organisation's run is not found", async () => {
    const world = matchingWorld("Kliniek Runvorm Een");
    world.buddy("bea", "Bea Buddy", { profession: "nurse", department: "A", capacity: 1 });
    const nora = world.newcomer("Nora Nieuw", { profession: "nurse", department: "A" });
    const runId = await draftRun(world);
    const viewed = viewRun(hrOf(world), { runId });
    expect(viewed.ok).toBe(true);
    if (!viewed.ok) return;
    expect(viewed.value.run.id).toBe(runId);
    expect(viewed.value.run.result.rows.map((r) => r.newcomerId)).toEqual([nora]);
    expect(viewed.value.days).toBeGreaterThan(0);

    const other = matchingWorld("Kliniek Runvorm Ander");
    expect(viewRun(hrOf(other), { runId })).toMatchObject({ ok: false, reason: "not_found" });
  });

  it("changeRun pins, unpins and discards the run, and refuses another organisation's run without changing it", async () => {
    const world = matchingWorld("Kliniek Runvorm Twee");
    const bea = world.buddy("bea", "Bea Buddy", { profession: "nurse", department: "A", capacity: 1 });
    const nora = world.newcomer("Nora Nieuw", { profession: "nurse", department: "A" });
    const runId = await draftRun(world);
    const hr = hrOf(world);
    const other = hrOf(matchingWorld("Kliniek Runvorm Derde"));

    expect(await changeRun(other, { runId, intent: "pin", newcomerId: nora, buddyId: bea })).toMatchObject({
      ok: false,
      reason: "not_found",
    });
    expect(getRun(world.organisationId, runId)?.pins).toEqual({});

    expect(await changeRun(hr, { runId, intent: "pin", newcomerId: nora, buddyId: bea })).toEqual({
      ok: true,
      value: { done: "pinned" },
    });
    expect(getRun(world.organisationId, runId)?.pins).toEqual({ [String(nora)]: bea });
    expect(await changeRun(hr, { runId, intent: "unpin", newcomerId: nora })).toEqual({
      ok: true,
      value: { done: "pinned" },
    });
    expect(getRun(world.organisationId, runId)?.pins).toEqual({});
    expect(await changeRun(hr, { runId, intent: "pin", newcomerId: nora, buddyId: 999_999 })).toMatchObject({
      ok: false,
      reason: "invalid",
      message: "matching.buddyNotAllowed",
    });

    expect(await changeRun(other, { runId, intent: "discard" })).toMatchObject({ ok: false, reason: "not_found" });
    expect(statusOf(runId)).toBe("draft");
    expect(await changeRun(hr, { runId, intent: "discard" })).toEqual({ ok: true, value: { done: "discarded" } });
    expect(statusOf(runId)).toBe("discarded");
    expect(await changeRun(hr, { runId, intent: "discard" })).toMatchObject({
      ok: false,
      reason: "conflict",
      message: "matching.runNotDraft",
    });
  });

  it("changeRun sends the run: one proposal per chosen pair, and the run is sent", async () => {
    const world = matchingWorld("Kliniek Runvorm Vier");
    const bea = world.buddy("bea", "Bea Buddy", { profession: "nurse", department: "A", capacity: 1 });
    const nora = world.newcomer("Nora Nieuw", { profession: "nurse", department: "A" });
    const runId = await draftRun(world);
    expect(await changeRun(hrOf(world), { runId, intent: "send", confirm: "yes" })).toEqual({
      ok: true,
      value: { done: "sent", sent: 1 },
    });
    expect(statusOf(runId)).toBe("sent");
    expect(
      getDb()
        .select({ buddyId: matches.buddyId, status: matches.status })
        .from(matches)
        .where(eq(matches.newcomerId, nora))
        .all(),
    ).toEqual([{ buddyId: bea, status: "proposed" }]);
  });

  it("the route answers a bad post with a translated 400 and changes nothing", async () => {
    const world = matchingWorld("Kliniek Runvorm Vijf");
    world.buddy("bea", "Bea Buddy", { profession: "nurse", department: "A", capacity: 1 });
    world.newcomer("Nora Nieuw", { profession: "nurse", department: "A" });
    const runId = await draftRun(world);
    const params = { id: String(runId) };
    for (const [fields, message] of [
      [{}, "errors.badRequest"],
      [{ intent: "explode" }, "errors.badRequest"],
      [{ intent: "send" }, "confirm.required"],
      [{ intent: "pin", newcomerId: "abc" }, "errors.badRequest"],
    ] as const) {
      const refused = await call(hrRun.action, post(`/hr/matching/runs/${runId}`, fields, world.hrCookie()), params);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ ok: false, formError: message });
    }
    expect(statusOf(runId)).toBe("draft");
    const discarded = await call(
      hrRun.action,
      post(`/hr/matching/runs/${runId}`, { intent: "discard" }, world.hrCookie()),
      params,
    );
    expect(discarded).toMatchObject({ status: 302, location: "/hr/matching?notice=matching.run.discarded" });
  });
});

// Issue 14, matching scores: one fit per pair on 0–100, computed once with the run, stored with the proposal and
// shown the same on the preview, the buddy's proposal and both match pages; and after HR pins a pair the run
// page says what the pin cost instead of "no other assignment scores higher" (decision 122).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { matches } from "@db/schema-matching";
import type { RunView } from "~/features/matching/runs.server";
import type { OverrideCost } from "~/features/matching/fit";
import * as hrMatch from "~/routes/hr.matching.matches.$id";
import * as hrMatching from "~/routes/hr.matching._index";
import * as hrRun from "~/routes/hr.matching.runs.$id";
import * as buddyMatch from "~/routes/me.buddy.matches.$id";
import * as proposal from "~/routes/me.buddy.proposals.$id";
import { getDb } from "~/utils/db.server";
import { matchingWorld } from "../support/matching-world";
import { call, cookieFor, get, post, seeded } from "../support/requests";

beforeAll(seeded);

type RunPage = { run: RunView & { pinCost: OverrideCost | null } };

async function startRun(world: ReturnType<typeof matchingWorld>): Promise<number> {
  const started = await call(hrMatching.action, post("/hr/matching", { intent: "run" }, world.hrCookie()));
  expect(started.status).toBe(302);
  return Number(/\/hr\/matching\/runs\/(\d+)/.exec(started.location ?? "")?.[1]);
}
const runPage = async (world: ReturnType<typeof matchingWorld>, runId: number) =>
  (await call(hrRun.loader, get(`/hr/matching/runs/${runId}`, world.hrCookie()), { id: String(runId) }))
    .body as RunPage;
const fitShownFor = (page: RunPage, newcomerId: number) =>
  page.run.result.rows.find((r) => r.newcomerId === newcomerId)?.chosen?.fit;

describe("one fit per pair", () => {
  it("the preview, the buddy's proposal, and the HR and buddy match pages show the same 0–100 fit", async () => {
    const world = matchingWorld("Kliniek Passing");
    const bea = world.buddy("bea", "Bea Claes", { profession: "nurse", department: "A", shifts: ["day"], capacity: 1 });
    world.buddy("carl", "Carl Janssens", { profession: "nurse", department: "B", shifts: ["day"], capacity: 1 });
    const nina = world.newcomer("Nina Kovač", { profession: "nurse", department: "A", shifts: ["day"] });

    const runId = await startRun(world);
    const page = await runPage(world, runId);
    // Same department (30) + same profession (30) + the one shift (20) of the 160 points the default weights allow.
    expect(fitShownFor(page, nina)).toBe(50);
    expect(
      (
        await call(
          hrRun.action,
          post(`/hr/matching/runs/${runId}`, { intent: "send", confirm: "yes" }, world.hrCookie()),
          { id: String(runId) },
        )
      ).status,
    ).toBe(302);

    const m = getDb()
      .select()
      .from(matches)
      .where(and(eq(matches.newcomerId, nina), eq(matches.buddyId, bea)))
      .get()!;
    const offered = (
      await call(proposal.loader, get(`/me/buddy/proposals/${m.id}`, world.buddyCookie("bea")), { id: String(m.id) })
    ).body as { match: { score: number } };
    expect(offered.match.score).toBe(50);
    const accepted = await call(
      proposal.action,
      post(`/me/buddy/proposals/${m.id}`, { intent: "accept" }, world.buddyCookie("bea")),
      { id: String(m.id) },
    );
    expect(accepted.status).toBe(302);
    const hr = (await call(hrMatch.loader, get(`/hr/matching/matches/${m.id}`, world.hrCookie()), { id: String(m.id) }))
      .body as { match: { score: number } };
    const buddy = (
      await call(buddyMatch.loader, get(`/me/buddy/matches/${m.id}`, world.buddyCookie("bea")), { id: String(m.id) })
    ).body as { match: { score: number } };
    expect(hr.match.score).toBe(50);
    expect(buddy.match.score).toBe(50);
  });

  it("a proposal kept by a new run carries that run's fit, not the number it was first sent with", async () => {
    const world = matchingWorld("Kliniek Behoud");
    const dina = world.buddy("dina", "Dina Wouters", {
      profession: "nurse",
      department: "A",
      shifts: ["day"],
      capacity: 1,
    });
    const noor = world.newcomer("Noor Aziz", { profession: "nurse", department: "A", shifts: ["day"] });
    // A proposal sent earlier with a raw score (the way the demo's pending proposal was stored).
    const pending = getDb()
      .insert(matches)
      .values({
        organisationId: world.organisationId,
        newcomerId: noor,
        buddyId: dina,
        status: "proposed",
        score: 85,
        explanation: "[]",
        proposedAt: new Date().toISOString(),
        deadline: new Date(Date.now() + 4 * 86_400_000).toISOString(),
      })
      .returning({ id: matches.id })
      .get();

    const runId = await startRun(world);
    const page = await runPage(world, runId);
    expect(page.run.result.rows.find((r) => r.newcomerId === noor)?.chosen).toMatchObject({
      buddyId: dina,
      kept: true,
      fit: 50,
    });
    expect(
      (
        await call(
          hrRun.action,
          post(`/hr/matching/runs/${runId}`, { intent: "send", confirm: "yes" }, world.hrCookie()),
          { id: String(runId) },
        )
      ).status,
    ).toBe(302);
    const offered = (
      await call(proposal.loader, get(`/me/buddy/proposals/${pending.id}`, world.buddyCookie("dina")), {
        id: String(pending.id),
      })
    ).body as {
      match: { score: number; explanation: { key: string }[] };
    };
    expect(offered.match.score).toBe(50);
    expect(offered.match.explanation.map((c) => c.key)).toEqual(["sameDepartment", "sameProfession", "shiftOverlap"]);
  });
});

describe("the demo's pending proposal", () => {
  it("shows the same fit on Jonas's proposal page as in a new run's preview", async () => {
    const HR = cookieFor("hr@zas.example");
    const started = await call(hrMatching.action, post("/hr/matching", { intent: "run" }, HR));
    const runId = Number(/\/hr\/matching\/runs\/(\d+)/.exec(started.location ?? "")?.[1]);
    const page = (await call(hrRun.loader, get(`/hr/matching/runs/${runId}`, HR), { id: String(runId) }))
      .body as RunPage;
    const yonas = page.run.result.rows.find((r) => r.newcomerName === "Yonas Tesfay")!;
    expect(yonas.chosen).toMatchObject({ buddyName: "Jonas De Smet", kept: true });
    const pending = getDb()
      .select({ id: matches.id })
      .from(matches)
      .where(and(eq(matches.newcomerId, yonas.newcomerId), eq(matches.status, "proposed")))
      .get()!;
    const offered = (
      await call(proposal.loader, get(`/me/buddy/proposals/${pending.id}`, cookieFor("verpleegkundige@zas.example")), {
        id: String(pending.id),
      })
    ).body as { match: { score: number } };
    expect(offered.match.score).toBe(yonas.chosen!.fit);
    await call(hrRun.action, post(`/hr/matching/runs/${runId}`, { intent: "discard" }, HR), { id: String(runId) });
  });
});

describe("after HR overrides a pair", () => {
  it("the run page says what the override cost against the best assignment, and nothing once it is released", async () => {
    const world = matchingWorld("Kliniek Keuze");
    world.buddy("eva", "Eva Peeters", { profession: "nurse", department: "A", shifts: ["day"], capacity: 1 });
    const fien = world.buddy("fien", "Fien Maes", {
      profession: "nurse",
      department: "B",
      shifts: ["day"],
      capacity: 1,
    });
    const nina = world.newcomer("Nina Horvat", { profession: "nurse", department: "A", shifts: ["day"] });
    world.newcomer("Omar Said", { profession: "nurse", department: "B", shifts: ["day"] });

    const runId = await startRun(world);
    expect((await runPage(world, runId)).run.pinCost).toBeNull();
    const pinned = await call(
      hrRun.action,
      post(
        `/hr/matching/runs/${runId}`,
        { intent: "pin", newcomerId: String(nina), buddyId: String(fien) },
        world.hrCookie(),
      ),
      { id: String(runId) },
    );
    expect(pinned.status).toBe(302);
    const page = await runPage(world, runId);
    // Both newcomers still get a buddy, each in the other department: 2 × 80 → 2 × 50 raw points, 60 of 160 = 38.
    expect(page.run.certificateOk).toBe(true);
    expect(page.run.matched).toBe(2);
    expect(page.run.pinCost).toEqual({ fitPoints: 38, newcomers: 0 });
    expect(fitShownFor(page, nina)).toBe(31);

    await call(
      hrRun.action,
      post(`/hr/matching/runs/${runId}`, { intent: "unpin", newcomerId: String(nina) }, world.hrCookie()),
      { id: String(runId) },
    );
    expect((await runPage(world, runId)).run.pinCost).toBeNull();
  });
});

describe("the run page's action on the one use-case shape", () => {
  it("answers a pin without a newcomer with 400, the message and the field that is wrong; an unknown intent with 400", async () => {
    const world = matchingWorld("Kliniek Vorm");
    world.buddy("hans", "Hans Goossens", { profession: "nurse", department: "A", capacity: 1 });
    world.newcomer("Lina Amrani", { profession: "nurse", department: "A" });
    const runId = await startRun(world);
    const bad = await call(
      hrRun.action,
      post(`/hr/matching/runs/${runId}`, { intent: "pin", newcomerId: "" }, world.hrCookie()),
      { id: String(runId) },
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      ok: false,
      formError: "errors.badRequest",
      errors: { newcomerId: expect.any(Array) },
    });
    const unknown = await call(
      hrRun.action,
      post(`/hr/matching/runs/${runId}`, { intent: "frobnicate" }, world.hrCookie()),
      { id: String(runId) },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ ok: false, formError: "errors.badRequest" });
  });
});

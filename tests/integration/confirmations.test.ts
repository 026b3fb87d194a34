// Issue 14 (decision 150): an irreversible action posted without the confirmation step's field is refused with
// 400 and a translated message, and nothing changes; the same post with `confirm=yes` goes through. Erasing a
// newcomer is covered the same way in newcomer-erasure.test.ts.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { scans, users } from "@db/schema";
import { matches, matchingRuns } from "@db/schema-matching";
import * as hrMatching from "~/routes/hr.matching._index";
import * as hrRun from "~/routes/hr.matching.runs.$id";
import * as hrPeople from "~/routes/hr.people";
import * as scanRoute from "~/routes/hr.scans.$scanId";
import { getDb } from "~/utils/db.server";
import { translate } from "~/utils/i18n";
import { answersForAll, cookieOf, createCareOrganisation, createDraftScan } from "../support/factories";
import { matchingWorld } from "../support/matching-world";
import { call, cookieFor, post, seeded, userId } from "../support/requests";

beforeAll(seeded);

const db = () => getDb();
const unconfirmed: Record<string, string>[] = [{}, { confirm: "" }, { confirm: "no" }, { confirm: "on" }];

describe("irreversible actions need the confirmation step", () => {
  it("submitting (locking) a complete scan: refused without it, the scan stays a draft; with it the scan is locked", async () => {
    const world = createCareOrganisation();
    const scan = createDraftScan({
      organisationId: world.organisation.id,
      period: "2029",
      answers: answersForAll("3"),
      answeredBy: world.hr.id,
    });
    const params = { scanId: String(scan.id) };
    const hrCookie = cookieOf(world.hr);
    for (const extra of unconfirmed) {
      const refused = await call(
        scanRoute.action,
        post(`/hr/scans/${scan.id}`, { intent: "submit", ...extra }, hrCookie),
        params,
      );
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: "confirm.required" });
    }
    expect(db().select().from(scans).where(eq(scans.id, scan.id)).get()).toMatchObject({
      status: "draft",
      submittedAt: null,
    });
    const done = await call(
      scanRoute.action,
      post(`/hr/scans/${scan.id}`, { intent: "submit", confirm: "yes" }, hrCookie),
      params,
    );
    expect(done.status).toBe(302);
    expect(db().select().from(scans).where(eq(scans.id, scan.id)).get()?.status).toBe("submitted");
  });

  it("sending a matching round: refused without it, no proposal is made and the round stays a draft", async () => {
    const world = matchingWorld("Kliniek Bevestiging");
    world.buddy("bea", "Bea Buddy", { profession: "verpleegkundige", department: "A", capacity: 1 });
    world.newcomer("Nora Nieuw", { profession: "verpleegkundige", department: "A" });
    const started = await call(hrMatching.action, post("/hr/matching", { intent: "run" }, world.hrCookie()));
    const runId = Number(/\/hr\/matching\/runs\/(\d+)/.exec(started.location ?? "")?.[1]);
    expect(runId).toBeGreaterThan(0);
    for (const extra of unconfirmed) {
      const refused = await call(
        hrRun.action,
        post(`/hr/matching/runs/${runId}`, { intent: "send", ...extra }, world.hrCookie()),
        { id: String(runId) },
      );
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ formError: "confirm.required" });
    }
    expect(db().select().from(matchingRuns).where(eq(matchingRuns.id, runId)).get()?.status).toBe("draft");
    expect(db().select().from(matches).where(eq(matches.organisationId, world.organisationId)).all()).toHaveLength(0);
    const sent = await call(
      hrRun.action,
      post(`/hr/matching/runs/${runId}`, { intent: "send", confirm: "yes" }, world.hrCookie()),
      { id: String(runId) },
    );
    expect(sent.status).toBe(302);
    expect(db().select().from(matches).where(eq(matches.organisationId, world.organisationId)).all()).toHaveLength(1);
  });

  it("deactivating a person: refused without it, the person stays active; reactivating needs no confirmation", async () => {
    const hr = cookieFor("hr@zas.example");
    const person = userId("tom.peeters@zas.example");
    for (const extra of unconfirmed) {
      const refused = await call(
        hrPeople.action,
        post("/hr/people", { intent: "deactivate", userId: String(person), ...extra }, hr),
      );
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ formError: "confirm.required" });
    }
    expect(db().select().from(users).where(eq(users.id, person)).get()?.status).toBe("active");
    expect(
      (
        await call(
          hrPeople.action,
          post("/hr/people", { intent: "deactivate", userId: String(person), confirm: "yes" }, hr),
        )
      ).status,
    ).toBe(200);
    expect(db().select().from(users).where(eq(users.id, person)).get()?.status).toBe("deactivated");
    expect(
      (await call(hrPeople.action, post("/hr/people", { intent: "reactivate", userId: String(person) }, hr))).status,
    ).toBe(200);
    expect(db().select().from(users).where(eq(users.id, person)).get()?.status).toBe("active");
  });

  it("the refusal is a sentence in both languages, not a code", () => {
    expect(translate("nl", "confirm.required")).toBe("Bevestig eerst: deze actie kan niet ongedaan gemaakt worden.");
    expect(translate("en", "confirm.required")).toBe("Please confirm first: this action cannot be undone.");
  });
});

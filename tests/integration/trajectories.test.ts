// Issue 20: trajectories are scoped to HR's own organisation, refuse bad input with a translated 4xx and no
// change, are audited, exported by the newcomer, and erased with the record leaving only anonymous figures.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@db/schema";
import { newcomerRecords } from "@db/schema-matching";
import { trajectories, trajectoryAnonymousOutcomes, trajectorySteps } from "@db/schema-trajectories";
import * as accountExport from "~/routes/account.export";
import * as newcomerDetail from "~/routes/hr.newcomers.$id";
import * as detail from "~/routes/hr.newcomers.$id_.trajectory";
import * as overview from "~/routes/hr.newcomers.trajectories";
import * as mine from "~/routes/newcomer.trajectory";
import * as outcomes from "~/routes/partner.indicators_.outcomes";
import { getDb } from "~/utils/db.server";
import { translate } from "~/utils/i18n";
import { call, cookieFor, get, post, seeded } from "../support/requests";

beforeAll(seeded);

const db = () => getDb();
const amal = () => db().select().from(newcomerRecords).where(eq(newcomerRecords.name, "Amal Haddad")).get()!;
const stepsOf = (recordId: number) => {
  const t = db().select().from(trajectories).where(eq(trajectories.newcomerRecordId, recordId)).get();
  return t
    ? db()
        .select({ k: trajectorySteps.stepKey, d: trajectorySteps.reachedOn })
        .from(trajectorySteps)
        .where(eq(trajectorySteps.trajectoryId, t.id))
        .all()
    : [];
};
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe("trajectories: scope, bad input, audit", () => {
  it("HR records a step of its own newcomer; the change and the view are audited", async () => {
    const hr = cookieFor("hr@zas.example");
    const id = amal().id;
    const saved = await call(
      detail.action,
      post(
        `/hr/newcomers/${id}/trajectory`,
        { intent: "step", stepKey: "be_naric_equivalence", reachedOn: daysAgo(5) },
        hr,
      ),
      { id: String(id) },
    );
    expect(saved.status).toBe(302);
    expect(stepsOf(id)).toContainEqual({ k: "be_naric_equivalence", d: daysAgo(5) });
    const page = await call(detail.loader, get(`/hr/newcomers/${id}/trajectory`, hr), { id: String(id) });
    expect(page.status).toBe(200);
    const actions = db()
      .select({ a: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)))
      .all()
      .map((r) => r.a);
    expect(actions).toEqual(expect.arrayContaining(["trajectory.update", "trajectory.view"]));
  });

  it.each([
    [
      "a step in the future",
      { intent: "step", stepKey: "be_visum", reachedOn: daysAgo(-3) },
      "reachedOn",
      "trajectories.errors.future",
    ],
    [
      "a step out of order",
      { intent: "step", stepKey: "be_visum", reachedOn: daysAgo(400) },
      "reachedOn",
      "trajectories.errors.stepOrder",
    ],
    [
      "a step of the other country",
      { intent: "step", stepKey: "nl_big", reachedOn: daysAgo(1) },
      "stepKey",
      "trajectories.errors.unknownStep",
    ],
    [
      "a language level that is not CEFR",
      { intent: "language", level: "B3", measuredOn: daysAgo(1) },
      "level",
      "trajectories.errors.cefr",
    ],
    [
      "an outcome without a date",
      { intent: "outcome", outcome: "at_level", outcomeDate: "" },
      "outcomeDate",
      "trajectories.errors.outcomeDate",
    ],
    [
      "a reason with an outcome other than leaving",
      { intent: "outcome", outcome: "at_level", outcomeDate: daysAgo(1), reason: "moved_away" },
      "reason",
      "trajectories.errors.reasonOnlyLeft",
    ],
    [
      "a follow-up that has not come",
      { intent: "followUp", moment: "month12", situation: "at_level" },
      null,
      "trajectories.errors.followUpNotDue",
    ],
  ])("%s: 400 with a translated message, nothing changed", async (_name, fields, field, key) => {
    const hr = cookieFor("hr@zas.example");
    const id = amal().id;
    const before = JSON.stringify([
      stepsOf(id),
      db().select().from(trajectories).where(eq(trajectories.newcomerRecordId, id)).get(),
    ]);
    const refused = await call(detail.action, post(`/hr/newcomers/${id}/trajectory`, fields, hr), { id: String(id) });
    expect(refused.status).toBe(400);
    const body = refused.body as { formError: string; errors: Record<string, string[]> };
    if (field) expect(body.errors[field]).toContain(key);
    else expect(body.formError).toBe(key);
    expect(translate("nl", key as "trajectories.errors.future")).not.toBe(key);
    expect(translate("en", key as "trajectories.errors.future")).not.toBe(key);
    expect(
      JSON.stringify([
        stepsOf(id),
        db().select().from(trajectories).where(eq(trajectories.newcomerRecordId, id)).get(),
      ]),
    ).toBe(before);
  });

  it("another organisation's newcomer: 404 for views and changes, a security entry, nothing changed", async () => {
    const foreign = cookieFor("hr@zuyderland.example");
    const id = amal().id;
    const before = JSON.stringify(stepsOf(id));
    const view = await call(detail.loader, get(`/hr/newcomers/${id}/trajectory`, foreign), { id: String(id) });
    expect(view.status).toBe(404);
    const change = await call(
      detail.action,
      post(`/hr/newcomers/${id}/trajectory`, { intent: "step", stepKey: "be_visum", reachedOn: daysAgo(1) }, foreign),
      { id: String(id) },
    );
    expect(change.status).toBe(404);
    const confirm = await call(
      overview.action,
      post("/hr/newcomers/trajectories", { recordId: String(id), moment: "month6", situation: "left" }, foreign),
    );
    expect(confirm.status).toBe(404);
    expect(JSON.stringify(stepsOf(id))).toBe(before);
    const probes = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "security.foreign_id"), eq(auditLog.entityId, String(id))))
      .all();
    expect(probes.length).toBeGreaterThanOrEqual(3);
    // Zuyderland's overview lists only its own newcomers.
    const list = await call(overview.loader, get("/hr/newcomers/trajectories", foreign));
    const names = (list.body as { overview: { rows: { name: string }[] } }).overview.rows.map((r) => r.name);
    expect(names).not.toContain("Amal Haddad");
  });

  it("partners may open the outcome tables, HR and newcomers may not", async () => {
    expect(
      (await call(outcomes.loader, get("/partner/indicators/outcomes", cookieFor("onderzoek@thomasmore.example"))))
        .status,
    ).toBe(200);
    expect((await call(outcomes.loader, get("/partner/indicators/outcomes", cookieFor("hr@zas.example")))).status).toBe(
      403,
    );
    expect(
      (await call(outcomes.loader, get("/partner/indicators/outcomes", cookieFor("nieuwkomer@zas.example")))).status,
    ).toBe(403);
  });
});

describe("the newcomer's own route, export and erasure", () => {
  it("the newcomer sees and exports their route; erasure removes it and keeps only anonymous figures", async () => {
    const newcomer = cookieFor("nieuwkomer@zas.example");
    const { id, organisationId } = amal();
    const own = await call(mine.loader, get("/newcomer/trajectory", newcomer));
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).toContain("NARIC-Vlaanderen");
    const exported = await call(accountExport.loader, get("/account/export", newcomer));
    const data = exported.body as { trajectory: { steps: { step: string }[] } | null };
    expect(data.trajectory?.steps.map((s) => s.step)).toContain("be_naric_equivalence");

    const anonymousBefore = db()
      .select()
      .from(trajectoryAnonymousOutcomes)
      .where(eq(trajectoryAnonymousOutcomes.organisationId, organisationId))
      .all().length;
    const erased = await call(
      newcomerDetail.action,
      post(`/hr/newcomers/${id}`, { intent: "erase", confirm: "yes" }, cookieFor("hr@zas.example")),
      { id: String(id) },
    );
    expect(erased.status).toBe(302);
    expect(
      db().select({ name: newcomerRecords.name }).from(newcomerRecords).where(eq(newcomerRecords.id, id)).get(),
    ).toEqual({ name: "—" });
    expect(db().select().from(trajectories).where(eq(trajectories.newcomerRecordId, id)).all()).toHaveLength(0);
    expect(
      db()
        .$client.prepare(
          "SELECT count(*) AS n FROM trajectory_steps WHERE trajectory_id NOT IN (SELECT id FROM trajectories)",
        )
        .get(),
    ).toEqual({ n: 0 });
    const kept = db()
      .select()
      .from(trajectoryAnonymousOutcomes)
      .where(eq(trajectoryAnonymousOutcomes.organisationId, organisationId))
      .all();
    expect(kept).toHaveLength(anonymousBefore + 1);
    expect(Object.keys(kept[kept.length - 1] ?? {}).sort()).toEqual([
      "atLevel12",
      "id",
      "languageGain",
      "monthsToLevelContract",
      "monthsToRecognition",
      "organisationId",
      "retained12",
      "retained6",
    ]);
    const page = await call(detail.loader, get(`/hr/newcomers/${id}/trajectory`, cookieFor("hr@zas.example")), {
      id: String(id),
    });
    expect(page.status).toBe(404);
  });
});

// The scan through its loaders and actions, with real Requests on a real migrated SQLite file.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { instrumentItems, organisations, scanAnswers, scanDimensionScores, scans } from "@db/schema";
import { loadInstruments } from "@db/reference/instrument";
import { getInstrument } from "~/features/scan/instrument.server";
import { scoreScan, type AnswerValue } from "~/features/scan/scoring";
import * as answersRoute from "~/routes/hr.scans.$scanId_.answers";
import * as csvRoute from "~/routes/hr.scans.$scanId_.export[.]csv";
import * as jsonRoute from "~/routes/hr.scans.$scanId_.export[.]json";
import * as reportRoute from "~/routes/hr.scans.$scanId_.report";
import * as resultsRoute from "~/routes/hr.scans.$scanId_.results";
import * as scanRoute from "~/routes/hr.scans.$scanId";
import * as listRoute from "~/routes/hr.scans._index";
import { getDb } from "~/utils/db.server";
import { call, cookieFor, get, post, seeded } from "../support/requests";

beforeAll(seeded);

const ZAS_HR = "hr@zas.example";
const ZAS_HR2 = "diversiteit@zas.example";
const ZUYDERLAND_HR = "hr@zuyderland.example";

function orgId(name: string): number {
  const row = getDb().select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get();
  if (!row) throw new Error(name);
  return row.id;
}
function scanOf(orgName: string, period: string) {
  const row = getDb().select().from(scans).where(and(eq(scans.organisationId, orgId(orgName)), eq(scans.period, period))).get();
  if (!row) throw new Error(`${orgName} ${period}`);
  return row;
}
function answerRows(scanId: number) {
  return getDb().select().from(scanAnswers).where(eq(scanAnswers.scanId, scanId)).all();
}
const instrument = () => {
  const i = getInstrument(1);
  if (!i) throw new Error("no instrument");
  return i;
};
const allKeys = () => instrument().dimensions.flatMap((d) => d.items.map((i) => i.key));

async function startScan(cookie: string, period: string, start = "empty") {
  const result = await call(listRoute.action, post("/hr/scans", { period, start }, cookie));
  expect(result.status).toBe(302);
  return Number(/\/hr\/scans\/(\d+)/.exec(result.location ?? "")?.[1]);
}

describe("instrument", () => {
  it("version 1 has 8 dimensions × 5 items with both languages, help and 4 core items in the right dimensions", () => {
    const i = instrument();
    expect(i.dimensions.map((d) => d.key)).toEqual(["leadership", "recruitment", "recognition", "onboarding", "language", "team_culture", "wellbeing", "monitoring"]);
    for (const d of i.dimensions) {
      expect(d.items.map((x) => x.key)).toEqual([1, 2, 3, 4, 5].map((n) => `${d.key}.${n}`));
      for (const item of d.items) for (const text of [item.textNl, item.textEn, item.helpNl, item.helpEn]) expect(text.length).toBeGreaterThan(10);
      expect(d.moduleKeys.length).toBeGreaterThan(0);
    }
    const core = i.dimensions.flatMap((d) => d.items.filter((x) => x.core).map((x) => x.dimensionKey));
    expect(core).toEqual(["leadership", "onboarding", "language", "team_culture"]);
  });

  it("loading the reference data again changes nothing", () => {
    const before = getDb().select().from(instrumentItems).all();
    loadInstruments(getDb());
    loadInstruments(getDb());
    expect(getDb().select().from(instrumentItems).all()).toEqual(before);
  });
});

describe("demo scans", () => {
  it("ZAS has a submitted 2025 and a partly answered draft 2026", () => {
    expect(scanOf("ZAS Ziekenhuis aan de Stroom", "2025").status).toBe("submitted");
    const draft = scanOf("ZAS Ziekenhuis aan de Stroom", "2026");
    expect(draft.status).toBe("draft");
    const n = answerRows(draft.id).length;
    expect(n).toBeGreaterThan(5);
    expect(n).toBeLessThan(40);
  });

  it("at least 5 other care organisations have submitted scans, and every stored score is what the scoring rules give", () => {
    const submitted = getDb().select().from(scans).where(eq(scans.status, "submitted")).all();
    expect(new Set(submitted.map((s) => s.organisationId)).size).toBeGreaterThanOrEqual(6);
    for (const scan of submitted) {
      const answers: Record<string, AnswerValue> = {};
      for (const a of answerRows(scan.id)) answers[a.itemKey] = a.value as AnswerValue;
      const result = scoreScan(instrument(), answers);
      expect(scan.overallScore).toBe(result.overall);
      expect(scan.overallLevel).toBe(result.overallLevel);
      const stored = getDb().select().from(scanDimensionScores).where(eq(scanDimensionScores.scanId, scan.id)).all();
      for (const d of result.dimensions) {
        const row = stored.find((s) => s.dimensionKey === d.key);
        expect(row?.score ?? null).toBe(d.score);
        expect(row?.level ?? null).toBe(d.level);
      }
    }
  });
});

describe("the fill-in page", () => {
  it("shows one dimension at a time, with progress for all eight; by default the first with open items", async () => {
    const draft = scanOf("ZAS Ziekenhuis aan de Stroom", "2026");
    const params = { scanId: String(draft.id) };
    type Page = { current: { key: string; items: { key: string }[] }; answers: { itemKey: string }[]; dimensions: { key: string; answered: number; total: number }[]; answered: number; total: number; previousKey: string | null; nextKey: string | null };
    const first = (await call(scanRoute.loader, get(`/hr/scans/${draft.id}`, cookieFor(ZAS_HR)), params)).body as Page;
    const open = first.dimensions.find((d) => d.answered < d.total);
    expect(first.current.key).toBe(open?.key);
    expect(first.answered).toBe(answerRows(draft.id).length);
    expect(first.total).toBe(40);
    expect(first.dimensions.reduce((n, d) => n + d.answered, 0)).toBe(first.answered);
    const page = (await call(scanRoute.loader, get(`/hr/scans/${draft.id}?d=monitoring`, cookieFor(ZAS_HR)), params)).body as Page;
    expect(page.current.key).toBe("monitoring");
    expect(page.current.items.map((i) => i.key)).toEqual(["monitoring.1", "monitoring.2", "monitoring.3", "monitoring.4", "monitoring.5"]);
    expect(page.answers.every((a) => a.itemKey.startsWith("monitoring."))).toBe(true);
    expect([page.previousKey, page.nextKey]).toEqual(["wellbeing", null]);
    const unknown = (await call(scanRoute.loader, get(`/hr/scans/${draft.id}?d=nope`, cookieFor(ZAS_HR)), params)).body as Page;
    expect(unknown.current.key).toBe(first.current.key);
  });
});

describe("starting a scan", () => {
  it("refuses a malformed or taken period with a translated message and creates nothing", async () => {
    const cookie = cookieFor(ZAS_HR);
    const count = getDb().select().from(scans).all().length;
    const bad = await call(listRoute.action, post("/hr/scans", { period: "next year" }, cookie));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: { period: ["scan.errors.period"] } });
    const taken = await call(listRoute.action, post("/hr/scans", { period: "2025" }, cookie));
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ errors: { period: ["scan.errors.periodTaken"] } });
    expect(getDb().select().from(scans).all().length).toBe(count);
  });

  it("may start from the previous scan's answers", async () => {
    const cookie = cookieFor(ZUYDERLAND_HR);
    const id = await startScan(cookie, "2026", "previous");
    const previous = scanOf("Zuyderland Medisch Centrum", "2025");
    const copied = answerRows(id).map((a) => [a.itemKey, a.value, a.comment]);
    const original = answerRows(previous.id).map((a) => [a.itemKey, a.value, a.comment]);
    expect(copied.sort()).toEqual(original.sort());
    expect(copied.length).toBe(40);
  });
});

describe("answering", () => {
  let scanId: number;
  const path = () => `/hr/scans/${scanId}/answers`;
  const params = () => ({ scanId: String(scanId) });

  beforeAll(async () => {
    scanId = await startScan(cookieFor(ZAS_HR), "2027");
  });

  it("saves an answer at once and says who answered", async () => {
    const result = await call(answersRoute.action, post(path(), { itemKey: "leadership.1", value: "3", comment: "Beslissing directiecomité" }, cookieFor(ZAS_HR)), params());
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ answer: { itemKey: "leadership.1", value: "3", comment: "Beslissing directiecomité", revision: 1, answeredByName: "Sofie Janssens" }, replaced: null });
    expect(answerRows(scanId)).toHaveLength(1);
  });

  it("without JavaScript, the item's form post comes back to the same item", async () => {
    const result = await call(scanRoute.action, post(`/hr/scans/${scanId}`, { intent: "answer", itemKey: "leadership.2", value: "dont_know", comment: "" }, cookieFor(ZAS_HR)), params());
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/hr/scans/${scanId}?d=leadership&saved=leadership.2#item-leadership.2`);
    const page = await call(scanRoute.loader, get(`/hr/scans/${scanId}?d=leadership`, cookieFor(ZAS_HR)), params());
    expect(page.body).toMatchObject({ answers: expect.arrayContaining([expect.objectContaining({ itemKey: "leadership.2", value: "dont_know", answeredByName: "Sofie Janssens" })]) });
  });

  const bad: [string, Record<string, string>, number, string][] = [
    ["a value outside the scale", { itemKey: "leadership.3", value: "5" }, 400, "scan.errors.value"],
    ["an empty value", { itemKey: "leadership.3", value: "" }, 400, "scan.errors.value"],
    ["an unknown item key", { itemKey: "leadership.9", value: "2" }, 400, "scan.errors.unknownItem"],
    ["a malformed item key", { itemKey: "'; drop table", value: "2" }, 400, "scan.errors.unknownItem"],
    ["a comment over 1000 characters", { itemKey: "leadership.3", value: "2", comment: "x".repeat(1001) }, 400, "scan.errors.commentTooLong"],
  ];
  for (const [name, fields, status, error] of bad) {
    it(`refuses ${name} with ${status} and a translated message, changing nothing`, async () => {
      const before = answerRows(scanId);
      const result = await call(answersRoute.action, post(path(), fields, cookieFor(ZAS_HR)), params());
      expect(result.status).toBe(status);
      expect(result.body).toMatchObject({ error });
      expect(answerRows(scanId)).toEqual(before);
      const noJs = await call(scanRoute.action, post(`/hr/scans/${scanId}`, { intent: "answer", ...fields }, cookieFor(ZAS_HR)), params());
      expect(noJs.status).toBe(status);
      expect(noJs.body).toMatchObject({ error });
    });
  }

  it("answers a scan of another organisation with 404 and changes nothing", async () => {
    const before = answerRows(scanId);
    const result = await call(answersRoute.action, post(path(), { itemKey: "leadership.4", value: "2" }, cookieFor(ZUYDERLAND_HR)), params());
    expect(result.status).toBe(404);
    const page = await call(scanRoute.loader, get(`/hr/scans/${scanId}`, cookieFor(ZUYDERLAND_HR)), params());
    expect(page.status).toBe(404);
    expect(answerRows(scanId)).toEqual(before);
  });

  it("refuses employees", async () => {
    const result = await call(answersRoute.action, post(path(), { itemKey: "leadership.4", value: "2" }, cookieFor("verpleegkundige@zas.example")), params());
    expect(result.status).toBe(403);
  });

  it("two HR users answering different items never overwrite each other", async () => {
    const a = cookieFor(ZAS_HR);
    const b = cookieFor(ZAS_HR2);
    const results = await Promise.all([
      call(answersRoute.action, post(path(), { itemKey: "recruitment.1", value: "1" }, a), params()),
      call(answersRoute.action, post(path(), { itemKey: "recruitment.2", value: "4" }, b), params()),
      call(answersRoute.action, post(path(), { itemKey: "recruitment.3", value: "2" }, a), params()),
      call(answersRoute.action, post(path(), { itemKey: "recruitment.4", value: "0" }, b), params()),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const rows = new Map(answerRows(scanId).map((r) => [r.itemKey, r.value]));
    expect([rows.get("recruitment.1"), rows.get("recruitment.2"), rows.get("recruitment.3"), rows.get("recruitment.4")]).toEqual(["1", "4", "2", "0"]);
  });

  it("on the same item the last answer wins, and a stale page is told whose newer answer it replaced", async () => {
    const first = await call(answersRoute.action, post(path(), { itemKey: "onboarding.2", value: "2", baseRevision: "0" }, cookieFor(ZAS_HR)), params());
    expect(first.body).toMatchObject({ answer: { revision: 1 } });
    // Karim's page still shows revision 0 (no answer) when he answers.
    const second = await call(answersRoute.action, post(path(), { itemKey: "onboarding.2", value: "1", baseRevision: "0" }, cookieFor(ZAS_HR2)), params());
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ answer: { value: "1", revision: 2, answeredByName: "Karim Bouzid" }, replaced: { value: "2", byName: "Sofie Janssens" } });
    // Sofie, up to date, changes it again: nothing to warn about.
    const third = await call(answersRoute.action, post(path(), { itemKey: "onboarding.2", value: "3", baseRevision: "2" }, cookieFor(ZAS_HR)), params());
    expect(third.body).toMatchObject({ answer: { revision: 3, answeredByName: "Sofie Janssens" }, replaced: null });
  });

  it("submit is refused while items are unanswered, listing them", async () => {
    const result = await call(scanRoute.action, post(`/hr/scans/${scanId}`, { intent: "submit" }, cookieFor(ZAS_HR)), params());
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: "scan.errors.missingAnswers" });
    const missing = (result.body as { missing: string[] }).missing;
    expect(missing).toContain("leadership.3");
    expect(missing).not.toContain("leadership.1");
    expect(scanOf("ZAS Ziekenhuis aan de Stroom", "2027").status).toBe("draft");
  });

  it("submits when every item is answered, stores the scores of the rules and locks the scan", async () => {
    const cookie = cookieFor(ZAS_HR2);
    const answered = new Set(answerRows(scanId).map((r) => r.itemKey));
    const values: AnswerValue[] = ["0", "1", "2", "3", "4", "not_applicable"];
    let n = 0;
    for (const key of allKeys()) {
      if (answered.has(key)) continue;
      const value = values[n++ % values.length] ?? "2";
      const r = await call(answersRoute.action, post(path(), { itemKey: key, value }, cookie), params());
      expect(r.status).toBe(200);
    }
    const submit = await call(scanRoute.action, post(`/hr/scans/${scanId}`, { intent: "submit" }, cookie), params());
    expect(submit.status).toBe(302);
    expect(submit.location).toBe(`/hr/scans/${scanId}/results?notice=scan.submitted`);

    const answers: Record<string, AnswerValue> = {};
    for (const a of answerRows(scanId)) answers[a.itemKey] = a.value as AnswerValue;
    const expected = scoreScan(instrument(), answers);
    const scan = scanOf("ZAS Ziekenhuis aan de Stroom", "2027");
    expect(scan.status).toBe("submitted");
    expect(scan.overallScore).toBe(expected.overall);
    expect(scan.overallLevel).toBe(expected.overallLevel);

    const before = answerRows(scanId);
    const late = await call(answersRoute.action, post(path(), { itemKey: "leadership.1", value: "0" }, cookie), params());
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: "scan.errors.locked" });
    const again = await call(scanRoute.action, post(`/hr/scans/${scanId}`, { intent: "submit" }, cookie), params());
    expect(again.status).toBe(409);
    expect(answerRows(scanId)).toEqual(before);

    // Results, CSV and JSON hold the same numbers.
    const results = await call(resultsRoute.loader, get(`/hr/scans/${scanId}/results`, cookie), params());
    expect(results.status).toBe(200);
    const body = results.body as { result: { overall: number; dimensions: { key: string; score: number | null }[]; flaggedCoreItems: string[] }; trend: { period: string }[] };
    expect(body.result.overall).toBe(expected.overall);
    expect(body.result.dimensions).toEqual(expected.dimensions);
    expect(body.result.flaggedCoreItems).toEqual(expected.flaggedCoreItems);
    expect(body.trend.map((t) => t.period)).toEqual(["2025", "2027"]);

    const json = await call(jsonRoute.loader, get(`/hr/scans/${scanId}/export.json`, cookie), params());
    expect(json.headers.get("Content-Disposition")).toBe('attachment; filename="scan-zas-ziekenhuis-aan-de-stroom-2027.json"');
    const exported = json.body as { overall: { score: number; level: number }; dimensions: { key: string; score: number | null; level: number | null }[]; items: { key: string; value: string }[] };
    expect(exported.overall).toMatchObject({ score: expected.overall, level: expected.overallLevel });
    expect(exported.dimensions.map((d) => d.score)).toEqual(expected.dimensions.map((d) => d.score));
    expect(exported.items).toHaveLength(40);

    const csv = await call(csvRoute.loader, get(`/hr/scans/${scanId}/export.csv`, cookie), params());
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const lines = String(csv.body).trim().split("\r\n");
    expect(lines[0]).toBe("section,key,dimension,value,score,level,comment");
    expect(lines.filter((l) => l.startsWith("item,"))).toHaveLength(40);
    const overallLine = lines.find((l) => l.startsWith("overall,"))?.split(",");
    expect(Number(overallLine?.[4])).toBe(expected.overall);

    const report = await call(reportRoute.loader, get(`/hr/scans/${scanId}/report`, cookie), params());
    expect(report.status).toBe(200);
  });

  it("exports and results of another organisation's scan are 404", async () => {
    const cookie = cookieFor(ZUYDERLAND_HR);
    for (const fn of [resultsRoute.loader, reportRoute.loader, csvRoute.loader, jsonRoute.loader]) {
      const result = await call(fn, get(`/hr/scans/${scanId}/x`, cookie), { scanId: String(scanId) });
      expect(result.status).toBe(404);
    }
  });

  it("HR adds actions to the plan and changes their status; bad input changes nothing", async () => {
    const cookie = cookieFor(ZAS_HR);
    const url = `/hr/scans/${scanId}/results`;
    const added = await call(resultsRoute.action, post(url, { intent: "addAction", dimensionKey: "language", itemKey: "language.2", action: "Taalcoach inplannen tijdens werkuren", owner: "Karim Bouzid", dueDate: "2027-03-31" }, cookie), params());
    expect(added.status).toBe(302);
    const badCases: Record<string, string>[] = [
      { intent: "addAction", dimensionKey: "language", action: "", owner: "X Y" },
      { intent: "addAction", dimensionKey: "nope", action: "Iets doen", owner: "X Y" },
      { intent: "addAction", dimensionKey: "language", itemKey: "onboarding.1", action: "Iets doen", owner: "X Y" },
      { intent: "addAction", dimensionKey: "language", action: "Iets doen", owner: "X Y", dueDate: "31/03/2027" },
      { intent: "actionStatus", actionId: "1", status: "finished" },
    ];
    const results = await call(resultsRoute.loader, get(url, cookie), params());
    const actions = (results.body as { actions: { id: number; status: string; action: string }[] }).actions;
    expect(actions).toHaveLength(1);
    for (const fields of badCases) {
      const r = await call(resultsRoute.action, post(url, fields, cookie), params());
      expect(r.status, JSON.stringify(fields)).toBe(400);
    }
    const id = actions[0]?.id ?? 0;
    const changed = await call(resultsRoute.action, post(url, { intent: "actionStatus", actionId: String(id), status: "in_progress" }, cookie), params());
    expect(changed.status).toBe(302);
    const other = await call(resultsRoute.action, post(`/hr/scans/${scanOf("Zuyderland Medisch Centrum", "2025").id}/results`, { intent: "actionStatus", actionId: String(id), status: "done" }, cookieFor(ZUYDERLAND_HR)), { scanId: String(scanOf("Zuyderland Medisch Centrum", "2025").id) });
    expect(other.status).toBe(404);
    const after = await call(resultsRoute.loader, get(url, cookie), params());
    expect((after.body as { actions: { status: string }[] }).actions.map((a) => a.status)).toEqual(["in_progress"]);
  });
});

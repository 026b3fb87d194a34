// The scan through its loaders and actions, with real Requests on a real migrated SQLite file. Each test makes
// the organisation and scan it needs with the factories (decision 091); only the "demo scans" block reads the seed.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { instrumentItems, organisations, scanAnswers, scanDimensionScores, scans } from "@db/schema";
import { loadInstruments } from "@db/reference/instrument";
import { getInstrument } from "~/features/scan/instrument.server";
import type { AnswerValue } from "~/features/scan/scoring";
import * as answersRoute from "~/routes/hr.scans.$scanId_.answers";
import * as csvRoute from "~/routes/hr.scans.$scanId_.export[.]csv";
import * as jsonRoute from "~/routes/hr.scans.$scanId_.export[.]json";
import * as reportRoute from "~/routes/hr.scans.$scanId_.report";
import * as resultsRoute from "~/routes/hr.scans.$scanId_.results";
import * as actionsRoute from "~/routes/hr.scans.$scanId_.actions";
import * as scanRoute from "~/routes/hr.scans.$scanId";
import * as listRoute from "~/routes/hr.scans._index";
import { getDb } from "~/utils/db.server";
import { walCommits } from "../support/databases";
import {
  answersForAll,
  cookieOf,
  createCareOrganisation,
  createDraftScan,
  DIMENSION_KEYS,
  ITEM_KEYS,
} from "../support/factories";
import { call, get, post, seeded } from "../support/requests";

function scanRow(id: number) {
  const row = getDb().select().from(scans).where(eq(scans.id, id)).get();
  if (!row) throw new Error(`no scan ${id}`);
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

async function startScan(cookie: string, period: string, start = "empty") {
  const result = await call(listRoute.action, post("/hr/scans", { period, start }, cookie));
  expect(result.status).toBe(302);
  return Number(/\/hr\/scans\/(\d+)/.exec(result.location ?? "")?.[1]);
}

/** An organisation of its own with an empty draft scan, and what a test needs to answer it. */
function draftWorld(answers: Record<string, AnswerValue> = {}) {
  const world = createCareOrganisation();
  const scan = createDraftScan({
    organisationId: world.organisation.id,
    period: "2027",
    answers,
    answeredBy: world.hr.id,
  });
  const params = { scanId: String(scan.id) };
  const path = `/hr/scans/${scan.id}/answers`;
  const save = (cookie: string, fields: Record<string, string>) =>
    call(answersRoute.action, post(path, fields, cookie), params);
  return { ...world, scan, params, path, save, hrCookie: cookieOf(world.hr), hr2Cookie: cookieOf(world.hr2) };
}

/**
 * Answers of a complete scan whose scores are worked out by hand from the product rules (mean of the items
 * answered 0–4 × 25; fewer than 3 scored items: no score; overall: mean of the 8; level bands of 20; overall level
 * at most the lowest dimension level + 2; core items scored ≤ 1 flagged).
 */
const COMPLETE: Record<string, AnswerValue[]> = {
  leadership: ["1", "3", "3", "4", "4"], // 15/5 = 3 → 75, level 4; core item leadership.1 scored 1: flagged
  recruitment: ["4", "4", "4", "4", "3"], // 19/5 = 3.8 → 95, level 5
  recognition: ["0", "1", "dont_know", "not_applicable", "2"], // (0+1+2)/3 = 1 → 25, level 2
  onboarding: ["4", "4", "4", "4", "4"], // 100, level 5
  language: ["3", "0", "3", "not_applicable", "3"], // 9/4 = 2.25 → 56.25, level 3; core item language.2 scored 0: flagged
  team_culture: ["3", "3", "3", "3", "2"], // 14/5 = 2.8 → 70, level 4
  wellbeing: ["4", "3", "4", "3", "4"], // 18/5 = 3.6 → 90, level 5
  monitoring: ["0", "0", "1", "0", "0"], // 1/5 = 0.2 → 5, level 1
};
const COMPLETE_ANSWERS: Record<string, AnswerValue> = Object.fromEntries(
  Object.entries(COMPLETE).flatMap(([dimension, values]) =>
    values.map((value, i) => [`${dimension}.${i + 1}`, value] as const),
  ),
);
const EXPECTED_DIMENSIONS: [string, number, number][] = [
  ["leadership", 75, 4],
  ["recruitment", 95, 5],
  ["recognition", 25, 2],
  ["onboarding", 100, 5],
  ["language", 56.25, 3],
  ["team_culture", 70, 4],
  ["wellbeing", 90, 5],
  ["monitoring", 5, 1],
];
// (75 + 95 + 25 + 100 + 56.25 + 70 + 90 + 5) / 8 = 64.53125: level 4 on its own, capped to 1 + 2 = 3.
const EXPECTED_OVERALL = 64.53125;
const EXPECTED_LEVEL = 3;
const EXPECTED_FLAGGED = ["leadership.1", "language.2"];

/** A submitted scan of the world's organisation, submitted through the page's own action. */
async function submitted(world: ReturnType<typeof draftWorld>) {
  const filled = createDraftScan({
    organisationId: world.organisation.id,
    period: "2028",
    answers: COMPLETE_ANSWERS,
    answeredBy: world.hr.id,
  });
  const result = await call(
    scanRoute.action,
    post(`/hr/scans/${filled.id}`, { intent: "submit", confirm: "yes" }, world.hrCookie),
    { scanId: String(filled.id) },
  );
  expect(result.status).toBe(302);
  return filled.id;
}

describe("instrument", () => {
  it("version 1 has 8 dimensions × 5 items with both languages, help and 4 core items in the right dimensions", () => {
    const i = instrument();
    expect(i.dimensions.map((d) => d.key)).toEqual([
      "leadership",
      "recruitment",
      "recognition",
      "onboarding",
      "language",
      "team_culture",
      "wellbeing",
      "monitoring",
    ]);
    for (const d of i.dimensions) {
      expect(d.items.map((x) => x.key)).toEqual([1, 2, 3, 4, 5].map((n) => `${d.key}.${n}`));
      for (const item of d.items)
        for (const text of [item.textNl, item.textEn, item.helpNl, item.helpEn])
          expect(text.length).toBeGreaterThan(10);
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
  beforeAll(seeded);

  function demoScan(orgName: string, period: string) {
    const org = getDb()
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, orgName))
      .get();
    const row = getDb()
      .select()
      .from(scans)
      .where(and(eq(scans.organisationId, org?.id ?? 0), eq(scans.period, period)))
      .get();
    if (!row) throw new Error(`${orgName} ${period}`);
    return row;
  }

  it("ZAS has a submitted 2025 and a partly answered draft 2026", () => {
    expect(demoScan("ZAS Ziekenhuis aan de Stroom", "2025").status).toBe("submitted");
    const draft = demoScan("ZAS Ziekenhuis aan de Stroom", "2026");
    expect(draft.status).toBe("draft");
    const n = answerRows(draft.id).length;
    expect(n).toBeGreaterThan(5);
    expect(n).toBeLessThan(40);
  });

  it("at least 5 other care organisations have submitted scans, each with an overall score and eight dimension rows", () => {
    const submittedScans = getDb().select().from(scans).where(eq(scans.status, "submitted")).all();
    expect(new Set(submittedScans.map((s) => s.organisationId)).size).toBeGreaterThanOrEqual(6);
    for (const scan of submittedScans) {
      expect(scan.overallScore, scan.period).not.toBeNull();
      expect(
        getDb().select().from(scanDimensionScores).where(eq(scanDimensionScores.scanId, scan.id)).all(),
      ).toHaveLength(8);
    }
  });

  it("ZAS's 2025 scan stores the scores its answers give by hand", () => {
    // Recomputed from the seeded answers with SQL (mean of the values 0–4 per dimension × 25), not with scoring.ts.
    const scan = demoScan("ZAS Ziekenhuis aan de Stroom", "2025");
    const byHand = getDb()
      .$client.prepare(
        "select substr(item_key, 1, instr(item_key, '.') - 1) as dimension, avg(cast(value as real)) * 25 as score, count(*) as n from scan_answers where scan_id = ? and value in ('0','1','2','3','4') group by dimension",
      )
      .all(scan.id) as { dimension: string; score: number; n: number }[];
    const stored = getDb().select().from(scanDimensionScores).where(eq(scanDimensionScores.scanId, scan.id)).all();
    expect(byHand).toHaveLength(8);
    expect(byHand.every((d) => d.n >= 3)).toBe(true);
    for (const d of byHand)
      expect(stored.find((s) => s.dimensionKey === d.dimension)?.score, d.dimension).toBeCloseTo(d.score, 9);
    expect(scan.overallScore).toBeCloseTo(byHand.reduce((sum, d) => sum + d.score, 0) / 8, 9);
  });
});

describe("the fill-in page", () => {
  it("shows one dimension at a time, with progress for all eight; by default the first with open items", async () => {
    // Leadership complete, two recruitment items answered: recruitment is the first step with open items.
    const world = draftWorld({
      ...Object.fromEntries(ITEM_KEYS.slice(0, 5).map((k) => [k, "2" as const])),
      "recruitment.1": "3",
      "recruitment.4": "dont_know",
    });
    const { scan, params, hrCookie } = world;
    type Page = {
      current: { key: string; items: { key: string }[] };
      answers: { itemKey: string }[];
      dimensions: { key: string; answered: number; total: number }[];
      answered: number;
      total: number;
      previousKey: string | null;
      nextKey: string | null;
    };
    const first = (await call(scanRoute.loader, get(`/hr/scans/${scan.id}`, hrCookie), params)).body as Page;
    expect(first.current.key).toBe("recruitment");
    expect(first.answered).toBe(7);
    expect(first.total).toBe(40);
    expect(first.dimensions.map((d) => d.answered)).toEqual([5, 2, 0, 0, 0, 0, 0, 0]);
    expect(first.answers.map((a) => a.itemKey).sort()).toEqual(["recruitment.1", "recruitment.4"]);
    const page = (await call(scanRoute.loader, get(`/hr/scans/${scan.id}?d=monitoring`, hrCookie), params))
      .body as Page;
    expect(page.current.key).toBe("monitoring");
    expect(page.current.items.map((i) => i.key)).toEqual([
      "monitoring.1",
      "monitoring.2",
      "monitoring.3",
      "monitoring.4",
      "monitoring.5",
    ]);
    expect(page.answers).toEqual([]);
    expect([page.previousKey, page.nextKey]).toEqual(["wellbeing", null]);
    const unknown = (await call(scanRoute.loader, get(`/hr/scans/${scan.id}?d=nope`, hrCookie), params)).body as Page;
    expect(unknown.current.key).toBe("recruitment");
  });
});

describe("starting a scan", () => {
  it("refuses a malformed or taken period with a translated message and creates nothing", async () => {
    const world = createCareOrganisation();
    createDraftScan({ organisationId: world.organisation.id, period: "2025" });
    const cookie = cookieOf(world.hr);
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
    const world = createCareOrganisation();
    const previous = createDraftScan({
      organisationId: world.organisation.id,
      period: "2025",
      answers: answersForAll(
        (_, i) => (["0", "1", "2", "3", "4", "dont_know", "not_applicable"] as const)[i % 7] ?? "2",
      ),
      comments: { "leadership.1": "Beslissing directiecomité", "monitoring.5": "Jaarlijks" },
      answeredBy: world.hr2.id,
    });
    const id = await startScan(cookieOf(world.hr), "2026", "previous");
    const copied = answerRows(id).map((a) => [a.itemKey, a.value, a.comment]);
    const original = answerRows(previous.id).map((a) => [a.itemKey, a.value, a.comment]);
    expect(copied.sort()).toEqual(original.sort());
    expect(copied.length).toBe(40);
  });
});

describe("answering", () => {
  it("saves an answer at once and says who answered", async () => {
    const { save, hrCookie, hr, scan } = draftWorld();
    const result = await save(hrCookie, { itemKey: "leadership.1", value: "3", comment: "Beslissing directiecomité" });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      answer: {
        itemKey: "leadership.1",
        value: "3",
        comment: "Beslissing directiecomité",
        revision: 1,
        answeredByName: hr.name,
      },
      replaced: null,
    });
    expect(answerRows(scan.id)).toHaveLength(1);
  });

  it("without JavaScript, the item's form post comes back to the same item", async () => {
    const { scan, params, hrCookie, hr } = draftWorld();
    const result = await call(
      scanRoute.action,
      post(
        `/hr/scans/${scan.id}`,
        { intent: "answer", itemKey: "leadership.2", value: "dont_know", comment: "" },
        hrCookie,
      ),
      params,
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/hr/scans/${scan.id}?d=leadership&saved=leadership.2#item-leadership.2`);
    const page = await call(scanRoute.loader, get(`/hr/scans/${scan.id}?d=leadership`, hrCookie), params);
    expect(page.body).toMatchObject({
      answers: expect.arrayContaining([
        expect.objectContaining({ itemKey: "leadership.2", value: "dont_know", answeredByName: hr.name }),
      ]),
    });
  });

  const bad: [string, Record<string, string>, number, string][] = [
    ["a value outside the scale", { itemKey: "leadership.3", value: "5" }, 400, "scan.errors.value"],
    ["an empty value", { itemKey: "leadership.3", value: "" }, 400, "scan.errors.value"],
    ["an unknown item key", { itemKey: "leadership.9", value: "2" }, 400, "scan.errors.unknownItem"],
    ["a malformed item key", { itemKey: "'; drop table", value: "2" }, 400, "scan.errors.unknownItem"],
    [
      "a comment over 1000 characters",
      { itemKey: "leadership.3", value: "2", comment: "x".repeat(1001) },
      400,
      "scan.errors.commentTooLong",
    ],
  ];
  for (const [name, fields, status, error] of bad) {
    it(`refuses ${name} with ${status} and a translated message, changing nothing`, async () => {
      const { scan, params, save, hrCookie } = draftWorld({ "leadership.1": "2", "leadership.3": "1" });
      const before = answerRows(scan.id);
      const result = await save(hrCookie, fields);
      expect(result.status).toBe(status);
      expect(result.body).toMatchObject({ error });
      expect(answerRows(scan.id)).toEqual(before);
      const noJs = await call(
        scanRoute.action,
        post(`/hr/scans/${scan.id}`, { intent: "answer", ...fields }, hrCookie),
        params,
      );
      expect(noJs.status).toBe(status);
      expect(noJs.body).toMatchObject({ error });
      expect(answerRows(scan.id)).toEqual(before);
    });
  }

  it("answers a scan of another organisation with 404 and changes nothing", async () => {
    const { scan, params, save } = draftWorld({ "leadership.1": "2" });
    const other = cookieOf(createCareOrganisation().hr);
    const before = answerRows(scan.id);
    const result = await save(other, { itemKey: "leadership.4", value: "2" });
    expect(result.status).toBe(404);
    const page = await call(scanRoute.loader, get(`/hr/scans/${scan.id}`, other), params);
    expect(page.status).toBe(404);
    expect(answerRows(scan.id)).toEqual(before);
  });

  it("refuses employees", async () => {
    const { save, employee, scan } = draftWorld();
    const result = await save(cookieOf(employee), { itemKey: "leadership.4", value: "2" });
    expect(result.status).toBe(403);
    expect(answerRows(scan.id)).toEqual([]);
  });

  it("two HR users answering different items never overwrite each other", async () => {
    const { save, hrCookie: a, hr2Cookie: b, scan } = draftWorld();
    const results = await Promise.all([
      save(a, { itemKey: "recruitment.1", value: "1" }),
      save(b, { itemKey: "recruitment.2", value: "4" }),
      save(a, { itemKey: "recruitment.3", value: "2" }),
      save(b, { itemKey: "recruitment.4", value: "0" }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const rows = new Map(answerRows(scan.id).map((r) => [r.itemKey, r.value]));
    expect([
      rows.get("recruitment.1"),
      rows.get("recruitment.2"),
      rows.get("recruitment.3"),
      rows.get("recruitment.4"),
    ]).toEqual(["1", "4", "2", "0"]);
  });

  it("on the same item the last answer wins, and a stale page is told whose newer answer it replaced", async () => {
    const { save, hrCookie, hr2Cookie, hr, hr2 } = draftWorld();
    const first = await save(hrCookie, { itemKey: "onboarding.2", value: "2", baseRevision: "0" });
    expect(first.body).toMatchObject({ answer: { revision: 1 } });
    // The colleague's page still shows revision 0 (no answer) when he answers.
    const second = await save(hr2Cookie, { itemKey: "onboarding.2", value: "1", baseRevision: "0" });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      answer: { value: "1", revision: 2, answeredByName: hr2.name },
      replaced: { value: "2", byName: hr.name },
    });
    // She, up to date, changes it again: nothing to warn about.
    const third = await save(hrCookie, { itemKey: "onboarding.2", value: "3", baseRevision: "2" });
    expect(third.body).toMatchObject({ answer: { revision: 3, answeredByName: hr.name }, replaced: null });
  });

  it("a user's own older tab is not warned about her own newer answer; a colleague's newer answer is", async () => {
    const { save, hrCookie, hr2Cookie, hr2 } = draftWorld();
    // Two tabs of the same user showed revision 0; she answers in the first, then in the second, stale one.
    expect((await save(hrCookie, { itemKey: "language.1", value: "2", baseRevision: "0" })).body).toMatchObject({
      answer: { revision: 1 },
    });
    const ownStaleTab = await save(hrCookie, { itemKey: "language.1", value: "4", baseRevision: "0" });
    expect(ownStaleTab.status).toBe(200);
    expect(ownStaleTab.body).toMatchObject({ answer: { value: "4", revision: 2 }, replaced: null });
    // Her colleague answers; her tab, still at revision 2, is told whose answer she replaces.
    expect((await save(hr2Cookie, { itemKey: "language.1", value: "1", baseRevision: "2" })).body).toMatchObject({
      answer: { revision: 3 },
      replaced: null,
    });
    const overColleague = await save(hrCookie, { itemKey: "language.1", value: "3", baseRevision: "2" });
    expect(overColleague.body).toMatchObject({
      answer: { value: "3", revision: 4 },
      replaced: { value: "1", byName: hr2.name },
    });
  });

  it("saves that arrive together are committed together (group commit, decision 013), each with its own answer", async () => {
    const { save, hrCookie, hr2Cookie, scan } = draftWorld();
    const file = process.env.DATABASE_PATH ?? "";
    // Sessions exist before the log is emptied, so the saves are all the log will hold.
    const cookies = [hrCookie, hr2Cookie];
    getDb().$client.pragma("wal_checkpoint(TRUNCATE)");
    expect(walCommits(file)).toBe(0);
    const results = await Promise.all(
      ITEM_KEYS.slice(0, 20).map((itemKey, i) => save(cookies[i % 2] ?? hrCookie, { itemKey, value: String(i % 5) })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(results.map((r) => (r.body as { answer: { itemKey: string } }).answer.itemKey)).toEqual(
      ITEM_KEYS.slice(0, 20),
    );
    expect(answerRows(scan.id)).toHaveLength(20);
    // Twenty answers, one transaction (one fsync): a flush per save would show twenty.
    expect(walCommits(file)).toBe(1);
  });

  it("submit is refused while items are unanswered, listing them", async () => {
    const answers = answersForAll("2");
    delete answers["leadership.3"];
    delete answers["monitoring.5"];
    const { scan, params, hr2Cookie } = draftWorld(answers);
    const result = await call(
      scanRoute.action,
      post(`/hr/scans/${scan.id}`, { intent: "submit", confirm: "yes" }, hr2Cookie),
      params,
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      error: "scan.errors.missingAnswers",
      missing: ["leadership.3", "monitoring.5"],
    });
    expect(scanRow(scan.id).status).toBe("draft");
  });

  it("the refused submit names the unanswered items by number and statement, never by key", async () => {
    const answers = answersForAll("2");
    delete answers["leadership.3"];
    delete answers["monitoring.5"];
    const { scan, params, hr2Cookie } = draftWorld(answers);
    const result = await call(
      scanRoute.action,
      post(`/hr/scans/${scan.id}`, { intent: "submit", confirm: "yes" }, hr2Cookie),
      params,
    );
    const items = (result.body as { missingItems: { key: string; dimensionKey: string; label: string }[] })
      .missingItems;
    const text = (key: string) =>
      instrument()
        .dimensions.flatMap((d) => d.items)
        .find((i) => i.key === key)?.textNl;
    expect(items).toEqual([
      { key: "leadership.3", dimensionKey: "leadership", label: `1.3 ${text("leadership.3")}` },
      { key: "monitoring.5", dimensionKey: "monitoring", label: `8.5 ${text("monitoring.5")}` },
    ]);
  });

  it("submits when every item is answered, stores the scores of the rules and locks the scan", async () => {
    // Half the answers are saved through the autosave, as HR fills them in; the rest were there already.
    const world = draftWorld(Object.fromEntries(ITEM_KEYS.slice(0, 20).map((k) => [k, COMPLETE_ANSWERS[k] ?? "2"])));
    const { scan, params, save, hr2Cookie: cookie } = world;
    for (const key of ITEM_KEYS.slice(20)) {
      const r = await save(cookie, { itemKey: key, value: COMPLETE_ANSWERS[key] ?? "2" });
      expect(r.status).toBe(200);
    }
    const submit = await call(
      scanRoute.action,
      post(`/hr/scans/${scan.id}`, { intent: "submit", confirm: "yes" }, cookie),
      params,
    );
    expect(submit.status).toBe(302);
    expect(submit.location).toBe(`/hr/scans/${scan.id}/results?notice=scan.submitted`);

    const stored = scanRow(scan.id);
    expect(stored.status).toBe("submitted");
    expect(stored.overallScore).toBeCloseTo(EXPECTED_OVERALL, 10);
    expect(stored.overallLevel).toBe(EXPECTED_LEVEL);
    const dimensionRows = getDb()
      .select()
      .from(scanDimensionScores)
      .where(eq(scanDimensionScores.scanId, scan.id))
      .all();
    expect(
      DIMENSION_KEYS.map((key) => dimensionRows.find((r) => r.dimensionKey === key)).map((r) => [
        r?.dimensionKey,
        r?.score,
        r?.level,
      ]),
    ).toEqual(EXPECTED_DIMENSIONS);

    const before = answerRows(scan.id);
    const late = await save(cookie, { itemKey: "leadership.1", value: "0" });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: "scan.errors.locked" });
    const again = await call(
      scanRoute.action,
      post(`/hr/scans/${scan.id}`, { intent: "submit", confirm: "yes" }, cookie),
      params,
    );
    expect(again.status).toBe(409);
    expect(answerRows(scan.id)).toEqual(before);

    // Results, CSV and JSON hold the same numbers.
    const results = await call(resultsRoute.loader, get(`/hr/scans/${scan.id}/results`, cookie), params);
    expect(results.status).toBe(200);
    const body = results.body as {
      result: {
        overall: number;
        overallLevel: number;
        capped: boolean;
        dimensions: { key: string; score: number | null; level: number | null }[];
        flaggedCoreItems: string[];
      };
      trend: { period: string }[];
    };
    expect(body.result.overall).toBeCloseTo(EXPECTED_OVERALL, 10);
    expect([body.result.overallLevel, body.result.capped]).toEqual([EXPECTED_LEVEL, true]);
    expect(body.result.dimensions.map((d) => [d.key, d.score, d.level])).toEqual(EXPECTED_DIMENSIONS);
    expect(body.result.flaggedCoreItems).toEqual(EXPECTED_FLAGGED);
    expect(body.trend.map((t) => t.period)).toEqual(["2027"]);

    const json = await call(jsonRoute.loader, get(`/hr/scans/${scan.id}/export.json`, cookie), params);
    const slug = world.organisation.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    expect(json.headers.get("Content-Disposition")).toBe(`attachment; filename="scan-${slug}-2027.json"`);
    const exported = json.body as {
      overall: { score: number; level: number };
      dimensions: { key: string; score: number | null; level: number | null }[];
      items: { key: string; value: string }[];
    };
    expect(exported.overall.level).toBe(EXPECTED_LEVEL);
    expect(exported.overall.score).toBeCloseTo(EXPECTED_OVERALL, 10);
    expect(exported.dimensions.map((d) => [d.key, d.score, d.level])).toEqual(EXPECTED_DIMENSIONS);
    expect(exported.items).toHaveLength(40);

    const csv = await call(csvRoute.loader, get(`/hr/scans/${scan.id}/export.csv`, cookie), params);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const lines = String(csv.body).trim().split("\r\n");
    expect(lines[0]).toBe("Onderdeel;Nr.;Thema;Uitspraak;Antwoord;Score;Niveau;Niveau (naam);Toelichting");
    expect(lines.filter((l) => l.startsWith("Uitspraak;"))).toHaveLength(40);
    expect(lines.filter((l) => l.startsWith("Thema;")).map((l) => l.split(";").slice(5, 7))).toContainEqual(["5", "1"]);
    const overallLine = lines.find((l) => l.startsWith("Totaal;"))?.split(";");
    expect(Number(overallLine?.[5]?.replace(",", "."))).toBeCloseTo(EXPECTED_OVERALL, 10);

    const report = await call(reportRoute.loader, get(`/hr/scans/${scan.id}/report`, cookie), params);
    expect(report.status).toBe(200);
  });

  it("a dimension with fewer than three items answered 0–4 has no score, and then neither has the scan", async () => {
    const answers = { ...COMPLETE_ANSWERS, "language.1": "dont_know", "language.3": "not_applicable" } as const;
    const world = draftWorld(answers);
    const submit = await call(
      scanRoute.action,
      post(`/hr/scans/${world.scan.id}`, { intent: "submit", confirm: "yes" }, world.hrCookie),
      world.params,
    );
    expect(submit.status).toBe(302);
    const stored = scanRow(world.scan.id);
    expect([stored.overallScore, stored.overallLevel]).toEqual([null, null]);
    const language = getDb()
      .select()
      .from(scanDimensionScores)
      .where(and(eq(scanDimensionScores.scanId, world.scan.id), eq(scanDimensionScores.dimensionKey, "language")))
      .get();
    expect([language?.score, language?.level]).toEqual([null, null]);
  });

  it("exports and results of another organisation's scan are 404", async () => {
    const world = draftWorld();
    const scanId = await submitted(world);
    const cookie = cookieOf(createCareOrganisation().hr);
    for (const fn of [resultsRoute.loader, reportRoute.loader, csvRoute.loader, jsonRoute.loader]) {
      const result = await call(fn, get(`/hr/scans/${scanId}/x`, cookie), { scanId: String(scanId) });
      expect(result.status).toBe(404);
    }
  });

  it("HR adds actions to the plan and changes their status; bad input changes nothing", async () => {
    const world = draftWorld();
    const scanId = await submitted(world);
    const params = { scanId: String(scanId) };
    const cookie = world.hrCookie;
    const url = `/hr/scans/${scanId}/results`;
    const actionsUrl = `/hr/scans/${scanId}/actions`;
    const added = await call(
      actionsRoute.action,
      post(
        actionsUrl,
        {
          intent: "addAction",
          dimensionKey: "language",
          itemKey: "language.2",
          action: "Taalcoach inplannen tijdens werkuren",
          owner: "Karim Bouzid",
          dueDate: "2027-03-31",
        },
        cookie,
      ),
      params,
    );
    expect(added.status).toBe(302);
    const badCases: Record<string, string>[] = [
      { intent: "addAction", dimensionKey: "language", action: "", owner: "X Y" },
      { intent: "addAction", dimensionKey: "nope", action: "Iets doen", owner: "X Y" },
      { intent: "addAction", dimensionKey: "language", itemKey: "onboarding.1", action: "Iets doen", owner: "X Y" },
      { intent: "addAction", dimensionKey: "language", action: "Iets doen", owner: "X Y", dueDate: "31/03/2027" },
      { intent: "actionStatus", actionId: "1", status: "finished" },
    ];
    const results = await call(resultsRoute.loader, get(url, cookie), params);
    const actions = (results.body as { actions: { id: number; status: string; action: string }[] }).actions;
    expect(actions).toHaveLength(1);
    for (const fields of badCases) {
      const r = await call(actionsRoute.action, post(actionsUrl, fields, cookie), params);
      expect(r.status, JSON.stringify(fields)).toBe(400);
    }
    const id = actions[0]?.id ?? 0;
    const changed = await call(
      actionsRoute.action,
      post(actionsUrl, { intent: "actionStatus", actionId: String(id), status: "in_progress" }, cookie),
      params,
    );
    expect(changed.status).toBe(302);
    // Another organisation's HR, through its own submitted scan, cannot touch this action.
    const otherWorld = draftWorld();
    const otherScan = await submitted(otherWorld);
    const other = await call(
      actionsRoute.action,
      post(
        `/hr/scans/${otherScan}/actions`,
        { intent: "actionStatus", actionId: String(id), status: "done" },
        otherWorld.hrCookie,
      ),
      { scanId: String(otherScan) },
    );
    expect(other.status).toBe(404);
    const after = await call(resultsRoute.loader, get(url, cookie), params);
    expect((after.body as { actions: { status: string }[] }).actions.map((a) => a.status)).toEqual(["in_progress"]);
  });
});

// Issue 11, finding 11: every page that shows newcomers' personal data writes exactly one audit entry per view
// (naming the records by id), and ids of another organisation (the 404 path) leave a security entry.
import { and, eq, gt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, organisations, scans, type AuditEntry } from "@db/schema";
import { matches, matchingRuns, newcomerRecords } from "@db/schema-matching";
import * as hrMatch from "~/routes/hr.matching.matches.$id";
import * as hrMatching from "~/routes/hr.matching._index";
import * as hrRun from "~/routes/hr.matching.runs.$id";
import * as hrPeople from "~/routes/hr.people";
import * as scanAnswers from "~/routes/hr.scans.$scanId_.answers";
import * as scanPage from "~/routes/hr.scans.$scanId";
import * as newcomerExport from "~/routes/hr.newcomers.$id.export";
import * as newcomerDetail from "~/routes/hr.newcomers.$id";
import * as newcomersIndex from "~/routes/hr.newcomers._index";
import * as proposal from "~/routes/me.buddy.proposals.$id";
import { getDb } from "~/utils/db.server";
import { call, cookieFor, get, post, seeded, userId } from "../support/requests";

beforeAll(seeded);

const db = () => getDb();
const ZAS_HR = () => cookieFor("hr@zas.example");
const ZUYD_HR = () => cookieFor("hr@zuyderland.example");
const orgId = (prefix: string) =>
  db()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .all()
    .find((o) => o.name.startsWith(prefix))!.id;
const lastId = () =>
  db()
    .select({ id: auditLog.id })
    .from(auditLog)
    .all()
    .reduce((max, r) => Math.max(max, r.id), 0);
const since = (id: number): AuditEntry[] => db().select().from(auditLog).where(gt(auditLog.id, id)).all();
const detailOf = (e: AuditEntry | undefined) => (e?.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {});

/** Runs one request and returns the audit entries it wrote. */
async function entriesOf(run: () => Promise<{ status: number }>, expectedStatus: number): Promise<AuditEntry[]> {
  const before = lastId();
  const result = await run();
  expect(result.status).toBe(expectedStatus);
  return since(before);
}

describe("views of newcomers' personal data", () => {
  it("the newcomer list writes one entry naming every record on it, not one per row", async () => {
    const list = await call(newcomersIndex.loader, get("/hr/newcomers", ZAS_HR()));
    const shown = (list.body as { newcomers: { id: number }[] }).newcomers.map((n) => n.id);
    expect(shown.length).toBeGreaterThan(3);
    const entries = await entriesOf(() => call(newcomersIndex.loader, get("/hr/newcomers", ZAS_HR())), 200);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "newcomers.viewed",
      actorUserId: userId("hr@zas.example"),
      organisationId: orgId("ZAS"),
    });
    expect(detailOf(entries[0])).toEqual({ count: shown.length, newcomers: [...shown].sort((a, b) => a - b) });
  });

  it("the record page writes one view entry, the export one export entry (not a view on top)", async () => {
    const id = db()
      .select({ id: newcomerRecords.id })
      .from(newcomerRecords)
      .where(eq(newcomerRecords.name, "Hamid Rahimi"))
      .get()!.id;
    const view = await entriesOf(
      () => call(newcomerDetail.loader, get(`/hr/newcomers/${id}`, ZAS_HR()), { id: String(id) }),
      200,
    );
    expect(view.map((e) => [e.action, e.entityId])).toEqual([["newcomer.view", String(id)]]);
    const exported = await entriesOf(
      () => call(newcomerExport.loader, get(`/hr/newcomers/${id}/export`, ZAS_HR()), { id: String(id) }),
      200,
    );
    expect(exported.map((e) => [e.action, e.entityId])).toEqual([["newcomer.export", String(id)]]);
  });

  it("the matching page, a run and a match each write one entry with the newcomers they show", async () => {
    const overview = await entriesOf(() => call(hrMatching.loader, get("/hr/matching", ZAS_HR())), 200);
    expect(overview.map((e) => e.action)).toEqual(["matching.viewed"]);
    const yonas = db()
      .select({ id: newcomerRecords.id })
      .from(newcomerRecords)
      .where(eq(newcomerRecords.name, "Yonas Tesfay"))
      .get()!.id;
    expect(detailOf(overview[0]).newcomers).toEqual(expect.arrayContaining([yonas]));

    const started = await call(hrMatching.action, post("/hr/matching", { intent: "run" }, ZAS_HR()));
    const runId = /\/hr\/matching\/runs\/(\d+)/.exec(started.location ?? "")![1]!;
    const run = await entriesOf(
      () => call(hrRun.loader, get(`/hr/matching/runs/${runId}`, ZAS_HR()), { id: runId }),
      200,
    );
    expect(run.map((e) => [e.action, e.entityId])).toEqual([["matching_run.viewed", runId]]);
    expect((detailOf(run[0]).newcomers as number[]).length).toBeGreaterThan(1);

    const amal = db()
      .select({ id: matches.id, newcomerId: matches.newcomerId })
      .from(matches)
      .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
      .where(eq(newcomerRecords.name, "Amal Haddad"))
      .get()!;
    const match = await entriesOf(
      () => call(hrMatch.loader, get(`/hr/matching/matches/${amal.id}`, ZAS_HR()), { id: String(amal.id) }),
      200,
    );
    expect(match.map((e) => [e.action, e.entityId])).toEqual([["match.viewed", String(amal.id)]]);
    expect(detailOf(match[0]).newcomers).toEqual([amal.newcomerId]);
  });

  it("a buddy's view of a proposal is logged as well", async () => {
    const pending = db()
      .select({ id: matches.id })
      .from(matches)
      .innerJoin(newcomerRecords, eq(newcomerRecords.id, matches.newcomerId))
      .where(and(eq(newcomerRecords.name, "Yonas Tesfay"), eq(matches.status, "proposed")))
      .get()!;
    const entries = await entriesOf(
      () =>
        call(proposal.loader, get(`/me/buddy/proposals/${pending.id}`, cookieFor("verpleegkundige@zas.example")), {
          id: String(pending.id),
        }),
      200,
    );
    expect(entries.map((e) => [e.action, e.actorUserId])).toEqual([
      ["match.viewed", userId("verpleegkundige@zas.example")],
    ]);
  });
});

describe("probes of another organisation's ids", () => {
  const zas = () => orgId("ZAS");

  function expectProbe(entries: AuditEntry[], entityType: string, id: number | string, actorEmail: string) {
    expect(
      entries.map((e) => ({
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        actorUserId: e.actorUserId,
      })),
    ).toEqual([{ action: "security.foreign_id", entityType, entityId: String(id), actorUserId: userId(actorEmail) }]);
    expect(detailOf(entries[0])).toEqual({ ownerOrganisationId: zas() });
    expect(entries[0]!.organisationId).not.toBe(zas());
  }

  it("a newcomer record, its export and its erasure: 404 and a security entry each", async () => {
    const id = db()
      .select({ id: newcomerRecords.id })
      .from(newcomerRecords)
      .where(eq(newcomerRecords.name, "Yonas Tesfay"))
      .get()!.id;
    expectProbe(
      await entriesOf(
        () => call(newcomerDetail.loader, get(`/hr/newcomers/${id}`, ZUYD_HR()), { id: String(id) }),
        404,
      ),
      "newcomer_record",
      id,
      "hr@zuyderland.example",
    );
    expectProbe(
      await entriesOf(
        () => call(newcomerExport.loader, get(`/hr/newcomers/${id}/export`, ZUYD_HR()), { id: String(id) }),
        404,
      ),
      "newcomer_record",
      id,
      "hr@zuyderland.example",
    );
    expectProbe(
      await entriesOf(
        () =>
          call(newcomerDetail.action, post(`/hr/newcomers/${id}`, { intent: "erase", confirm: "yes" }, ZUYD_HR()), {
            id: String(id),
          }),
        404,
      ),
      "newcomer_record",
      id,
      "hr@zuyderland.example",
    );
  });

  it("a run, a match, a proposal and a scan: 404 and a security entry each", async () => {
    const started = await call(hrMatching.action, post("/hr/matching", { intent: "run" }, ZAS_HR()));
    const runId = Number(/\/hr\/matching\/runs\/(\d+)/.exec(started.location ?? "")![1]);
    expect(
      db().select({ o: matchingRuns.organisationId }).from(matchingRuns).where(eq(matchingRuns.id, runId)).get()?.o,
    ).toBe(zas());
    expectProbe(
      await entriesOf(
        () => call(hrRun.loader, get(`/hr/matching/runs/${runId}`, ZUYD_HR()), { id: String(runId) }),
        404,
      ),
      "matching_run",
      runId,
      "hr@zuyderland.example",
    );
    expectProbe(
      await entriesOf(
        () =>
          call(hrRun.action, post(`/hr/matching/runs/${runId}`, { intent: "send", confirm: "yes" }, ZUYD_HR()), {
            id: String(runId),
          }),
        404,
      ),
      "matching_run",
      runId,
      "hr@zuyderland.example",
    );

    const matchId = db().select({ id: matches.id }).from(matches).where(eq(matches.organisationId, zas())).get()!.id;
    expectProbe(
      await entriesOf(
        () => call(hrMatch.loader, get(`/hr/matching/matches/${matchId}`, ZUYD_HR()), { id: String(matchId) }),
        404,
      ),
      "match",
      matchId,
      "hr@zuyderland.example",
    );
    const daan = cookieFor("daan.smeets@zuyderland.example");
    expectProbe(
      await entriesOf(
        () => call(proposal.loader, get(`/me/buddy/proposals/${matchId}`, daan), { id: String(matchId) }),
        404,
      ),
      "match",
      matchId,
      "daan.smeets@zuyderland.example",
    );
    expectProbe(
      await entriesOf(
        () =>
          call(proposal.action, post(`/me/buddy/proposals/${matchId}`, { intent: "accept" }, daan), {
            id: String(matchId),
          }),
        404,
      ),
      "match",
      matchId,
      "daan.smeets@zuyderland.example",
    );

    const scanId = db().select({ id: scans.id }).from(scans).where(eq(scans.organisationId, zas())).get()!.id;
    expectProbe(
      await entriesOf(
        () => call(scanPage.loader, get(`/hr/scans/${scanId}`, ZUYD_HR()), { scanId: String(scanId) }),
        404,
      ),
      "scan",
      scanId,
      "hr@zuyderland.example",
    );
    expectProbe(
      await entriesOf(
        () =>
          call(
            scanAnswers.action,
            post(`/hr/scans/${scanId}/answers`, { itemKey: "leadership.1", value: "2" }, ZUYD_HR()),
            { scanId: String(scanId) },
          ),
        404,
      ),
      "scan",
      scanId,
      "hr@zuyderland.example",
    );
  });

  it("a person of another organisation on the people page: 404 and a security entry", async () => {
    const tom = userId("tom.peeters@zas.example");
    expectProbe(
      await entriesOf(
        () =>
          call(
            hrPeople.action,
            post("/hr/people", { intent: "deactivate", userId: String(tom), confirm: "yes" }, ZUYD_HR()),
          ),
        404,
      ),
      "user",
      tom,
      "hr@zuyderland.example",
    );
  });

  it("an id that does not exist is logged as unknown; the caller sees the same 404", async () => {
    const entries = await entriesOf(
      () => call(newcomerDetail.loader, get("/hr/newcomers/987654", ZUYD_HR()), { id: "987654" }),
      404,
    );
    expect(entries.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ["security.unknown_id", "newcomer_record", "987654"],
    ]);
  });
});

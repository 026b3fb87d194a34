// The anonymous pulse through the real loaders and actions: answers are stored without any link to a person,
// results appear only from five answers, and bad input changes nothing.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog } from "@db/schema";
import { pulseOpenAnswers, pulseParticipations, pulseResponses } from "@db/schema-pulse";
import { pulseInvitationsDue } from "~/features/pulse/pulse.server";
import * as hrPulse from "~/routes/hr.pulse";
import * as newcomerExport from "~/routes/hr.newcomers.$id.export";
import * as accountExport from "~/routes/account.export";
import * as pulse from "~/routes/pulse";
import * as results from "~/routes/hr.scans.$scanId_.results";
import * as report from "~/routes/hr.scans.$scanId_.report";
import * as meHome from "~/routes/me._index";
import { getDb } from "~/utils/db.server";
import { call, cookieFor, get, post, seeded, userId } from "../support/requests";

beforeAll(seeded);

const db = () => getDb();
const AMAL = "nieuwkomer@zas.example";
const LIEVE = "lieve.maes@zas.example";
const HR = () => cookieFor("hr@zas.example");
const NEWCOMER_KEYS = [
  "n.recruitment.1",
  "n.leadership.1",
  "n.recognition.1",
  "n.onboarding.1",
  "n.onboarding.2",
  "n.language.1",
  "n.language.2",
  "n.team_culture.1",
  "n.team_culture.2",
  "n.wellbeing.1",
  "n.monitoring.1",
];
const BUDDY_KEYS = [
  "b.onboarding.1",
  "b.onboarding.2",
  "b.onboarding.3",
  "b.leadership.1",
  "b.team_culture.1",
  "b.language.1",
  "b.wellbeing.1",
  "b.monitoring.1",
];
const all = (keys: string[], value: string) => Object.fromEntries(keys.map((k) => [k, value]));
const OPEN_TEXT = "Een woordenlijst van de afdeling zou me helpen bij de overdracht.";
const responseCount = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(pulseResponses)
    .get()!.n;

const logged: string[] = [];
for (const level of ["log", "info", "warn", "error", "debug"] as const) {
  const original = console[level].bind(console);
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
    original(...args);
  });
}

describe("answering the pulse", () => {
  it("the demo newcomer is invited at week 6 and sees what HR will and will not see", async () => {
    expect(pulseInvitationsDue(userId(AMAL)).map((i) => i.moment)).toEqual(["week6"]);
    const page = await call(pulse.loader, get("/pulse", cookieFor(AMAL)));
    expect(page.status).toBe(200);
    const form = (page.body as { form: { audience: string; statements: { key: string; text: string }[] } }).form;
    expect(form.audience).toBe("newcomer");
    expect(form.statements.map((s) => s.key)).toEqual(NEWCOMER_KEYS);
    // Amal reads the portal in English (her account's language).
    expect(form.statements[5]?.text).toBe("My colleagues adapt how they speak so I can follow.");
  });

  it("refuses answers outside the scale, a missing answer and an over-long open answer, storing nothing", async () => {
    const before = responseCount();
    const outside = await call(
      pulse.action,
      post("/pulse", { ...all(NEWCOMER_KEYS, "3"), "n.language.1": "7" }, cookieFor(AMAL)),
    );
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({ errors: { "n.language.1": ["pulse.errors.chooseAnswer"] } });
    const { "n.wellbeing.1": _, ...missing } = all(NEWCOMER_KEYS, "3");
    expect((await call(pulse.action, post("/pulse", missing, cookieFor(AMAL)))).status).toBe(400);
    const long = await call(
      pulse.action,
      post("/pulse", { ...all(NEWCOMER_KEYS, "3"), open: "x".repeat(601) }, cookieFor(AMAL)),
    );
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ errors: { open: ["pulse.errors.openTooLong"] } });
    expect(responseCount()).toBe(before);
    expect(db().select().from(pulseParticipations).all()).toEqual([]);
  });

  it("stores the answer without person, match or time; the has-answered row holds no answer; answering twice is refused", async () => {
    const before = db().select().from(pulseResponses).all();
    const ok = await call(
      pulse.action,
      post(
        "/pulse",
        { ...all(NEWCOMER_KEYS, "4"), "n.language.1": "1", "n.recognition.1": "dont_know", open: OPEN_TEXT },
        cookieFor(AMAL),
      ),
    );
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/newcomer?notice=pulse.answer.thanks");

    // The stored rows: exactly these columns, nothing that names or dates a person.
    const columns = (table: string) =>
      (db().$client.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns("pulse_responses")).toEqual([
      "id",
      "organisation_id",
      "audience",
      "instrument_version",
      "period",
      "batch",
      "answers",
    ]);
    expect(columns("pulse_open_answers")).toEqual(["id", "organisation_id", "audience", "period", "batch", "text"]);
    expect(columns("pulse_participations")).toEqual(["id", "user_id", "occasion"]);
    const added = db()
      .select()
      .from(pulseResponses)
      .all()
      .filter((r) => !before.some((b) => b.id === r.id));
    expect(added).toHaveLength(1);
    const row = added[0]!;
    expect(row.audience).toBe("newcomer");
    expect(row.period).toMatch(/^\d{4}-H[12]$/);
    expect(JSON.parse(row.answers)).toMatchObject({
      "n.language.1": 1,
      "n.recognition.1": "dont_know",
      "n.onboarding.1": 4,
    });
    const amalId = userId(AMAL);
    expect(JSON.stringify(row)).not.toContain(`"${amalId}"`);
    // Ids are random, not the next number: neither ids nor row order follow arrival order.
    const ids = db()
      .select({ id: pulseResponses.id })
      .from(pulseResponses)
      .all()
      .map((r) => r.id);
    expect(Math.max(...ids) - Math.min(...ids)).toBeGreaterThan(ids.length * 1000);

    const participation = db().select().from(pulseParticipations).where(eq(pulseParticipations.userId, amalId)).all();
    expect(participation).toHaveLength(1);
    expect(participation[0]!.occasion).toMatch(/^match:\d+:newcomer:week6$/);
    expect(Object.keys(participation[0]!)).toEqual(["id", "userId", "occasion"]);

    // No foreign key, no shared column beside the organisation: there is nothing to join on.
    const fks = db().$client.prepare("pragma foreign_key_list(pulse_responses)").all() as { table: string }[];
    expect(fks.map((f) => f.table)).toEqual(["organisations"]);

    const twice = await call(pulse.action, post("/pulse", all(NEWCOMER_KEYS, "2"), cookieFor(AMAL)));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ formError: "pulse.errors.alreadyAnswered" });
    expect(responseCount()).toBe(before.length + 1);
    expect(pulseInvitationsDue(amalId)).toEqual([]);
  });

  it("writes no audit entry and no log line that carries an answer or the person", () => {
    const pulseAudit = db()
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.action.startsWith("pulse") && a.action !== "pulse.campaign.open");
    expect(pulseAudit).toEqual([]);
    expect(logged.filter((l) => l.includes(OPEN_TEXT) || l.includes("n.language.1"))).toEqual([]);
  });

  it("a personal data export of the newcomer or the account holds no pulse answer", async () => {
    const recordId = (
      db().$client.prepare("select id from newcomer_records where user_id = ?").get(userId(AMAL)) as { id: number }
    ).id;
    const hrExport = await call(newcomerExport.loader, get(`/hr/newcomers/${recordId}/export`, HR()), {
      id: String(recordId),
    });
    expect(hrExport.status).toBe(200);
    expect(JSON.stringify(hrExport.body)).not.toContain(OPEN_TEXT);
    expect(JSON.stringify(hrExport.body)).not.toMatch(/pulse|n\.language/);
    const own = await call(accountExport.loader, get("/account/export", cookieFor(AMAL)));
    expect(JSON.stringify(own.body)).not.toContain(OPEN_TEXT);
  });

  it("an employee who is no buddy has nothing to answer", async () => {
    const hr = await call(pulse.action, post("/pulse", all(BUDDY_KEYS, "3"), cookieFor("hr@zas.example")));
    expect(hr.status).toBe(403);
  });
});

describe("HR's results", () => {
  type Group = {
    shown: boolean;
    respondents?: number;
    open?: string[] | null;
    dimensions?: { key: string; score: number | null }[];
  };
  const overview = async (query = "") =>
    (await call(hrPulse.loader, get(`/hr/pulse${query}`, HR()))).body as {
      period: string;
      periods: string[];
      newcomers: Group;
      buddies: Group;
    };

  it("show this half-year's newcomers from five answers (four demo + Amal); buddies stay hidden at four", async () => {
    const o = await overview();
    expect(o.newcomers.shown).toBe(true);
    expect(o.newcomers.respondents).toBe(5);
    expect(o.buddies).toEqual({ shown: false });
  });

  it("a campaign invites buddies; one answers; the fifth buddy answer makes the group appear", async () => {
    const opened = await call(hrPulse.action, post("/hr/pulse", { weeks: "2" }, HR()));
    expect(opened.status).toBe(302);
    const again = await call(hrPulse.action, post("/hr/pulse", { weeks: "2" }, HR()));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ formError: "pulse.errors.campaignRunning" });
    const home = await call(meHome.loader, get("/me", cookieFor(LIEVE)));
    expect((home.body as { pulse: { moment: string } | null }).pulse).toMatchObject({ moment: "campaign" });
    const ok = await call(
      pulse.action,
      post("/pulse", { ...all(BUDDY_KEYS, "2"), "b.team_culture.1": "5" }, cookieFor(LIEVE)),
    );
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/me?notice=pulse.answer.thanks");
    const o = await overview();
    expect(o.buddies.shown).toBe(true);
    expect(o.buddies.respondents).toBe(5);
  });

  it("a period below five, or one that does not exist, shows nothing but 'not shown'", async () => {
    const zuyderland = await call(hrPulse.loader, get("/hr/pulse", cookieFor("hr@zuyderland.example")));
    expect((zuyderland.body as { newcomers: Group }).newcomers).toEqual({ shown: false });
    const odd = await overview("?period=1999-H1");
    expect(odd.period).not.toBe("1999-H1");
    const bad = await overview("?period=%27%3B--");
    expect(bad.newcomers.shown).toBe(true);
    // Open answers: only complete groups of five. This half-year holds one (Amal's): not shown.
    expect((await overview()).newcomers.open).toBeNull();
    const previous = (await overview()).periods.find((p) => p !== (bad.period as string))!;
    const prev = await overview(`?period=${previous}`);
    expect(prev.newcomers.open).toHaveLength(5);
    expect(
      db()
        .select()
        .from(pulseOpenAnswers)
        .all()
        .some((o) => o.text === OPEN_TEXT),
    ).toBe(true);
  });

  it("the scan results page and report show the perception gap with the largest gaps called out", async () => {
    const scan = db()
      .$client.prepare(
        "select s.id as id from scans s join organisations o on o.id = s.organisation_id where o.name like 'ZAS%' and s.status = 'submitted'",
      )
      .get() as { id: number };
    type Gap = {
      rows: { key: string; hr: number | null; newcomers: number | null; buddies: number | null }[];
      callouts: { key: string; audience: string; hr: number; experienced: number }[];
      newcomers: { respondents: number } | null;
    };
    const page = await call(results.loader, get(`/hr/scans/${scan.id}/results`, HR()), { scanId: String(scan.id) });
    expect(page.status).toBe(200);
    const gap = (page.body as { perceptionGap: Gap }).perceptionGap;
    expect(gap.newcomers?.respondents).toBe(5);
    expect(gap.rows).toHaveLength(8);
    expect(gap.callouts.length).toBeGreaterThan(0);
    for (const c of gap.callouts) expect(c.hr - c.experienced).toBeGreaterThanOrEqual(15);
    const printed = await call(report.loader, get(`/hr/scans/${scan.id}/report`, HR()), { scanId: String(scan.id) });
    expect((printed.body as { perceptionGap: Gap }).perceptionGap.callouts).toEqual(gap.callouts);
    // Other organisations' HR never sees ZAS's pulse.
    const other = await call(results.loader, get(`/hr/scans/${scan.id}/results`, cookieFor("hr@zuyderland.example")), {
      scanId: String(scan.id),
    });
    expect(other.status).toBe(404);
  });
});

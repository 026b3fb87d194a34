// The newcomer's journey and the partners' aggregated gap through the real loaders and actions.
import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { organisations, scans } from "@db/schema";
import { checkIns, matches, newcomerRecords } from "@db/schema-matching";
import { newcomerCheckInNotes, pulseResponses } from "@db/schema-pulse";
import { PULSE_NEWCOMER_V1 } from "@db/reference/pulse-v1";
import { periodOf } from "~/features/pulse/anonymity";
import * as buddyMatch from "~/routes/me.buddy.matches.$id";
import * as intro from "~/routes/me.buddy.introduction";
import * as newcomerHome from "~/routes/newcomer._index";
import * as myModules from "~/routes/me.modules._index";
import * as partnerPulse from "~/routes/partner.pulse";
import { getDb } from "~/utils/db.server";
import { call, cookieFor, get, post, seeded, userId } from "../support/requests";

beforeAll(seeded);

const db = () => getDb();
const AMAL = () => cookieFor("nieuwkomer@zas.example");
const LIEVE = () => cookieFor("lieve.maes@zas.example");

function amalMatch() {
  const record = db()
    .select({ id: newcomerRecords.id })
    .from(newcomerRecords)
    .where(eq(newcomerRecords.userId, userId("nieuwkomer@zas.example")))
    .get()!;
  return db()
    .select({ id: matches.id })
    .from(matches)
    .where(and(eq(matches.newcomerId, record.id), eq(matches.status, "active")))
    .get()!.id;
}

describe("the newcomer's journey", () => {
  it("shows the buddy's own introduction, the check-ins and the newcomer modules", async () => {
    const tooShort = await call(intro.action, post("/me/buddy/introduction", { text: "Hoi" }, LIEVE()));
    expect(tooShort.status).toBe(400);
    expect(tooShort.body).toMatchObject({ errors: { text: ["pulse.errors.introTooShort"] } });
    const saved = await call(
      intro.action,
      post("/me/buddy/introduction", { text: "Ik werk twaalf jaar op Geriatrie en help je graag op weg." }, LIEVE()),
    );
    expect(saved.status).toBe(302);
    // An employee without a buddy profile has no introduction page.
    expect((await call(intro.loader, get("/me/buddy/introduction", cookieFor("hr@zas.example")))).status).toBe(403);

    const home = await call(newcomerHome.loader, get("/newcomer", AMAL()));
    const journey = (
      home.body as {
        journey: {
          buddy: { name: string; introduction: string };
          checkIns: { key: string }[];
          modules: { key: string }[];
          pulse: { moment: string } | null;
        };
      }
    ).journey;
    expect(journey.buddy).toMatchObject({
      name: "Lieve Maes",
      introduction: "Ik werk twaalf jaar op Geriatrie en help je graag op weg.",
    });
    expect(journey.checkIns.map((c) => c.key)).toEqual(["week1", "week6", "month3", "month6"]);
    expect(journey.modules.map((m) => m.key)).toEqual(["working-in-care-teams", "your-recognition-route"]);
    expect(journey.pulse).toMatchObject({ moment: "week6" });
  });

  it("the newcomer's note and request to talk reach the buddy; an unknown check-in is refused", async () => {
    const matchId = amalMatch();
    const week6 = db()
      .select({ id: checkIns.id })
      .from(checkIns)
      .where(and(eq(checkIns.matchId, matchId), eq(checkIns.key, "week6")))
      .get()!.id;
    const tooLong = await call(
      newcomerHome.action,
      post("/newcomer", { checkInId: String(week6), note: "x".repeat(401) }, AMAL()),
    );
    expect(tooLong.status).toBe(400);
    const ok = await call(
      newcomerHome.action,
      post("/newcomer", { checkInId: String(week6), note: "De overdracht gaat snel.", wantsToTalk: "on" }, AMAL()),
    );
    expect(ok.status).toBe(302);
    expect((await call(newcomerHome.action, post("/newcomer", { checkInId: "99999", note: "x" }, AMAL()))).status).toBe(
      404,
    );

    const page = await call(buddyMatch.loader, get(`/me/buddy/matches/${matchId}`, LIEVE()), { id: String(matchId) });
    expect((page.body as { newcomerNotes: unknown[] }).newcomerNotes).toEqual([
      { key: "week6", note: "De overdracht gaat snel.", wantsToTalk: true },
    ]);
    expect(db().select().from(newcomerCheckInNotes).all()).toHaveLength(1);
  });

  it("team modules are not assigned to newcomers, nor overdue for them", async () => {
    const list = (await call(myModules.loader, get("/me/modules", AMAL()))).body as {
      assigned: unknown[];
      other: { overdue: boolean }[];
    };
    expect(list.assigned).toEqual([]);
    expect(list.other.every((m) => !m.overdue)).toBe(true);
  });
});

describe("partners' aggregated gap", () => {
  it("is not shown for one organisation, and shown per dimension once five organisations have shown groups", async () => {
    const partner = cookieFor("onderzoek@thomasmore.example");
    const before = await call(partnerPulse.loader, get("/partner/pulse", partner));
    expect(before.body).toEqual({ shown: false });

    // Four more organisations with a submitted scan, each with five newcomer answers this half-year.
    const withScans = db()
      .selectDistinct({ id: organisations.id })
      .from(organisations)
      .innerJoin(scans, eq(scans.organisationId, organisations.id))
      .where(eq(scans.status, "submitted"))
      .all()
      .map((o) => o.id);
    const zas = db()
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, "ZAS Ziekenhuis aan de Stroom"))
      .get()!.id;
    const others = withScans.filter((id) => id !== zas).slice(0, 4);
    expect(others).toHaveLength(4);
    const answers = JSON.stringify(Object.fromEntries(PULSE_NEWCOMER_V1.statements.map((s) => [s.key, 2])));
    for (const organisationId of others) {
      for (let i = 0; i < 5; i++)
        db()
          .insert(pulseResponses)
          .values({
            id: randomInt(1, 2 ** 47),
            organisationId,
            audience: "newcomer",
            instrumentVersion: 1,
            period: periodOf(new Date().toISOString()),
            batch: 0,
            answers,
          })
          .run();
    }
    const after = await call(partnerPulse.loader, get("/partner/pulse", partner));
    const body = after.body as {
      shown: boolean;
      organisations: number;
      rows: { key: string; newcomers: number | null; buddies: number | null }[];
    };
    expect(body.shown).toBe(true);
    expect(body.organisations).toBe(5);
    expect(body.rows.find((r) => r.key === "language")?.newcomers).not.toBeNull();
    // Buddies' experience comes from ZAS alone: a group of one organisation is not shown.
    expect(body.rows.every((r) => r.buddies === null)).toBe(true);
    expect(JSON.stringify(body)).not.toContain("ZAS");
    expect((await call(partnerPulse.loader, get("/partner/pulse", cookieFor("hr@zas.example")))).status).toBe(403);
  });
});

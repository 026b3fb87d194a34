// Where reminders lead and what they carry: HR's expiry notice re-runs matching for that one newcomer, calendar
// files name the check-in's day in the organisation's time zone, and links that were tampered with change nothing.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { matches, matchingRuns, newcomerRecords } from "@db/schema-matching";
import { notificationPreferences } from "@db/schema-notifications";
import { listCheckIns } from "~/features/matching/checkins.server";
import { acceptProposalAndNotify } from "~/features/matching/proposals.server";
import { addDays } from "~/features/notifications/calendar";
import { deliverDue, outboxIdle } from "~/features/notifications/outbox.server";
import { runTick } from "~/features/notifications/scheduler.server";
import * as rematch from "~/routes/hr.matching.rematch.$id";
import * as unsubscribeRoute from "~/routes/unsubscribe.$token";
import { getDb } from "~/utils/db.server";
import type { CaughtMail } from "~/utils/mail-catcher.server";
import { translate } from "~/utils/i18n";
import { getCurrentUser } from "~/utils/session.server";
import { mailbox } from "../support/mail";
import { buildWorld, DAY, type World } from "../support/reminder-world";
import { call, cookieFor, get, post } from "../support/requests";

const T0 = new Date();
let expiring: World;
let accepting: World;

const kindOf = (m: CaughtMail) => m.headers?.["x-portal-kind"] ?? "";
async function tick(moment: Date) {
  await runTick(moment);
  await deliverDue(() => moment);
  await outboxIdle();
}

/** The VEVENT's properties, with folded lines joined (RFC 5545 §3.1) and parameters kept in the name. */
function parseIcs(content: string): Record<string, string> {
  const lines = content.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  const start = lines.indexOf("BEGIN:VEVENT");
  const end = lines.indexOf("END:VEVENT");
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1, end)) {
    const colon = line.indexOf(":");
    out[line.slice(0, colon)] = line.slice(colon + 1);
  }
  return out;
}

beforeAll(async () => {
  expiring = await buildWorld(getDb(), T0, "expiring");
  // Its proposal is made later, so the first test's tick (four days on) does not expire it.
  accepting = await buildWorld(getDb(), new Date(T0.getTime() + 5 * DAY), "accepting");
});

describe("HR's notice of an expired proposal", () => {
  it("links to a page that starts a matching run for that newcomer only", async () => {
    // Another newcomer of the organisation is waiting too: the run from the notice must leave them out.
    const other = getDb()
      .insert(newcomerRecords)
      .values({
        organisationId: expiring.organisationId,
        name: "Samir Aziz",
        profession: "nurse",
        departmentId: expiring.departmentId,
        startDate: T0.toISOString().slice(0, 10),
        dutchLevel: "B1",
        languages: JSON.stringify([{ code: "nl", level: "B1" }]),
        createdAt: T0.toISOString(),
      })
      .returning({ id: newcomerRecords.id })
      .get().id;
    await tick(new Date(T0.getTime() + 4 * DAY));
    const notice = await mailbox().waitFor((m) => m.to.includes(expiring.hr.email) && kindOf(m) === "match_expired");
    const link = `http://portal.test/hr/matching/rematch/${expiring.newcomer.recordId}`;
    expect(notice.text).toContain(link);
    expect(notice.html).toContain(`href="${link}"`);

    const cookie = cookieFor(expiring.hr.email);
    const page = await call(rematch.loader, get(`/hr/matching/rematch/${expiring.newcomer.recordId}`, cookie), {
      id: String(expiring.newcomer.recordId),
    });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ name: "Nour Haddad", waiting: true });

    const started = await call(rematch.action, post(`/hr/matching/rematch/${expiring.newcomer.recordId}`, {}, cookie), {
      id: String(expiring.newcomer.recordId),
    });
    expect(started.status).toBe(302);
    const runId = Number(/^\/hr\/matching\/runs\/(\d+)$/.exec(started.location ?? "")?.[1]);
    const run = getDb().select().from(matchingRuns).where(eq(matchingRuns.id, runId)).get()!;
    expect(run.organisationId).toBe(expiring.organisationId);
    const rows = (JSON.parse(run.result) as { rows: { newcomerId: number }[] }).rows.map((r) => r.newcomerId);
    expect(rows).toEqual([expiring.newcomer.recordId]);
    expect(rows).not.toContain(other);
  });

  it("HR of another organisation gets a 404 for that newcomer and starts nothing", async () => {
    const cookie = cookieFor(accepting.hr.email);
    const id = String(expiring.newcomer.recordId);
    const runsBefore = getDb().select().from(matchingRuns).all().length;
    expect((await call(rematch.loader, get(`/hr/matching/rematch/${id}`, cookie), { id })).status).toBe(404);
    expect((await call(rematch.action, post(`/hr/matching/rematch/${id}`, {}, cookie), { id })).status).toBe(404);
    expect(getDb().select().from(matchingRuns).all()).toHaveLength(runsBefore);
    // A buddy (not HR) is refused the page altogether.
    expect(
      (await call(rematch.loader, get(`/hr/matching/rematch/${id}`, cookieFor(expiring.buddy.email)), { id })).status,
    ).toBe(403);
  });
});

describe("HR's re-match link for a newcomer who is no longer waiting", () => {
  it("says so on the page, refuses the run with a translated 409 and starts nothing", async () => {
    const matched = await buildWorld(getDb(), new Date(T0.getTime() + 10 * DAY), "matched");
    // Meanwhile the buddy accepted: the newcomer has a buddy and is no longer waiting.
    getDb()
      .update(matches)
      .set({ status: "accepted", respondedAt: new Date().toISOString() })
      .where(eq(matches.id, matched.matchId))
      .run();
    const cookie = cookieFor(matched.hr.email);
    const id = String(matched.newcomer.recordId);
    const page = await call(rematch.loader, get(`/hr/matching/rematch/${id}`, cookie), { id });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ waiting: false });
    const runsBefore = getDb().select().from(matchingRuns).all().length;
    const refused = await call(rematch.action, post(`/hr/matching/rematch/${id}`, {}, cookie), { id });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      formError: "notifications.rematch.notWaiting",
      formErrorParams: { newcomer: "Nour Haddad" },
    });
    expect(translate("nl", "notifications.rematch.notWaiting", { newcomer: "Nour Haddad" })).toContain("Nour Haddad");
    expect(getDb().select().from(matchingRuns).all()).toHaveLength(runsBefore);
  });
});

describe("calendar files", () => {
  it("the acceptance and the check-in reminder carry the check-in's day, due by the organisation's clock", async () => {
    const buddy = getCurrentUser(get("/", cookieFor(accepting.buddy.email)))!;
    expect(
      (
        await acceptProposalAndNotify(
          { ...buddy, organisationId: accepting.organisationId },
          { matchId: accepting.matchId },
        )
      ).ok,
    ).toBe(true);
    const week1 = listCheckIns(accepting.matchId).find((c) => c.key === "week1")!;
    const accepted = await mailbox().waitFor(
      (m) => m.to.includes(accepting.newcomer.email) && kindOf(m) === "buddy_accepted",
    );
    const first = parseIcs(accepted.attachments!.find((a) => a.filename.endsWith(".ics"))!.content);
    expect(first["DTSTART;VALUE=DATE"]).toBe(week1.dueDate.replace(/-/g, ""));
    expect(first["DTEND;VALUE=DATE"]).toBe(addDays(week1.dueDate, 1).replace(/-/g, ""));
    expect(first.SUMMARY).toBe("Eerste check-in: Nour Haddad en Bram Claes");

    // 23:30 UTC the evening before is already the due day in Brussels (00:30 or 01:30): the reminder goes now.
    const eve = new Date(`${addDays(week1.dueDate, -1)}T23:30:00Z`);
    await tick(eve);
    const due = mailbox().messages.filter((m) => m.to.includes(accepting.buddy.email) && kindOf(m) === "checkin_due");
    expect(due.map((m) => m.subject)).toEqual(["Check-in week 1 with Nour Haddad is today"]);
    const event = parseIcs(due[0]!.attachments!.find((a) => a.contentType.startsWith("text/calendar"))!.content);
    expect(event["DTSTART;VALUE=DATE"]).toBe(week1.dueDate.replace(/-/g, ""));
    expect(event.UID).toBe(`checkin-${accepting.matchId}-week1@newcomer-proof.portal`);
    expect(event.URL).toBe(`http://portal.test/me/buddy/matches/${accepting.matchId}`);
  });
});

describe("unsubscribe links that were tampered with", () => {
  it("a token re-labelled for another user is refused and changes nobody's preferences", async () => {
    const mail = mailbox().messages.find(
      (m) => m.to.includes(accepting.buddy.email) && kindOf(m) === "module_assigned",
    )!;
    const token = /\/unsubscribe\/([^>]+)>$/.exec(mail.headers!["list-unsubscribe"]!)![1]!;
    expect(token.startsWith(`${accepting.buddy.id}.`)).toBe(true);
    for (const forged of [
      token.replace(`${accepting.buddy.id}.`, `${accepting.hr.id}.`),
      token.replace(`${accepting.buddy.id}.`, `${expiring.buddy.id}.`),
    ]) {
      const refused = await call(
        unsubscribeRoute.action,
        post(`/unsubscribe/${forged}`, { "List-Unsubscribe": "One-Click" }),
        { token: forged },
      );
      expect(refused.status).toBe(400);
      const page = await call(unsubscribeRoute.loader, get(`/unsubscribe/${forged}`), { token: forged });
      expect(page.status).toBe(400);
    }
    for (const id of [accepting.buddy.id, accepting.hr.id, expiring.buddy.id]) {
      expect(
        getDb().select().from(notificationPreferences).where(eq(notificationPreferences.userId, id)).all(),
      ).toEqual([]);
    }
  });
});

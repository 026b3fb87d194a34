// The programme runs itself: a match from proposal to month 6, an assignment to overdue and a scan to the next
// year, walked with an injected clock through the real scheduler, outbox and SMTP listener.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { moduleAssignments, moduleCompletions } from "@db/schema-modules";
import { notificationPreferences, notifications } from "@db/schema-notifications";
import { logCheckIn, listCheckIns } from "~/features/matching/checkins.server";
import { acceptProposalAndNotify } from "~/features/matching/proposals.server";
import { deliverDue, outboxIdle } from "~/features/notifications/outbox.server";
import { runTick } from "~/features/notifications/scheduler.server";
import * as notificationOpen from "~/routes/notifications.$id";
import * as notificationList from "~/routes/notifications._index";
import * as preferences from "~/routes/notifications.preferences";
import * as unsubscribeRoute from "~/routes/unsubscribe.$token";
import { getDb } from "~/utils/db.server";
import type { CaughtMail } from "~/utils/mail-catcher.server";
import { getCurrentUser } from "~/utils/session.server";
import { mailbox } from "../support/mail";
import { buildWorld, DAY, type World } from "../support/reminder-world";
import { call, cookieFor, get, post } from "../support/requests";

const T0 = new Date();
const at = (days: number, hourUtc = 9) => {
  const d = new Date(Date.UTC(T0.getUTCFullYear(), T0.getUTCMonth(), T0.getUTCDate() + days, hourUtc));
  return d;
};
let world: World;

async function tick(moment: Date, twice = true) {
  // Two ticks at once stand for two server processes on one file.
  await Promise.all(twice ? [runTick(moment), runTick(moment)] : [runTick(moment)]);
  await deliverDue(() => moment);
  await outboxIdle();
}

const kindOf = (m: CaughtMail) => m.headers?.["x-portal-kind"] ?? "";
const mailsTo = (email: string, kind?: string) =>
  mailbox().messages.filter((m) => m.to.includes(email) && (!kind || kindOf(m) === kind));

beforeAll(async () => {
  world = await buildWorld(getDb(), T0);
});

describe("a match from proposal to month 6", () => {
  it("reminds the buddy once, 24 hours before the proposal expires, in English, with working links", async () => {
    const deadline = T0.getTime() + 3 * DAY;
    await tick(new Date(deadline - 30 * 3_600_000));
    expect(mailsTo(world.buddy.email, "proposal_expiring")).toHaveLength(0);
    await tick(new Date(deadline - 12 * 3_600_000));
    await tick(new Date(deadline - 11 * 3_600_000));
    const [mail, ...more] = mailsTo(world.buddy.email, "proposal_expiring");
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("24 hours left to answer the proposal for Nour Haddad");
    expect(mail!.text).toContain(`http://portal.test/me/buddy/proposals/${world.matchId}`);
    expect(mail!.text).toContain("http://portal.test/notifications/preferences");
    expect(mail!.html).toContain(`href="http://portal.test/me/buddy/proposals/${world.matchId}"`);
    expect(mail!.headers?.["list-unsubscribe"]).toMatch(/^<http:\/\/portal\.test\/unsubscribe\/[^>]+>$/);
    expect(mail!.headers?.["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("tells the newcomer in Dutch who their buddy is, with the first check-in as a calendar file", async () => {
    const buddy = getCurrentUser(get("/", cookieFor(world.buddy.email)))!;
    const accepted = await acceptProposalAndNotify(
      { ...buddy, organisationId: world.organisationId },
      { matchId: world.matchId },
    );
    expect(accepted.ok).toBe(true);
    const mail = await mailbox().waitFor((m) => m.to.includes(world.newcomer.email) && kindOf(m) === "buddy_accepted");
    expect(mail.subject).toBe("Je buddy is Bram Claes");
    const week1 = listCheckIns(world.matchId).find((c) => c.key === "week1")!;
    const ics = mail.attachments?.find((a) => a.filename.endsWith(".ics"));
    expect(ics?.content).toContain(`DTSTART;VALUE=DATE:${week1.dueDate.replace(/-/g, "")}`);
    expect(ics?.content).toContain("SUMMARY:Eerste check-in: Nour Haddad en Bram Claes");
  });

  it("one POST to the mail's unsubscribe link turns that kind off; a tampered link changes nothing", async () => {
    await tick(at(0));
    const assigned = mailsTo(world.buddy.email, "module_assigned");
    expect(assigned).toHaveLength(1);
    const url = /^<(.+)>$/.exec(assigned[0]!.headers?.["list-unsubscribe"] ?? "")![1]!;
    const token = url.split("/unsubscribe/")[1]!;

    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const bad = await call(
      unsubscribeRoute.action,
      post(`/unsubscribe/${tampered}`, { "List-Unsubscribe": "One-Click" }),
      { token: tampered },
    );
    expect(bad.status).toBe(400);
    const otherKind = token.replace("module_assigned", "module_overdue");
    expect(
      (
        await call(unsubscribeRoute.action, post(`/unsubscribe/${otherKind}`, { "List-Unsubscribe": "One-Click" }), {
          token: otherKind,
        })
      ).status,
    ).toBe(400);
    expect(
      getDb().select().from(notificationPreferences).where(eq(notificationPreferences.userId, world.buddy.id)).all(),
    ).toHaveLength(0);

    const ok = await call(unsubscribeRoute.action, post(`/unsubscribe/${token}`, { "List-Unsubscribe": "One-Click" }), {
      token,
    });
    expect(ok.status).toBe(200);
    expect(
      getDb().select().from(notificationPreferences).where(eq(notificationPreferences.userId, world.buddy.id)).all(),
    ).toMatchObject([{ kind: "module_assigned", channel: "off" }]);
  });

  it("walks 200 days: each check-in reminder exactly once to the right person, none after it was logged", async () => {
    const week1 = listCheckIns(world.matchId).find((c) => c.key === "week1")!;
    const buddy = getCurrentUser(get("/", cookieFor(world.buddy.email)))!;
    for (let d = 0; d <= 200; d += 1) {
      const moment = at(d);
      if (
        moment.toISOString().slice(0, 10) ===
        new Date(Date.parse(`${week1.dueDate}T12:00:00Z`) + DAY).toISOString().slice(0, 10)
      ) {
        expect(logCheckIn(buddy, { matchId: world.matchId, key: "week1", note: "Goed gestart" }).ok).toBe(true);
      }
      if (d === 5)
        getDb()
          .insert(moduleCompletions)
          .values({
            userId: world.employee.id,
            organisationId: world.organisationId,
            moduleKey: "being-a-buddy",
            score: 100,
          })
          .run();
      await tick(moment, d % 7 === 0);
    }
    const subjects = (email: string, kind: string) =>
      mailsTo(email, kind)
        .map((m) => m.subject)
        .sort();
    expect(subjects(world.buddy.email, "checkin_due")).toEqual([
      "Check-in month 3 with Nour Haddad is today",
      "Check-in month 6 with Nour Haddad is today",
      "Check-in week 1 with Nour Haddad is today",
      "Check-in week 6 with Nour Haddad is today",
    ]);
    expect(subjects(world.buddy.email, "checkin_overdue")).toEqual([
      "Check-in month 3 with Nour Haddad has not been logged",
      "Check-in month 6 with Nour Haddad has not been logged",
      "Check-in week 6 with Nour Haddad has not been logged",
    ]);
    expect(subjects(world.newcomer.email, "checkin_upcoming")).toEqual([
      "Binnenkort: check-in maand 3 met Bram Claes",
      "Binnenkort: check-in maand 6 met Bram Claes",
      "Binnenkort: check-in week 1 met Bram Claes",
      "Binnenkort: check-in week 6 met Bram Claes",
    ]);
    const due = mailsTo(world.buddy.email, "checkin_due").find((m) => m.subject.includes("week 6"))!;
    expect(due.text).toContain(`http://portal.test/me/buddy/matches/${world.matchId}`);
    expect(due.attachments?.[0]?.content).toContain("BEGIN:VEVENT");
    // Nobody but the buddy and the newcomer hears about the check-ins.
    expect(
      mailbox().messages.filter(
        (m) =>
          kindOf(m).startsWith("checkin_") && !m.to.includes(world.buddy.email) && !m.to.includes(world.newcomer.email),
      ),
    ).toHaveLength(0);
  }, 180_000);

  it("sends HR one weekly digest per week, in Dutch, with the links and without names", () => {
    const digests = mailsTo(world.hr.email, "weekly_digest");
    expect(digests.length).toBeGreaterThanOrEqual(28);
    expect(new Set(digests.map((m) => m.subject)).size).toBe(digests.length);
    expect(digests[0]!.subject).toMatch(/^Wekelijks overzicht – week van /);
    expect(digests[0]!.text).toContain("http://portal.test/hr/matching");
    expect(digests.every((m) => !m.text.includes("Nour Haddad"))).toBe(true);
  });
});

describe("a module assignment from assignment to overdue", () => {
  it("each pending person hears once that it was assigned, once that it is due, once that it is overdue", () => {
    expect(mailsTo(world.newcomer.email, "module_assigned").map((m) => m.subject)).toEqual([
      "Nieuwe module voor jou: Buddy zijn",
    ]);
    expect(mailsTo(world.newcomer.email, "module_due")).toHaveLength(1);
    expect(mailsTo(world.newcomer.email, "module_overdue")).toHaveLength(1);
    // The buddy unsubscribed from "assigned" before anything else; the reminders of other kinds still come.
    expect(mailsTo(world.buddy.email, "module_assigned")).toHaveLength(1);
    expect(mailsTo(world.buddy.email, "module_due").map((m) => m.subject)).toEqual([
      "A few days left for the module Being a buddy",
    ]);
    expect(mailsTo(world.buddy.email, "module_overdue")).toHaveLength(1);
    // The colleague passed the module on day 5: assigned, then nothing more.
    expect(mailsTo(world.employee.email).map(kindOf)).toEqual(["module_assigned"]);
  });

  it("a new assignment still shows in the portal for the buddy who switched that mail off", async () => {
    const due = at(250).toISOString().slice(0, 10);
    const id = getDb()
      .insert(moduleAssignments)
      .values({
        organisationId: world.organisationId,
        departmentId: world.departmentId,
        moduleKey: "language-sensitive-working",
        dueDate: due,
      })
      .returning({ id: moduleAssignments.id })
      .get().id;
    await tick(at(201));
    expect(mailsTo(world.newcomer.email, "module_assigned")).toHaveLength(2);
    expect(mailsTo(world.buddy.email, "module_assigned")).toHaveLength(1);
    const row = getDb()
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, world.buddy.id),
          eq(notifications.eventKey, `module-assigned:${id}:${world.buddy.id}`),
        ),
      )
      .get();
    expect(row).toBeDefined();
  });
});

describe("a scan from submission to the next year", () => {
  it("tells HR once, 11 months after the submission, that the next scan is due", async () => {
    for (const d of [300, 333, 334, 335, 336, 360]) await tick(at(d));
    const due = mailsTo(world.hr.email, "scan_due");
    expect(due.map((m) => m.subject)).toEqual(["Tijd voor de volgende inclusiescan"]);
    expect(due[0]!.text).toContain("http://portal.test/hr/scans");
    const firstDay = getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.eventKey, `scan-due:${world.submittedScanId}:${world.hr.id}`))
      .get()!;
    expect(Date.parse(firstDay.createdAt)).toBeGreaterThanOrEqual(at(333).getTime());
  });
});

describe("the notifications list and preferences", () => {
  it("lists the buddy's notifications, opening one marks it read and leads to the check-in; another's id is a 404", async () => {
    const cookie = cookieFor(world.buddy.email);
    const list = await call(notificationList.loader, get("/notifications", cookie));
    const items = (list.body as { items: { id: number; title: string; read: boolean }[] }).items;
    const reminder = items.find((i) => i.title === "Check-in week 6 with Nour Haddad is today")!;
    expect(reminder.read).toBe(false);
    const opened = await call(notificationOpen.loader, get(`/notifications/${reminder.id}`, cookie), {
      id: String(reminder.id),
    });
    expect(opened.status).toBe(302);
    expect(opened.location).toBe(`/me/buddy/matches/${world.matchId}`);
    expect(getDb().select().from(notifications).where(eq(notifications.id, reminder.id)).get()!.readAt).not.toBeNull();

    const hrs = getDb().select().from(notifications).where(eq(notifications.userId, world.hr.id)).get()!;
    const foreign = await call(notificationOpen.loader, get(`/notifications/${hrs.id}`, cookie), {
      id: String(hrs.id),
    });
    expect(foreign.status).toBe(404);
    expect(getDb().select().from(notifications).where(eq(notifications.id, hrs.id)).get()!.readAt).toBeNull();
  });

  it("refuses unknown kinds and kinds of another role as a whole, and saves a valid choice", async () => {
    const cookie = cookieFor(world.hr.email);
    const refused: Record<string, string>[] = [
      { "kind:scan_due": "digest", "kind:bogus": "off" },
      { "kind:scan_due": "sometimes" },
      { "kind:checkin_due": "off" },
      { "kind:weekly_digest": "digest" },
    ];
    for (const fields of refused) {
      const bad = await call(preferences.action, post("/notifications/preferences", fields, cookie));
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ formError: "notifications.preferences.invalid" });
    }
    expect(
      getDb().select().from(notificationPreferences).where(eq(notificationPreferences.userId, world.hr.id)).all(),
    ).toHaveLength(0);
    const ok = await call(
      preferences.action,
      post("/notifications/preferences", { "kind:scan_due": "digest", "kind:weekly_digest": "immediate" }, cookie),
    );
    expect(ok.status).toBe(302);
    const page = await call(preferences.loader, get("/notifications/preferences", cookie));
    expect(
      (page.body as { preferences: { kind: string; channel: string }[] }).preferences.find(
        (p) => p.kind === "scan_due",
      ),
    ).toMatchObject({ channel: "digest" });
  });
});

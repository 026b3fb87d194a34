// Issue 17: stored JSON in notifications and the pulse is read through a schema, not `JSON.parse(…) as T`. A damaged
// value is handled: the notification shows its kind's name (no placeholders on screen), the outbox row fails like a
// refused delivery while the other rows go out, and a pulse response that does not read is left out of the counts.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PULSE_NEWCOMER_V1 } from "@db/reference/pulse-v1";
import { notifications, outbox } from "@db/schema-notifications";
import { pulseResponses } from "@db/schema-pulse";
import { deliverDue } from "~/features/notifications/outbox.server";
import { listNotifications } from "~/features/notifications/notify.server";
import { getDb } from "~/utils/db.server";
import { translate } from "~/utils/i18n";
import { createOrganisation, createUser, unique } from "../support/factories";
import { mailbox } from "../support/mail";
import * as hrPulse from "~/routes/hr.pulse";
import { call, cookieFor, get, seeded } from "../support/requests";

beforeAll(seeded);

describe("stored JSON that does not read", () => {
  it("a notification with damaged params shows its kind's name, the others their title", () => {
    const user = createUser({ role: "employee", organisationId: createOrganisation().id });
    const at = new Date().toISOString();
    const add = (params: string, eventKey: string) =>
      getDb()
        .insert(notifications)
        .values({ userId: user.id, kind: "module_assigned", eventKey, params, link: "/me/modules", createdAt: at })
        .run();
    add("not json", `bad:${unique()}`);
    add('{"module":{"key":"x"}}', `wrong:${unique()}`);
    add('{"module":"unknown-module","dueDate":"2027-01-15"}', `good:${unique()}`);
    const listed = listNotifications(user, { locale: "en" });
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    const titles = listed.value.map((n) => n.title);
    expect(titles.filter((t) => t === translate("en", "notifications.kinds.module_assigned.label"))).toHaveLength(2);
    expect(titles).toContain("A new module for you: unknown-module");
    for (const title of titles) expect(title).not.toMatch(/[{}]/);
  });

  it("an outbox row with damaged attachments fails like a refused delivery; a sound row beside it is sent", async () => {
    const tag = unique();
    const row = (suffix: string, attachments: string) =>
      getDb()
        .insert(outbox)
        .values({
          eventKey: `stored:${tag}:${suffix}`,
          kind: "module_assigned",
          toEmail: `stored.${suffix}.${tag}@factory.example`,
          locale: "nl",
          subject: `Opgeslagen ${suffix} ${tag}`,
          text: "Tekst",
          attachments,
          nextAttemptAt: new Date(Date.now() - 1000).toISOString(),
        })
        .returning()
        .get();
    const bad = row("bad", "{oops");
    const good = row("good", "[]");
    await deliverDue();
    const mail = await mailbox().waitFor((m) => m.to.includes(good.toEmail));
    expect(mail.subject).toBe(good.subject);
    expect(getDb().select().from(outbox).where(eq(outbox.id, good.id)).get()).toMatchObject({ status: "sent" });
    expect(getDb().select().from(outbox).where(eq(outbox.id, bad.id)).get()).toMatchObject({
      status: "queued",
      lastError: "stored_row",
    });
  });

  it("a pulse response whose stored answers are damaged: HR's pulse page still answers and leaves it out of the count", async () => {
    // Two organisations of their own, each with one period of newcomer answers: five sound and one damaged
    // (shown, from five), and four sound and two damaged (not shown: the damaged ones do not make up the five).
    const period = "2020-H1";
    const sound = JSON.stringify(Object.fromEntries(PULSE_NEWCOMER_V1.statements.map((s) => [s.key, 4])));
    const damaged = ["{oops", '{"n.leadership.1": 9}'];
    const organisationWith = (answers: string[]) => {
      const organisationId = createOrganisation().id;
      const hr = createUser({ role: "hr", organisationId });
      for (const [i, stored] of answers.entries())
        getDb()
          .insert(pulseResponses)
          .values({
            organisationId,
            audience: "newcomer",
            instrumentVersion: PULSE_NEWCOMER_V1.version,
            period,
            batch: Math.floor(i / 5),
            answers: stored,
          })
          .run();
      return cookieFor(hr.email);
    };
    type Group = { shown: boolean; respondents?: number; dimensions?: { key: string; score: number | null }[] };
    const page = async (cookie: string) => {
      const answered = await call(hrPulse.loader, get(`/hr/pulse?period=${period}`, cookie));
      expect(answered.status).toBe(200);
      return answered.body as { period: string; newcomers: Group };
    };

    const enough = await page(organisationWith([sound, sound, sound, sound, sound, damaged[0] ?? ""]));
    expect(enough.period).toBe(period);
    expect(enough.newcomers.shown).toBe(true);
    expect(enough.newcomers.respondents).toBe(5);
    // Every answer read was a 4 on the 1–5 scale: the damaged row pulls no score up or down.
    for (const dimension of enough.newcomers.dimensions ?? []) expect([null, 75]).toContain(dimension.score);

    const short = await page(organisationWith([sound, sound, sound, sound, ...damaged]));
    expect(short.newcomers).toEqual({ shown: false });
  });
});

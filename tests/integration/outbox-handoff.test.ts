// The thread that answers requests never sends mail while the scheduler thread runs (decision 173): a request queues
// its row and wakes the scheduler thread, which claims, sends and marks it. Before, the request thread's wake-up ran
// a whole delivery run itself — SMTP I/O and two commits per mail on the event loop that serves requests, and after
// a tick that meant the tick's thousands of queued reminders too.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "@db/schema-notifications";
import { enqueueMail, mailsSentByThisThread, outboxIdle, wakeOutbox } from "~/features/notifications/outbox.server";
import { schedulerWorker, startSchedulerThread } from "~/features/notifications/scheduler.server";
import { getDb } from "~/utils/db.server";
import { unique } from "../support/factories";
import { mailbox } from "../support/mail";

let stopScheduler: () => void = () => {};

beforeAll(() => {
  stopScheduler = startSchedulerThread();
});

afterAll(() => stopScheduler());

describe("delivery while the scheduler thread runs", () => {
  it("sends a request's mail from the scheduler thread and none from the request thread", async () => {
    const before = mailsSentByThisThread();
    const tag = unique();
    const to = `handoff.${tag}@factory.example`;
    expect(
      enqueueMail({
        eventKey: `test:handoff:${tag}`,
        kind: "invitation",
        to,
        locale: "nl",
        subject: `Uitnodiging ${tag}`,
        text: "Welkom",
      }),
    ).toBe(true);
    wakeOutbox();
    await outboxIdle();
    // The worker boots its TypeScript loader first: allow it a minute on a loaded machine.
    const mail = await mailbox().waitFor((m) => m.to.includes(to), 60_000);
    expect(mail.subject).toBe(`Uitnodiging ${tag}`);
    // The worker marks the row after the SMTP server's answer, which may come just after the catcher has the mail.
    await expect
      .poll(() => getDb().select({ status: outbox.status }).from(outbox).where(eq(outbox.toEmail, to)).get()?.status, {
        timeout: 30_000,
      })
      .toBe("sent");
    expect(mailsSentByThisThread()).toBe(before);
  }, 90_000);
});

describe("checkpoints while the scheduler thread runs", () => {
  it("are left to the scheduler thread, and come back to the request thread when it stops", async () => {
    const autocheckpoint = () => getDb().$client.pragma("wal_autocheckpoint", { simple: true });
    const worker = schedulerWorker("driven");
    // A request's commit past 1,000 WAL pages would otherwise copy the tick's pages into the database file itself.
    expect(autocheckpoint()).toBe(0);
    await worker.terminate();
    await expect.poll(autocheckpoint).toBe(1000);
  }, 90_000);
});

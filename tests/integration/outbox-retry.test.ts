// The admin's retry button on /admin/outbox: a failed message goes back in the queue and is sent; anything else
// (a message that did not fail, an id that is not an id, someone who is not the admin) changes nothing.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { outbox } from "@db/schema-notifications";
import { outboxIdle } from "~/features/notifications/outbox.server";
import * as outboxRoute from "~/routes/admin.outbox";
import { getDb } from "~/utils/db.server";
import { createOrganisation, createUser, cookieOf, unique } from "../support/factories";
import { mailbox } from "../support/mail";
import { call, post } from "../support/requests";

let adminCookie: string;
let hrCookie: string;

function message(status: "failed" | "sent") {
  const tag = unique();
  return getDb()
    .insert(outbox)
    .values({
      eventKey: `test:${tag}`,
      kind: "module_assigned",
      toEmail: `retry.${tag}@factory.example`,
      locale: "nl",
      subject: `Opnieuw ${tag}`,
      text: "Tekst",
      status,
      attempts: 6,
      lastError: "ESOCKET",
      nextAttemptAt: new Date().toISOString(),
    })
    .returning()
    .get();
}

const row = (id: number) => getDb().select().from(outbox).where(eq(outbox.id, id)).get()!;

beforeAll(() => {
  adminCookie = cookieOf(createUser({ role: "admin", organisationId: null }));
  hrCookie = cookieOf(createUser({ role: "hr", organisationId: createOrganisation().id }));
});

describe("retrying a failed message", () => {
  it("puts the failed message back in the queue and sends it", async () => {
    const failed = message("failed");
    const answer = await call(outboxRoute.action, post("/admin/outbox", { id: String(failed.id) }, adminCookie));
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/admin/outbox?notice=notifications.outbox.retried");
    await outboxIdle();
    const mail = await mailbox().waitFor((m) => m.to.includes(failed.toEmail));
    expect(mail.subject).toBe(failed.subject);
    expect(row(failed.id)).toMatchObject({ status: "sent", lastError: null });
  });

  it("refuses a message that did not fail with a 404 and the translated notice", async () => {
    const sent = message("sent");
    const answer = await call(outboxRoute.action, post("/admin/outbox", { id: String(sent.id) }, adminCookie));
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ formError: "notifications.outbox.notFailed" });
    expect(row(sent.id)).toMatchObject({ status: "sent", attempts: 6 });
  });

  it.each([
    ["not a number", "abc"],
    ["zero", "0"],
    ["missing", null],
  ])("refuses an id that is %s with a 400, nothing changed", async (_label, id) => {
    const failed = message("failed");
    const answer = await call(outboxRoute.action, post("/admin/outbox", id === null ? {} : { id }, adminCookie));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ formError: "notifications.outbox.notFailed" });
    expect(row(failed.id)).toMatchObject({ status: "failed", attempts: 6 });
  });

  it("is the admin's only: HR gets a 403 and the message stays failed", async () => {
    const failed = message("failed");
    const answer = await call(outboxRoute.action, post("/admin/outbox", { id: String(failed.id) }, hrCookie));
    expect(answer.status).toBe(403);
    expect(row(failed.id)).toMatchObject({ status: "failed" });
  });
});

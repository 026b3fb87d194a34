// Delivery over a pool of SMTP connections (decision 078): many mails travel over a few connections to the real
// SMTP listener, and a row sent again after a crash between "accepted" and "marked sent" carries the same
// Message-ID, so the receiving server can drop the copy.
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "@db/schema-notifications";
import { deliverDue, enqueueMail } from "~/features/notifications/outbox.server";
import { getDb } from "~/utils/db.server";
import { unique } from "../support/factories";
import { mailbox } from "../support/mail";

function queue(count: number): { tag: string; ids: number[] } {
  const tag = unique();
  for (let i = 0; i < count; i++) {
    enqueueMail({
      eventKey: `pool-test:${tag}:${i}`,
      kind: "module_assigned",
      to: `pool.${tag}.${i}@factory.example`,
      locale: "nl",
      subject: `Pool ${tag} ${i}`,
      text: "Tekst",
    });
  }
  const ids = getDb()
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      inArray(
        outbox.eventKey,
        Array.from({ length: count }, (_, i) => `pool-test:${tag}:${i}`),
      ),
    )
    .all()
    .map((r) => r.id);
  return { tag, ids };
}

const received = (tag: string) => mailbox().messages.filter((m) => m.subject.startsWith(`Pool ${tag} `));

describe("delivery over pooled SMTP connections", () => {
  it("sends 40 mails over at most three connections, each mail once", async () => {
    const { tag, ids } = queue(40);
    const connectionsBefore = mailbox().connections();
    await deliverDue();
    expect(received(tag)).toHaveLength(40);
    expect(new Set(received(tag).map((m) => m.to[0])).size).toBe(40);
    expect(mailbox().connections() - connectionsBefore).toBeLessThanOrEqual(3);
    expect(
      getDb()
        .select({ status: outbox.status })
        .from(outbox)
        .where(inArray(outbox.id, ids))
        .all()
        .every((r) => r.status === "sent"),
    ).toBe(true);
  });

  it("a row sent again after a crash before its 'sent' mark keeps its Message-ID", async () => {
    const { tag, ids } = queue(1);
    const id = ids[0]!;
    await deliverDue();
    const first = received(tag);
    expect(first).toHaveLength(1);
    // The state a process leaves when it dies after the SMTP server's 250 and before marking the row sent: the row
    // is still 'sending' under a lease that has run out.
    getDb()
      .update(outbox)
      .set({ status: "sending", leaseUntil: new Date(Date.now() - 1000).toISOString() })
      .where(eq(outbox.id, id))
      .run();
    await deliverDue();
    const both = received(tag);
    expect(both).toHaveLength(2);
    const messageId = both[0]!.headers?.["message-id"];
    expect(messageId).toMatch(/^<outbox-\d+\..+@newcomer-proof\.portal>$/);
    expect(both[1]!.headers?.["message-id"]).toBe(messageId);
    expect(
      getDb().select({ status: outbox.status, attempts: outbox.attempts }).from(outbox).where(eq(outbox.id, id)).get(),
    ).toEqual({ status: "sent", attempts: 2 });
  });
});

// A mail and the write it reports on commit together (decision 073): an invitation that cannot queue its mail
// is not created, and one that is created always has its mail.
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, invitations } from "@db/schema";
import { outbox } from "@db/schema-notifications";
import { createInvitation } from "~/features/auth/invitations.server";
import { getDb } from "~/utils/db.server";
import { getCurrentUser } from "~/utils/session.server";
import { mailbox } from "../support/mail";
import { cookieFor, get, seeded } from "../support/requests";

beforeAll(seeded);
afterEach(() => {
  getDb().$client.exec("DROP TRIGGER IF EXISTS temp.outbox_down");
});

const hr = () => {
  const user = getCurrentUser(get("/", cookieFor("hr@zas.example")))!;
  return { id: user.id, name: user.name, organisationId: user.organisationId };
};

describe("the invitation and its mail", () => {
  it("when the mail cannot be queued, no invitation and no audit entry are left behind", async () => {
    const inviter = hr();
    // The outbox refuses every insert on this connection, as a full disk or a broken table would.
    getDb().$client.exec(
      "CREATE TEMP TRIGGER outbox_down BEFORE INSERT ON main.outbox BEGIN SELECT RAISE(ABORT, 'outbox down'); END",
    );
    const email = "yasmin.elamrani@example.org";
    const auditsBefore = getDb().select().from(auditLog).where(eq(auditLog.action, "invitation.created")).all().length;
    await expect(
      createInvitation(inviter, {
        email,
        name: "Yasmin El Amrani",
        role: "employee",
        organisationId: inviter.organisationId,
        departmentId: null,
        locale: "nl",
      }),
    ).rejects.toThrow();
    expect(getDb().select().from(invitations).where(eq(invitations.email, email)).all()).toHaveLength(0);
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "invitation.created")).all()).toHaveLength(
      auditsBefore,
    );
  });

  it("a created invitation has its mail in the outbox and in the mailbox", async () => {
    const inviter = hr();
    const email = "tomas.verbeke@example.org";
    const result = await createInvitation(inviter, {
      email,
      name: "Tomas Verbeke",
      role: "employee",
      organisationId: inviter.organisationId,
      departmentId: null,
      locale: "en",
    });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value.invitationId : 0;
    expect(
      getDb()
        .select({ kind: outbox.kind })
        .from(outbox)
        .where(eq(outbox.eventKey, `invitation:${id}`))
        .all(),
    ).toEqual([{ kind: "invitation" }]);
    const mail = await mailbox().waitFor((m) => m.to.includes(email));
    expect(mail.text).toContain("http://portal.test/invite/");
  });
});

// Issue 11, finding 10: one organisation's invitation never changes another's, and never reveals who works where.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, invitations, memberships } from "@db/schema";
import * as hrPeople from "~/routes/hr.people";
import * as invite from "~/routes/invite.$token";
import { getDb } from "~/utils/db.server";
import { getCurrentUser } from "~/utils/session.server";
import { linkIn, mailbox } from "../support/mail";
import { call, cookieFor, get, post, seeded, userId } from "../support/requests";

beforeAll(seeded);

const organisationOf = (email: string) => getCurrentUser(get("/", cookieFor(email)))?.organisationId;

function pendingFor(email: string) {
  return getDb().select().from(invitations).where(eq(invitations.email, email)).all();
}

/** The link of the first invitation mailed to the address (each test uses its own addresses). */
async function tokenMailedTo(email: string): Promise<string> {
  const mail = await mailbox().waitFor((m) => m.to.includes(email));
  return new URL(linkIn(mail.text, "/invite/")).pathname.split("/").pop() ?? "";
}

describe("invitations across organisations", () => {
  it("HR of one organisation inviting an address does not cancel another organisation's pending invitation", async () => {
    const email = "samira.bouzid@example.org";
    const zuyderland = cookieFor("hr@zuyderland.example");
    const zas = cookieFor("hr@zas.example");
    const first = await call(
      hrPeople.action,
      post("/hr/people", { intent: "invite", name: "Samira Bouzid", email, role: "employee" }, zuyderland),
    );
    expect(first.status).toBe(200);
    const zuyderlandToken = await tokenMailedTo(email);

    const second = await call(
      hrPeople.action,
      post("/hr/people", { intent: "invite", name: "Samira Bouzid", email, role: "newcomer" }, zas),
    );
    expect(second.status).toBe(200);

    // Both stay pending, each in its own organisation's list, and the first link still opens.
    const rows = pendingFor(email);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.revokedAt === null)).toBe(true);
    const zuyderlandList = await call(hrPeople.loader, get("/hr/people", zuyderland));
    const zasList = await call(hrPeople.loader, get("/hr/people", zas));
    expect(zuyderlandList.body).toMatchObject({ invitations: [expect.objectContaining({ email, role: "employee" })] });
    expect(
      (zasList.body as { invitations: { email: string; role: string }[] }).invitations.filter((i) => i.email === email),
    ).toEqual([expect.objectContaining({ role: "newcomer" })]);
    const page = await call(invite.loader, get(`/invite/${zuyderlandToken}`), { token: zuyderlandToken });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      invitation: { role: "employee", organisationName: "Zuyderland Medisch Centrum" },
    });
  });

  it("re-inviting within one organisation replaces its own earlier invitation, and logs it there", async () => {
    const email = "joris.claes@example.org";
    const zas = cookieFor("hr@zas.example");
    await call(
      hrPeople.action,
      post("/hr/people", { intent: "invite", name: "Joris Claes", email, role: "employee" }, zas),
    );
    await call(
      hrPeople.action,
      post("/hr/people", { intent: "invite", name: "Joris Claes", email, role: "employee" }, zas),
    );
    const rows = pendingFor(email);
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
    const superseded = rows.find((r) => r.revokedAt !== null);
    const logged = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "invitation.superseded"), eq(auditLog.entityId, String(superseded?.id))))
      .get();
    expect(logged?.organisationId).toBe(organisationOf("hr@zas.example"));
  });

  it("answers an address with an account elsewhere exactly like a new address, and changes nothing of that account", async () => {
    const zas = cookieFor("hr@zas.example");
    const elsewhere = "iris.janssen@zuyderland.example";
    const fresh = "kobe.willems@example.org";
    const taken = await call(
      hrPeople.action,
      post("/hr/people", { intent: "invite", name: "Iris Janssen", email: elsewhere, role: "employee" }, zas),
    );
    const unknown = await call(
      hrPeople.action,
      post("/hr/people", { intent: "invite", name: "Kobe Willems", email: fresh, role: "employee" }, zas),
    );
    expect(taken.status).toBe(unknown.status);
    expect(taken.status).toBe(200);
    expect({ ...(taken.body as object), email: "" }).toEqual({ ...(unknown.body as object), email: "" });
    expect(JSON.stringify(taken.body)).not.toContain("emailTaken");

    // Only the holder of the mailbox learns the address already has an account; the account stays in Zuyderland.
    const token = await tokenMailedTo(elsewhere);
    const page = await call(invite.loader, get(`/invite/${token}`), { token });
    expect(page.status).toBe(409);
    expect(page.body).toMatchObject({ invitation: null, accountExists: true });
    const accept = await call(
      invite.action,
      post(`/invite/${token}`, { password: "een heel ander wachtwoord", confirm: "een heel ander wachtwoord" }),
      { token },
    );
    expect(accept.status).toBeGreaterThanOrEqual(400);
    const membership = getDb()
      .select()
      .from(memberships)
      .where(eq(memberships.userId, userId(elsewhere)))
      .get();
    expect(membership?.organisationId).toBe(organisationOf("hr@zuyderland.example"));
  });

  it("still tells HR when the address belongs to someone of its own organisation", async () => {
    const zas = cookieFor("hr@zas.example");
    const result = await call(
      hrPeople.action,
      post(
        "/hr/people",
        { intent: "invite", name: "Lieve Maes", email: "lieve.maes@zas.example", role: "employee" },
        zas,
      ),
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ errors: { email: ["validation.emailTaken"] } });
  });
});

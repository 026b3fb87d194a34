// Right to erasure: HR (own organisation) and the admin erase a deactivated person's personal data for good.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, users } from "@db/schema";
import { buddyProfiles } from "@db/schema-matching";
import { moduleProgress } from "@db/schema-modules";
import * as adminUsers from "~/routes/admin.users";
import * as hrPeople from "~/routes/hr.people";
import * as login from "~/routes/login";
import { getDb } from "~/utils/db.server";
import { call, cookieFor, DEMO_PASSWORD, get, post, seeded, userId } from "../support/requests";

beforeAll(seeded);

function row(id: number) {
  return getDb().select().from(users).where(eq(users.id, id)).get();
}

describe("erasing a person", () => {
  it("is refused while the person is still active, and without the confirmation step's confirm=yes (decision 150)", async () => {
    const hr = cookieFor("hr@zas.example");
    const tom = userId("tom.peeters@zas.example");
    const active = await call(
      hrPeople.action,
      post("/hr/people", { intent: "erase", userId: String(tom), confirm: "yes" }, hr),
    );
    expect(active.status).toBe(409);
    expect(active.body).toMatchObject({ formError: "admin.eraseNeedsDeactivation" });
    await call(hrPeople.action, post("/hr/people", { intent: "deactivate", userId: String(tom), confirm: "yes" }, hr));
    const unconfirmed = await call(hrPeople.action, post("/hr/people", { intent: "erase", userId: String(tom) }, hr));
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body).toMatchObject({ formError: "confirm.required" });
    expect(row(tom)?.name).toBe("Tom Peeters");
    expect(row(tom)?.email).toBe("tom.peeters@zas.example");
  });

  it("wipes name, e-mail, password, reading progress and the buddy profile's personal fields; the row and counts stay", async () => {
    const hr = cookieFor("hr@zas.example");
    const lieve = userId("lieve.maes@zas.example");
    // Lieve is the buddy in an active match: that match has to end first.
    await call(
      hrPeople.action,
      post("/hr/people", { intent: "deactivate", userId: String(lieve), confirm: "yes" }, hr),
    );
    const busy = await call(
      hrPeople.action,
      post("/hr/people", { intent: "erase", userId: String(lieve), confirm: "yes" }, hr),
    );
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ formError: "admin.eraseOpenMatches" });

    const an = userId("an.wouters@zas.example");
    await call(hrPeople.action, post("/hr/people", { intent: "deactivate", userId: String(an), confirm: "yes" }, hr));
    const erased = await call(
      hrPeople.action,
      post("/hr/people", { intent: "erase", userId: String(an), confirm: "yes" }, hr),
    );
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ notice: "admin.userErased" });

    const after = row(an);
    expect(after).toMatchObject({
      name: "—",
      email: `erased-${an}@erased.invalid`,
      passwordHash: null,
      locale: null,
      lastLoginAt: null,
      status: "erased",
    });
    const db = getDb();
    expect(db.select().from(memberships).where(eq(memberships.userId, an)).get()?.organisationId).toBeDefined();
    expect(db.select().from(moduleProgress).where(eq(moduleProgress.userId, an)).all()).toHaveLength(0);
    const profile = db.select().from(buddyProfiles).where(eq(buddyProfiles.userId, an)).get();
    expect(profile).toMatchObject({
      status: "inactive",
      profession: "",
      languages: "[]",
      interests: "[]",
      gender: null,
    });
    const entry = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(an)))
      .all()
      .find((e) => e.action === "user.erased");
    expect(entry?.actorUserId).toBe(userId("hr@zas.example"));

    // Nobody can sign in with the old address, and the erasure is final.
    const relogin = await call(
      login.action,
      post("/login", { email: "an.wouters@zas.example", password: DEMO_PASSWORD }),
    );
    expect(relogin.status).toBe(401);
    const again = await call(hrPeople.action, post("/hr/people", { intent: "reactivate", userId: String(an) }, hr));
    expect(again.status).toBe(409);
    expect(row(an)?.status).toBe("erased");

    // The people list shows an erased person without the old name or address.
    const page = await call(hrPeople.loader, get("/hr/people?q=", hr));
    expect(JSON.stringify(page.body)).not.toContain("an.wouters@zas.example");
  });

  it("stays within HR's own organisation; the admin may erase anyone but themselves", async () => {
    const hr = cookieFor("hr@zas.example");
    const daan = userId("daan.smeets@zuyderland.example");
    const admin = cookieFor("admin@portal.example");
    await call(
      adminUsers.action,
      post("/admin/users", { intent: "deactivate", userId: String(daan), confirm: "yes" }, admin),
    );
    const foreign = await call(
      hrPeople.action,
      post("/hr/people", { intent: "erase", userId: String(daan), confirm: "yes" }, hr),
    );
    expect(foreign.status).toBe(404);
    expect(row(daan)?.name).not.toBe("—");
    const self = await call(
      adminUsers.action,
      post("/admin/users", { intent: "erase", userId: String(userId("admin@portal.example")), confirm: "yes" }, admin),
    );
    expect(self.status).toBe(400);
    const done = await call(
      adminUsers.action,
      post("/admin/users", { intent: "erase", userId: String(daan), confirm: "yes" }, admin),
    );
    expect(done.status).toBe(200);
    expect(row(daan)?.status).toBe("erased");
  });
});

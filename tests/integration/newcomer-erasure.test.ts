// Issue 11, finding 13: erasing a newcomer record needs the confirmation on the server, and erases the
// newcomer's own login account with it (decision 062).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "@db/schema";
import { matches, newcomerRecords } from "@db/schema-matching";
import * as newcomerDetail from "~/routes/hr.newcomers.$id";
import * as newcomerHome from "~/routes/newcomer._index";
import * as login from "~/routes/login";
import { getDb } from "~/utils/db.server";
import { translate } from "~/utils/i18n";
import { call, cookieFor, DEMO_PASSWORD, get, post, seeded, userId } from "../support/requests";

beforeAll(seeded);

const db = () => getDb();
const recordOf = (name: string) => db().select().from(newcomerRecords).where(eq(newcomerRecords.name, name)).get()!;

describe("erasing a newcomer record", () => {
  it("is refused without the confirmation step's field, with a translated message, and changes nothing", async () => {
    const amal = recordOf("Amal Haddad");
    const hr = cookieFor("hr@zas.example");
    const attempts: Record<string, string>[] = [
      { intent: "erase" },
      { intent: "erase", confirm: "" },
      { intent: "erase", confirm: "no" },
      { intent: "erase", confirm: "on" },
    ];
    for (const fields of attempts) {
      const refused = await call(newcomerDetail.action, post(`/hr/newcomers/${amal.id}`, fields, hr), {
        id: String(amal.id),
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ formError: "confirm.required" });
    }
    expect(translate("nl", "confirm.required")).toMatch(/Bevestig eerst/);
    expect(translate("en", "confirm.required")).toMatch(/confirm first/);
    const after = recordOf("Amal Haddad");
    expect(after).toMatchObject({ name: "Amal Haddad", erasedAt: null, userId: amal.userId });
    expect(
      db()
        .select()
        .from(users)
        .where(eq(users.id, userId("nieuwkomer@zas.example")))
        .get(),
    ).toMatchObject({ name: "Amal Haddad", status: "active" });
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "newcomer.erase"), eq(auditLog.entityId, String(amal.id))))
        .all(),
    ).toHaveLength(0);
  });

  it("with the confirmation erases the record and the newcomer's own account: signed out, no sign-in, no name or address left", async () => {
    const amal = recordOf("Amal Haddad");
    const accountId = userId("nieuwkomer@zas.example");
    const newcomer = cookieFor("nieuwkomer@zas.example");
    const before = await call(newcomerHome.loader, get("/newcomer", newcomer));
    expect(before.status).toBe(200);

    const erased = await call(
      newcomerDetail.action,
      post(`/hr/newcomers/${amal.id}`, { intent: "erase", confirm: "yes" }, cookieFor("hr@zas.example")),
      { id: String(amal.id) },
    );
    expect(erased.status).toBe(302);
    expect(erased.location).toBe(`/hr/newcomers/${amal.id}?notice=matching.newcomers.erasedWithAccount`);

    expect(db().select().from(newcomerRecords).where(eq(newcomerRecords.id, amal.id)).get()).toMatchObject({
      name: "—",
      userId: null,
    });
    const account = db().select().from(users).where(eq(users.id, accountId)).get()!;
    expect(account).toMatchObject({
      name: "—",
      email: `erased-${accountId}@erased.invalid`,
      passwordHash: null,
      status: "erased",
    });
    expect(db().select().from(sessions).where(eq(sessions.userId, accountId)).all()).toHaveLength(0);
    // The open match is stopped, as before.
    expect(
      db()
        .select({ s: matches.status })
        .from(matches)
        .where(eq(matches.newcomerId, amal.id))
        .all()
        .map((m) => m.s),
    ).not.toContain("active");

    const home = await call(newcomerHome.loader, get("/newcomer", newcomer));
    expect(home.status).toBe(302);
    expect(home.location).toMatch(/^\/login/);
    const relogin = await call(
      login.action,
      post("/login", { email: "nieuwkomer@zas.example", password: DEMO_PASSWORD }),
    );
    expect(relogin.status).toBe(401);

    const actions = db().select({ a: auditLog.action, id: auditLog.entityId }).from(auditLog).all();
    expect(actions).toContainEqual({ a: "newcomer.erase", id: String(amal.id) });
    expect(actions).toContainEqual({ a: "user.erased", id: String(accountId) });
  });

  it("a record without an account is erased on its own and says so", async () => {
    const hamid = recordOf("Hamid Rahimi");
    expect(hamid.userId).toBeNull();
    const erased = await call(
      newcomerDetail.action,
      post(`/hr/newcomers/${hamid.id}`, { intent: "erase", confirm: "yes" }, cookieFor("hr@zas.example")),
      { id: String(hamid.id) },
    );
    expect(erased.status).toBe(302);
    expect(erased.location).toBe(`/hr/newcomers/${hamid.id}?notice=matching.newcomers.erased`);
  });

  it("another organisation's HR cannot erase the record, even with the confirmation", async () => {
    const yonas = recordOf("Yonas Tesfay");
    const foreign = await call(
      newcomerDetail.action,
      post(`/hr/newcomers/${yonas.id}`, { intent: "erase", confirm: "yes" }, cookieFor("hr@zuyderland.example")),
      { id: String(yonas.id) },
    );
    expect(foreign.status).toBe(404);
    expect(recordOf("Yonas Tesfay").erasedAt).toBeNull();
  });
});

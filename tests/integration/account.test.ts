// The account page: saving the profile loads a new document, so a changed language reaches the whole page.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@db/schema";
import * as account from "~/routes/account";
import { getDb } from "~/utils/db.server";
import { call, cookieFor, get, post, seeded, userId } from "../support/requests";

beforeAll(async () => {
  await seeded();
});

describe("saving the profile", () => {
  it("answers with a document redirect that carries the language, and the page then says it was saved", async () => {
    const cookie = cookieFor("lieve.maes@zas.example");
    const saved = await call(
      account.action,
      post("/account", { intent: "profile", name: "Lieve Maes", locale: "en" }, cookie),
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/account?saved=profile");
    expect(saved.headers.get("X-Remix-Reload-Document")).toBe("true");
    expect(saved.headers.get("Set-Cookie")).toMatch(/en/);
    expect(
      getDb()
        .select({ locale: users.locale })
        .from(users)
        .where(eq(users.id, userId("lieve.maes@zas.example")))
        .get()?.locale,
    ).toBe("en");

    const page = await call(account.loader, get("/account?saved=profile", cookie));
    expect(page.body).toMatchObject({ locale: "en", notice: "account.profileSaved" });
    const plain = await call(account.loader, get("/account", cookie));
    expect(plain.body).toMatchObject({ notice: null });
  });

  it("keeps the form's answer and changes nothing for a bad name", async () => {
    const cookie = cookieFor("lieve.maes@zas.example");
    const before = getDb()
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, userId("lieve.maes@zas.example")))
      .get();
    const bad = await call(account.action, post("/account", { intent: "profile", name: "", locale: "nl" }, cookie));
    expect(bad.status).toBe(400);
    expect(
      getDb()
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, userId("lieve.maes@zas.example")))
        .get(),
    ).toEqual(before);
  });
});

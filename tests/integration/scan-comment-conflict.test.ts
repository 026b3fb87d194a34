// Issue 11, finding 12: two HR users answering the same item. Values and comments conflict separately; a stale
// comment never overwrites a newer one without the user seeing both and choosing (decision 061).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { scanAnswers } from "@db/schema";
import * as answersRoute from "~/routes/hr.scans.$scanId_.answers";
import * as scanRoute from "~/routes/hr.scans.$scanId";
import * as listRoute from "~/routes/hr.scans._index";
import { getDb } from "~/utils/db.server";
import { translate } from "~/utils/i18n";
import { call, cookieFor, get, post, seeded } from "../support/requests";

const SOFIE = "hr@zas.example";
const KARIM = "diversiteit@zas.example";
let scanId = 0;

beforeAll(async () => {
  await seeded();
  const started = await call(listRoute.action, post("/hr/scans", { period: "2029", start: "empty" }, cookieFor(SOFIE)));
  expect(started.status).toBe(302);
  scanId = Number(/\/hr\/scans\/(\d+)/.exec(started.location ?? "")?.[1]);
});

const params = () => ({ scanId: String(scanId) });
const row = (itemKey: string) =>
  getDb()
    .select()
    .from(scanAnswers)
    .where(and(eq(scanAnswers.scanId, scanId), eq(scanAnswers.itemKey, itemKey)))
    .get();
const autosave = (who: string, fields: Record<string, string>) =>
  call(answersRoute.action, post(`/hr/scans/${scanId}/answers`, fields, cookieFor(who)), params());
const plainPost = (who: string, fields: Record<string, string>) =>
  call(scanRoute.action, post(`/hr/scans/${scanId}`, { intent: "answer", ...fields }, cookieFor(who)), params());

/** Both open the page on an item Sofie answered first (revision 1, comment "Plan goedgekeurd"). */
async function sharedStart(itemKey: string) {
  const first = await autosave(SOFIE, {
    itemKey,
    value: "2",
    comment: "",
    baseRevision: "0",
    baseValue: "",
    baseComment: "",
  });
  expect(first.status).toBe(200);
  return { itemKey, revision: "1", value: "2", comment: "" };
}

describe("a stale save meets a colleague's newer comment (with JavaScript: the autosave endpoint)", () => {
  it("a changed comment is not applied over the newer one: 409 with both comments, the new value still saved", async () => {
    const base = await sharedStart("leadership.1");
    // Sofie adds evidence; Karim's page still shows revision 1 without a comment.
    expect(
      (
        await autosave(SOFIE, {
          itemKey: base.itemKey,
          value: "2",
          comment: "Plan goedgekeurd door de directie",
          baseRevision: "1",
          baseValue: "2",
          baseComment: "",
        })
      ).status,
    ).toBe(200);
    const stale = await autosave(KARIM, {
      itemKey: base.itemKey,
      value: "3",
      comment: "Karim: zie intranet",
      baseRevision: base.revision,
      baseValue: base.value,
      baseComment: base.comment,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: "scan.errors.commentConflict",
      commentConflict: {
        mine: "Karim: zie intranet",
        theirs: "Plan goedgekeurd door de directie",
        byName: "Sofie Janssens",
      },
      answer: { value: "3", comment: "Plan goedgekeurd door de directie", revision: 3 },
      replaced: { value: "2", byName: "Sofie Janssens" },
    });
    expect(row(base.itemKey)).toMatchObject({ value: "3", comment: "Plan goedgekeurd door de directie" });
    expect(translate("nl", "scan.errors.commentConflict")).toMatch(/toelichting/);
    expect(translate("en", "scan.errors.commentConflict")).toMatch(/comment/);

    // Karim has now seen both and chooses his own: saved on top of the revision he was shown.
    const chosen = await autosave(KARIM, {
      itemKey: base.itemKey,
      value: "3",
      comment: "Karim: zie intranet",
      baseRevision: "3",
      baseValue: "3",
      baseComment: "Plan goedgekeurd door de directie",
    });
    expect(chosen.status).toBe(200);
    expect(row(base.itemKey)).toMatchObject({ value: "3", comment: "Karim: zie intranet", revision: 4 });
  });

  it("a stale save that only changes the value keeps the colleague's comment and says nothing about comments", async () => {
    const base = await sharedStart("leadership.2");
    await autosave(SOFIE, {
      itemKey: base.itemKey,
      value: "2",
      comment: "Budget vastgelegd",
      baseRevision: "1",
      baseValue: "2",
      baseComment: "",
    });
    const stale = await autosave(KARIM, {
      itemKey: base.itemKey,
      value: "4",
      comment: "",
      baseRevision: base.revision,
      baseValue: base.value,
      baseComment: base.comment,
    });
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({ commentConflict: null, answer: { value: "4", comment: "Budget vastgelegd" } });
    expect(row(base.itemKey)).toMatchObject({ value: "4", comment: "Budget vastgelegd" });
  });

  it("a stale save that only changes the comment keeps the colleague's newer value", async () => {
    const base = await sharedStart("leadership.3");
    await autosave(SOFIE, {
      itemKey: base.itemKey,
      value: "4",
      comment: "",
      baseRevision: "1",
      baseValue: "2",
      baseComment: "",
    });
    const stale = await autosave(KARIM, {
      itemKey: base.itemKey,
      value: "2",
      comment: "Eigenaar: Karim",
      baseRevision: base.revision,
      baseValue: base.value,
      baseComment: base.comment,
    });
    expect(stale.status).toBe(200);
    expect(row(base.itemKey)).toMatchObject({ value: "4", comment: "Eigenaar: Karim" });
    expect(stale.body).toMatchObject({ replaced: null, answer: { value: "4", comment: "Eigenaar: Karim" } });
  });

  it("an old page without a base comment never silently replaces a stored comment", async () => {
    const base = await sharedStart("leadership.4");
    await autosave(SOFIE, {
      itemKey: base.itemKey,
      value: "2",
      comment: "Nota van Sofie",
      baseRevision: "1",
      baseValue: "2",
      baseComment: "",
    });
    const stale = await autosave(KARIM, {
      itemKey: base.itemKey,
      value: "2",
      comment: "Nota van Karim",
      baseRevision: base.revision,
    });
    expect(stale.status).toBe(409);
    expect(row(base.itemKey)).toMatchObject({ comment: "Nota van Sofie" });
  });
});

describe("without JavaScript (the item's plain form post)", () => {
  it("shows both comments on the page with a 409, keeps the newer one, and saves the user's choice", async () => {
    const base = await sharedStart("recruitment.1");
    await plainPost(SOFIE, {
      itemKey: base.itemKey,
      value: "2",
      comment: "Vacatures in B1-taal",
      baseRevision: "1",
      baseValue: "2",
      baseComment: "",
    });
    const stale = await plainPost(KARIM, {
      itemKey: base.itemKey,
      value: "2",
      comment: "Samenwerking met VDAB",
      baseRevision: base.revision,
      baseValue: base.value,
      baseComment: base.comment,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      intent: "answer",
      itemKey: base.itemKey,
      error: "scan.errors.commentConflict",
      conflict: {
        mine: "Samenwerking met VDAB",
        theirs: "Vacatures in B1-taal",
        byName: "Sofie Janssens",
        answer: { revision: 2 },
      },
    });
    expect(row(base.itemKey)).toMatchObject({ comment: "Vacatures in B1-taal", revision: 2 });

    // "Keep the comment that applies now" is a plain link back to the item: the page shows Sofie's comment.
    const page = await call(scanRoute.loader, get(`/hr/scans/${scanId}?d=recruitment`, cookieFor(KARIM)), params());
    const answers = (page.body as { answers: { itemKey: string; comment: string | null; revision: number }[] }).answers;
    expect(answers.find((a) => a.itemKey === base.itemKey)).toMatchObject({
      comment: "Vacatures in B1-taal",
      revision: 2,
    });

    // "Save my comment instead" posts the field again, now based on the revision shown with both comments.
    const chosen = await plainPost(KARIM, {
      itemKey: base.itemKey,
      value: "2",
      comment: "Samenwerking met VDAB",
      baseRevision: "2",
      baseValue: "2",
      baseComment: "Vacatures in B1-taal",
    });
    expect(chosen.status).toBe(302);
    expect(row(base.itemKey)).toMatchObject({ comment: "Samenwerking met VDAB", revision: 3 });
  });
});

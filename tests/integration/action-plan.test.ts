// The action plan through its page's loader and action (real Requests, real SQLite): actions are added
// with an owner from the own organisation (or a typed name), edited, deleted after the confirmation, and a stale
// edit never replaces a colleague's newer one (decision 166).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionItems } from "@db/schema";
import * as actionsRoute from "~/routes/hr.scans.$scanId_.actions";
import * as scanRoute from "~/routes/hr.scans.$scanId";
import { getDb } from "~/utils/db.server";
import { answersForAll, cookieOf, createCareOrganisation, createDraftScan } from "../support/factories";
import { call, get, post } from "../support/requests";

type ActionView = {
  id: number;
  action: string;
  owner: string;
  ownerUserId: number | null;
  dueDate: string | null;
  status: string;
  itemKey: string | null;
  revision: number;
};
type ResultsBody = { actions: ActionView[]; owners: { id: number; name: string }[] };
type FailureBody = {
  ok: false;
  formError: string;
  formErrorParams: Record<string, string | number> | null;
  errors: Record<string, string[]>;
};

/** An organisation with a submitted scan, its two HR users signed in, and the action plan page's action and loader. */
async function planWorld() {
  const world = createCareOrganisation();
  const scan = createDraftScan({
    organisationId: world.organisation.id,
    period: "2028",
    answers: answersForAll("2"),
    answeredBy: world.hr.id,
  });
  const hrCookie = cookieOf(world.hr);
  const hr2Cookie = cookieOf(world.hr2);
  const params = { scanId: String(scan.id) };
  const submittedScan = await call(
    scanRoute.action,
    post(`/hr/scans/${scan.id}`, { intent: "submit", confirm: "yes" }, hrCookie),
    params,
  );
  expect(submittedScan.status).toBe(302);
  const url = `/hr/scans/${scan.id}/actions`;
  const act = (cookie: string, fields: Record<string, string>) =>
    call(actionsRoute.action, post(url, fields, cookie), params);
  const page = async (cookie = hrCookie) =>
    (await call(actionsRoute.loader, get(url, cookie), params)).body as ResultsBody;
  const rows = () => getDb().select().from(actionItems).where(eq(actionItems.scanId, scan.id)).all();
  return { ...world, scanId: scan.id, hrCookie, hr2Cookie, act, page, rows };
}

const ADD = {
  intent: "addAction",
  dimensionKey: "language",
  itemKey: "language.2",
  action: "Taalcoach inplannen tijdens werkuren",
  owner: "Karim Bouzid",
  dueDate: "2027-03-31",
};

async function addOne(w: Awaited<ReturnType<typeof planWorld>>, fields: Record<string, string> = {}) {
  const added = await w.act(w.hrCookie, { ...ADD, ...fields });
  expect(added.status).toBe(302);
  const action = (await w.page()).actions.at(-1);
  if (!action) throw new Error("no action");
  return action;
}

function editFields(a: ActionView, fields: Record<string, string>) {
  return {
    intent: "editAction",
    actionId: String(a.id),
    revision: String(a.revision),
    dimensionKey: "language",
    itemKey: a.itemKey ?? "",
    action: a.action,
    ownerUserId: "",
    owner: a.owner,
    dueDate: a.dueDate ?? "",
    status: a.status,
    ...fields,
  };
}

describe("action plan", () => {
  it("offers the own organisation's people as owners and shows a picked person by their name", async () => {
    const w = await planWorld();
    const other = await planWorld();
    const owners = (await w.page()).owners;
    expect(owners.map((o) => o.name)).toEqual(expect.arrayContaining([w.hr.name, w.hr2.name, w.employee.name]));
    expect(owners.some((o) => o.id === other.employee.id)).toBe(false);

    const action = await addOne(w, { owner: "", ownerUserId: String(w.employee.id) });
    expect(action).toMatchObject({ owner: w.employee.name, ownerUserId: w.employee.id });
  });

  it("edits an action's statement, text, owner, due date and status", async () => {
    const w = await planWorld();
    const action = await addOne(w);
    const edited = await w.act(
      w.hrCookie,
      editFields(action, {
        itemKey: "language.4",
        action: "Taalmaatjes op elke afdeling",
        ownerUserId: String(w.hr2.id),
        owner: "",
        dueDate: "2027-06-30",
        status: "in_progress",
      }),
    );
    expect(edited.status).toBe(302);
    expect(edited.location).toContain("notice=scan.actions.edited");
    const [after] = (await w.page()).actions;
    expect(after).toMatchObject({
      id: action.id,
      itemKey: "language.4",
      action: "Taalmaatjes op elke afdeling",
      owner: w.hr2.name,
      ownerUserId: w.hr2.id,
      dueDate: "2027-06-30",
      status: "in_progress",
      revision: action.revision + 1,
    });

    // Back to a typed name (someone without an account).
    const typed = await w.act(w.hrCookie, editFields(after!, { ownerUserId: "", owner: "Externe taalcoach" }));
    expect(typed.status).toBe(302);
    expect((await w.page()).actions[0]).toMatchObject({ owner: "Externe taalcoach", ownerUserId: null });
  });

  it("deletes an action only with the confirmation", async () => {
    const w = await planWorld();
    const action = await addOne(w);
    const unconfirmed = await w.act(w.hrCookie, { intent: "deleteAction", actionId: String(action.id) });
    expect(unconfirmed.status).toBe(400);
    expect((unconfirmed.body as FailureBody).formError).toBe("confirm.required");
    expect(w.rows()).toHaveLength(1);
    const deleted = await w.act(w.hrCookie, { intent: "deleteAction", actionId: String(action.id), confirm: "yes" });
    expect(deleted.status).toBe(302);
    expect(w.rows()).toHaveLength(0);
  });

  it("refuses an owner from another organisation, on adding and on editing, and changes nothing", async () => {
    const w = await planWorld();
    const other = await planWorld();
    const refusedAdd = await w.act(w.hrCookie, { ...ADD, owner: "", ownerUserId: String(other.employee.id) });
    expect(refusedAdd.status).toBe(400);
    expect((refusedAdd.body as FailureBody).errors.ownerUserId).toEqual(["scan.actions.errors.ownerNotHere"]);
    expect(w.rows()).toHaveLength(0);

    const action = await addOne(w);
    const refusedEdit = await w.act(w.hrCookie, editFields(action, { ownerUserId: String(other.hr.id), owner: "" }));
    expect(refusedEdit.status).toBe(400);
    expect(w.rows()[0]).toMatchObject({ owner: "Karim Bouzid", ownerUserId: null, revision: action.revision });
  });

  it("refuses a stale edit with the colleague's newer version, and keeps that version", async () => {
    const w = await planWorld();
    const action = await addOne(w);
    // Both HR users open the edit form on the same revision; the colleague saves first.
    const first = await w.act(
      w.hr2Cookie,
      editFields(action, { action: "Taalcoach twee uur per week", owner: "Sofie Maes" }),
    );
    expect(first.status).toBe(302);
    const late = await w.act(w.hrCookie, editFields(action, { action: "Taalcoach één uur per maand", status: "done" }));
    expect(late.status).toBe(409);
    const body = late.body as FailureBody;
    expect(body.formError).toBe("scan.actions.errors.stale");
    expect(body.formErrorParams).toMatchObject({
      action: "Taalcoach twee uur per week",
      owner: "Sofie Maes",
      status: "open",
      revision: action.revision + 1,
    });
    expect(w.rows()[0]).toMatchObject({ action: "Taalcoach twee uur per week", owner: "Sofie Maes", status: "open" });

    // A status change is a change too: an edit form opened before it is stale.
    const current = (await w.page()).actions[0]!;
    expect(
      (await w.act(w.hr2Cookie, { intent: "actionStatus", actionId: String(action.id), status: "in_progress" })).status,
    ).toBe(302);
    expect((await w.act(w.hrCookie, editFields(current, { action: "Nog iets anders" }))).status).toBe(409);
    // Saving again on the newer revision is a conscious choice and applies.
    const newest = (await w.page()).actions[0]!;
    expect((await w.act(w.hrCookie, editFields(newest, { action: "Taalcoach één uur per maand" }))).status).toBe(302);
    expect(w.rows()[0]).toMatchObject({ action: "Taalcoach één uur per maand", status: "in_progress" });
  });

  it("answers bad input with 400 and a translated message, and changes nothing", async () => {
    const w = await planWorld();
    const action = await addOne(w);
    const before = w.rows();
    const bad: Record<string, string>[] = [
      editFields(action, { action: "" }),
      editFields(action, { dimensionKey: "nope" }),
      editFields(action, { itemKey: "onboarding.1" }),
      editFields(action, { dueDate: "31/03/2027" }),
      editFields(action, { status: "finished" }),
      editFields(action, { ownerUserId: "", owner: "" }),
      editFields(action, { ownerUserId: "abc" }),
      editFields(action, { revision: "" }),
      editFields(action, { actionId: "x1" }),
      { ...ADD, owner: "", ownerUserId: "" },
      { ...ADD, owner: "K" },
      { intent: "deleteAction", actionId: "0", confirm: "yes" },
      { intent: "archiveAction", actionId: String(action.id) },
    ];
    for (const fields of bad) {
      const r = await w.act(w.hrCookie, fields);
      expect(r.status, JSON.stringify(fields)).toBe(400);
      expect((r.body as FailureBody).formError, JSON.stringify(fields)).toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
    }
    expect(w.rows()).toEqual(before);
  });

  it("another organisation's HR cannot edit or delete the action", async () => {
    const w = await planWorld();
    const other = await planWorld();
    const action = await addOne(w);
    const otherUrl = `/hr/scans/${other.scanId}/actions`;
    const edit = await call(
      actionsRoute.action,
      post(otherUrl, editFields(action, { action: "Overgenomen" }), other.hrCookie),
      { scanId: String(other.scanId) },
    );
    expect(edit.status).toBe(404);
    const del = await call(
      actionsRoute.action,
      post(otherUrl, { intent: "deleteAction", actionId: String(action.id), confirm: "yes" }, other.hrCookie),
      { scanId: String(other.scanId) },
    );
    expect(del.status).toBe(404);
    expect(w.rows()[0]).toMatchObject({ action: ADD.action, revision: action.revision });
  });
});

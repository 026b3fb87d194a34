// Buddy matching through the real loaders and actions on the seeded demo database.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, users } from "@db/schema";
import { buddyProfiles, checkIns, forbiddenPairs, matches, newcomerRecords } from "@db/schema-matching";
import { acceptProposal } from "~/features/matching/proposals.server";
import { matchingIndicatorsByOrganisation } from "~/features/matching/indicators.server";
import { getRun, type RunView } from "~/features/matching/runs.server";
import * as hrBuddies from "~/routes/hr.buddies";
import * as hrMatch from "~/routes/hr.matching.matches.$id";
import * as hrMatching from "~/routes/hr.matching._index";
import * as hrRun from "~/routes/hr.matching.runs.$id";
import * as newcomerExport from "~/routes/hr.newcomers.$id.export";
import * as newcomerDetail from "~/routes/hr.newcomers.$id";
import * as newcomersIndex from "~/routes/hr.newcomers._index";
import * as newcomerNew from "~/routes/hr.newcomers.new";
import * as buddyMatch from "~/routes/me.buddy.matches.$id";
import * as buddyProfile from "~/routes/me.buddy.profile";
import * as proposal from "~/routes/me.buddy.proposals.$id";
import * as newcomerHome from "~/routes/newcomer._index";
import { getDb } from "~/utils/db.server";
import { linkIn, mailbox } from "../support/mail";
import { call, cookieFor, get, post, seeded, userId } from "../support/requests";
import { statusOf } from "~/utils/respond.server";

beforeAll(seeded);

const db = () => getDb();
const HR = () => cookieFor("hr@zas.example");
const recordId = (name: string) =>
  db().select({ id: newcomerRecords.id }).from(newcomerRecords).where(eq(newcomerRecords.name, name)).get()!.id;
const profileId = (email: string) =>
  db()
    .select({ id: buddyProfiles.id })
    .from(buddyProfiles)
    .where(eq(buddyProfiles.userId, userId(email)))
    .get()!.id;
const chosenFor = (run: RunView, name: string) =>
  run.result.rows.find((r) => r.newcomerName === name)?.chosen?.buddyName ?? null;

const NEWCOMER_FORM = {
  name: "Samira Ouali",
  profession: "nurse",
  departmentId: "",
  startDate: "2027-02-01",
  dutchLevel: "B1",
  lang0code: "ar",
  lang0level: "C2",
  shifts: ["day", "night"],
  interests: "cooking",
  recognitionStatus: "in_progress",
};

async function startRun(): Promise<RunView> {
  const result = await call(hrMatching.action, post("/hr/matching", { intent: "run" }, HR()));
  expect(result.status).toBe(302);
  const id = Number(/\/hr\/matching\/runs\/(\d+)/.exec(result.location ?? "")?.[1]);
  const run = getRun(
    db()
      .select({ o: newcomerRecords.organisationId })
      .from(newcomerRecords)
      .where(eq(newcomerRecords.id, recordId("Hamid Rahimi")))
      .get()!.o,
    id,
  );
  expect(run).not.toBeNull();
  return run!;
}

describe("newcomer records", () => {
  it("HR sees the demo newcomers with their state, and each view of a record is audited", async () => {
    const list = await call(newcomersIndex.loader, get("/hr/newcomers", HR()));
    const rows = (list.body as { newcomers: { name: string; state: string; buddyName: string | null }[] }).newcomers;
    expect(rows.find((r) => r.name === "Amal Haddad")).toMatchObject({ state: "matched", buddyName: "Lieve Maes" });
    expect(rows.find((r) => r.name === "Yonas Tesfay")).toMatchObject({
      state: "proposed",
      buddyName: "Jonas De Smet",
    });
    expect(rows.find((r) => r.name === "Hamid Rahimi")).toMatchObject({ state: "waiting" });
    expect(rows.some((r) => r.name === "Mehmet Yılmaz")).toBe(false);

    const id = recordId("Hamid Rahimi");
    const view = await call(newcomerDetail.loader, get(`/hr/newcomers/${id}`, HR()), { id: String(id) });
    expect(view.status).toBe(200);
    const audited = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "newcomer.view"), eq(auditLog.entityId, String(id))))
      .all();
    expect(audited.length).toBeGreaterThan(0);
  });

  it("creates a record from a plain form post and refuses impossible values with field errors", async () => {
    const departmentId = String(
      db()
        .select({ d: newcomerRecords.departmentId })
        .from(newcomerRecords)
        .where(eq(newcomerRecords.id, recordId("Hamid Rahimi")))
        .get()!.d,
    );
    const bad = await call(
      newcomerNew.action,
      post(
        "/hr/newcomers/new",
        {
          ...NEWCOMER_FORM,
          departmentId,
          startDate: "2027-02-30",
          dutchLevel: "D9",
          lang1code: "en",
          lang1level: "",
          lang2code: "ar",
          lang2level: "B1",
        },
        HR(),
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      errors: { startDate: ["matching.invalidDate"], dutchLevel: ["validation.invalidChoice"] },
      // what was typed comes back, so a form without JavaScript loses nothing
      values: { name: "Samira Ouali", startDate: "2027-02-30", shifts: ["day", "night"], interests: ["cooking"] },
    });
    expect(db().select().from(newcomerRecords).where(eq(newcomerRecords.name, "Samira Ouali")).all()).toHaveLength(0);

    const otherOrgDepartment = await call(
      newcomerNew.action,
      post("/hr/newcomers/new", { ...NEWCOMER_FORM, departmentId: "9999" }, HR()),
    );
    expect(otherOrgDepartment.status).toBe(400);
    expect(otherOrgDepartment.body).toMatchObject({ errors: { departmentId: ["validation.unknownDepartment"] } });

    const ok = await call(newcomerNew.action, post("/hr/newcomers/new", { ...NEWCOMER_FORM, departmentId }, HR()));
    expect(ok.status).toBe(302);
    const saved = db().select().from(newcomerRecords).where(eq(newcomerRecords.name, "Samira Ouali")).get()!;
    expect(JSON.parse(saved.languages)).toEqual([{ code: "ar", level: "C2" }]);
    expect(JSON.parse(saved.shifts)).toEqual(["day", "night"]);
    expect(JSON.parse(saved.interests)).toEqual(["cooking"]);
  });

  it("answers 404 for another organisation's record", async () => {
    const id = recordId("Hamid Rahimi");
    const other = await call(newcomerDetail.loader, get(`/hr/newcomers/${id}`, cookieFor("hr@zuyderland.example")), {
      id: String(id),
    });
    expect(other.status).toBe(404);
    const employee = await call(
      newcomerDetail.loader,
      get(`/hr/newcomers/${id}`, cookieFor("an.wouters@zas.example")),
      { id: String(id) },
    );
    expect(employee.status).toBe(403);
  });
});

describe("a matching run", () => {
  let runId = 0;

  it("proposes the best trained buddy per waiting newcomer, explains it, and is certified optimal", async () => {
    const run = await startRun();
    runId = run.id;
    expect(run.certificateOk).toBe(true);
    expect(run.status).toBe("draft");
    expect(chosenFor(run, "Hamid Rahimi")).toBe("Tom Peeters");
    expect(chosenFor(run, "Olena Shevchenko")).toBe("An Wouters");
    expect(chosenFor(run, "Fatima Zahra Benali")).toBe("Youssef El Amrani");
    expect(chosenFor(run, "Lucía Romero")).toBe("Mariam Tesfaye");
    // The pending proposal is kept (keep-bonus), not reshuffled.
    const yonas = run.result.rows.find((r) => r.newcomerName === "Yonas Tesfay")!;
    expect(yonas.chosen).toMatchObject({ buddyName: "Jonas De Smet", kept: true });
    // Amal has an active match and is not in the run; untrained and paused buddies are never chosen.
    expect(run.result.rows.some((r) => r.newcomerName === "Amal Haddad")).toBe(false);
    const hamid = run.result.rows.find((r) => r.newcomerName === "Hamid Rahimi")!;
    expect(hamid.chosen?.contributions.map((c) => c.key)).toEqual(
      expect.arrayContaining(["sameDepartment", "sameProfession"]),
    );
    expect(hamid.alternatives.length).toBeGreaterThan(0);
    expect(hamid.alternatives.length).toBeLessThanOrEqual(3);
    for (const row of run.result.rows)
      for (const o of row.allowed) expect(["Bram Jacobs", "Eva Van Damme"]).not.toContain(o.buddyName);
  });

  it("lets HR override a pair with another allowed buddy, refuses a forbidden one, and releases the pin", async () => {
    const hamid = recordId("Hamid Rahimi");
    const override = await call(
      hrRun.action,
      post(
        `/hr/matching/runs/${runId}`,
        { intent: "pin", newcomerId: String(hamid), buddyId: String(profileId("verpleegkundige@zas.example")) },
        HR(),
      ),
      { id: String(runId) },
    );
    expect(override.status).toBe(302);
    let run = (await call(hrRun.loader, get(`/hr/matching/runs/${runId}`, HR()), { id: String(runId) })).body as {
      run: RunView;
    };
    expect(run.run.result.rows.find((r) => r.newcomerId === hamid)?.chosen).toMatchObject({
      buddyName: "Jonas De Smet",
      pinned: true,
    });
    expect(run.run.certificateOk).toBe(true);

    const forbidden = await call(
      hrRun.action,
      post(
        `/hr/matching/runs/${runId}`,
        { intent: "pin", newcomerId: String(hamid), buddyId: String(profileId("bram.jacobs@zas.example")) },
        HR(),
      ),
      { id: String(runId) },
    );
    expect(forbidden.status).toBe(400);
    expect(forbidden.body).toMatchObject({ formError: "matching.buddyNotAllowed" });

    const release = await call(
      hrRun.action,
      post(`/hr/matching/runs/${runId}`, { intent: "unpin", newcomerId: String(hamid) }, HR()),
      { id: String(runId) },
    );
    expect(release.status).toBe(302);
    run = (await call(hrRun.loader, get(`/hr/matching/runs/${runId}`, HR()), { id: String(runId) })).body as {
      run: RunView;
    };
    expect(run.run.result.rows.find((r) => r.newcomerId === hamid)?.chosen).toMatchObject({
      buddyName: "Tom Peeters",
      pinned: false,
    });
  });

  it("sends the proposals: each buddy gets an e-mail with a link, the kept proposal is not sent again", async () => {
    const sent = await call(
      hrRun.action,
      post(`/hr/matching/runs/${runId}`, { intent: "send", confirm: "yes" }, HR()),
      { id: String(runId) },
    );
    expect(sent.status).toBe(302);
    // Hamid, Olena, Fatima, Lucía and Samira (added above); Yonas keeps his running proposal.
    expect(sent.location).toContain("count=5");
    const mail = await mailbox().waitFor((m) => m.to.includes("tom.peeters@zas.example"));
    expect(mail.subject).toContain("Hamid Rahimi");
    const link = linkIn(mail.text, "/me/buddy/proposals/");
    expect(link).toMatch(/^http:\/\/portal\.test\/me\/buddy\/proposals\/\d+$/);
    const again = await call(
      hrRun.action,
      post(`/hr/matching/runs/${runId}`, { intent: "send", confirm: "yes" }, HR()),
      { id: String(runId) },
    );
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ formError: "matching.runNotDraft" });
    expect(
      db()
        .select()
        .from(matches)
        .where(eq(matches.newcomerId, recordId("Yonas Tesfay")))
        .all(),
    ).toHaveLength(1);
  });

  it("a buddy cannot answer someone else's proposal; the right buddy accepts once and gets check-ins", async () => {
    const id = db()
      .select({ id: matches.id })
      .from(matches)
      .where(and(eq(matches.newcomerId, recordId("Hamid Rahimi")), eq(matches.status, "proposed")))
      .get()!.id;
    const wrong = await call(
      proposal.action,
      post(`/me/buddy/proposals/${id}`, { intent: "accept" }, cookieFor("an.wouters@zas.example")),
      { id: String(id) },
    );
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ formError: "matching.notYours" });
    const otherOrg = await call(
      proposal.loader,
      get(`/me/buddy/proposals/${id}`, cookieFor("daan.smeets@zuyderland.example")),
      { id: String(id) },
    );
    expect(otherOrg.status).toBe(404);
    expect(db().select({ s: matches.status }).from(matches).where(eq(matches.id, id)).get()!.s).toBe("proposed");

    const tom = cookieFor("tom.peeters@zas.example");
    const view = await call(proposal.loader, get(`/me/buddy/proposals/${id}`, tom), { id: String(id) });
    expect(view.status).toBe(200);
    const ok = await call(proposal.action, post(`/me/buddy/proposals/${id}`, { intent: "accept" }, tom), {
      id: String(id),
    });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`/me/buddy/matches/${id}?notice=matching.proposal.accepted`);
    const twice = await call(proposal.action, post(`/me/buddy/proposals/${id}`, { intent: "accept" }, tom), {
      id: String(id),
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ formError: "matching.alreadyAnswered" });

    const page = await call(buddyMatch.loader, get(`/me/buddy/matches/${id}`, tom), { id: String(id) });
    const keys = (page.body as { checkIns: { key: string }[] }).checkIns.map((c) => c.key);
    expect(keys).toEqual(["week1", "week6", "month3", "month6"]);

    const emptyNote = await call(buddyMatch.action, post(`/me/buddy/matches/${id}`, { key: "week1", note: "" }, tom), {
      id: String(id),
    });
    expect(emptyNote.status).toBe(400);
    const logged = await call(
      buddyMatch.action,
      post(`/me/buddy/matches/${id}`, { key: "week1", note: "Kennismaking op de spoed, rooster besproken." }, tom),
      { id: String(id) },
    );
    expect(logged.status).toBe(302);
    expect(
      db()
        .select()
        .from(checkIns)
        .where(and(eq(checkIns.matchId, id), eq(checkIns.key, "week1")))
        .get()?.doneAt,
    ).not.toBeNull();
  });

  it("a decline needs a reason, forbids the pair, and the next run proposes the next best buddy", async () => {
    const id = db()
      .select({ id: matches.id })
      .from(matches)
      .where(and(eq(matches.newcomerId, recordId("Olena Shevchenko")), eq(matches.status, "proposed")))
      .get()!.id;
    const an = cookieFor("an.wouters@zas.example");
    const noReason = await call(
      proposal.action,
      post(`/me/buddy/proposals/${id}`, { intent: "decline", reason: "" }, an),
      { id: String(id) },
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ errors: { reason: ["matching.reasonRequired"] } });
    const ok = await call(
      proposal.action,
      post(`/me/buddy/proposals/${id}`, { intent: "decline", reason: "Ik ben de komende weken met verlof." }, an),
      { id: String(id) },
    );
    expect(ok.status).toBe(302);
    expect(
      db()
        .select()
        .from(forbiddenPairs)
        .where(eq(forbiddenPairs.newcomerId, recordId("Olena Shevchenko")))
        .all(),
    ).toHaveLength(1);

    const rerun = await startRun();
    expect(rerun.certificateOk).toBe(true);
    const olena = rerun.result.rows.find((r) => r.newcomerName === "Olena Shevchenko")!;
    expect(olena.chosen?.buddyName).toBeTruthy();
    expect(olena.chosen?.buddyName).not.toBe("An Wouters");
    expect(olena.allowed.some((o) => o.buddyName === "An Wouters")).toBe(false);
    // Pending proposals stay where they are.
    expect(chosenFor(rerun, "Fatima Zahra Benali")).toBe("Youssef El Amrani");
    expect(rerun.result.rows.some((r) => r.newcomerName === "Hamid Rahimi")).toBe(false);
  });

  it("never lets two accepts exceed a buddy's capacity, and refuses an expired proposal", async () => {
    const youssef = profileId("youssef.elamrani@zas.example");
    db().update(buddyProfiles).set({ capacity: 1 }).where(eq(buddyProfiles.id, youssef)).run();
    const extra = db()
      .insert(matches)
      .values({
        organisationId: 1,
        newcomerId: recordId("Samira Ouali"),
        buddyId: youssef,
        status: "proposed",
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .returning({ id: matches.id })
      .get();
    const fatima = db()
      .select({ id: matches.id, organisationId: matches.organisationId })
      .from(matches)
      .where(and(eq(matches.newcomerId, recordId("Fatima Zahra Benali")), eq(matches.status, "proposed")))
      .get()!;
    db().update(matches).set({ organisationId: fatima.organisationId }).where(eq(matches.id, extra.id)).run();
    const cookie = cookieFor("youssef.elamrani@zas.example");
    const [first, second] = await Promise.all([
      call(proposal.action, post(`/me/buddy/proposals/${fatima.id}`, { intent: "accept" }, cookie), {
        id: String(fatima.id),
      }),
      call(proposal.action, post(`/me/buddy/proposals/${extra.id}`, { intent: "accept" }, cookie), {
        id: String(extra.id),
      }),
    ]);
    expect([first.status, second.status].sort()).toEqual([302, 409]);
    expect([first.body, second.body]).toContainEqual(expect.objectContaining({ formError: "matching.capacityUsed" }));
    const committed = db()
      .select()
      .from(matches)
      .where(and(eq(matches.buddyId, youssef)))
      .all()
      .filter((m) => m.status === "accepted" || m.status === "active");
    expect(committed).toHaveLength(1);

    const lucia = db()
      .select({ id: matches.id })
      .from(matches)
      .where(and(eq(matches.newcomerId, recordId("Lucía Romero")), eq(matches.status, "proposed")))
      .get()!;
    const mariam = {
      ...(await import("~/utils/session.server")).getCurrentUser(get("/me", cookieFor("mariam.tesfaye@zas.example")))!,
      organisationId: fatima.organisationId,
    };
    const late = acceptProposal(mariam, { matchId: lucia.id }, new Date(Date.now() + 6 * 86_400_000));
    // The use case says why (an Outcome); the route layer's statusOf gives the status the buddy's page answers with.
    expect({ ...late, status: late.ok ? null : statusOf(late.reason) }).toMatchObject({
      ok: false,
      status: 409,
      message: "matching.proposalExpired",
    });
  });

  it("a proposal past its deadline expires as soon as anyone looks, and the pair is forbidden from then on", async () => {
    const lucia = recordId("Lucía Romero");
    const id = db()
      .select({ id: matches.id })
      .from(matches)
      .where(and(eq(matches.newcomerId, lucia), eq(matches.status, "proposed")))
      .get()!.id;
    db()
      .update(matches)
      .set({ deadline: new Date(Date.now() - 60_000).toISOString() })
      .where(eq(matches.id, id))
      .run();
    const overview = await call(hrMatching.loader, get("/hr/matching", HR()));
    expect((overview.body as { answered: { id: number; status: string }[] }).answered).toContainEqual(
      expect.objectContaining({ id, status: "expired" }),
    );
    expect(
      db()
        .select({ reason: forbiddenPairs.reason })
        .from(forbiddenPairs)
        .where(eq(forbiddenPairs.newcomerId, lucia))
        .all(),
    ).toEqual([{ reason: "expired" }]);
    const late = await call(
      proposal.action,
      post(`/me/buddy/proposals/${id}`, { intent: "accept" }, cookieFor("mariam.tesfaye@zas.example")),
      { id: String(id) },
    );
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ formError: "matching.proposalExpired" });
  });

  it("HR sees buddies' load and ends a match with a reason", async () => {
    const buddies = await call(hrBuddies.loader, get("/hr/buddies", HR()));
    const rows = (buddies.body as { buddies: { name: string; load: number; trained: boolean; status: string }[] })
      .buddies;
    expect(rows.find((b) => b.name === "Tom Peeters")).toMatchObject({ load: 1, trained: true });
    expect(rows.find((b) => b.name === "Bram Jacobs")).toMatchObject({ trained: false });
    expect(rows.find((b) => b.name === "Eva Van Damme")).toMatchObject({ status: "paused" });

    const id = db()
      .select({ id: matches.id })
      .from(matches)
      .where(eq(matches.newcomerId, recordId("Amal Haddad")))
      .get()!.id;
    const noReason = await call(
      hrMatch.action,
      post(`/hr/matching/matches/${id}`, { outcome: "stopped", reason: "" }, HR()),
      { id: String(id) },
    );
    expect(noReason.status).toBe(400);
    const otherOrg = await call(hrMatch.loader, get(`/hr/matching/matches/${id}`, cookieFor("hr@zuyderland.example")), {
      id: String(id),
    });
    expect(otherOrg.status).toBe(404);
    const home = await call(newcomerHome.loader, get("/newcomer", cookieFor("nieuwkomer@zas.example")));
    expect(home.body).toMatchObject({ buddy: { match: { buddyName: "Lieve Maes" } } });
    const ended = await call(
      hrMatch.action,
      post(`/hr/matching/matches/${id}`, { outcome: "completed", reason: "Zes maanden goed doorlopen." }, HR()),
      { id: String(id) },
    );
    expect(ended.status).toBe(302);
    expect(db().select({ s: matches.status }).from(matches).where(eq(matches.id, id)).get()!.s).toBe("completed");
  });
});

describe("a newcomer with an account", () => {
  it("is told by e-mail who their buddy is once the buddy accepts, and sees the buddy on their page", async () => {
    const organisationId = db()
      .select({ o: newcomerRecords.organisationId })
      .from(newcomerRecords)
      .where(eq(newcomerRecords.id, recordId("Yonas Tesfay")))
      .get()!.o;
    const account = db()
      .insert(users)
      .values({ email: "yonas.tesfay@zas.example", name: "Yonas Tesfay", locale: "en" })
      .returning({ id: users.id })
      .get();
    db().insert(memberships).values({ userId: account.id, organisationId, role: "newcomer" }).run();
    db()
      .update(newcomerRecords)
      .set({ userId: account.id })
      .where(eq(newcomerRecords.id, recordId("Yonas Tesfay")))
      .run();
    const id = db()
      .select({ id: matches.id })
      .from(matches)
      .where(and(eq(matches.newcomerId, recordId("Yonas Tesfay")), eq(matches.status, "proposed")))
      .get()!.id;
    const before = await call(newcomerHome.loader, get("/newcomer", cookieFor("yonas.tesfay@zas.example")));
    expect(before.body).toMatchObject({ buddy: { match: null } });
    const ok = await call(
      proposal.action,
      post(`/me/buddy/proposals/${id}`, { intent: "accept" }, cookieFor("verpleegkundige@zas.example")),
      { id: String(id) },
    );
    expect(ok.status).toBe(302);
    const mail = await mailbox().waitFor((m) => m.to.includes("yonas.tesfay@zas.example"));
    expect(mail.subject).toContain("Jonas De Smet");
    expect(mail.text).toContain("http://portal.test/newcomer");
    const after = await call(newcomerHome.loader, get("/newcomer", cookieFor("yonas.tesfay@zas.example")));
    expect(after.body).toMatchObject({ buddy: { match: { buddyName: "Jonas De Smet" } } });
  });
});

describe("buddy profile", () => {
  it("refuses impossible values and saves a valid opt-in", async () => {
    const cookie = cookieFor("eva.vandamme@zas.example");
    const departmentId = String(
      db()
        .select({ d: buddyProfiles.departmentId })
        .from(buddyProfiles)
        .where(eq(buddyProfiles.id, profileId("eva.vandamme@zas.example")))
        .get()!.d,
    );
    const bad = await call(
      buddyProfile.action,
      post(
        "/me/buddy/profile",
        {
          profession: "nurse",
          departmentId,
          dutchLevel: "C2",
          capacity: "5",
          yearsInOrganisation: "-2",
          status: "paused",
          pausedUntil: "",
          lang0code: "en",
          lang0level: "C1",
          lang1code: "en",
          lang1level: "B2",
        },
        cookie,
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      errors: {
        capacity: ["matching.capacityRange"],
        yearsInOrganisation: ["matching.yearsRange"],
        pausedUntil: ["matching.pausedUntilRequired"],
      },
    });
    const ok = await call(
      buddyProfile.action,
      post(
        "/me/buddy/profile",
        {
          profession: "nurse",
          departmentId,
          dutchLevel: "C2",
          capacity: "2",
          yearsInOrganisation: "7",
          status: "active",
          lang0code: "en",
          lang0level: "C1",
        },
        cookie,
      ),
    );
    expect(ok.status).toBe(302);
    expect(
      db()
        .select()
        .from(buddyProfiles)
        .where(eq(buddyProfiles.id, profileId("eva.vandamme@zas.example")))
        .get(),
    ).toMatchObject({ capacity: 2, status: "active" });
  });
});

describe("export, erasure and indicators", () => {
  it("exports a record, then erasure empties personal fields but keeps the anonymous counts", async () => {
    const before = matchingIndicatorsByOrganisation().find((r) => r.newcomersRegistered > 5)!;
    const id = recordId("Hamid Rahimi");
    const exported = await call(newcomerExport.loader, get(`/hr/newcomers/${id}/export`, HR()), { id: String(id) });
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ record: { name: "Hamid Rahimi" } });
    const erased = await call(
      newcomerDetail.action,
      post(`/hr/newcomers/${id}`, { intent: "erase", confirm: "yes" }, HR()),
      { id: String(id) },
    );
    expect(erased.status).toBe(302);
    const row = db().select().from(newcomerRecords).where(eq(newcomerRecords.id, id)).get()!;
    expect(row).toMatchObject({ name: "—", languages: "[]", notes: null, userId: null });
    expect(row.erasedAt).not.toBeNull();
    const notes = db()
      .select({ note: checkIns.note })
      .from(checkIns)
      .innerJoin(matches, eq(matches.id, checkIns.matchId))
      .where(eq(matches.newcomerId, id))
      .all();
    expect(notes.every((n) => n.note === null)).toBe(true);
    const after = matchingIndicatorsByOrganisation().find((r) => r.organisationId === before.organisationId)!;
    expect(after.newcomersRegistered).toBe(before.newcomersRegistered);
    expect(after.newcomersMatched).toBe(before.newcomersMatched);
    expect(after.daysToMatch).toHaveLength(after.newcomersMatched);
    const actions = db()
      .select({ a: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)))
      .all()
      .map((r) => r.a);
    expect(actions).toEqual(expect.arrayContaining(["newcomer.export", "newcomer.erase"]));
  });
});

// Sensitisation modules end to end through loaders and actions, on the fixture catalogue.
import path from "node:path";
process.env.MODULES_DIR = path.resolve("tests/fixtures/modules");

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  departments,
  instrumentDimensions,
  instrumentItems,
  instrumentVersions,
  memberships,
  scanAnswers,
  scanDimensionScores,
  scans,
} from "@db/schema";
import { moduleAssignments, moduleCompletions, moduleProgress, modules } from "@db/schema-modules";
import { todayInBrussels } from "~/features/modules/modules.schema";
import { isTrainedBuddy } from "~/features/modules/learning.server";
import { recommendationsForScan } from "~/features/modules/recommendations.server";
import * as hrModules from "~/routes/hr.modules._index";
import * as hrModuleDetail from "~/routes/hr.modules.$key";
import * as hrExport from "~/routes/hr.modules.export";
import * as hrHome from "~/routes/hr._index";
import * as meHome from "~/routes/me._index";
import * as check from "~/routes/me.modules.$key.check";
import * as read from "~/routes/me.modules.$key._index";
import * as list from "~/routes/me.modules._index";
import { getDb } from "~/utils/db.server";
import { call, cookieFor, get, post, seeded, userId } from "../support/requests";

beforeAll(async () => {
  await seeded();
  // This file follows An Wouters through her first buddy training; the demo world has her trained already.
  getDb()
    .delete(moduleCompletions)
    .where(
      and(
        eq(moduleCompletions.userId, userId("an.wouters@zas.example")),
        eq(moduleCompletions.moduleKey, "being-a-buddy"),
      ),
    )
    .run();
});

const RIGHT = { q1: "a", q2: "b", q3: "c" };
const TWO_OF_THREE = { q1: "a", q2: "b", q3: "a" };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

function departmentId(organisationEmail: string, name: string): number {
  const db = getDb();
  const org = db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, userId(organisationEmail)))
    .get();
  const row = db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organisationId, org?.id ?? 0), eq(departments.name, name)))
    .get();
  if (!row) throw new Error(`no department ${name}`);
  return row.id;
}

const counts = () => {
  const db = getDb();
  return {
    assignments: db.select().from(moduleAssignments).all().length,
    completions: db.select().from(moduleCompletions).all().length,
    progress: JSON.stringify(db.select().from(moduleProgress).all()),
  };
};

describe("catalogue", () => {
  it("is loaded from the fixture files at start", () => {
    const rows = getDb().select().from(modules).all();
    expect(rows.map((r) => r.key).sort()).toEqual([
      "being-a-buddy",
      "intercultural-communication",
      "language-sensitive-working",
      "scan-to-action-plan",
    ]);
    expect(rows.every((r) => r.active)).toBe(true);
  });
});

describe("an employee taking a module", () => {
  const email = "an.wouters@zas.example";

  it("lists every available module, with the ones assigned to their department first", async () => {
    const hr = cookieFor("hr@zas.example");
    const assigned = await call(
      hrModules.action,
      post(
        "/hr/modules",
        {
          intent: "assign",
          moduleKey: "scan-to-action-plan",
          departmentId: String(departmentId("hr@zas.example", "Cardiologie")),
          dueDate: inDays(10),
        },
        hr,
      ),
    );
    expect(assigned.status).toBe(302);
    const result = await call(list.loader, get("/me/modules", cookieFor(email)));
    const body = result.body as { assigned: { key: string; dueDate: string }[]; other: { key: string }[] };
    expect(body.assigned.map((m) => m.key)).toEqual(["scan-to-action-plan"]);
    expect(body.assigned[0]?.dueDate).toBe(inDays(10));
    expect(body.other.map((m) => m.key)).toEqual([
      "intercultural-communication",
      "language-sensitive-working",
      "being-a-buddy",
    ]);
  });

  it("saves progress per section and moves to the next part, then to the check", async () => {
    const cookie = cookieFor(email);
    const first = await call(read.action, post("/me/modules/being-a-buddy", { section: "0" }, cookie), {
      key: "being-a-buddy",
    });
    expect(first.location).toBe("/me/modules/being-a-buddy?step=2");
    const view = await call(read.loader, get("/me/modules/being-a-buddy", cookie), { key: "being-a-buddy" });
    expect(view.body).toMatchObject({ sectionsRead: [0], step: 2, status: "in_progress" });
    const last = await call(read.action, post("/me/modules/being-a-buddy", { section: "2" }, cookie), {
      key: "being-a-buddy",
    });
    expect(last.location).toBe("/me/modules/being-a-buddy/check");
  });

  it("renders markdown and shows raw HTML in the source as text", async () => {
    const view = await call(read.loader, get("/me/modules/being-a-buddy?step=1", cookieFor(email)), {
      key: "being-a-buddy",
    });
    const html = (view.body as { sections: { html: string }[] }).sections[0]?.html ?? "";
    expect(html).toContain("<strong>vet</strong>");
    expect(html).toContain('<a href="https://www.naric.be" rel="noopener noreferrer">link</a>');
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script>");
  });

  it("refuses a section that does not exist and an unknown module, changing nothing", async () => {
    const cookie = cookieFor(email);
    const before = counts();
    const bad = await call(read.action, post("/me/modules/being-a-buddy", { section: "9" }, cookie), {
      key: "being-a-buddy",
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ formError: "modules.errors.unknownSection" });
    const unknown = await call(read.action, post("/me/modules/no-such-module", { section: "0" }, cookie), {
      key: "no-such-module",
    });
    expect(unknown.status).toBe(404);
    const unknownCheck = await call(check.action, post("/me/modules/no-such-module/check", RIGHT, cookie), {
      key: "no-such-module",
    });
    expect(unknownCheck.status).toBe(404);
    const malformedKey = await call(check.loader, get("/me/modules/..%2Fetc/check", cookie), { key: "../etc" });
    expect(malformedKey.status).toBe(404);
    expect(counts()).toEqual(before);
  });

  it("refuses tampered and missing answers with a 400 and counts no attempt", async () => {
    const cookie = cookieFor(email);
    const before = counts();
    const tampered = await call(
      check.action,
      post("/me/modules/being-a-buddy/check", { q1: "a", q2: "b", q3: "z" }, cookie),
      { key: "being-a-buddy" },
    );
    expect(tampered.status).toBe(400);
    expect(tampered.body).toMatchObject({ formError: "modules.errors.tampered" });
    const extra = await call(check.action, post("/me/modules/being-a-buddy/check", { ...RIGHT, q4: "a" }, cookie), {
      key: "being-a-buddy",
    });
    expect(extra.status).toBe(400);
    const missing = await call(check.action, post("/me/modules/being-a-buddy/check", { q1: "a" }, cookie), {
      key: "being-a-buddy",
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      formError: "modules.check.answerAll",
      errors: { q2: ["modules.check.answerRequired"], q3: ["modules.check.answerRequired"] },
    });
    expect(counts()).toEqual(before);
  });

  it("fails at 67 % with feedback on every answer, then passes on a retry and becomes a trained buddy", async () => {
    const cookie = cookieFor(email);
    const me = userId(email);
    expect(isTrainedBuddy(me)).toBe(false);
    const failed = await call(check.action, post("/me/modules/being-a-buddy/check", TWO_OF_THREE, cookie), {
      key: "being-a-buddy",
    });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      feedback: {
        passed: false,
        percent: 67,
        attempts: 1,
        questions: [
          { field: "q1", isCorrect: true, feedback: "Klopt, dit is juist." },
          { field: "q2", isCorrect: true },
          {
            field: "q3",
            isCorrect: false,
            chosenText: "Fout antwoord drie",
            feedback: "Nee, dat klopt niet.",
            correctText: "Juist antwoord drie",
          },
        ],
      },
    });
    expect(isTrainedBuddy(me)).toBe(false);
    const passed = await call(check.action, post("/me/modules/being-a-buddy/check", RIGHT, cookie), {
      key: "being-a-buddy",
    });
    expect(passed.body).toMatchObject({ feedback: { passed: true, percent: 100, attempts: 2 } });
    expect(isTrainedBuddy(me)).toBe(true);
    const row = getDb()
      .select()
      .from(moduleCompletions)
      .where(and(eq(moduleCompletions.userId, me), eq(moduleCompletions.moduleKey, "being-a-buddy")))
      .get();
    expect(row?.score).toBe(100);
    // A later, weaker pass keeps the best score and the single row.
    await call(check.action, post("/me/modules/being-a-buddy/check", RIGHT, cookie), { key: "being-a-buddy" });
    expect(getDb().select().from(moduleCompletions).where(eq(moduleCompletions.userId, me)).all()).toHaveLength(1);
  });

  it("shows completed modules and the trained-buddy mark on the employee's home", async () => {
    const home = await call(meHome.loader, get("/me", cookieFor(email)));
    expect(home.body).toMatchObject({
      modules: {
        trainedBuddy: true,
        completed: [{ key: "being-a-buddy", score: 100 }],
        open: [{ key: "scan-to-action-plan" }],
      },
    });
  });

  it("serves the English texts to an English reader", async () => {
    const view = await call(
      check.loader,
      new Request("http://portal.test/me/modules/being-a-buddy/check", {
        headers: { Cookie: cookieFor(email), "Accept-Language": "en" },
      }),
      { key: "being-a-buddy" },
    );
    expect(view.body).toMatchObject({
      title: "Test module being-a-buddy",
      questions: [{ field: "q1", question: "Question one about being-a-buddy?" }, {}, {}],
    });
  });
});

describe("HR assigning modules", () => {
  const hr = () => cookieFor("hr@zas.example");

  it("refuses bad input with a translated message, a 4xx, and nothing changed", async () => {
    const before = counts();
    const cardiologie = String(departmentId("hr@zas.example", "Cardiologie"));
    const otherOrg = String(departmentId("hr@zuyderland.example", "Neurologie"));
    const cases: [Record<string, string>, number, Record<string, unknown>][] = [
      [
        { intent: "assign", moduleKey: "being-a-buddy", departmentId: otherOrg, dueDate: inDays(5) },
        404,
        { errors: { departmentId: ["modules.errors.unknownDepartment"] } },
      ],
      [
        { intent: "assign", moduleKey: "being-a-buddy", departmentId: cardiologie, dueDate: inDays(-1) },
        400,
        { errors: { dueDate: ["modules.errors.dueDatePast"] } },
      ],
      [
        { intent: "assign", moduleKey: "being-a-buddy", departmentId: cardiologie, dueDate: "2026-02-30" },
        400,
        { errors: { dueDate: ["modules.errors.dueDateFormat"] } },
      ],
      [
        { intent: "assign", moduleKey: "no-such-module", departmentId: cardiologie, dueDate: inDays(5) },
        400,
        { formError: "modules.errors.unknownModule" },
      ],
      [
        { intent: "assign", moduleKey: "being-a-buddy", departmentId: "abc", dueDate: inDays(5) },
        400,
        { errors: { departmentId: ["modules.errors.unknownDepartment"] } },
      ],
      [
        { intent: "assign", moduleKey: "being-a-buddy", dueDate: inDays(5) },
        400,
        { errors: { departmentId: ["validation.required"] } },
      ],
      [{ intent: "remove", assignmentId: "99999" }, 404, { formError: "errors.notFound" }],
      [{ intent: "remove", assignmentId: "x" }, 400, { formError: "errors.badRequest" }],
      [{ intent: "nonsense" }, 400, { formError: "errors.badRequest" }],
    ];
    for (const [fields, status, body] of cases) {
      const result = await call(hrModules.action, post("/hr/modules", fields, hr()));
      expect(result.status, JSON.stringify(fields)).toBe(status);
      expect(result.body).toMatchObject(body);
    }
    expect(counts()).toEqual(before);
  });

  it("is for HR only: an employee cannot assign, see the matrix or export", async () => {
    const employee = cookieFor("an.wouters@zas.example");
    expect(
      (
        await call(
          hrModules.action,
          post(
            "/hr/modules",
            { intent: "assign", moduleKey: "being-a-buddy", departmentId: "all", dueDate: inDays(5) },
            employee,
          ),
        )
      ).status,
    ).toBe(403);
    expect((await call(hrModules.loader, get("/hr/modules", employee))).status).toBe(403);
    expect((await call(hrExport.loader, get("/hr/modules/export", employee))).status).toBe(403);
  });

  it("assigns to all departments, updates the due date on a second assignment, and redirects back where asked", async () => {
    const first = await call(
      hrModules.action,
      post(
        "/hr/modules",
        {
          intent: "assign",
          moduleKey: "being-a-buddy",
          departmentId: "all",
          dueDate: inDays(30),
          redirectTo: "/hr/scan/1",
        },
        hr(),
      ),
    );
    expect(first.location).toBe("/hr/scan/1?notice=modules.assign.done");
    const evil = await call(
      hrModules.action,
      post(
        "/hr/modules",
        {
          intent: "assign",
          moduleKey: "being-a-buddy",
          departmentId: "all",
          dueDate: inDays(20),
          redirectTo: "//evil.example",
        },
        hr(),
      ),
    );
    expect(evil.location).toBe("/hr/modules?notice=modules.assign.updated");
    const rows = getDb()
      .select()
      .from(moduleAssignments)
      .where(and(eq(moduleAssignments.moduleKey, "being-a-buddy")))
      .all();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.dueDate).toBe(inDays(20));
    expect(rows[0]?.departmentId).toBeNull();
  });

  it("shows completion per department and module, with the seeded overdue assignment marked", async () => {
    const result = await call(hrModules.loader, get("/hr/modules", hr()));
    const body = result.body as {
      matrix: {
        modules: { key: string }[];
        rows: {
          name: string | null;
          cells: { applies: boolean; completed: number; total: number; overdue: boolean }[];
        }[];
      };
      assignments: {
        moduleKey: string;
        departmentName: string | null;
        overdue: boolean;
        completed: number;
        total: number;
      }[];
    };
    const col = (key: string) => body.matrix.modules.findIndex((m) => m.key === key);
    const row = (name: string) => body.matrix.rows.find((r) => r.name === name);
    expect(row("Geriatrie")?.cells[col("language-sensitive-working")]).toMatchObject({
      applies: true,
      completed: 1,
      total: 2,
      overdue: true,
    });
    expect(row("Geriatrie")?.cells[col("intercultural-communication")]).toMatchObject({
      applies: true,
      completed: 1,
      total: 2,
      overdue: false,
    });
    expect(row("Cardiologie")?.cells[col("being-a-buddy")]).toMatchObject({ applies: true, completed: 1, total: 1 });
    expect(row("Cardiologie")?.cells[col("language-sensitive-working")]).toMatchObject({ applies: false });
    expect(body.assignments.find((a) => a.moduleKey === "language-sensitive-working")).toMatchObject({
      departmentName: "Geriatrie",
      overdue: true,
    });
    const home = await call(hrHome.loader, get("/hr", hr()));
    expect(home.body).toMatchObject({ modules: { overdue: 1 } });
  });

  it("shows per person only to HR of the organisation that assigned the module", async () => {
    const detail = await call(hrModuleDetail.loader, get("/hr/modules/language-sensitive-working", hr()), {
      key: "language-sensitive-working",
    });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      rows: [
        { name: "Jonas De Smet", status: "not_started", overdue: true },
        { name: "Lieve Maes", status: "completed", score: 80, overdue: false },
      ],
    });
    const other = await call(
      hrModuleDetail.loader,
      get("/hr/modules/language-sensitive-working", cookieFor("hr@zuyderland.example")),
      { key: "language-sensitive-working" },
    );
    expect(other.status).toBe(404);
  });

  it("exports the completion as CSV without names", async () => {
    const result = await call(hrExport.loader, get("/hr/modules/export", hr()));
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toContain("text/csv");
    const text = String(result.body);
    expect(text).toContain("Afdeling;Modulecode;Module;Deadline;Afgerond;Totaal;Te laat");
    expect(text).toContain(
      `Geriatrie;language-sensitive-working;Testmodule language-sensitive-working;${inDays(-7)};1;2;Ja`,
    );
    expect(text).not.toContain("Lieve");
  });
});

describe("recommendations from the latest submitted scan", () => {
  it("shows none before a scan, then recommends modules for weak dimensions and flagged core items", async () => {
    const hr = cookieFor("hr@zas.example");
    const db = getDb();
    const org =
      db
        .select({ id: memberships.organisationId })
        .from(memberships)
        .where(eq(memberships.userId, userId("hr@zas.example")))
        .get()?.id ?? 0;
    // ZAS as it was before its first scan (the demo world has scans for it).
    db.delete(scans).where(eq(scans.organisationId, org)).run();
    const before = await call(hrModules.loader, get("/hr/modules", hr));
    expect(before.body).toMatchObject({ recommendations: null });

    db.insert(instrumentVersions).values({ version: 901 }).run();
    db.insert(instrumentDimensions)
      .values({
        version: 901,
        key: "leadership",
        number: 1,
        nameNl: "x",
        nameEn: "x",
        descriptionNl: "",
        descriptionEn: "",
        moduleKeys: "[]",
      })
      .run();
    db.insert(instrumentItems)
      .values({
        version: 901,
        key: "lead_core",
        dimensionKey: "leadership",
        position: 1,
        textNl: "x",
        textEn: "x",
        helpNl: "",
        helpEn: "",
        core: true,
      })
      .run();
    const scan = db
      .insert(scans)
      .values({
        organisationId: org,
        instrumentVersion: 901,
        period: "2026",
        status: "submitted",
        submittedAt: new Date().toISOString(),
      })
      .returning({ id: scans.id })
      .get();
    db.insert(scanDimensionScores)
      .values([
        { scanId: scan.id, dimensionKey: "language", score: 45, level: 3 },
        { scanId: scan.id, dimensionKey: "team_culture", score: 70, level: 4 },
        { scanId: scan.id, dimensionKey: "onboarding", score: 20, level: 2 },
        { scanId: scan.id, dimensionKey: "leadership", score: 80, level: 5 },
      ])
      .run();
    db.insert(scanAnswers)
      .values({ scanId: scan.id, itemKey: "lead_core", value: "1", answeredAt: new Date().toISOString() })
      .run();
    // A draft scan does not count.
    const draft = db
      .insert(scans)
      .values({ organisationId: org, instrumentVersion: 901, period: "2027", status: "draft" })
      .returning({ id: scans.id })
      .get();

    const after = await call(hrModules.loader, get("/hr/modules", hr));
    const recs = (
      after.body as {
        recommendations: { scan: { period: string }; modules: { moduleKey: string; reasons: unknown[] }[] };
      }
    ).recommendations;
    expect(recs.scan.period).toBe("2026");
    // being-a-buddy (onboarding 20) is assigned to all departments by now, so it is left out.
    expect(recs.modules).toEqual([
      expect.objectContaining({
        moduleKey: "scan-to-action-plan",
        reasons: [{ dimensionKey: "leadership", kind: "core" }],
      }),
      expect.objectContaining({
        moduleKey: "intercultural-communication",
        reasons: [{ dimensionKey: "language", kind: "weak" }],
      }),
      expect.objectContaining({
        moduleKey: "language-sensitive-working",
        reasons: [{ dimensionKey: "language", kind: "weak" }],
      }),
    ]);
    expect(todayInBrussels()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // One scan's recommendations, for the scan results page: never another organisation's or a draft.
    const zas = { id: userId("hr@zas.example"), organisationId: org };
    const zuyderland = { id: userId("hr@zuyderland.example"), organisationId: org + 1 };
    expect(recommendationsForScan(zas, scan.id, "en")?.modules[0]).toMatchObject({
      moduleKey: "scan-to-action-plan",
      title: "Test module scan-to-action-plan",
    });
    expect(recommendationsForScan(zuyderland, scan.id, "nl")).toBeNull();
    expect(recommendationsForScan(zas, draft.id, "nl")).toBeNull();
  });
});

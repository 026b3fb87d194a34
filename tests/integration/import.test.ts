// Issue 15, import: scope (another organisation's people are never changed or named; admin for any), nothing
// written before confirming, one transaction, idempotent re-imports, and bad files refused with a 4xx.
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { departments, invitations, memberships, organisations, sites, users } from "@db/schema";
import { importBatches } from "@db/schema-import";
import { outbox } from "@db/schema-notifications";
import * as adminImport from "~/routes/admin.organisations.$id_.import";
import * as hrImport from "~/routes/hr.import";
import { getDb } from "~/utils/db.server";
import { translate } from "~/utils/i18n";
import { call, cookieFor, get, post, seeded, userId } from "../support/requests";

beforeAll(seeded);

const BASE = "http://portal.test";

function upload(path: string, name: string, content: string | Uint8Array<ArrayBuffer>, cookie: string): Request {
  const form = new FormData();
  form.append("intent", "upload");
  form.append("file", new File([typeof content === "string" ? new TextEncoder().encode(content) : content], name));
  return new Request(`${BASE}${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

/** Everything an import could touch, to compare before and after. */
function fingerprint() {
  const db = getDb();
  const n = (table: typeof users | typeof invitations | typeof sites | typeof departments | typeof outbox) =>
    db.select({ n: count() }).from(table).get()?.n ?? 0;
  const people = db.all<{ v: string }>(
    sql`SELECT group_concat(u.email || u.name || u.status || coalesce(u.locale,'') || m.role || coalesce(m.department_id,''), '|') AS v FROM users u JOIN memberships m ON m.user_id = u.id`,
  );
  const pending = db.all<{ v: string }>(
    sql`SELECT group_concat(email || name || role || coalesce(department_id,'') || coalesce(revoked_at,''), '|') AS v FROM invitations`,
  );
  return {
    users: n(users),
    invitations: n(invitations),
    sites: n(sites),
    departments: n(departments),
    outbox: n(outbox),
    people: people[0]?.v,
    pending: pending[0]?.v,
  };
}

type PageBody = {
  organisation: { id: number };
  preview: null | {
    batchId: number;
    planHash: string;
    counts: Record<string, number>;
    plan: {
      creates: { email: string }[];
      changes: { email: string }[];
      problems: { line: number; email: string; problems: string[] }[];
      deactivations: { userId: number; email: string }[];
    };
  };
  lastApplied: null | { progress: { total: number } };
};

async function page(path: string, cookie: string): Promise<PageBody> {
  const res = await call(
    path.startsWith("/admin") ? adminImport.loader : hrImport.loader,
    get(path, cookie),
    path.startsWith("/admin") ? { id: path.split("/")[3] ?? "" } : {},
  );
  expect(res.status).toBe(200);
  return res.body as PageBody;
}

function apply(path: string, body: PageBody, cookie: string, extra: Record<string, string | string[]> = {}) {
  if (!body.preview) throw new Error("no preview");
  const action = path.startsWith("/admin") ? adminImport.action : hrImport.action;
  return call(
    action,
    post(
      path,
      { intent: "apply", batchId: String(body.preview.batchId), planHash: body.preview.planHash, ...extra },
      cookie,
    ),
    path.startsWith("/admin") ? { id: path.split("/")[3] ?? "" } : {},
  );
}

const zas = () => cookieFor("hr@zas.example");

describe("import: preview, apply, re-import", () => {
  const file = [
    "Naam;E-mail;Rol;Locatie;Afdeling;Taal",
    "Zoë Peeters;zoe.peeters@import.example;medewerker;ZAS Middelheim;Geriatrie;nl",
    "Ruben Claes;RUBEN.CLAES@import.example;hr;Campus Import;Dialyse;en",
    "Mila Aerts;mila.aerts@import.example;;;Dialyse;",
    ";nobody@import.example;medewerker;;;",
    "Iris;hr@zuyderland.example;medewerker;;;",
  ].join("\r\n");

  it("previews without writing anything, then applies in one go; the same file again changes nothing", async () => {
    const before = fingerprint();
    const res = await call(hrImport.action, upload("/hr/import", "mensen.csv", file, zas()));
    expect(res.status).toBe(303);
    expect(fingerprint()).toEqual(before);

    const preview = await page("/hr/import", zas());
    expect(preview.preview?.counts).toMatchObject({ creates: 3, problems: 2, sites: 1, departments: 1 });
    expect(preview.preview?.plan.problems.map((p) => [p.line, p.problems])).toEqual([
      [5, ["missingName"]],
      [6, ["otherOrganisation"]],
    ]);
    // The problem says "another organisation", never which one.
    const said =
      translate("nl", "import.problems.otherOrganisation") + translate("en", "import.problems.otherOrganisation");
    expect(said).not.toMatch(/Zuyderland/i);

    const applied = await apply("/hr/import", preview, zas());
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ notice: "import.applied", noticeParams: { invited: 3, skipped: 2 } });
    const after = fingerprint();
    expect(after.invitations - before.invitations).toBe(3);
    expect(after.outbox - before.outbox).toBe(3);
    expect(after.sites - before.sites).toBe(1);
    expect(after.departments - before.departments).toBe(1);
    const ruben = getDb().select().from(invitations).where(eq(invitations.email, "ruben.claes@import.example")).get();
    expect(ruben).toMatchObject({ role: "hr", locale: "en" });
    const mila = getDb()
      .select({ dept: departments.name })
      .from(invitations)
      .innerJoin(departments, eq(departments.id, invitations.departmentId))
      .where(eq(invitations.email, "mila.aerts@import.example"))
      .get();
    expect(mila?.dept).toBe("Dialyse");
    expect((await page("/hr/import", zas())).lastApplied?.progress.total).toBe(3);

    // Again, the same file: everything is left alone and applying writes nothing but the batch.
    await call(hrImport.action, upload("/hr/import", "mensen.csv", file, zas()));
    const again = await page("/hr/import", zas());
    expect(again.preview?.counts).toMatchObject({
      creates: 0,
      changes: 0,
      unchanged: 3,
      problems: 2,
      sites: 0,
      departments: 0,
    });
    const beforeReapply = fingerprint();
    expect((await apply("/hr/import", again, zas())).status).toBe(200);
    expect(fingerprint()).toEqual(beforeReapply);
  });

  it("changes what the file changes, and deactivates only the ticked people who are missing from it", async () => {
    const lieve = userId("lieve.maes@zas.example");
    const tom = userId("tom.peeters@zas.example");
    await call(
      hrImport.action,
      upload(
        "/hr/import",
        "wijziging.csv",
        "Name,Email,Department,Site\nJonas De Smet,verpleegkundige@zas.example,Cardiologie,ZAS Middelheim\n",
        zas(),
      ),
    );
    const preview = await page("/hr/import", zas());
    expect(preview.preview?.plan.changes.map((c) => c.email)).toEqual(["verpleegkundige@zas.example"]);
    const candidates = preview.preview?.plan.deactivations.map((d) => d.userId) ?? [];
    expect(candidates).toEqual(expect.arrayContaining([lieve, tom]));
    // Neither the importer, nor another HR lead, nor a newcomer is offered for deactivation by HR.
    expect(candidates).not.toContain(userId("hr@zas.example"));
    expect(candidates).not.toContain(userId("diversiteit@zas.example"));
    expect(candidates).not.toContain(userId("nieuwkomer@zas.example"));

    // A user outside the list (another organisation's HR) cannot be slipped in.
    const before = fingerprint();
    const sneaky = await apply("/hr/import", preview, zas(), {
      deactivate: [String(lieve), String(userId("hr@zuyderland.example"))],
    });
    expect(sneaky.status).toBe(400);
    expect(fingerprint()).toEqual(before);

    expect((await apply("/hr/import", preview, zas(), { deactivate: [String(lieve)] })).status).toBe(200);
    const status = (id: number) => getDb().select({ s: users.status }).from(users).where(eq(users.id, id)).get()?.s;
    expect(status(lieve)).toBe("deactivated");
    expect(status(tom)).toBe("active");
    const jonas = getDb()
      .select({ dept: departments.name })
      .from(memberships)
      .innerJoin(departments, eq(departments.id, memberships.departmentId))
      .where(eq(memberships.userId, userId("verpleegkundige@zas.example")))
      .get();
    expect(jonas?.dept).toBe("Cardiologie");
  });

  it("refuses to apply a preview the organisation has moved away from, and writes nothing", async () => {
    await call(
      hrImport.action,
      upload("/hr/import", "a.csv", "Naam;E-mail\nNoor Vos;noor.vos@import.example\n", zas()),
    );
    const preview = await page("/hr/import", zas());
    // Meanwhile someone invites Noor by hand: the plan the HR lead saw is no longer what would happen.
    getDb()
      .insert(invitations)
      .values({
        tokenHash: "t-noor",
        email: "noor.vos@import.example",
        name: "Noor V.",
        role: "employee",
        organisationId: preview.organisation.id,
        expiresAt: "2999-01-01T00:00:00.000Z",
      })
      .run();
    const before = fingerprint();
    const res = await apply("/hr/import", preview, zas());
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ formError: "import.changedSincePreview" });
    expect(fingerprint()).toEqual(before);
  });

  it("applies in one transaction: a failure half-way leaves no site, department, invitation or mail behind", async () => {
    await call(
      hrImport.action,
      upload(
        "/hr/import",
        "b.csv",
        "Naam;E-mail;Locatie;Afdeling\nA;a.tx@import.example;Campus Tx;Tx1\nB;b.tx@import.example;Campus Tx;Tx1\n",
        zas(),
      ),
    );
    const preview = await page("/hr/import", zas());
    const db = getDb();
    // The second invitation fails as a full disk would make it fail.
    db.run(
      sql`CREATE TEMP TRIGGER fail_second BEFORE INSERT ON invitations WHEN NEW.email = 'b.tx@import.example' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const before = fingerprint();
    try {
      await expect(apply("/hr/import", preview, zas())).rejects.toThrow(/disk full/);
    } finally {
      db.run(sql`DROP TRIGGER fail_second`);
    }
    expect(fingerprint()).toEqual(before);
    expect(
      db
        .select()
        .from(importBatches)
        .where(eq(importBatches.id, preview.preview?.batchId ?? 0))
        .get()?.status,
    ).toBe("previewed");
  });
});

describe("import: scope", () => {
  it("HR cannot apply another organisation's batch; the admin imports for any care organisation", async () => {
    const zuyderlandId =
      getDb()
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, "Zuyderland Medisch Centrum"))
        .get()?.id ?? 0;
    const admin = cookieFor("admin@portal.example");
    const path = `/admin/organisations/${zuyderlandId}/import`;
    const res = await call(
      adminImport.action,
      upload(path, "z.xlsx", "Naam,E-mail\nLars Jansen,lars.jansen@import.example\n", admin),
      { id: String(zuyderlandId) },
    );
    expect(res.status).toBe(303);
    const adminPage = await page(path, admin);
    expect(adminPage.preview?.counts.creates).toBe(1);

    // HR of ZAS posts the Zuyderland batch to its own page: not found, nothing written.
    const before = fingerprint();
    const stolen = await apply("/hr/import", adminPage, zas());
    expect(stolen.status).toBe(404);
    expect(fingerprint()).toEqual(before);

    expect((await apply(path, adminPage, admin)).status).toBe(200);
    const lars = getDb().select().from(invitations).where(eq(invitations.email, "lars.jansen@import.example")).get();
    expect(lars?.organisationId).toBe(zuyderlandId);
  });

  it("HR cannot open the admin's page for an organisation", async () => {
    const res = await call(adminImport.loader, get("/admin/organisations/1/import", zas()), { id: "1" });
    expect(res.status).toBe(403);
  });

  it("another organisation's person in the file is never changed", async () => {
    const iris = getDb().select().from(users).where(eq(users.email, "hr@zuyderland.example")).get();
    await call(
      hrImport.action,
      upload("/hr/import", "c.csv", "Naam;E-mail;Rol\nSomeone Else;HR@zuyderland.example;medewerker\n", zas()),
    );
    const preview = await page("/hr/import", zas());
    expect(preview.preview?.plan.problems[0]?.problems).toEqual(["otherOrganisation"]);
    await apply("/hr/import", preview, zas());
    expect(getDb().select().from(users).where(eq(users.email, "hr@zuyderland.example")).get()).toEqual(iris);
  });
});

describe("import: bad files get a translated 4xx and change nothing", () => {
  const rows = (n: number) =>
    ["Naam;E-mail", ...Array.from({ length: n }, (_, i) => `P${i};p${i}@bulk.example`)].join("\n");
  it.each([
    [
      "a PDF named .csv",
      "people.csv",
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0x01]),
      400,
      "import.file.notSpreadsheet",
    ],
    [
      "an old .xls",
      "people.xls",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      400,
      "import.file.oldExcel",
    ],
    [
      "a zip that is not a workbook",
      "people.xlsx",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
      400,
      "import.file.notSpreadsheet",
    ],
    ["wrong headers", "people.csv", "Voornaam;Achternaam\nA;B\n", 400, "import.file.missingColumns"],
    [
      "mixed encodings",
      "people.csv",
      new Uint8Array([
        ...new TextEncoder().encode("Naam;E-mail\nZoë;a@b.example\n"),
        0x5a,
        0x6f,
        0xeb,
        0x3b,
        0x63,
        0x40,
        0x64,
        0x2e,
        0x65,
        0x0a,
      ]),
      400,
      "import.file.mixedEncoding",
    ],
    ["20,001 rows", "people.csv", rows(20_001), 400, "import.file.tooManyRows"],
  ])("%s", async (_label, name, content, status, message) => {
    const before = fingerprint();
    const batches = getDb().select({ n: count() }).from(importBatches).get()?.n;
    const res = await call(hrImport.action, upload("/hr/import", name, content, zas()));
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ formError: message });
    expect(fingerprint()).toEqual(before);
    expect(getDb().select({ n: count() }).from(importBatches).get()?.n).toBe(batches);
  });

  it("20,000 rows are accepted", async () => {
    const res = await call(hrImport.action, upload("/hr/import", "people.csv", rows(20_000), zas()));
    expect(res.status).toBe(303);
    const body = await page("/hr/import", zas());
    expect(body.preview?.counts.creates).toBe(20_000);
    await call(
      hrImport.action,
      post("/hr/import", { intent: "discard", batchId: String(body.preview?.batchId) }, zas()),
    );
  });

  it("a file part over 5 MB is refused with 413 while it streams", async () => {
    const before = fingerprint();
    const big = new Uint8Array(5 * 1024 * 1024 + 10).fill(0x61);
    const res = await call(hrImport.action, upload("/hr/import", "big.csv", big, zas()));
    expect(res.status).toBe(413);
    expect(res.body).toBe(translate("nl", "errors.fileTooLarge"));
    expect(fingerprint()).toEqual(before);
  });

  it("a formula cell is a row problem; it is stored nowhere", async () => {
    await call(
      hrImport.action,
      upload(
        "/hr/import",
        "f.csv",
        'Naam;E-mail\n"=HYPERLINK(""http://evil.example"",""Klik"")";f@import.example\n',
        zas(),
      ),
    );
    const body = await page("/hr/import", zas());
    expect(body.preview?.plan.problems.map((p) => p.problems)).toEqual([["formula"]]);
    expect(body.preview?.counts.creates).toBe(0);
  });
});

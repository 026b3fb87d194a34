// Every table download opened back the way a user's spreadsheet does (decision 158): the .xlsx with exceljs, the
// CSV with an RFC 4180 parser, compared with the figures the page shows. Real SQLite, loaders with real Requests.
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { memberships, scanAnswers, scans, users } from "@db/schema";
import { parseCsv } from "~/features/import/table";
import { getDb } from "~/utils/db.server";
import { loader as comparisonLoader } from "~/routes/partner.benchmark";
import { loader as comparisonExport } from "~/routes/partner.benchmark_.export";
import { loader as indicatorsLoader } from "~/routes/partner.indicators";
import { loader as indicatorsExport } from "~/routes/partner.indicators_.export";
import { loader as adminIndicatorsExport } from "~/routes/admin.indicators_.export";
import { loader as modulesExport } from "~/routes/hr.modules.export";
import { loader as resultsLoader } from "~/routes/hr.scans.$scanId_.results";
import { loader as scanCsv } from "~/routes/hr.scans.$scanId_.export[.]csv";
import { loader as scanXlsx } from "~/routes/hr.scans.$scanId_.export[.]xlsx";
import { buildBenchmarkWorld } from "../support/benchmark-world";
import { call, cookieFor, get, seeded, userId } from "../support/requests";

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

async function download(
  loader: Loader,
  path: string,
  cookie: string,
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    const result = await loader({
      request: get(path, cookie),
      params,
      context: {},
    });
    if (result instanceof Response) return result;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error(`${path} did not answer a file`);
}

async function workbook(response: Response): Promise<ExcelJS.Worksheet> {
  expect(response.headers.get("Content-Type")).toBe(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("no worksheet");
  return sheet;
}

function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[number - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

async function csvRows(response: Response, separator: ";" | ","): Promise<string[][]> {
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = parseCsv(new TextDecoder().decode(bytes).slice(1), separator, 100_000);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.rows;
}

const dutchNumber = (text: string | undefined) => Number((text ?? "").replace(",", "."));
const PARTNER = "onderzoek@thomasmore.example";

beforeAll(async () => {
  await seeded();
  buildBenchmarkWorld(getDb());
});

describe("partner comparison export", () => {
  it("the .xlsx holds the page's group figures as numbers and the page's words for countries and sectors", async () => {
    const partner = cookieFor(PARTNER);
    const page = (await call(comparisonLoader, get("/partner/benchmark?country=NL", partner))).body as {
      comparison: { group: { n: number; overall: { median: number | null; mean: number | null } } };
    };
    const rows = sheetRows(
      await workbook(await download(comparisonExport, "/partner/benchmark/export?country=NL&format=xlsx", partner)),
    );
    const group = rows.find((r) => r[0] === "De groep" && r[1] === "Totaalscore");
    expect(group?.[2]).toBe(page.comparison.group.n);
    // The Dutch group in the demo has fewer than 20 organisations: the page publishes a mean and no median
    // (decision 047), and the export says the same: the median cell is marked hidden, the mean column holds the mean.
    expect(page.comparison.group.overall.median).toBeNull();
    expect(typeof page.comparison.group.overall.mean).toBe("number");
    expect(group?.[4]).toBe("x");
    expect(group?.[6]).toBe(page.comparison.group.overall.mean);
    expect(rows.some((r) => r[0] === "Mediaan" && r[1] === "Ziekenhuis")).toBe(true);
    const maasdal = rows.find((r) => r[1] === "Ziekenhuis Maasdal 1");
    expect(maasdal?.slice(2, 4)).toEqual(["Nederland", "Ziekenhuis"]);
    expect(typeof maasdal?.[6]).toBe("number");
    expect(JSON.stringify(rows)).not.toMatch(/"hospital"|"home_care"|"NL"/);
  });

  it("the Dutch CSV has a byte order mark, semicolons and the same figures; English keeps comma and point", async () => {
    const partner = cookieFor(PARTNER);
    const page = (await call(comparisonLoader, get("/partner/benchmark?country=NL", partner))).body as {
      comparison: { group: { n: number; overall: { median: number | null; mean: number | null } } };
    };
    const rows = await csvRows(
      await download(comparisonExport, "/partner/benchmark/export?country=NL&format=csv", partner),
      ";",
    );
    const group = rows.find((r) => r[0] === "De groep" && r[1] === "Totaalscore");
    expect(dutchNumber(group?.[2])).toBe(page.comparison.group.n);
    expect(page.comparison.group.overall.median).toBeNull();
    expect(group?.[4]).toBe("x");
    expect(dutchNumber(group?.[6])).toBe(page.comparison.group.overall.mean);
    expect(rows.find((r) => r[1] === "Ziekenhuis Maasdal 1")?.slice(2, 4)).toEqual(["Nederland", "Ziekenhuis"]);

    getDb()
      .update(users)
      .set({ locale: "en" })
      .where(eq(users.id, userId(PARTNER)))
      .run();
    try {
      const english = await csvRows(
        await download(comparisonExport, "/partner/benchmark/export?country=NL", partner),
        ",",
      );
      const overall = english.find((r) => r[0] === "The group" && r[1] === "Overall score");
      expect(Number(overall?.[6])).toBe(page.comparison.group.overall.mean);
      expect(english.find((r) => r[1] === "Ziekenhuis Maasdal 1")?.slice(2, 4)).toEqual(["Netherlands", "Hospital"]);
    } finally {
      getDb()
        .update(users)
        .set({ locale: "nl" })
        .where(eq(users.id, userId(PARTNER)))
        .run();
    }
  });

  it("an unknown format is a translated 400", async () => {
    const response = await download(comparisonExport, "/partner/benchmark/export?format=pdf", cookieFor(PARTNER));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("Dit bestandsformaat bestaat niet: kies Excel (.xlsx) of CSV.");
  });
});

describe("programme indicators export", () => {
  it("partner and admin .xlsx and CSV hold the page's totals, countries by name", async () => {
    const partner = cookieFor(PARTNER);
    type Cells = Record<string, { available: boolean; value: number | null }>;
    const page = (await call(indicatorsLoader, get("/partner/indicators", partner))).body as {
      byCountry: { total: { cells: Cells } };
    };
    const scanned = page.byCountry.total.cells.organisationsScanned?.value;
    for (const [loader, path, cookie] of [
      [indicatorsExport, "/partner/indicators/export", partner],
      [adminIndicatorsExport, "/admin/indicators/export", cookieFor("admin@portal.example")],
    ] as const) {
      const rows = sheetRows(await workbook(await download(loader, `${path}?format=xlsx`, cookie)));
      expect(rows.find((r) => r[0] === "Per land" && r[1] === "Totaal")?.[2]).toBe(scanned);
      expect(rows.some((r) => r[0] === "Per land" && r[1] === "België")).toBe(true);
      const csv = await csvRows(await download(loader, `${path}?format=csv`, cookie), ";");
      expect(dutchNumber(csv.find((r) => r[0] === "Per land" && r[1] === "Totaal")?.[2])).toBe(scanned);
    }
  });
});

describe("module completion export", () => {
  it("counts are numbers in the .xlsx, under translated headings", async () => {
    const rows = sheetRows(
      await workbook(await download(modulesExport, "/hr/modules/export?format=xlsx", cookieFor("hr@zas.example"))),
    );
    expect(rows[0]).toEqual(["Afdeling", "Modulecode", "Module", "Deadline", "Afgerond", "Totaal", "Te laat"]);
    for (const row of rows.slice(1)) {
      expect(typeof row[4]).toBe("number");
      expect(typeof row[5]).toBe("number");
    }
  });
});

describe("scan export", () => {
  function submittedScan(email: string) {
    const db = getDb();
    const org =
      db
        .select({ id: memberships.organisationId })
        .from(memberships)
        .where(eq(memberships.userId, userId(email)))
        .get()?.id ?? 0;
    const scan = db
      .select()
      .from(scans)
      .where(and(eq(scans.organisationId, org), eq(scans.status, "submitted")))
      .get();
    if (!scan) throw new Error("no submitted scan");
    return scan;
  }

  it("a partner recomputes every theme score exactly from the .xlsx and the CSV answers: the page's figures", async () => {
    const hr = cookieFor("hr@zas.example");
    const scan = submittedScan("hr@zas.example");
    const params = { scanId: String(scan.id) };
    const page = (await call(resultsLoader, get(`/hr/scans/${scan.id}/results`, hr), params)).body as {
      result: {
        overall: number;
        dimensions: { key: string; score: number | null }[];
      };
    };
    const rows = sheetRows(await workbook(await download(scanXlsx, `/hr/scans/${scan.id}/export.xlsx`, hr, params)));
    expect(rows[0]).toEqual([
      "Onderdeel",
      "Nr.",
      "Thema",
      "Uitspraak",
      "Antwoord",
      "Score",
      "Niveau",
      "Niveau (naam)",
      "Toelichting",
    ]);
    const themes = rows.filter((r) => r[0] === "Thema");
    expect(themes).toHaveLength(page.result.dimensions.length);
    themes.forEach((theme, i) => {
      const answers = rows
        .filter((r) => r[0] === "Uitspraak" && r[2] === theme[2])
        .map((r) => r[4])
        .filter((v): v is number => typeof v === "number");
      const shown = page.result.dimensions[i]?.score ?? null;
      expect(theme[5] ?? null).toBe(shown);
      if (shown !== null) expect((answers.reduce((s, v) => s + v, 0) / answers.length) * 25).toBe(shown);
    });
    expect(rows.find((r) => r[0] === "Totaal")?.[5]).toBe(page.result.overall);
    expect(JSON.stringify(rows)).not.toMatch(/dont_know|not_applicable|"leadership"/);

    const csv = await csvRows(await download(scanCsv, `/hr/scans/${scan.id}/export.csv`, hr, params), ";");
    expect(csv.filter((r) => r[0] === "Thema").map((r) => (r[5] === "" ? null : dutchNumber(r[5])))).toEqual(
      page.result.dimensions.map((d) => d.score),
    );
    expect(dutchNumber(csv.find((r) => r[0] === "Totaal")?.[5])).toBe(page.result.overall);
  });

  it("a comment that looks like a formula stays text in the .xlsx and is neutralised in the CSV", async () => {
    const hr = cookieFor("hr@zas.example");
    const scan = submittedScan("hr@zas.example");
    const params = { scanId: String(scan.id) };
    const answer = getDb().select().from(scanAnswers).where(eq(scanAnswers.scanId, scan.id)).get();
    if (!answer) throw new Error("no answer");
    const formula = '=HYPERLINK("http://evil.example";"klik")';
    const where = and(eq(scanAnswers.scanId, scan.id), eq(scanAnswers.itemKey, answer.itemKey));
    getDb().update(scanAnswers).set({ comment: formula }).where(where).run();
    try {
      const sheet = await workbook(await download(scanXlsx, `/hr/scans/${scan.id}/export.xlsx`, hr, params));
      const cells: ExcelJS.Cell[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      const cell = cells.find((c) => c.text === formula);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
      const csv = await csvRows(await download(scanCsv, `/hr/scans/${scan.id}/export.csv`, hr, params), ";");
      expect(csv.some((r) => r[8] === `'${formula}`)).toBe(true);
    } finally {
      getDb().update(scanAnswers).set({ comment: answer.comment }).where(where).run();
    }
  });
});

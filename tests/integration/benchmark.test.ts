// Partner comparison, programme indicators and HR's own position, through loaders called with real Requests,
// under the cell-key disclosure control (docs/decisions/042).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { getPeerMedians } from "~/features/benchmark/peer.server";
import { loader as comparisonLoader } from "~/routes/partner.benchmark";
import { loader as exportLoader } from "~/routes/partner.benchmark_.export";
import { loader as itemsLoader } from "~/routes/partner.benchmark_.organisations.$ref";
import { loader as indicatorsLoader } from "~/routes/partner.indicators";
import { loader as indicatorsExportLoader } from "~/routes/partner.indicators_.export";
import { loader as adminIndicatorsLoader } from "~/routes/admin.indicators";
import { loader as hrLoader } from "~/routes/hr.benchmark";
import { buildBenchmarkWorld, organisationId } from "../support/benchmark-world";
import { call, cookieFor, get, seeded } from "../support/requests";

const PARTNER = "onderzoek@thomasmore.example";
let partner: string;

type Figures = { mean: number | null; median: number | null; q1: number | null; q3: number | null };
type Body = {
  kind: string;
  errors: Record<string, string[]> | null;
  comparison: {
    group: {
      shown: boolean;
      n: number | null;
      measure: "mean" | "median" | null;
      overall: Figures;
      dimensions: Figures[];
    };
    items: { key: string; share: number | null }[] | null;
    breakdown: { cells: { value: string; n: number | null; overall: number | null }[] };
    rows: { shown: { ref: string; name: string }[]; total: number };
    trend: { period: string; shown: boolean; n: number | null }[];
    selected: { ref: string } | null;
  } | null;
};

async function comparison(query: string, cookie = partner) {
  const result = await call(comparisonLoader, get(`/partner/benchmark${query}`, cookie));
  return { ...result, body: result.body as Body };
}

const near = (value: number | null | undefined, truth: number, within: number) =>
  value !== null && value !== undefined && Math.abs(value - truth) <= within;

// Organisations of the world that did not consent (tests/support/benchmark-world.ts).
const HIDDEN = [
  "Ziekenhuis Schelde 6",
  "Ziekenhuis Schelde 10",
  "Thuiszorg Kempen 1",
  "Ziekenhuis Maasdal 4",
  "GGZ Heuvelland",
  "Woonzorg Leie",
  "Hof ter Linde",
];

beforeAll(async () => {
  await seeded();
  buildBenchmarkWorld(getDb());
  partner = cookieFor(PARTNER);
});

describe("partner comparison", () => {
  it("shows the whole group with adjusted figures, items and trend; median and quartiles from 20; no minimum or maximum", async () => {
    const { status, body } = await comparison("");
    expect(status).toBe(200);
    const c = body.comparison;
    expect(c?.group.shown).toBe(true);
    expect(near(c?.group.n, 30, 4)).toBe(true); // group sizes: at most 4 (decision 046)
    // 30 organisations: a median with quartiles, no mean (decision 047).
    expect(c?.group.measure).toBe("median");
    expect(c?.group.overall.q1).not.toBeNull();
    expect(c?.group.overall.mean).toBeNull();
    expect(c?.items).toHaveLength(40);
    expect(c?.trend.map((p) => [p.period, p.shown])).toEqual([
      ["2024", true],
      ["2025", true],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/"(min|max|decision|reason|withheld|answered)"/);
    // Every published score is a whole number.
    for (const f of [c?.group.overall, ...(c?.group.dimensions ?? [])])
      for (const v of Object.values(f ?? {})) if (v !== null) expect(Number.isInteger(v)).toBe(true);
  });

  it("breakdown: hidden and empty cells look alike, with no count", async () => {
    const { body } = await comparison("");
    const cells = Object.fromEntries(body.comparison?.breakdown.cells.map((c) => [c.value, c.n]) ?? []);
    expect(near(cells.hospital, 18, 4)).toBe(true);
    expect(near(cells.home_care, 6, 4)).toBe(true);
    // elderly care 3, mental health 3, disability care 0: all the same "not shown".
    expect([cells.elderly_care, cells.mental_health, cells.disability_care]).toEqual([null, null, null]);
  });

  it("lists consenting organisations by name only; nothing of the others reaches the body", async () => {
    const { body } = await comparison("");
    const names = body.comparison?.rows.shown.map((r) => r.name) ?? [];
    expect(names).toContain("Ziekenhuis Schelde 1");
    expect(names).toContain("ZAS Ziekenhuis aan de Stroom");
    expect(body.comparison?.rows.total).toBe(9);
    const text = JSON.stringify(body);
    for (const hidden of HIDDEN) expect(text).not.toContain(hidden);
    expect(text).not.toMatch(/pseudonym|"p[A-Z2-7]{6}"/);
  });

  it("hides a group whose non-consenting remainder is 1–4: the Dutch hospitals (3 named, 4 not)", async () => {
    const { status, body } = await comparison("?country=NL&sector=hospital");
    expect(status).toBe(200);
    expect(body.comparison?.group).toMatchObject({
      shown: false,
      n: null,
      measure: null,
      overall: { mean: null, median: null, q1: null, q3: null },
    });
    expect(body.comparison?.items).toBeNull();
    // The named ones are still listed with their own scores.
    expect(body.comparison?.rows.shown.map((r) => r.name).sort()).toEqual([
      "Ziekenhuis Maasdal 1",
      "Ziekenhuis Maasdal 2",
      "Ziekenhuis Maasdal 3",
    ]);
    const nl = await comparison("?country=NL");
    expect(nl.body.comparison?.group.shown).toBe(true);
    // Ten Dutch organisations: a mean, no median or quartiles (decision 047).
    expect(nl.body.comparison?.group).toMatchObject({ measure: "mean", overall: { median: null, q1: null, q3: null } });
    expect(nl.body.comparison?.group.overall.mean).not.toBeNull();
  });

  it("asking again gives the same figures; a breakdown cell equals the equivalent filter", async () => {
    const a = await comparison("?country=BE");
    const b = await comparison("?country=BE");
    expect(a.body).toEqual(b.body);
    const all = await comparison("?breakdown=country");
    const cell = all.body.comparison?.breakdown.cells.find((c) => c.value === "BE");
    expect(cell?.overall).toBe(a.body.comparison?.group.overall.median ?? a.body.comparison?.group.overall.mean);
    expect(cell?.n).toBe(a.body.comparison?.group.n);
  });

  it("rejects unknown filter values, filters and years, and any organisation not listed, with a translated message", async () => {
    const hidden = organisationId(getDb(), "Thuiszorg Kempen 1");
    for (const [query, field, status] of [
      ["?country=FR", "country", 400],
      ["?sector=bakery", "sector", 400],
      ["?colour=red", "colour", 400],
      ["?year=1999", "year", 400],
      ["?org=pAAAAAA", "org", 400],
      [`?org=n${hidden}`, "org", 404],
      ["?org=n999999", "org", 404],
    ] as const) {
      const { status: got, body } = await comparison(query);
      expect(got, query).toBe(status);
      expect(body.kind).toBe("invalid");
      expect(body.errors?.[field]?.[0], query).toMatch(/^benchmark\.errors\./);
      expect(body.comparison).toBeNull();
    }
    // A hidden organisation and one that does not exist get exactly the same answer.
    const a = await comparison(`?org=n${hidden}`);
    const b = await comparison("?org=n999999");
    expect({ ...(a.body as object), raw: null }).toEqual({ ...(b.body as object), raw: null });
  });

  it("sets a listed organisation against the group", async () => {
    const id = organisationId(getDb(), "Ziekenhuis Schelde 1");
    const { body } = await comparison(`?org=n${id}`);
    expect(body.comparison?.selected?.ref).toBe(`n${id}`);
  });

  it("is for partners only", async () => {
    for (const email of ["hr@zas.example", "admin@portal.example", "verpleegkundige@zas.example"]) {
      const { status } = await call(comparisonLoader, get("/partner/benchmark", cookieFor(email)));
      expect(status, email).toBe(403);
      expect((await call(exportLoader, get("/partner/benchmark/export", cookieFor(email)))).status, email).toBe(403);
    }
    const anonymous = await call(comparisonLoader, get("/partner/benchmark"));
    expect(anonymous.status).toBe(302);
  });
});

describe("one organisation's items", () => {
  it("shows a consenting organisation's answers", async () => {
    const id = organisationId(getDb(), "Ziekenhuis Schelde 2");
    const { status, body } = await call(itemsLoader, get(`/partner/benchmark/organisations/n${id}`, partner), {
      ref: `n${id}`,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: "ok", name: "Ziekenhuis Schelde 2", period: "2025" });
  });

  it("answers a non-consenting organisation, an unknown id and a pseudonym alike: 404", async () => {
    const id = organisationId(getDb(), "Thuiszorg Kempen 1");
    for (const ref of [`n${id}`, "n999999", "pABCDEF"]) {
      const result = await call(itemsLoader, get(`/partner/benchmark/organisations/${ref}`, partner), { ref });
      expect(result.status, ref).toBe(404);
      expect(JSON.stringify(result.body)).not.toContain("Thuiszorg");
    }
  });
});

describe("CSV export", () => {
  it("holds exactly the page's figures: the note, x for not shown, no minimum or maximum, no hidden names", async () => {
    const { status, headers, body } = await call(exportLoader, get("/partner/benchmark/export?country=NL", partner));
    expect(status).toBe(200);
    expect(headers.get("Content-Type")).toMatch(/text\/csv/);
    const csv = String(body);
    expect(csv).toContain("Licht aangepaste cijfers");
    expect(csv).not.toMatch(/;Minimum;|;Maximum|VERBORGEN|Minder dan 5 organisaties"/);
    const page = await comparison("?country=NL");
    // Ten Dutch organisations: the group's figure is a mean, in the last column (decision 047).
    const mean = page.body.comparison?.group.overall.mean;
    expect(mean).not.toBeNull();
    expect(csv).toContain(
      `De groep;Totaalscore;${page.body.comparison?.group.n};x;x;x;${String(mean).replace(".", ",")}`,
    );
    expect(csv).toMatch(/(Mediaan|Gemiddelde);Ziekenhuis;x;x;x/);
    expect(csv).toContain("Ziekenhuis Maasdal 1");
    expect(csv).not.toContain("Ziekenhuis Maasdal 5");
    expect(csv).not.toContain("GGZ Heuvelland");
    const bad = await call(exportLoader, get("/partner/benchmark/export?sizeBand=giant", partner));
    expect(bad.status).toBe(400);
  });
});

describe("HR's own position", () => {
  it("peer medians exclude the own organisation, are adjusted, and a hidden group has no size", () => {
    const zas = organisationId(getDb(), "ZAS Ziekenhuis aan de Stroom");
    const country = getPeerMedians(zas, "country", 1);
    expect(country.shown).toBe(true);
    expect(near(country.groupSize, 19, 4)).toBe(true);
    expect(country.dimensions).toHaveLength(8);
    expect(country.overall).not.toBeNull();
    const hof = organisationId(getDb(), "Woonzorgcentrum Hof ter Linde");
    expect(getPeerMedians(hof, "sector", 1)).toEqual({
      groupSize: null,
      shown: false,
      measure: null,
      overall: null,
      dimensions: expect.any(Array),
    });
  });

  it("the HR page shows the chosen group and remembers it; an unknown group is a 400", async () => {
    const hr = cookieFor("hr@hofterlinde.example");
    const sector = await call(hrLoader, get("/hr/benchmark?group=sector", hr));
    expect(sector.status).toBe(200);
    expect(sector.headers.get("Set-Cookie")).toMatch(/benchmark_peer=sector/);
    expect(sector.body).toMatchObject({
      group: "sector",
      position: { kind: "ok", peers: { shown: false, groupSize: null, overall: null } },
    });
    const remembered = await call(hrLoader, get("/hr/benchmark", `${hr}; benchmark_peer=sector`));
    expect(remembered.body).toMatchObject({ group: "sector" });
    const bad = await call(hrLoader, get("/hr/benchmark?group=everyone", hr));
    expect(bad.status).toBe(400);
  });

  it("is for HR only; partners get 403 on it and HR gets 403 on every partner view", async () => {
    const hr = cookieFor("hr@zas.example");
    expect((await call(hrLoader, get("/hr/benchmark", partner))).status).toBe(403);
    expect((await call(indicatorsLoader, get("/partner/indicators", hr))).status).toBe(403);
    expect((await call(indicatorsExportLoader, get("/partner/indicators/export", hr))).status).toBe(403);
    expect((await call(itemsLoader, get("/partner/benchmark/organisations/n1", hr), { ref: "n1" })).status).toBe(403);
  });
});

describe("programme indicators", () => {
  type Table = {
    rows: { key: string; cells: Record<string, { available: boolean; value?: number | null }> }[];
    total: { cells: Record<string, { available: boolean; value?: number | null }> };
  };

  it("partners and admins see adjusted programme totals of every indicator; cells only where 5 contribute", async () => {
    const result = await call(indicatorsLoader, get("/partner/indicators", partner));
    expect(result.status).toBe(200);
    const body = result.body as { byCountry: Table; bySector: Table; matchingAvailable: boolean };
    expect(body.matchingAvailable).toBe(true);
    expect(near(body.byCountry.total.cells.organisationsScanned?.value, 30, 2)).toBe(true);
    expect(near(body.byCountry.rows.find((r) => r.key === "NL")?.cells.organisationsScanned?.value, 10, 2)).toBe(true);
    // ZAS and Zuyderland (demo matching), seven organisations with demo trajectories (db/seed/trajectories.ts) and
    // ten with matching history (db/seed/programme.ts, five per country; decision 046) keep newcomer records: the
    // programme total and both countries show (adjusted).
    const holders = (
      getDb().$client.prepare("SELECT count(DISTINCT organisation_id) AS n FROM newcomer_records").get() as {
        n: number;
      }
    ).n;
    expect(holders).toBe(12);
    expect(body.byCountry.total.cells.newcomersRegistered?.value).not.toBeNull();
    for (const country of ["BE", "NL"])
      expect(body.byCountry.rows.find((r) => r.key === country)?.cells.newcomersRegistered?.value).not.toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/"(decision|reason|n)"/);
    const admin = await call(adminIndicatorsLoader, get("/admin/indicators", cookieFor("admin@portal.example")));
    expect(admin.status).toBe(200);
  });

  // Decision 046: the demo has matching history in twelve organisations (db/seed/programme.ts), so every
  // programme total is shown, and each country's matching figures (five organisations with matches each).
  it("shows every programme total and each country's matching figures in the demo, in the page data and the CSV", async () => {
    const result = await call(indicatorsLoader, get("/partner/indicators", partner));
    const table = (result.body as { byCountry: Table }).byCountry;
    const total = table.total.cells;
    for (const indicator of [
      "organisationsScanned",
      "meanScoreChange",
      "newcomersRegistered",
      "shareMatched",
      "medianDaysToMatch",
      "activeMatches",
      "completedMatches",
      "moduleCompletions",
    ]) {
      expect(total[indicator], indicator).toMatchObject({ available: true, value: expect.any(Number) });
    }
    // 11 active and 10 completed matches, adjusted by at most 2 (a count of 5 or more).
    expect(near(total.activeMatches?.value, 11, 2)).toBe(true);
    expect(near(total.completedMatches?.value, 10, 2)).toBe(true);
    expect(total.shareMatched?.value).toBeGreaterThan(0);
    expect(total.shareMatched?.value).toBeLessThan(1);
    for (const country of ["BE", "NL"]) {
      const cells = table.rows.find((r) => r.key === country)?.cells ?? {};
      for (const indicator of [
        "newcomersRegistered",
        "shareMatched",
        "medianDaysToMatch",
        "activeMatches",
        "completedMatches",
        "moduleCompletions",
      ]) {
        expect(cells[indicator]?.value, `${country} ${indicator}`).toEqual(expect.any(Number));
      }
    }
    const csv = String((await call(indicatorsExportLoader, get("/partner/indicators/export", partner))).body);
    const totalRow = csv.split("\r\n").find((line) => line.startsWith("Per land;Totaal;")) ?? "";
    const cells = totalRow.split(";");
    // Columns: section, group, then the eight indicators in order.
    expect(cells.slice(2, 10)).toHaveLength(8);
    expect(cells.slice(2, 10)).not.toContain("x");
    expect(cells).not.toContain("0");
  });

  it("the CSV carries the note and the same figures, x where not shown", async () => {
    const { status, body } = await call(indicatorsExportLoader, get("/partner/indicators/export", partner));
    expect(status).toBe(200);
    const csv = String(body);
    expect(csv).toContain("Licht aangepaste cijfers");
    expect(csv).toMatch(/;x;|;x\r\n/);
    expect(csv).not.toMatch(/VERBORGEN|Minder dan/);
  });
});

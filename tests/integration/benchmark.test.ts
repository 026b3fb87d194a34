// Partner comparison, programme indicators and HR's own position, through loaders called with real Requests.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { getPeerMedians } from "~/features/benchmark/peer.server";
import { loader as comparisonLoader } from "~/routes/partner.benchmark";
import { loader as exportLoader } from "~/routes/partner.benchmark_.export";
import { loader as itemsLoader } from "~/routes/partner.benchmark_.organisations.$ref";
import { loader as indicatorsLoader } from "~/routes/partner.indicators";
import { loader as adminIndicatorsLoader } from "~/routes/admin.indicators";
import { loader as hrLoader } from "~/routes/hr.benchmark";
import { buildBenchmarkWorld, organisationId } from "../support/benchmark-world";
import { call, cookieFor, get, seeded } from "../support/requests";

const PARTNER = "onderzoek@thomasmore.example";
let partner: string;

type Body = {
  kind: string;
  errors: Record<string, string[]> | null;
  comparison: {
    group: { decision: { shown: boolean; reason?: string }; n: number | null; overall: { median: number } | null };
    items: unknown[] | null;
    breakdown: { cells: { value: string; decision: { shown: boolean; reason?: string }; n: number | null }[] };
    rows: { shown: { ref: string; label: { kind: string; name?: string; code?: string } }[]; withheld: number; total: number } | null;
    trend: { period: string; decision: { shown: boolean } }[];
    selected: { ref: string } | null;
  } | null;
};

async function comparison(query: string, cookie = partner) {
  const result = await call(comparisonLoader, get(`/partner/benchmark${query}`, cookie));
  return { ...result, body: result.body as Body };
}

beforeAll(async () => {
  await seeded();
  buildBenchmarkWorld(getDb());
  partner = cookieFor(PARTNER);
});

describe("partner comparison", () => {
  it("shows the whole group with statistics, items, trend and rows", async () => {
    const { status, body } = await comparison("");
    expect(status).toBe(200);
    const c = body.comparison;
    expect(c?.group.decision).toEqual({ shown: true });
    expect(c?.group.n).toBe(30);
    expect(c?.items).toHaveLength(40);
    expect(c?.trend.map((p) => [p.period, p.decision.shown])).toEqual([["2024", true], ["2025", true]]);
    // Sector breakdown: elderly care (3) and mental health (3) are small; together 6, so no partner is needed.
    expect(Object.fromEntries(c?.breakdown.cells.map((cell) => [cell.value, cell.decision.shown ? cell.n : cell.decision.reason]) ?? [])).toEqual({
      hospital: 18,
      home_care: 6,
      elderly_care: "small_group",
      mental_health: "small_group",
      disability_care: 0,
    });
  });

  it("names consenting organisations, pseudonymises the rest only in classes of 5 or more", async () => {
    const { body } = await comparison("");
    const rows = body.comparison?.rows;
    const names = rows?.shown.filter((r) => r.label.kind === "name").map((r) => r.label.name) ?? [];
    expect(names).toContain("Ziekenhuis Schelde 1");
    expect(names).toContain("ZAS Ziekenhuis aan de Stroom");
    // BE hospital large without consent: 5 → pseudonyms; BE home care medium: 6 → pseudonyms.
    expect(rows?.shown.filter((r) => r.label.kind === "pseudonym")).toHaveLength(11);
    // Withheld: NL hospital very large (4), NL mental health (3), BE elderly care small (2 + Hof ter Linde).
    expect(rows?.withheld).toBe(10);
    const text = JSON.stringify(body);
    for (const hidden of ["Ziekenhuis Schelde 6", "Thuiszorg Kempen 1", "Ziekenhuis Maasdal 4", "GGZ Heuvelland", "Woonzorg Leie", "Hof ter Linde"]) expect(text).not.toContain(hidden);
  });

  it("suppresses the Dutch hospitals as a filter: the Netherlands minus them would reveal 3 mental health organisations", async () => {
    const { status, body } = await comparison("?country=NL&sector=hospital");
    expect(status).toBe(200);
    expect(body.comparison?.group).toMatchObject({ decision: { shown: false, reason: "complementary" }, n: null, overall: null });
    expect(body.comparison?.items).toBeNull();
    expect(body.comparison?.rows).toBeNull();
    const nl = await comparison("?country=NL");
    expect(nl.body.comparison?.group.n).toBe(10);
    expect(nl.body.comparison?.breakdown.cells.filter((c) => !c.decision.shown).map((c) => [c.value, c.decision.reason])).toEqual([
      ["hospital", "complementary"],
      ["mental_health", "small_group"],
    ]);
  });

  it("suppresses a group below 5 with the reason", async () => {
    const { body } = await comparison("?country=BE&sector=elderly_care");
    expect(body.comparison?.group).toMatchObject({ decision: { shown: false, reason: "small_group" }, n: null });
  });

  it("rejects unknown filter values, unknown filters, unknown years and unlisted organisations with a message", async () => {
    for (const [query, field, status] of [
      ["?country=FR", "country", 400],
      ["?sector=bakery", "sector", 400],
      ["?colour=red", "colour", 400],
      ["?year=1999", "year", 400],
      ["?org=pAAAAAA", "org", 404],
    ] as const) {
      const { status: got, body } = await comparison(query);
      expect(got, query).toBe(status);
      expect(body.kind).toBe("invalid");
      expect(body.errors?.[field]?.[0], query).toMatch(/^benchmark\.errors\./);
      expect(body.comparison).toBeNull();
    }
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
    }
    const anonymous = await call(comparisonLoader, get("/partner/benchmark"));
    expect(anonymous.status).toBe(302);
  });
});

describe("one organisation's items", () => {
  it("shows a consenting organisation's answers", async () => {
    const id = organisationId(getDb(), "Ziekenhuis Schelde 2");
    const { status, body } = await call(itemsLoader, get(`/partner/benchmark/organisations/n${id}`, partner), { ref: `n${id}` });
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: "ok", name: "Ziekenhuis Schelde 2", period: "2025" });
  });

  it("refuses a pseudonymous organisation with the reason, and a non-consenting id as unknown", async () => {
    const { body: list } = await comparison("");
    const pseudonym = list.comparison?.rows?.shown.find((r) => r.label.kind === "pseudonym")?.ref ?? "";
    const suppressed = await call(itemsLoader, get(`/partner/benchmark/organisations/${pseudonym}`, partner), { ref: pseudonym });
    expect(suppressed.status).toBe(403);
    expect(suppressed.body).toEqual({ kind: "suppressed", decision: { shown: false, reason: "no_consent" } });
    const id = organisationId(getDb(), "Thuiszorg Kempen 1");
    const unknown = await call(itemsLoader, get(`/partner/benchmark/organisations/n${id}`, partner), { ref: `n${id}` });
    expect(unknown.status).toBe(404);
  });
});

describe("CSV export", () => {
  it("exports what the page shows, suppressed cells marked, no hidden names", async () => {
    const { status, headers, body } = await call(exportLoader, get("/partner/benchmark/export?country=NL", partner));
    expect(status).toBe(200);
    expect(headers.get("Content-Type")).toMatch(/text\/csv/);
    const csv = String(body);
    expect(csv).toMatch(/De groep,Totaalscore,\d+,/);
    // Dimension rows carry the instrument's names (read from the database) and the count of scored organisations.
    expect(csv.split("\r\n").filter((line) => /^De groep,[^,]+,10,/.test(line)).length).toBeGreaterThanOrEqual(5);
    expect(csv).toMatch(/Mediaan,hospital,VERBORGEN: Verborgen om een kleine groep te beschermen/);
    expect(csv).toMatch(/Mediaan,mental_health,VERBORGEN: Minder dan 5 organisaties/);
    expect(csv).toContain("Ziekenhuis Maasdal 1");
    expect(csv).not.toContain("Ziekenhuis Maasdal 5");
    expect(csv).not.toContain("GGZ Heuvelland");
    const bad = await call(exportLoader, get("/partner/benchmark/export?sizeBand=giant", partner));
    expect(bad.status).toBe(400);
  });
});

describe("HR's own position", () => {
  it("peer medians exclude the own organisation and respect the threshold", () => {
    const zas = organisationId(getDb(), "ZAS Ziekenhuis aan de Stroom");
    const country = getPeerMedians(zas, "country", 1);
    expect(country).toMatchObject({ groupSize: 19, shown: true });
    expect(country.dimensions).toHaveLength(8);
    expect(country.overall).not.toBeNull();
    const hof = organisationId(getDb(), "Woonzorgcentrum Hof ter Linde");
    expect(getPeerMedians(hof, "sector", 1)).toMatchObject({ groupSize: 2, shown: false, reason: "small_group", overall: null });
  });

  it("the HR page shows the chosen group and remembers it; an unknown group is a 400", async () => {
    const hr = cookieFor("hr@hofterlinde.example");
    const sector = await call(hrLoader, get("/hr/benchmark?group=sector", hr));
    expect(sector.status).toBe(200);
    expect(sector.headers.get("Set-Cookie")).toMatch(/benchmark_peer=sector/);
    expect(sector.body).toMatchObject({ group: "sector", position: { kind: "ok", peers: { shown: false, groupSize: 2 } } });
    const remembered = await call(hrLoader, get("/hr/benchmark", `${hr}; benchmark_peer=sector`));
    expect(remembered.body).toMatchObject({ group: "sector" });
    const bad = await call(hrLoader, get("/hr/benchmark?group=everyone", hr));
    expect(bad.status).toBe(400);
  });

  it("is for HR only; partners get 403 on it and HR gets 403 on the partner views", async () => {
    expect((await call(hrLoader, get("/hr/benchmark", partner))).status).toBe(403);
    expect((await call(indicatorsLoader, get("/partner/indicators", cookieFor("hr@zas.example")))).status).toBe(403);
  });
});

describe("programme indicators", () => {
  it("partners and admins see the tables, matching figures included", async () => {
    const result = await call(indicatorsLoader, get("/partner/indicators", partner));
    expect(result.status).toBe(200);
    const body = result.body as { byCountry: { rows: { key: string; cells: Record<string, unknown> }[]; total: { cells: Record<string, unknown> } }; matchingAvailable: boolean };
    expect(body.matchingAvailable).toBe(true);
    expect(body.byCountry.total.cells.organisationsScanned).toEqual({ available: true, decision: { shown: true }, value: 30 });
    expect(body.byCountry.rows.find((r) => r.key === "NL")?.cells.organisationsScanned).toMatchObject({ value: 10 });
    // Only ZAS and Zuyderland (demo) keep newcomer records: two organisations are too few to show a total.
    const holders = (getDb().$client.prepare("SELECT count(DISTINCT organisation_id) AS n FROM newcomer_records").get() as { n: number }).n;
    expect(holders).toBe(2);
    expect(body.byCountry.total.cells.newcomersRegistered).toMatchObject({ available: true, value: null, decision: { shown: false } });
    const admin = await call(adminIndicatorsLoader, get("/admin/indicators", cookieFor("admin@portal.example")));
    expect(admin.status).toBe(200);
  });
});

// Rule 5 (docs/decisions/185) through the partner's loader on real SQLite: an organisation without a name that did
// not submit in the last year does not make "latest scan" differ from that year by one organisation.
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { scans } from "@db/schema";
import { getDb } from "~/utils/db.server";
import { loader as comparisonLoader } from "~/routes/partner.benchmark";
import { buildBenchmarkWorld, organisationId } from "../support/benchmark-world";
import { call, cookieFor, get, seeded } from "../support/requests";

type Body = { comparison: { group: { shown: boolean }; items: unknown; breakdown: unknown } | null };

let partner: string;

async function comparison(query: string) {
  const result = await call(comparisonLoader, get(`/partner/benchmark${query}`, partner));
  expect(result.status).toBe(200);
  return (result.body as Body).comparison;
}

beforeAll(async () => {
  await seeded();
  const db = getDb();
  buildBenchmarkWorld(db);
  // The Dutch group: 10 organisations, 3 named. GGZ Heuvelland 1 (not named) skips 2025; nothing has been
  // published yet, so no figure of the world before is remembered.
  db.delete(scans)
    .where(and(eq(scans.organisationId, organisationId(db, "GGZ Heuvelland 1")), eq(scans.period, "2025")))
    .run();
  partner = cookieFor("onderzoek@thomasmore.example");
});

describe("latest scan next to the last year (rule 5)", () => {
  it("the Dutch group's latest figures are exactly its 2025 figures, so GGZ Heuvelland 1's 2024 scan cannot be differenced out", async () => {
    const latest = await comparison("?country=NL&breakdown=sector");
    const year = await comparison("?country=NL&year=2025&breakdown=sector");
    expect(latest?.group.shown).toBe(true);
    expect(latest?.group).toEqual(year?.group);
    expect(latest?.items).toEqual(year?.items);
    expect(latest?.breakdown).toEqual(year?.breakdown);
  });

  it("the same for all organisations, and for each country in the breakdown", async () => {
    const latest = await comparison("?breakdown=country");
    const year = await comparison("?year=2025&breakdown=country");
    expect(latest?.group).toEqual(year?.group);
    expect(latest?.breakdown).toEqual(year?.breakdown);
  });
});

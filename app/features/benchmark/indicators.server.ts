// Programme indicators: facts per care organisation from the database, aggregated by indicators.ts.
import { matchingIndicatorsByOrganisation } from "~/features/matching/indicators.server";
import { getDb } from "~/utils/db.server";
import { perDataVersion } from "./dataset.server";
import { FILTER_COUNTRIES, FILTER_SECTORS } from "./filters";
import {
  indicatorTable,
  type IndicatorTable,
  type MatchingIndicatorRow,
  type OrganisationFacts,
  type UnitKeyOf,
} from "./indicators";
import { recordKeys, unitKey } from "./record-keys.server";

/** The matching capability's figures per organisation (newcomers, matches, days to a match). */
export function matchingRows(): MatchingIndicatorRow[] | null {
  return matchingIndicatorsByOrganisation();
}

export function organisationFacts(): OrganisationFacts[] {
  const sqlite = getDb().$client;
  const orgs = sqlite
    .prepare("SELECT id, country, sector FROM organisations WHERE kind = 'care_provider' ORDER BY id")
    .all() as { id: number; country: string; sector: string }[];
  const scans = sqlite
    .prepare(
      `SELECT organisation_id AS org, instrument_version AS version, overall_score AS overall FROM scans
        WHERE status = 'submitted' ORDER BY organisation_id, period`,
    )
    .all() as { org: number; version: number; overall: number | null }[];
  const byOrg = new Map<number, { version: number; overall: number | null }[]>();
  for (const s of scans) {
    const list = byOrg.get(s.org) ?? [];
    list.push(s);
    byOrg.set(s.org, list);
  }
  const completions = new Map(
    (
      sqlite
        .prepare(
          "SELECT organisation_id AS org, count(*) AS n FROM module_completions WHERE organisation_id IS NOT NULL GROUP BY organisation_id",
        )
        .all() as { org: number; n: number }[]
    ).map((r) => [r.org, r.n]),
  );
  return orgs.map((o) => {
    const list = byOrg.get(o.id) ?? [];
    const last = list[list.length - 1];
    // First → latest within the latest scan's instrument version: scores compare only within a version.
    const sameVersion = last ? list.filter((s) => s.version === last.version && s.overall !== null) : [];
    const first = sameVersion[0];
    const latest = sameVersion[sameVersion.length - 1];
    const scoreChange =
      sameVersion.length >= 2 && first && latest && first.overall !== null && latest.overall !== null
        ? latest.overall - first.overall
        : null;
    return {
      organisationId: o.id,
      country: o.country,
      sector: o.sector,
      scanned: list.length > 0,
      scoreChange,
      moduleCompletions: completions.get(o.id) ?? 0,
    };
  });
}

export type ProgrammeIndicators = { byCountry: IndicatorTable; bySector: IndicatorTable; matchingAvailable: boolean };

/** The programme indicators: computed once per data version of their inputs (decision 044). */
export function getProgrammeIndicators(): ProgrammeIndicators {
  return programmeIndicators("all");
}

const programmeIndicators = perDataVersion("indicators", () => computeProgrammeIndicators());

function computeProgrammeIndicators(): ProgrammeIndicators {
  const facts = organisationFacts();
  const matching = matchingRows();
  const keys = recordKeys(facts.map((f) => f.organisationId));
  const unitKeyOf: UnitKeyOf = (id, context) => unitKey(keys.get(id) ?? "", context);
  return {
    byCountry: indicatorTable(facts, matching, "country", FILTER_COUNTRIES, unitKeyOf),
    bySector: indicatorTable(facts, matching, "sector", FILTER_SECTORS, unitKeyOf),
    matchingAvailable: matching !== null,
  };
}

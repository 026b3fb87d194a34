// The programme outcome indicators (docs/decisions/111): per organisation the figures of its people (live
// trajectories and the anonymous rows erasure kept), its country, sector and latest scan level, published
// through indicators.ts under the benchmark's disclosure rules. Record keys are the benchmark's own.
import { FILTER_COUNTRIES, FILTER_SECTORS } from "~/features/benchmark/filters";
import { recordKeys, unitKey } from "~/features/benchmark/record-keys.server";
import { getDb } from "~/utils/db.server";
import { SCAN_BANDS, outcomeTable, scanBandOf, type OrganisationOutcomes, type OutcomeTable } from "./indicators";
import { figuresByOrganisation, todayIso } from "./trajectories.server";

export type ProgrammeOutcomes = { byCountry: OutcomeTable; bySector: OutcomeTable; byScanBand: OutcomeTable };

export function programmeOutcomes(today = todayIso()): ProgrammeOutcomes {
  const sqlite = getDb().$client;
  const orgs = sqlite
    .prepare("SELECT id, country, sector FROM organisations WHERE kind = 'care_provider' ORDER BY id")
    .all() as { id: number; country: string; sector: string }[];
  const latest = new Map(
    (
      sqlite
        .prepare(
          `SELECT s.organisation_id AS org, s.overall_level AS overall FROM scans s
            WHERE s.status = 'submitted' AND s.period = (SELECT MAX(x.period) FROM scans x WHERE x.organisation_id = s.organisation_id AND x.status = 'submitted')`,
        )
        .all() as { org: number; overall: number | null }[]
    ).map((r) => [r.org, r.overall]),
  );
  const figures = figuresByOrganisation(today);
  const outcomes: OrganisationOutcomes[] = orgs.map((o) => {
    const overall = latest.get(o.id) ?? null;
    return {
      organisationId: o.id,
      country: o.country,
      sector: o.sector,
      scanBand: scanBandOf(overall),
      people: figures.get(o.id) ?? [],
    };
  });
  const keys = recordKeys(outcomes.map((o) => o.organisationId));
  const unitKeyOf = (id: number, context: string) => unitKey(keys.get(id) ?? "", context);
  return {
    byCountry: outcomeTable(outcomes, "country", FILTER_COUNTRIES, unitKeyOf),
    bySector: outcomeTable(outcomes, "sector", FILTER_SECTORS, unitKeyOf),
    byScanBand: outcomeTable(outcomes, "scanBand", SCAN_BANDS, unitKeyOf),
  };
}

// The results page and report bring three capabilities together: the scan's own results, the modules its
// gaps call for (with what an assignment form needs) and the peer medians of the benchmark. The action plan's
// page needs only the scan, its instrument, the plan and the people an action can be given to.
import { getPeerMedians, type PeerMedians } from "~/features/benchmark/peer.server";
import type { PeerGroup } from "~/features/benchmark/filters";
import { assignmentFormOptions } from "~/features/modules/assignments.server";
import { recommendationsForScan } from "~/features/modules/recommendations.server";
import { perceptionGapFor } from "~/features/pulse/pulse.server";
import type { Locale } from "~/utils/i18n";
import type { OrgUser } from "~/utils/permissions.server";
import { listActions, ownerChoices, type ActionItemView, type OwnerChoice } from "./action-plan.server";
import { getScanResults, type ScanResults } from "./scan.server";

export type ScanResultsPage = ScanResults & {
  actions: ActionItemView[];
  peer: { key: string; score: number }[] | null;
  peerInfo: { group: PeerGroup; groupSize: number | null; shown: boolean; measure: PeerMedians["measure"] };
  modules: NonNullable<ReturnType<typeof recommendationsForScan>>["modules"];
  assignOptions: ReturnType<typeof assignmentFormOptions>;
  perceptionGap: Omit<ReturnType<typeof perceptionGapFor>, "recommendationScores">;
};

/** Null when the scan is not one of the user's organisation's. */
export function getScanResultsPage(
  user: OrgUser,
  scanId: number,
  locale: Locale,
  group: PeerGroup,
): ScanResultsPage | null {
  const results = getScanResults(user.organisationId, scanId);
  if (!results) return null;
  const medians: PeerMedians | null =
    results.scan.status === "submitted"
      ? getPeerMedians(user.organisationId, group, results.scan.instrumentVersion)
      : null;
  const peer = medians?.shown
    ? medians.dimensions.flatMap((d) => (d.median === null ? [] : [{ key: d.key, score: d.median }]))
    : null;
  const { recommendationScores, ...perceptionGap } = perceptionGapFor(
    user.organisationId,
    results.result.dimensions.map((d) => ({ key: d.key, score: d.score })),
  );
  return {
    ...results,
    actions: listActions(user.organisationId, scanId),
    perceptionGap,
    peer,
    peerInfo: {
      group,
      groupSize: medians?.groupSize ?? null,
      shown: Boolean(medians?.shown),
      measure: medians?.measure ?? null,
    },
    modules: recommendationsForScan(user, scanId, locale, recommendationScores)?.modules ?? [],
    assignOptions: assignmentFormOptions(user, locale),
  };
}

export type ActionPlanPage = {
  scan: Pick<ScanResults["scan"], "id" | "period" | "status" | "organisationName">;
  dimensions: ScanResults["dimensions"];
  actions: ActionItemView[];
  /** The people an action can be given to (the own organisation only). */
  owners: OwnerChoice[];
  /** The weakest theme: what a new action is about unless HR picks another. */
  firstGap: string | undefined;
};

/** Null when the scan is not one of the user's organisation's. */
export function getActionPlanPage(user: OrgUser, scanId: number): ActionPlanPage | null {
  const results = getScanResults(user.organisationId, scanId);
  if (!results) return null;
  const { id, period, status, organisationName } = results.scan;
  return {
    scan: { id, period, status, organisationName },
    dimensions: results.dimensions,
    actions: listActions(user.organisationId, scanId),
    owners: ownerChoices(user.organisationId),
    firstGap: results.gaps[0]?.key,
  };
}

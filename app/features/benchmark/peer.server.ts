// HR's own position: the organisation's latest submitted scan against the medians of its peers.
// Peers are the OTHER care providers with a submitted scan of the same instrument version in the same country
// (or sector); each peer counts with its latest submitted scan. The own organisation does not count
// (docs/decisions/041): otherwise HR, knowing its own scores, would learn more about fewer others.
import { getDb } from "~/utils/db.server";
import { readCookie } from "~/utils/session.server";
import type { DatasetScan } from "./dataset";
import { loadDataset, perDataVersion } from "./dataset.server";
import { centreOf, groupFigures, latestGroupScans } from "./compare";
import type { CentreMeasure } from "./disclosure";
import { PeerGroupSchema, type PeerGroup } from "./filters";

export type PeerMedians = {
  /** The published (perturbed) number of peers; null when the group is not shown: no size for a hidden group. */
  groupSize: number | null;
  shown: boolean;
  /** The peers' centre: a mean for fewer than 20 peers, a median from 20 (decision 047); null when hidden. */
  measure: CentreMeasure | null;
  /** The centre (mean or median, see `measure`) per dimension. */
  dimensions: { key: string; median: number | null }[];
  overall: number | null;
};

/**
 * The peer group's published medians: the same rules and perturbation as every partner figure (decision 042),
 * on the peers' latest scans. Each published median carries noise from the peers' cell key, so the median of
 * an odd group is not one peer's score.
 */
export function getPeerMedians(organisationId: number, group: PeerGroup, instrumentVersion: number): PeerMedians {
  return peerMedians(`${organisationId}|${group}|${instrumentVersion}`);
}

// Everything below depends only on submitted scans and organisations: kept per data version (decision 044).
const peerMedians = perDataVersion("scans", (key) => {
  const [id, group, version] = key.split("|");
  return computePeerMedians(Number(id), group as PeerGroup, Number(version));
});

function computePeerMedians(organisationId: number, group: PeerGroup, instrumentVersion: number): PeerMedians {
  const own = getDb().$client.prepare("SELECT country, sector FROM organisations WHERE id = ?").get(organisationId) as
    { country: string; sector: string } | undefined;
  const dataset = loadDataset(instrumentVersion);
  const hidden: PeerMedians = {
    groupSize: null,
    shown: false,
    measure: null,
    dimensions: dataset.dimensions.map((d) => ({ key: d.key, median: null })),
    overall: null,
  };
  if (!own) return hidden;
  const peers: DatasetScan[] = [];
  for (const [orgIndex, scanIndex] of dataset.latest) {
    const org = dataset.organisations[orgIndex];
    if (!org || org.id === organisationId || org[group] !== own[group]) continue;
    const scan = dataset.scans[scanIndex];
    if (scan) peers.push(scan);
  }
  // Rule 5 (decision 185), as for the partner's "latest scan" groups.
  const figures = groupFigures(dataset, latestGroupScans(dataset, peers), false);
  if (!figures.shown) return hidden;
  return {
    groupSize: figures.n,
    shown: true,
    measure: figures.measure,
    dimensions: dataset.dimensions.map((d, i) => {
      const f = figures.dimensions[i];
      return { key: d.key, median: f ? centreOf(f) : null };
    }),
    overall: centreOf(figures.overall),
  };
}

export type OwnPosition =
  | { kind: "no_scan" }
  | {
      kind: "ok";
      group: PeerGroup;
      groupValue: string;
      country: string;
      sector: string;
      period: string;
      version: number;
      dimensions: {
        key: string;
        nameNl: string;
        nameEn: string;
        own: number | null;
        ownLevel: number | null;
        peerMedian: number | null;
      }[];
      overall: number | null;
      overallLevel: number | null;
      peers: PeerMedians;
    };

/** The HR page: own latest submitted scan, with the peer medians when the group is large enough. */
export function getOwnPosition(organisationId: number, group: PeerGroup): OwnPosition {
  return ownPositions(`${organisationId}|${group}`);
}

const ownPositions = perDataVersion("scans", (key) => {
  const [id, group] = key.split("|");
  return computeOwnPosition(Number(id), group as PeerGroup);
});

function computeOwnPosition(organisationId: number, group: PeerGroup): OwnPosition {
  const sqlite = getDb().$client;
  const scan = sqlite
    .prepare(
      `SELECT s.id, s.period, s.instrument_version AS version, s.overall_score AS overall, s.overall_level AS overallLevel
         FROM scans s WHERE s.organisation_id = ? AND s.status = 'submitted' ORDER BY s.period DESC LIMIT 1`,
    )
    .get(organisationId) as
    { id: number; period: string; version: number; overall: number | null; overallLevel: number | null } | undefined;
  if (!scan) return { kind: "no_scan" };
  const own = sqlite.prepare("SELECT country, sector FROM organisations WHERE id = ?").get(organisationId) as {
    country: string;
    sector: string;
  };
  const scores = new Map(
    (
      sqlite
        .prepare("SELECT dimension_key AS key, score, level FROM scan_dimension_scores WHERE scan_id = ?")
        .all(scan.id) as { key: string; score: number | null; level: number | null }[]
    ).map((r) => [r.key, r]),
  );
  const dataset = loadDataset(scan.version);
  const peers = getPeerMedians(organisationId, group, scan.version);
  return {
    kind: "ok",
    group,
    groupValue: own[group],
    country: own.country,
    sector: own.sector,
    period: scan.period,
    version: scan.version,
    overall: scan.overall,
    overallLevel: scan.overallLevel,
    peers,
    dimensions: dataset.dimensions.map((d, i) => ({
      ...d,
      own: scores.get(d.key)?.score ?? null,
      ownLevel: scores.get(d.key)?.level ?? null,
      peerMedian: peers.dimensions[i]?.median ?? null,
    })),
  };
}

// HR's chosen peer group is remembered per browser in a small cookie (docs/decisions/041); the benchmark page
// sets it, the scan results and report read it.
const PEER_COOKIE = "benchmark_peer";

export function readPeerGroup(request: Request): PeerGroup {
  return PeerGroupSchema.safeParse(readCookie(request, PEER_COOKIE)).data ?? "country";
}

export function peerGroupCookie(group: PeerGroup): string {
  return `${PEER_COOKIE}=${group}; Path=/hr; SameSite=Lax; HttpOnly; Max-Age=31536000`;
}

// Disclosure audit of the partner comparison and programme indicators (not a test: it prints figures).
//   npm run audit:disclosure [-- --worlds demo,60,300]
// For each world (the demo, and synthetic worlds of 60 and 300 organisations with mixed consent) it builds a
// fresh database, collects every figure the pages and exports publish (every universe — latest scan and each
// year — × every filter combination; breakdown cells and trend points are the same groups and get the same
// figures; HR's peer figures of every organisation; the programme indicators), and runs the attack classes
// of issue 10 as a strong attacker who knows every organisation's attributes, consent and years of
// participation, and every named organisation's exact scores:
//   - differencing: two published groups that differ by exactly one organisation (other filter, other year,
//     latest next to a year, HR's "peers without me" next to the partner's group, a total next to its parts);
//   - the remainder: a group's figure with all its other members named;
//   - medians of odd groups next to the even group with one more member (2·m' − m);
//   - item answers by differencing shares; suppressed counts from a total minus its published parts.
// Per hidden (non-consenting) organisation and figure it keeps the attacker's best estimate — the one with
// the smallest error the attacker can claim — and prints the error distribution against the targets:
// nothing recovered exactly, median error ≥ 5 points, < 10 % within 2 points, items no better than chance,
// no suppressed count derivable exactly.
import type { Dataset, DatasetScan } from "../app/features/benchmark/dataset";
import type { ComparisonFilters } from "../app/features/benchmark/filters";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const worldArg = args.indexOf("--world");

if (worldArg === -1) {
  // Parent: one child process per world (each needs its own database connection).
  const worlds = (args[args.indexOf("--worlds") + 1] && args.includes("--worlds") ? (args[args.indexOf("--worlds") + 1] as string) : "demo,60,300").split(",");
  let failed = false;
  for (const world of worlds) {
    const dir = path.resolve("tests/.tmp");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `audit-${world}.db`);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-disclosure.ts", "--world", world], {
      env: { ...process.env, DATABASE_PATH: file, LOG_REQUESTS: "false" },
      stdio: "inherit",
    });
    if (result.status !== 0) failed = true;
  }
  console.log(failed ? "\nAUDIT: at least one world misses a target." : "\nAUDIT: every world meets every target.");
  process.exit(failed ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------------
// Child: one world.
const world = args[worldArg + 1] ?? "demo";
const { getDb } = await import("../app/utils/db.server");
const { seedDemo } = await import("../db/seed/seed");
const { scoreScan } = await import("../app/features/scan/scoring");
const { addSyntheticScans, random } = await import("./large-scans");
const { organisations, scans: scansTable } = await import("../db/schema");
const { loadDataset, currentVersion } = await import("../app/features/benchmark/dataset.server");
const { compare, members, universe, groupFigures, ATTRIBUTE_VALUES } = await import("../app/features/benchmark/compare");
const { getPeerMedians } = await import("../app/features/benchmark/peer.server");
const { getProgrammeIndicators, organisationFacts } = await import("../app/features/benchmark/indicators.server");
const { magnitudeDeviation, quantileDeviation, MEAN_NOISE_SHARE, COUNT_MAX_DEVIATION } = await import("../app/features/benchmark/disclosure");
const { SCORE_CHANGE_BOUNDS } = await import("../app/features/benchmark/indicators");

const db = getDb();
await seedDemo(db, { password: "audit-only-password", scoreScan });
if (world !== "demo") {
  // A synthetic world instead of the demo's scans: N organisations, about 40 % consenting, 3 years, some
  // organisations skipping a year (so "latest" and a year differ by a few organisations).
  db.delete(scansTable).run();
  const n = Number(world);
  const next = random(n * 7919);
  const countries = ["BE", "NL"] as const;
  const sectors = ["hospital", "home_care", "elderly_care", "mental_health", "disability_care"] as const;
  const sizes = ["small", "medium", "large", "very_large"] as const;
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = db
      .insert(organisations)
      .values({
        kind: "care_provider",
        name: `Audit ${world} ${i}`,
        country: countries[Math.floor(next() * 2)] ?? "BE",
        sector: sectors[Math.min(4, Math.floor(next() ** 1.5 * 5))] ?? "hospital",
        sizeBand: sizes[Math.floor(next() * 4)] ?? "medium",
        benchmarkConsent: next() < 0.4,
      })
      .returning({ id: organisations.id })
      .get();
    ids.push(row.id);
  }
  const everyYear = ids.filter(() => next() < 0.7);
  const rest = ids.filter((id) => !everyYear.includes(id));
  addSyntheticScans(db, everyYear, { periods: ["2023", "2024", "2025"], seed: n });
  addSyntheticScans(db, rest.filter((_, i) => i % 2 === 0), { periods: ["2024", "2025"], seed: n + 1 });
  addSyntheticScans(db, rest.filter((_, i) => i % 2 === 1), { periods: ["2023", "2024"], seed: n + 2 });
}

const version = currentVersion();
if (version === null) throw new Error("no submitted scans");
const dataset: Dataset = loadDataset(version);
const D = dataset.dimensions.length;
const orgCount = dataset.organisations.length;
const hiddenOrgs = dataset.organisations.map((o, i) => ({ o, i })).filter(({ o }) => !o.consented);

// ---------------------------------------------------------------------------------------------------------
// 1. Collect every published figure with the exact set of scans behind it.

// hrOf: the organisation whose HR sees this figure (its peers without itself); it tells that HR nothing about
// itself it does not know, so it is never used against that organisation.
type Published = { members: DatasetScan[]; set: string; label: string; value: number; n: number; kind: "median" | "q1" | "q3"; hrOf?: number };
const published: Published[] = [];
const setKey = (scans: readonly DatasetScan[]) => scans.map((s) => `${s.org}:${s.period}`).sort().join(",");
const seenSets = new Set<string>();
let figureCount = 0;

function collect(scans: DatasetScan[], source: "partner" | "hr"): void {
  const key = setKey(scans);
  if (seenSets.has(`${source}|${key}`)) return;
  seenSets.add(`${source}|${key}`);
  const g = groupFigures(dataset, scans, source === "partner");
  const add = (label: string, kind: Published["kind"], value: number | null, valueOf: (s: DatasetScan) => number | null) => {
    if (value === null) return;
    figureCount++;
    const withValue = scans.filter((s) => valueOf(s) !== null);
    published.push({ members: withValue, set: setKey(withValue), label, value, n: withValue.length, kind });
  };
  add("overall", "median", g.overall.median, (s) => s.overall);
  add("overall", "q1", g.overall.q1, (s) => s.overall);
  add("overall", "q3", g.overall.q3, (s) => s.overall);
  g.dimensions.forEach((f, d) => {
    add(`dimension ${d + 1}`, "median", f.median, (s) => s.dimensions[d] ?? null);
    add(`dimension ${d + 1}`, "q1", f.q1, (s) => s.dimensions[d] ?? null);
    add(`dimension ${d + 1}`, "q3", f.q3, (s) => s.dimensions[d] ?? null);
  });
}

const universes: (string | undefined)[] = [undefined, ...dataset.periods];
let combinations = 0;
const itemFigures: { members: DatasetScan[]; shares: (number | null)[] }[] = [];
for (const year of universes) {
  const scans = universe(dataset, year);
  for (const country of [undefined, ...ATTRIBUTE_VALUES.country])
    for (const sector of [undefined, ...ATTRIBUTE_VALUES.sector])
      for (const sizeBand of [undefined, ...ATTRIBUTE_VALUES.sizeBand]) {
        combinations++;
        const criteria = { ...(country ? { country } : {}), ...(sector ? { sector } : {}), ...(sizeBand ? { sizeBand } : {}) };
        const group = members(dataset, scans, criteria);
        collect(group, "partner");
        // The page's items for this filter (exactly what compare() sends).
        const filters = { ...criteria, ...(year ? { year } : {}), breakdown: "sector" } as ComparisonFilters;
        const items = compare(dataset, filters).items;
        if (items) itemFigures.push({ members: group, shares: items.map((i) => i.share) });
      }
}
// HR's peer groups: every organisation's country and sector peers (itself left out).
for (const [orgIndex] of dataset.latest) {
  const org = dataset.organisations[orgIndex];
  if (!org) continue;
  for (const group of ["country", "sector"] as const) {
    const peers = universe(dataset, undefined).filter((s) => s.org !== orgIndex && dataset.organisations[s.org]?.[group] === org[group]);
    const figures = getPeerMedians(org.id, group, version);
    if (!figures.shown) continue;
    figureCount++;
    const withOverall = peers.filter((s) => s.overall !== null);
    if (figures.overall !== null) published.push({ members: withOverall, set: setKey(withOverall), label: "overall", value: figures.overall, n: withOverall.length, kind: "median", hrOf: orgIndex });
    figures.dimensions.forEach((f, d) => {
      if (f.median === null) return;
      const withD = peers.filter((s) => (s.dimensions[d] ?? null) !== null);
      published.push({ members: withD, set: setKey(withD), label: `dimension ${d + 1}`, value: f.median, n: withD.length, kind: "median", hrOf: orgIndex });
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// 2. Attacks on scores: per hidden organisation's scan and figure label, the attacker's best estimate.

type Estimate = { value: number; claimed: number; priorN?: number };
const truthOf = (s: DatasetScan, label: string) => (label === "overall" ? s.overall : s.dimensions[Number(label.split(" ")[1]) - 1] ?? null);
const byLabelSet = new Map<string, Published[]>();
for (const p of published) {
  const k = `${p.label}|${p.kind}|${p.set}`;
  const list = byLabelSet.get(k) ?? [];
  list.push(p);
  byLabelSet.set(k, list);
}
const medians = published.filter((p) => p.kind === "median");
const mediansBySet = new Map<string, Published[]>();
for (const p of medians) mediansBySet.set(`${p.label}|${p.set}`, [...(mediansBySet.get(`${p.label}|${p.set}`) ?? []), p]);

function quantileOfSorted(xs: number[], p: number): number {
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, xs.length - 1);
  return (xs[lo] ?? 0) + (h - lo) * ((xs[hi] ?? 0) - (xs[lo] ?? 0));
}

function attackScore(target: DatasetScan, label: string): Estimate | null {
  const candidates: Estimate[] = [];
  const containing = published.filter((p) => p.label === label && p.members.includes(target) && p.hrOf !== target.org);
  for (const p of containing) {
    const others = p.members.filter((s) => s !== target);
    const d = quantileDeviation(p.n) + 0.5;
    // (a) The remainder: every other member named, so known exactly; solve median/quantile for the target.
    if (others.every((s) => dataset.organisations[s.org]?.consented)) {
      const known = others.map((s) => truthOf(s, label) ?? 0);
      const q = p.kind === "median" ? 0.5 : p.kind === "q1" ? 0.25 : 0.75;
      const feasible: number[] = [];
      for (let x = 0; x <= 100; x += 0.5) {
        const v = quantileOfSorted([...known, x].sort((a, b) => a - b), q);
        if (Math.abs(v - p.value) <= d) feasible.push(x);
      }
      if (feasible.length > 0) candidates.push({ value: ((feasible[0] ?? 0) + (feasible[feasible.length - 1] ?? 0)) / 2, claimed: ((feasible[feasible.length - 1] ?? 0) - (feasible[0] ?? 0)) / 2 });
    }
    // (b) Differencing medians: the same group without the target is published too; with an odd group
    // without it, the even group's median is the mean of its middle value and the target (when the target
    // lands next to it): x ≈ 2·m(with) − m(without).
    if (p.kind === "median") {
      const without = mediansBySet.get(`${label}|${setKey(others)}`)?.find((w) => w.hrOf !== target.org);
      if (without) {
        const odd = others.length % 2 === 1;
        const est = odd ? 2 * p.value - without.value : p.value + (p.value - without.value) * (others.length + 1);
        candidates.push({ value: Math.min(100, Math.max(0, est)), claimed: odd ? 3 * d : d * (others.length + 2) });
      }
    }
  }
  // (c) The prior: the median of the smallest published group holding the target.
  const smallest = containing.filter((p) => p.kind === "median").sort((a, b) => a.n - b.n)[0];
  if (smallest) candidates.push({ value: smallest.value, claimed: 15, priorN: smallest.n });
  if (candidates.length === 0) return null;
  return candidates.sort((a, b) => a.claimed - b.claimed)[0] ?? null;
}

const errors: number[] = [];
const overallErrors: number[] = [];
const isolatedErrors: number[] = [];
// Estimates within 2 points that are a group median (the prior), by the size of that group.
const priorWithin2 = { small: 0, large: 0 };
// No attack at all: guess the published median of all organisations (latest scans) for everyone.
const baselineErrors: number[] = [];
const everyone = compare(dataset, { breakdown: "country" }).group;
let exact = 0;
let chanceHits = 0;
let estimates = 0;
const perOrg: { name: string; label: string; truth: number; estimate: number; error: number }[] = [];
for (const { i } of hiddenOrgs) {
  for (const scan of dataset.scans.filter((s) => s.org === i)) {
    for (const label of ["overall", ...Array.from({ length: D }, (_, d) => `dimension ${d + 1}`)]) {
      const truth = truthOf(scan, label);
      if (truth === null) continue;
      const e = attackScore(scan, label);
      if (!e) continue;
      estimates++;
      const error = Math.abs(e.value - truth);
      errors.push(error);
      if (label === "overall") overallErrors.push(error);
      if (e.claimed < 15) isolatedErrors.push(error);
      else if (error <= 2) priorWithin2[(e.priorN ?? 0) < 10 ? "small" : "large"]++;
      // Recovered exactly: the attacker's own uncertainty is nil and the value is right. A guess that lands on
      // the true value without the attacker being able to tell is counted apart.
      if (error < 1e-9 && e.claimed < 1e-9) exact++;
      else if (error < 0.5) chanceHits++;
      const base = label === "overall" ? everyone.overall.median : everyone.dimensions[Number(label.split(" ")[1]) - 1]?.median;
      if (base !== null && base !== undefined) baselineErrors.push(Math.abs(base - truth));
      if (label === "overall" && scan === dataset.scans[dataset.latest.get(i) ?? -1]) perOrg.push({ name: dataset.organisations[i]?.name ?? "", label, truth, estimate: e.value, error });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// 3. Score change (programme indicators): differencing means (a total next to its parts, cells that differ
// by one organisation); the attacker knows nothing of the unnamed organisations' changes.
const indicatorTables = getProgrammeIndicators();
const facts = organisationFacts();
const changeErrors: number[] = [];
{
  type MeanFigure = { orgs: number[]; value: number };
  const figures: MeanFigure[] = [];
  const contributors = facts.filter((f) => f.scoreChange !== null);
  const add = (orgs: number[], value: number | null | undefined) => {
    if (value !== null && value !== undefined) figures.push({ orgs: [...orgs].sort((a, b) => a - b), value });
  };
  add(contributors.map((f) => f.organisationId), indicatorTables.byCountry.total.cells.meanScoreChange.available ? indicatorTables.byCountry.total.cells.meanScoreChange.value : null);
  for (const table of [indicatorTables.byCountry, indicatorTables.bySector]) {
    for (const row of table.rows) {
      const cell = row.cells.meanScoreChange;
      add(contributors.filter((f) => f[table.by] === row.key).map((f) => f.organisationId), cell.available ? cell.value : null);
    }
  }
  // Linear differencing: for a figure F holding x, other figures disjoint from x whose union is F \ {x}.
  const hidden = new Set(hiddenOrgs.map(({ o }) => o.id));
  const changeOf = new Map(contributors.map((f) => [f.organisationId, f.scoreChange ?? 0]));
  for (const x of contributors.filter((f) => hidden.has(f.organisationId))) {
    let best: number | null = null;
    for (const f of figures.filter((g) => g.orgs.includes(x.organisationId))) {
      const rest = new Set(f.orgs.filter((id) => id !== x.organisationId));
      const parts = figures.filter((g) => !g.orgs.includes(x.organisationId) && g.orgs.every((id) => rest.has(id)));
      // Greedy disjoint cover of the rest by published parts.
      const covered = new Set<number>();
      let sum = 0;
      for (const part of parts.sort((a, b) => b.orgs.length - a.orgs.length)) {
        if (part.orgs.some((id) => covered.has(id))) continue;
        for (const id of part.orgs) covered.add(id);
        sum += part.value * part.orgs.length;
      }
      if (covered.size !== rest.size) continue;
      const estimate = f.value * f.orgs.length - sum;
      const error = Math.abs(estimate - (changeOf.get(x.organisationId) ?? 0));
      best = best === null ? error : Math.min(best, error);
    }
    if (best !== null) changeErrors.push(best);
  }
}

// ---------------------------------------------------------------------------------------------------------
// 4. Item answers: differencing shares of groups that differ by one hidden organisation.
let itemGuesses = 0;
let itemCorrect = 0;
let itemBaselineCorrect = 0;
{
  const bySet = new Map(itemFigures.map((f) => [setKey(f.members), f]));
  const population = universe(dataset, undefined);
  const prior = dataset.items.map((_, i) => {
    const answered = population.filter((s) => (s.answers[i] ?? -3) >= 0);
    return answered.filter((s) => (s.answers[i] ?? 0) >= 3).length >= answered.length / 2;
  });
  for (const f of itemFigures) {
    for (const target of f.members) {
      if (dataset.organisations[target.org]?.consented) continue;
      const without = bySet.get(setKey(f.members.filter((s) => s !== target)));
      if (!without) continue;
      dataset.items.forEach((_, i) => {
        const v = target.answers[i] ?? -3;
        const a = f.shares[i];
        const b = without.shares[i];
        if (v < 0 || a === null || a === undefined || b === null || b === undefined) return;
        const n = f.members.length;
        const guess = a * n - b * (n - 1) > 0.5;
        itemGuesses++;
        if (guess === v >= 3) itemCorrect++;
        if (prior[i] === v >= 3) itemBaselineCorrect++;
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// 5. Suppressed counts: a hidden cell's organisation count from its published parent minus its published
// siblings. The attacker's uncertainty is the sum of the published figures' maximum deviations.
let hiddenCells = 0;
let derivedExactly = 0;
let derivedCorrectByChance = 0;
for (const year of universes) {
  const scans = universe(dataset, year);
  for (const by of ["country", "sector", "sizeBand"] as const) {
    const parent = groupFigures(dataset, scans, false);
    if (parent.n === null) continue;
    const cells = ATTRIBUTE_VALUES[by].map((v) => ({ v, g: groupFigures(dataset, members(dataset, scans, { [by]: v }), false), truth: members(dataset, scans, { [by]: v }).length }));
    const hiddenOnes = cells.filter((c) => c.g.n === null);
    if (hiddenOnes.length !== 1) continue; // with two or more hidden cells only their sum is in reach
    hiddenCells++;
    const derived = parent.n - cells.reduce((s, c) => s + (c.g.n ?? 0), 0);
    const uncertainty = COUNT_MAX_DEVIATION * (cells.length - hiddenOnes.length + 1);
    if (uncertainty === 0) derivedExactly++;
    if (derived === hiddenOnes[0]?.truth) derivedCorrectByChance++;
  }
}

// ---------------------------------------------------------------------------------------------------------
// 6. Utility: how far published figures are from the truth.
const utility: { small: number[]; large: number[] } = { small: [], large: [] };
for (const p of published) {
  const values = p.members.map((s) => truthOf(s, p.label) ?? 0).sort((a, b) => a - b);
  const truth = quantileOfSorted(values, p.kind === "median" ? 0.5 : p.kind === "q1" ? 0.25 : 0.75);
  (p.n >= 10 ? utility.large : utility.small).push(Math.abs(p.value - truth));
}

// ---------------------------------------------------------------------------------------------------------
// Report
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => (xs.length === 0 ? Number.NaN : (sorted(xs)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? Number.NaN));
const share = (xs: number[], f: (x: number) => boolean) => (xs.length === 0 ? 0 : xs.filter(f).length / xs.length);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");

console.log(`\n=== World "${world}": ${orgCount} organisations (${hiddenOrgs.length} without consent), ${dataset.scans.length} scans, periods ${dataset.periods.join(", ")}`);
console.log(`Enumerated ${combinations} universe × filter combinations (breakdown cells and trend points are the same groups), HR peer groups of every organisation: ${figureCount} published groups, ${published.length} score figures, ${itemFigures.length} item tables.`);
const indicatorCells = [indicatorTables.byCountry, indicatorTables.bySector].flatMap((t) => [t.total, ...t.rows].flatMap((r) => Object.values(r.cells)));
console.log(`Programme indicators: ${indicatorCells.filter((c) => c.available && c.value !== null).length} of ${indicatorCells.length} cells shown; totals: ${Object.entries(indicatorTables.byCountry.total.cells).map(([k, c]) => `${k}=${c.available ? (c.value ?? "x") : "n/a"}`).join(" ")}`);
if (world === "demo") {
  const all = compare(dataset, { breakdown: "country" });
  console.log(`Demo comparison: all organisations ${all.group.shown ? "shown" : "NOT SHOWN"}; ${all.breakdown.cells.map((c) => `${c.value} ${c.overall === null ? "NOT SHOWN" : "shown"}`).join(", ")}`);
}

console.log(`\nScores (overall and dimensions, every scan of every hidden organisation): ${estimates} attacker estimates`);
console.log(`  recovered exactly: ${exact} (plus ${chanceHits} guesses within 0.5 by chance, which the attacker cannot tell)   median error: ${fmt(pct(errors, 0.5))}   within 2 points: ${(100 * share(errors, (e) => e <= 2)).toFixed(1)} %   p10/p25/p75/p90: ${[0.1, 0.25, 0.75, 0.9].map((p) => fmt(pct(errors, p))).join(" / ")}`);
console.log(`  overall scores only: ${overallErrors.length} estimates, median error ${fmt(pct(overallErrors, 0.5))}, within 2 points ${(100 * share(overallErrors, (e) => e <= 2)).toFixed(1)} %`);
console.log(`  no attack (everyone guessed at the published median of all organisations): median error ${fmt(pct(baselineErrors, 0.5))}, within 2 points ${(100 * share(baselineErrors, (e) => e <= 2)).toFixed(1)} %`);
console.log(`  of which from an isolating attack (remainder or differencing): ${isolatedErrors.length}, median error ${fmt(pct(isolatedErrors, 0.5))}, within 2 points ${(100 * share(isolatedErrors, (e) => e <= 2)).toFixed(1)} %`);
console.log(`  within 2 points from the median of the smallest group holding the organisation: ${priorWithin2.small} from groups of 5–9, ${priorWithin2.large} from groups of ≥ 10`);
console.log(`  per hidden organisation (latest overall score):`);
for (const r of perOrg.slice(0, world === "demo" ? perOrg.length : 12)) console.log(`    ${r.name.padEnd(34)} true ${fmt(r.truth).padStart(5)}  estimate ${fmt(r.estimate).padStart(5)}  error ${fmt(r.error).padStart(5)}`);
if (world !== "demo" && perOrg.length > 12) console.log(`    … and ${perOrg.length - 12} more`);
console.log(`Score change (programme indicators, linear differencing): ${changeErrors.length} estimates, exact ${changeErrors.filter((e) => e < 1e-9).length}, median error ${fmt(pct(changeErrors, 0.5))}, within 2 points ${(100 * share(changeErrors, (e) => e <= 2)).toFixed(1)} % (noise ±${fmt(magnitudeDeviation(10, SCORE_CHANGE_BOUNDS, MEAN_NOISE_SHARE))} at 10 organisations)`);
console.log(`Item answers by differencing: ${itemGuesses} guesses, correct ${(100 * (itemGuesses ? itemCorrect / itemGuesses : 0)).toFixed(1)} % vs ${(100 * (itemGuesses ? itemBaselineCorrect / itemGuesses : 0)).toFixed(1)} % for the attacker's prior (majority answer)`);
console.log(`Suppressed counts (one hidden cell beside published siblings): ${hiddenCells} cells, derivable exactly ${derivedExactly}; parent − siblings happened to hit the truth in ${derivedCorrectByChance} (the attacker cannot tell which)`);
console.log(`Utility: |published − true| for groups ≥ 10: median ${fmt(pct(utility.large, 0.5))}, p95 ${fmt(pct(utility.large, 0.95))}, max ${fmt(pct(utility.large, 1))}; groups 5–9: median ${fmt(pct(utility.small, 0.5))}, max ${fmt(pct(utility.small, 1))}`);

const targets: [string, boolean][] = [
  ["no score recovered exactly", exact === 0 && changeErrors.every((e) => e > 1e-9)],
  ["median error ≥ 5 points", errors.length === 0 || pct(errors, 0.5) >= 5],
  ["< 10 % within 2 points (all scores)", share(errors, (e) => e <= 2) < 0.1],
  ["< 10 % within 2 points (overall scores)", share(overallErrors, (e) => e <= 2) < 0.1],
  ["isolating attacks no closer than no attack (within-2 share ≤ baseline + 2 pp)", share(isolatedErrors, (e) => e <= 2) <= share(baselineErrors, (e) => e <= 2) + 0.02],
  ["score change: median error ≥ 5, < 10 % within 2", changeErrors.length === 0 || (pct(changeErrors, 0.5) >= 5 && share(changeErrors, (e) => e <= 2) < 0.1)],
  ["items no better than chance (≤ prior + 2 pp)", itemGuesses === 0 || itemCorrect / itemGuesses <= itemBaselineCorrect / itemGuesses + 0.02],
  ["no suppressed count derivable exactly", derivedExactly === 0],
  ["groups ≥ 10 within ±2 points", utility.large.every((e) => e <= 2)],
];
for (const [name, ok] of targets) console.log(`  ${ok ? "MET    " : "NOT MET"}  ${name}`);
process.exit(targets.every(([, ok]) => ok) ? 0 : 1);

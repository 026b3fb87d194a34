// Benchmark of the assignment solver against the `munkres` npm package (docs/decisions/030-assignment-solver.md).
//   npm run bench:matching            all cases;   --quick   skips munkres on the largest cases
// Seeded instances; our time = solveAssignment (adjacency build + solve) + verifyAssignment (certificate), median
// of 3 runs after an untimed run; munkres likewise (median of 3 after one untimed run) in a worker thread, capped at
// 60 s in all, timing its call on a
// cost matrix it builds from the same scores (negated scores, forbidden → a cost large enough to come last,
// capacities as one column per slot): we print that conversion and the munkres() call separately, since our own
// time includes building our adjacency lists from the scores. Both optima (matched count, total) must agree.
// The machine is shared: figures vary with its load, so the script prints the load average too.
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import { verifyAssignment } from "../app/features/matching/certificate";
import { type AssignmentInstance, slotPenalty, solveAssignment } from "../app/features/matching/solver";

const MUNKRES_CAP_MS = 60_000;
// munkres runs in a fresh worker heap; ours shares the heap that holds every generated instance. A full collection
// before each timed run (with --expose-gc, as `npm run bench:matching` passes) keeps earlier garbage out of our time.
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();
const quick = process.argv.includes("--quick");

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Spec = {
  seed: number;
  rows: number;
  cols: number;
  forbidden: number;
  score: (next: () => number) => number;
  capacity: (next: () => number) => number;
  slotPenalties?: number[];
};

function generate(spec: Spec): AssignmentInstance {
  const next = rng(spec.seed);
  const scores = Array.from({ length: spec.rows }, () =>
    Array.from({ length: spec.cols }, () => (next() < spec.forbidden ? null : spec.score(next))),
  );
  const capacities = Array.from({ length: spec.cols }, () => spec.capacity(next));
  const instance: AssignmentInstance = { scores, capacities };
  if (spec.slotPenalties) instance.slotPenalties = spec.slotPenalties;
  return instance;
}

type Ours = {
  ms: number;
  solveMs: number;
  checkMs: number;
  matched: number;
  total: number;
  certified: string;
  buddyOf: Int32Array;
};

function runOurs(instance: AssignmentInstance, repeats = 3): Ours {
  const runs: Ours[] = [];
  // One untimed run on the same case first (munkres gets the same), so both are timed with warm JIT code. It covers
  // everything that is timed — the solve and the certificate check — as munkres' untimed run covers its conversion
  // and its call.
  verifyAssignment(instance, solveAssignment(instance));
  for (let r = 0; r < repeats; r++) {
    collectGarbage();
    const t0 = performance.now();
    const result = solveAssignment(instance);
    const t1 = performance.now();
    const verdict = verifyAssignment(instance, result);
    const t2 = performance.now();
    const buddyOf = new Int32Array(instance.scores.length).fill(-1);
    for (const [i, j] of result.pairs) buddyOf[i] = j;
    runs.push({
      ms: t2 - t0,
      solveMs: t1 - t0,
      checkMs: t2 - t1,
      matched: result.matched,
      total: result.total,
      certified: verdict.ok ? "certified" : `NOT certified: ${verdict.reason}`,
      buddyOf,
    });
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)]!;
}

type Peer = { ms: number; convertMs: number; matched: number; total: number } | { timedOut: true } | { error: string };

const munkresPath = createRequire(import.meta.url).resolve("munkres");
// Plain CommonJS in the worker: builds the cost matrix, times only munkres(), maps slots back to buddies.
const workerCode = `
const { parentPort, workerData } = require("node:worker_threads");
const munkres = require(workerData.munkresPath);
const munkresFn = munkres.munkres || munkres.default || munkres;
const { scores, slotBuddy, slotPenalty, big } = workerData;
const n = scores.length, slots = slotBuddy.length;
const runs = [];
let pairs = [];
for (let run = 0; run < workerData.repeats; run++) {
  if (globalThis.gc) globalThis.gc();
  const t0 = performance.now();
  const matrix = new Array(n);
  for (let i = 0; i < n; i++) {
    const source = scores[i];
    const row = new Float64Array(slots);
    for (let s = 0; s < slots; s++) {
      const v = source[slotBuddy[s]];
      row[s] = v === null ? big : slotPenalty[s] - v;
    }
    matrix[i] = row;
  }
  const t1 = performance.now();
  pairs = munkresFn(matrix);
  runs.push({ ms: performance.now() - t1, convertMs: t1 - t0 });
}
runs.shift(); // the untimed warm-up run
runs.sort((a, b) => a.ms + a.convertMs - (b.ms + b.convertMs));
const { ms, convertMs } = runs[Math.floor(runs.length / 2)];
let matched = 0, total = 0;
for (const [i, s] of pairs) {
  const v = scores[i][slotBuddy[s]];
  if (v === null) continue;
  matched++;
  total += v - slotPenalty[s];
}
parentPort.postMessage({ ms, convertMs, matched, total });
`;

function runMunkres(instance: AssignmentInstance): Promise<Peer> {
  const n = instance.scores.length;
  const m = instance.capacities.length;
  let maxAbs = 0;
  for (const row of instance.scores) for (const v of row) if (v !== null && Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  const slotBuddyList: number[] = [];
  const slotPenaltyList: number[] = [];
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < Math.min(instance.capacities[j]!, n); k++) {
      slotBuddyList.push(j);
      slotPenaltyList.push(slotPenalty(instance.slotPenalties, k));
    }
  }
  const maxPenalty = slotPenaltyList.reduce((a, b) => Math.max(a, b), 0);
  // Forbidden must lose against any number of allowed pairs: bigger than n × the widest cost spread.
  const big = (n + 1) * (2 * maxAbs + maxPenalty + 1) * 10;
  return new Promise((resolve) => {
    const worker = new Worker(workerCode, {
      eval: true,
      workerData: {
        munkresPath,
        repeats: 4,
        scores: instance.scores,
        slotBuddy: Int32Array.from(slotBuddyList),
        slotPenalty: Float64Array.from(slotPenaltyList),
        big,
      },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ timedOut: true });
    }, MUNKRES_CAP_MS);
    worker.on("message", (message: { ms: number; convertMs: number; matched: number; total: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.on("error", (error) => {
      clearTimeout(timer);
      resolve({ error: error.message });
    });
  });
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

async function compare(
  name: string,
  instance: AssignmentInstance,
  target: number | null,
  skipPeer = false,
): Promise<void> {
  const ours = runOurs(instance);
  console.log(`\n## ${name}`);
  console.log(
    `  ours:    ${fmt(ours.ms)} (build + solve ${fmt(ours.solveMs)}, certificate ${fmt(ours.checkMs)}) · matched ${ours.matched} · total ${ours.total} · ${ours.certified}`,
  );
  if (skipPeer) {
    console.log("  munkres: skipped (--quick)");
  } else {
    const peer = await runMunkres(instance);
    if ("timedOut" in peer) console.log(`  munkres: did not finish within ${MUNKRES_CAP_MS / 1000} s (stopped)`);
    else if ("error" in peer) console.log(`  munkres: failed: ${peer.error}`);
    else {
      const same =
        peer.matched === ours.matched && Math.abs(peer.total - ours.total) < 1e-6 * Math.max(1, Math.abs(ours.total));
      const end = peer.ms + peer.convertMs;
      console.log(
        `  munkres: ${fmt(end)} (cost matrix ${fmt(peer.convertMs)}, munkres() ${fmt(peer.ms)}) · matched ${peer.matched} · total ${peer.total} · same optimum: ${same ? "yes" : "NO"}`,
      );
      console.log(
        `  ratio munkres/ours: ${(end / ours.ms).toFixed(2)}× end to end (both from the same scores matrix) · ${(peer.ms / ours.solveMs).toFixed(2)}× munkres() alone vs our build + solve`,
      );
      console.log(`  never slower than munkres (end to end): ${end >= ours.ms ? "met" : "MISSED"}`);
    }
  }
  if (target !== null) console.log(`  target < ${target} ms: ${ours.ms < target ? "met" : "MISSED"}`);
}

function declineCase(name: string, instance: AssignmentInstance, target: number): void {
  const before = runOurs(instance, 1);
  const n = instance.scores.length;
  // Decline: the matched pair of the first matched row from the middle on.
  let row = Math.floor(n / 2);
  while (row < n && before.buddyOf[row]! < 0) row++;
  if (row === n) row = before.buddyOf.findIndex((j) => j >= 0);
  const declined = before.buddyOf[row]!;
  let min = Infinity;
  let max = -Infinity;
  for (const r of instance.scores) {
    for (const v of r) {
      if (v === null) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  const keepBonus = 0.01 * (max - min);
  const scores = instance.scores.map((r, i) =>
    r.map((v, j) => {
      if (i === row && j === declined) return null;
      if (v !== null && before.buddyOf[i] === j) return v + keepBonus;
      return v;
    }),
  );
  const after = runOurs({ ...instance, scores });
  let changed = 0;
  for (let i = 0; i < n; i++) if (i !== row && after.buddyOf[i] !== before.buddyOf[i]) changed++;
  console.log(`\n## ${name}`);
  console.log(
    `  decline row ${row} / buddy ${declined}, keep-bonus +${keepBonus} on the other ${before.matched - 1} pairs; declined row now ${after.buddyOf[row]! >= 0 ? `with buddy ${after.buddyOf[row]}` : "unmatched"}`,
  );
  console.log(
    `  re-solve: ${fmt(after.ms)} (build + solve ${fmt(after.solveMs)}, certificate ${fmt(after.checkMs)}) · matched ${after.matched} · ${after.certified} · other rows that changed buddy: ${changed}`,
  );
  console.log(`  target < ${target} ms: ${after.ms < target ? "met" : "MISSED"}`);
}

const int100 = (next: () => number): number => Math.floor(next() * 101);
const one = (): number => 1;

console.log(
  `# Matching solver benchmark (node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${cpus().length} cores${quick ? ", --quick" : ""})`,
);
// Warm-up so the JIT has compiled the hot loops before anything is timed.
runOurs(
  generate({ seed: 99, rows: 300, cols: 300, forbidden: 0.3, score: int100, capacity: () => 2, slotPenalties: [0, 5] }),
  3,
);

await compare(
  "Dense 1,000 × 1,000 (scores 0–100, capacity 1)",
  generate({ seed: 1, rows: 1000, cols: 1000, forbidden: 0, score: int100, capacity: one }),
  null,
);
await compare(
  "Sparse 2,000 newcomers × 5,000 buddies, ~60 % forbidden (scores 0–100, capacity 1)",
  generate({ seed: 2, rows: 2000, cols: 5000, forbidden: 0.6, score: int100, capacity: one }),
  500,
  quick,
);
await compare(
  "Capacitated, tie-heavy: 2,000 newcomers × 1,000 buddies of capacity 1–3, scores in {0,10,20,30,40}, 30 % forbidden, slot penalties [0, 3, 6]",
  generate({
    seed: 3,
    rows: 2000,
    cols: 1000,
    forbidden: 0.3,
    score: (next) => 10 * Math.floor(next() * 5),
    capacity: (next) => 1 + Math.floor(next() * 3),
    slotPenalties: [0, 3, 6],
  }),
  1000,
  quick,
);
declineCase(
  "Decline + re-solve, hospital size: 200 newcomers × 400 buddies of capacity 1–3, 40 % forbidden, slot penalties [0, 3, 6]",
  generate({
    seed: 4,
    rows: 200,
    cols: 400,
    forbidden: 0.4,
    score: int100,
    capacity: (next) => 1 + Math.floor(next() * 3),
    slotPenalties: [0, 3, 6],
  }),
  150,
);
declineCase(
  "Decline + re-solve, large (for information): 2,000 × 5,000, ~60 % forbidden, capacity 1",
  generate({ seed: 2, rows: 2000, cols: 5000, forbidden: 0.6, score: int100, capacity: one }),
  500,
);

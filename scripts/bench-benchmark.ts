// Benchmark of the partner comparison (not a test: it prints figures).
//   npm run bench:benchmark [-- --requests 200 --fresh]
// Builds (once) a large database with the seed's `--large 2000` option (2,000 organisations × 5 submitted scans
// of 40 items), then times, in one run:
//   1. the comparison use case in-process (what the loader calls), per filter set, cold and warm;
//   2. the comparison page over HTTP against the production server, next to /healthz, sequentially.
// Target on the 2-core machine: comparison page p50 < 100 ms, p99 < 250 ms.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const args = process.argv.slice(2);
const requests = Number(args[args.indexOf("--requests") + 1]) || 200;
const fresh = args.includes("--fresh");
const dir = path.resolve("tests/.tmp");
fs.mkdirSync(dir, { recursive: true });
const databasePath = path.join(dir, "bench-benchmark.db");

const QUERIES = [
  "",
  "?country=BE",
  "?country=NL&sector=hospital",
  "?sector=elderly_care&sizeBand=small",
  "?year=2023&breakdown=country",
  "?country=BE&sector=home_care&sizeBand=medium&breakdown=sizeBand",
  "?year=2025&sector=mental_health&page=3",
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

function report(label: string, times: number[]): void {
  const s = [...times].sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} n=${String(s.length).padStart(4)}  p50=${percentile(s, 0.5).toFixed(1).padStart(7)} ms  p99=${percentile(s, 0.99).toFixed(1).padStart(7)} ms  max=${(s[s.length - 1] ?? 0).toFixed(1).padStart(7)} ms`);
}

if (fresh) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
if (!fs.existsSync(databasePath)) {
  console.log(`Building ${databasePath} with seed --large 2000 …`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/seed.ts", "--large", "2000"], {
    env: { ...process.env, DATABASE_PATH: databasePath },
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`Built in ${Math.round(performance.now() - started)} ms.`);
}

// 1. In-process: the use case the loader calls.
process.env.DATABASE_PATH = databasePath;
process.env.LOG_REQUESTS = "false";
const { getComparison } = await import("../app/features/benchmark/comparison.server");
const { parseComparisonFilters } = await import("../app/features/benchmark/filters");
const { getDb } = await import("../app/utils/db.server");
const counts = getDb().$client.prepare("SELECT (SELECT count(*) FROM organisations WHERE kind='care_provider') AS orgs, (SELECT count(*) FROM scans WHERE status='submitted') AS scans, (SELECT count(*) FROM scan_answers) AS answers").get() as Record<string, number>;
console.log(`\nDatabase: ${counts.orgs} care organisations, ${counts.scans} submitted scans, ${counts.answers} answers.\n`);

function filtersOf(query: string) {
  const parsed = parseComparisonFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(`bad query ${query}`);
  return parsed.filters;
}
let started = performance.now();
getComparison(filtersOf(""));
console.log(`Use case, cold (loads the dataset into memory): ${(performance.now() - started).toFixed(0)} ms`);
const useCaseTimes: number[] = [];
for (let i = 0; i < requests; i++) {
  const filters = filtersOf(QUERIES[i % QUERIES.length] ?? "");
  started = performance.now();
  const outcome = getComparison(filters);
  useCaseTimes.push(performance.now() - started);
  if (outcome.kind !== "ok") throw new Error(`unexpected ${outcome.kind}`);
}
report("comparison use case (warm, in-process)", useCaseTimes);
// The same without the per-dataset cache of computed comparisons: the pure computation itself.
const { compare } = await import("../app/features/benchmark/compare");
const { loadDataset, currentVersion } = await import("../app/features/benchmark/dataset.server");
const dataset = loadDataset(currentVersion() ?? 1);
const computeTimes: number[] = [];
for (let i = 0; i < requests; i++) {
  const filters = filtersOf(QUERIES[i % QUERIES.length] ?? "");
  started = performance.now();
  compare(dataset, filters);
  computeTimes.push(performance.now() - started);
}
report("compare() uncached (pure computation)", computeTimes);
getDb().$client.close();

// 2. Over HTTP: the production server (built app) on the same file.
if (!fs.existsSync("build/index.js")) {
  console.log("Building the app …");
  spawnSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
}
const port = await new Promise<number>((resolve) => {
  const server = net.createServer();
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    const p = typeof address === "object" && address ? address.port : 0;
    server.close(() => resolve(p));
  });
});
const url = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: databasePath, LOG_REQUESTS: "false", SMTP_URL: "smtp://127.0.0.1:9", LOGIN_MAX_PER_IP: "1000" },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not yet */
    }
    if (tries > 300) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: "onderzoek@thomasmore.example", password: process.env.DEMO_PASSWORD || "Nieuwkomer-demo-2026" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (!cookie) throw new Error(`sign-in failed: ${login.status}`);

  async function time(pathname: string, withCookie: boolean): Promise<number> {
    const t0 = performance.now();
    const response = await fetch(`${url}${pathname}`, { headers: withCookie ? { Cookie: cookie } : {} });
    await response.arrayBuffer();
    const elapsed = performance.now() - t0;
    if (response.status !== 200) throw new Error(`${pathname}: ${response.status}`);
    return elapsed;
  }
  started = performance.now();
  await time("/partner/benchmark", true);
  console.log(`\nComparison page, first request (cold server): ${(performance.now() - started).toFixed(0)} ms`);
  for (let i = 0; i < 20; i++) await time(`/partner/benchmark${QUERIES[i % QUERIES.length]}`, true); // warm-up
  const page: number[] = [];
  const perQuery = new Map<string, number[]>();
  const health: number[] = [];
  const csv: number[] = [];
  for (let i = 0; i < requests; i++) {
    const query = QUERIES[i % QUERIES.length] ?? "";
    const elapsed = await time(`/partner/benchmark${query}`, true);
    page.push(elapsed);
    perQuery.set(query, [...(perQuery.get(query) ?? []), elapsed]);
    health.push(await time("/healthz", false));
    if (i % 10 === 0) csv.push(await time(`/partner/benchmark/export${QUERIES[i % QUERIES.length]?.replace(/[?&]page=\d+/, "")}`, true));
  }
  report("GET /partner/benchmark (filters rotated)", page);
  for (const [query, times] of perQuery) report(`  …${query || " (no filters)"}`.slice(0, 44), times);
  report("GET /partner/benchmark/export (CSV)", csv);
  report("GET /healthz", health);
  const p50 = percentile([...page].sort((a, b) => a - b), 0.5);
  const p99 = percentile([...page].sort((a, b) => a - b), 0.99);
  console.log(`\nTarget p50 < 100 ms: ${p50 < 100 ? "met" : "NOT met"} · p99 < 250 ms: ${p99 < 250 ? "met" : "NOT met"}`);
} finally {
  child.kill("SIGTERM");
}

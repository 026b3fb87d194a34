// npm run bench:http — the scan page, the autosave endpoint and the results page under load, next to /healthz, in one run.
// Starts the production server (scripts/bench-server.ts: the built app on a copy of the demo database, quiet).
// Prints requests/s, p50/p99 latency and the server's CPU time per request (user + system from /proc: robust on a
// busy machine, where the wall-clock figures are not) per endpoint, and the ratios to /healthz against the targets
// of issue 18: scan page ≥ 0.4× the requests/s of /healthz, autosave p99 ≤ 1.5× the p99 of /healthz. A
// benchmark, not a test: it never fails a build. BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there
// (written when the server stops), as bench:capacity does.
import Database from "better-sqlite3";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { signIn, startBenchServer } from "./bench-server";

// autocannon ships no types: the few fields used here, typed locally (a global declaration could clash).
type CannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type CannonOptions = {
  url: string;
  connections?: number;
  duration?: number;
  method?: string;
  headers?: Record<string, string>;
  requests?: {
    setupRequest?: (request: CannonRequest) => CannonRequest;
    onResponse?: (status: number, body: string) => void;
  }[];
};
type CannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (
  options: CannonOptions,
  done: (error: Error | null, result: CannonResult) => void,
) => unknown;

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 16);
const DURATION = Number(process.env.BENCH_SECONDS || 10);
const HR_EMAIL = "hr@zas.example";

// What the autosave acknowledged (200): the answer as stored, with its revision.
const AckSchema = z.object({ answer: z.object({ itemKey: z.string(), value: z.string(), revision: z.number() }) });
type Ack = z.infer<typeof AckSchema>["answer"];

/**
 * Every acknowledged answer is in the database (issue 18: autosave never loses an answer): per item, the stored row
 * is at the latest acknowledged revision or later, holds that answer's value when at it, and no revision was
 * acknowledged for two different values (a lost update). Status codes alone would not show a lost write.
 */
function checkStored(databasePath: string, scanId: number, acks: Ack[]): { acknowledged: number; problems: string[] } {
  const db = new Database(databasePath, { readonly: true });
  const rows = db.prepare("select item_key, value, revision from scan_answers where scan_id = ?").all(scanId) as {
    item_key: string;
    value: string;
    revision: number;
  }[];
  db.close();
  const byKey = new Map(rows.map((r) => [r.item_key, r]));
  const latest = new Map<string, Ack>();
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const ack of acks) {
    const id = `${ack.itemKey}@${ack.revision}`;
    const value = seen.get(id);
    if (value !== undefined && value !== ack.value) problems.push(`${id} acknowledged as ${value} and ${ack.value}`);
    seen.set(id, ack.value);
    if ((latest.get(ack.itemKey)?.revision ?? -1) < ack.revision) latest.set(ack.itemKey, ack);
  }
  for (const [key, ack] of latest) {
    const row = byKey.get(key);
    if (!row || row.revision < ack.revision)
      problems.push(`${key}: revision ${ack.revision} acknowledged, ${row?.revision ?? "none"} stored`);
    else if (row.revision === ack.revision && row.value !== ack.value)
      problems.push(`${key}: ${ack.value} acknowledged at revision ${ack.revision}, ${row.value} stored`);
  }
  if (acks.length === 0) problems.push("no answer was acknowledged");
  return { acknowledged: acks.length, problems };
}

type Row = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number; cpuMs: number };

const server = await startBenchServer(
  process.env.BENCH_CPU_PROF ? { cpuProfileDir: path.resolve(process.env.BENCH_CPU_PROF) } : {},
);
const url = server.url;

function run(name: string, options: Omit<CannonOptions, "url"> & { url: string }): Promise<Row> {
  const cpuBefore = server.cpuSeconds();
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...options }, (error, result) => {
      if (error) return reject(error);
      const cpuMs = result.requests.total ? ((server.cpuSeconds() - cpuBefore) * 1000) / result.requests.total : 0;
      resolve({
        name,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
        cpuMs,
      });
    });
  });
}

try {
  const cookie = await signIn(url, HR_EMAIL);

  // The organisation's draft scan (the demo's "2026"); start one if a copied database has none left.
  const db = new Database(server.databasePath, { readonly: true });
  const draft = db
    .prepare(
      `select s.id from scans s join memberships m on m.organisation_id = s.organisation_id join users u on u.id = m.user_id
       where u.email = ? and s.status = 'draft' order by s.period desc limit 1`,
    )
    .get(HR_EMAIL) as { id: number } | undefined;
  // The organisation's latest submitted scan, for the results page (none on a database without one).
  const submitted = db
    .prepare(
      `select s.id from scans s join memberships m on m.organisation_id = s.organisation_id join users u on u.id = m.user_id
       where u.email = ? and s.status = 'submitted' order by s.period desc limit 1`,
    )
    .get(HR_EMAIL) as { id: number } | undefined;
  const itemKeys = (
    db.prepare("select key from instrument_items where version = 1 order by dimension_key, position").all() as {
      key: string;
    }[]
  ).map((r) => r.key);
  db.close();
  let scanId = draft?.id;
  if (!scanId) {
    const started = await fetch(`${url}/hr/scans`, {
      method: "POST",
      body: new URLSearchParams({ period: "2099", start: "empty" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      redirect: "manual",
    });
    scanId = Number(/\/hr\/scans\/(\d+)/.exec(started.headers.get("location") ?? "")?.[1]);
    if (!scanId) throw new Error("Could not find or start a draft scan");
  }

  const scanPath = `/hr/scans/${scanId}`;
  const pageCheck = await fetch(`${url}${scanPath}`, { headers: { Cookie: cookie } });
  if (pageCheck.status !== 200) throw new Error(`Scan page answered ${pageCheck.status}`);
  const values = ["0", "1", "2", "3", "4", "dont_know", "not_applicable"];
  let n = 0;
  const acks: Ack[] = [];

  console.log(
    `Benchmark on ${os.cpus().length} cores, ${CONNECTIONS} connections, ${DURATION} s per endpoint; database: ${server.origin}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}.`,
  );
  // Warm-up: the first requests compile templates and fill the instrument cache.
  await run("warm-up", { url: `${url}${scanPath}`, headers: { Cookie: cookie }, duration: 2 });
  if (submitted)
    await run("warm-up", { url: `${url}/hr/scans/${submitted.id}/results`, headers: { Cookie: cookie }, duration: 2 });

  const rows: Row[] = [];
  rows.push(await run("/healthz", { url: `${url}/healthz` }));
  rows.push(await run(`GET ${scanPath} (scan page)`, { url: `${url}${scanPath}`, headers: { Cookie: cookie } }));
  rows.push(
    await run(`POST ${scanPath}/answers (autosave)`, {
      url: `${url}${scanPath}/answers`,
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      requests: [
        {
          setupRequest: (request: CannonRequest) => {
            n++;
            const body = new URLSearchParams({
              itemKey: itemKeys[n % itemKeys.length] ?? "leadership.1",
              value: values[n % values.length] ?? "2",
            }).toString();
            return { ...request, body };
          },
          onResponse: (status: number, body: string) => {
            if (status !== 200) return;
            const parsed = AckSchema.safeParse(JSON.parse(body));
            if (parsed.success) acks.push(parsed.data.answer);
          },
        },
      ],
    }),
  );
  const stored = checkStored(server.databasePath, scanId, acks);

  if (submitted)
    rows.push(
      await run(`GET /hr/scans/${submitted.id}/results (results page)`, {
        url: `${url}/hr/scans/${submitted.id}/results`,
        headers: { Cookie: cookie },
      }),
    );

  console.log(
    stored.problems.length === 0
      ? `Autosave: all ${stored.acknowledged} acknowledged answers are stored (latest revision per item in the database, no revision acknowledged twice).`
      : `Autosave LOST ANSWERS: ${stored.problems.length} problems in ${stored.acknowledged} acknowledged, e.g. ${stored.problems.slice(0, 3).join("; ")}`,
  );
  const health = rows[0];
  const pad = (s: string, w: number) => s.padEnd(w);
  const num = (x: number, w: number, digits = 1) => x.toFixed(digits).padStart(w);
  console.log("");
  console.log(
    `${pad("endpoint", 44)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"×healthz rps".padStart(13)} ${"×healthz p99".padStart(13)} ${"CPU ms/req".padStart(11)} errors`,
  );
  for (const r of rows) {
    const rpsRatio = health && health.rps > 0 ? r.rps / health.rps : 0;
    const p99Ratio = health && health.p99 > 0 ? r.p99 / health.p99 : 0;
    console.log(
      `${pad(r.name, 44)} ${num(r.rps, 9, 0)} ${num(r.p50, 8)} ${num(r.p99, 8)} ${num(rpsRatio, 13, 2)} ${num(p99Ratio, 13, 2)} ${num(r.cpuMs, 11, 2)} ${r.errors + r.non2xx}`,
    );
  }
  const autosave = rows[2];
  const page = rows[1];
  const pageRatio = health && page && health.rps > 0 ? page.rps / health.rps : 0;
  const autosaveRatio = health && autosave && health.p99 > 0 ? autosave.p99 / health.p99 : Number.POSITIVE_INFINITY;
  const cpuRatio = health && page && health.cpuMs > 0 ? page.cpuMs / health.cpuMs : 0;
  console.log("");
  console.log(
    `Targets: scan page ≥ 0.40× /healthz req/s → ${pageRatio.toFixed(2)}× ${pageRatio >= 0.4 ? "met" : "NOT met"}; autosave p99 ≤ 1.5× /healthz p99 → ${autosaveRatio.toFixed(2)}× ${autosaveRatio <= 1.5 ? "met" : "NOT met"}.`,
  );
  console.log(
    `CPU per request, load-robust: scan page ${page?.cpuMs.toFixed(2)} ms = ${cpuRatio.toFixed(2)}× /healthz (${health?.cpuMs.toFixed(2)} ms); a CPU-bound ratio of 0.40× in req/s needs ≤ 2.5×.`,
  );
} finally {
  await server.stop();
}

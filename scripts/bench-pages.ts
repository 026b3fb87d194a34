// npm run bench:pages — page speed of the production build (issue 18, docs/decisions/140, 143). Builds (the npm
// script), prints the gzipped JavaScript of every page from the build manifest, then starts the production server
// on a copy of the demo database, signs in as the roles it needs and runs Lighthouse 12.2.3 (mobile defaults:
// simulated slow 4G, 4× slower CPU) with Debian's Chromium on seven pages. Per page: performance, accessibility, FCP,
// LCP, TBT and the JavaScript transferred (the loaded scripts gzipped; also the bytes sent, headers included), against the issue's targets. Lighthouse's timings
// move with the machine's load (the load average is printed before and after): run it on a quiet machine. A
// benchmark, not a test: it never fails a build. BENCH_PAGES=login,scan runs only those pages.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { signIn, startBenchServer } from "./bench-server";
import { PAGE_LIMIT_KB, pageWeights, zodInBrowser } from "./page-weight-lib";

const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";
const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-dev-shm-usage --disable-background-networking --disable-component-update";
const TARGETS = { performance: 95, accessibility: 100, fcpMs: 1800, tbtMs: 200, jsKb: PAGE_LIMIT_KB };

type Role = "hr" | "employee" | "partner";
const EMAILS: Record<Role, string> = {
  hr: "hr@zas.example",
  employee: "verpleegkundige@zas.example",
  partner: "onderzoek@thomasmore.example",
};
type PageSpec = { key: string; name: string; path: string; role: Role | null; tbtTarget: boolean };

// Lighthouse's result: only the fields read here.
type Audit = {
  numericValue?: number;
  details?: { items?: { resourceType?: string; transferSize?: number; url?: string }[] };
};
type Lhr = {
  finalDisplayedUrl?: string;
  runtimeError?: { message?: string };
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<string, Audit | undefined>;
};

// Audits worth naming when they fail: accessibility checks and the render-blocking / unused-code ones.
const ACCESSIBILITY_OR_SPEED =
  /^(render-blocking-resources|unused-javascript|unused-css-rules|font-display|uses-rel-preconnect|color-contrast|label|button-name|link-name|image-alt|html-has-lang|document-title|heading-order|aria-|list|meta-viewport|target-size|tabindex|duplicate-id|landmark)/;

/** The gzipped size of a file the server sent from public/ (0 for anything else). */
function gzippedPublic(url: string | undefined): number {
  const file = url ? path.join("public", new URL(url).pathname) : "";
  return file.startsWith("public/build/") && fs.existsSync(file) ? gzipSync(fs.readFileSync(file)).length : 0;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

// 1. Page weight from the build manifest: exact, whatever the load.
const weights = pageWeights();
const over = weights.filter((w) => w.kb > PAGE_LIMIT_KB);
console.log(
  `Gzipped JavaScript per page (build manifest, ${weights.length} routes): heaviest ${weights[0]?.id} ${weights[0]?.kb.toFixed(1)} KB; ${over.length ? `over ${PAGE_LIMIT_KB} KB: ${over.map((w) => `${w.id} ${w.kb.toFixed(1)} KB`).join(", ")} → NOT met` : `all at most ${PAGE_LIMIT_KB} KB → met`}.`,
);
const zod = zodInBrowser();
console.log(`zod in the browser: ${zod.length ? `${zod.map((z) => z.file).join(", ")} → NOT met` : "none → met"}.`);

if (!fs.existsSync(CHROME_PATH)) {
  console.log(`\nNo Chromium at ${CHROME_PATH} (apt-get install -y chromium, or set CHROME_PATH): Lighthouse skipped.`);
  process.exit(0);
}

// 2. Lighthouse against the production server.
const server = await startBenchServer();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-lighthouse-"));
try {
  const db = new Database(server.databasePath, { readonly: true });
  const idOf = (sql: string): number => {
    const row = db.prepare(sql).get() as { id: number } | undefined;
    if (!row) throw new Error(`demo data missing: ${sql}`);
    return row.id;
  };
  const zasScans = "select s.id from scans s join organisations o on o.id = s.organisation_id where o.name like 'ZAS%'";
  const draftScan = idOf(`${zasScans} and s.status = 'draft' order by s.period desc limit 1`);
  const submittedScan = idOf(`${zasScans} and s.status = 'submitted' order by s.period desc limit 1`);
  const proposal = idOf(
    "select m.id from matches m join buddy_profiles b on b.id = m.buddy_id join users u on u.id = b.user_id where u.email = 'verpleegkundige@zas.example' and m.status = 'proposed' order by m.id limit 1",
  );
  db.close();

  const all: PageSpec[] = [
    { key: "login", name: "login", path: "/login", role: null, tbtTarget: false },
    { key: "hr", name: "HR home", path: "/hr", role: "hr", tbtTarget: false },
    { key: "scan", name: "scan page", path: `/hr/scans/${draftScan}`, role: "hr", tbtTarget: true },
    { key: "results", name: "results", path: `/hr/scans/${submittedScan}/results`, role: "hr", tbtTarget: false },
    { key: "module", name: "module page", path: "/me/modules/being-a-buddy", role: "employee", tbtTarget: false },
    {
      key: "proposal",
      name: "buddy's proposal",
      path: `/me/buddy/proposals/${proposal}`,
      role: "employee",
      tbtTarget: false,
    },
    { key: "partner", name: "partner comparison", path: "/partner/benchmark", role: "partner", tbtTarget: false },
  ];
  const only = (process.env.BENCH_PAGES ?? "").split(",").filter(Boolean);
  const pages = only.length ? all.filter((p) => only.includes(p.key)) : all;

  const cookies = new Map<Role, string>();
  for (const role of new Set(pages.flatMap((p) => (p.role ? [p.role] : []))))
    cookies.set(role, await signIn(server.url, EMAILS[role]));

  console.log(
    `\nLighthouse 12.2.3, mobile defaults, ${CHROME_PATH}; ${os.cpus().length} cores, load average before ${load()}; database: ${server.origin}.`,
  );
  const results: { page: PageSpec; lhr: Lhr | null; error?: string }[] = [];
  for (const page of pages) {
    const cookie = page.role ? cookies.get(page.role) : undefined;
    const out = path.join(work, `${page.key}.json`);
    const args = [
      "node_modules/lighthouse/cli/index.js",
      `${server.url}${page.path}`,
      "--output=json",
      `--output-path=${out}`,
      "--only-categories=performance,accessibility",
      `--chrome-flags=${CHROME_FLAGS}`,
      "--quiet",
      ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
    ];
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, args, {
        env: { ...process.env, CHROME_PATH },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let err = "";
      child.stderr.on("data", (c: Buffer) => (err += c.toString()));
      child.on("exit", (c) => {
        if (c !== 0) process.stderr.write(err.slice(-2000));
        resolve(c ?? 1);
      });
    });
    if (code !== 0 || !fs.existsSync(out)) {
      results.push({ page, lhr: null, error: `lighthouse exited with ${code}` });
      continue;
    }
    const lhr = JSON.parse(fs.readFileSync(out, "utf8")) as Lhr;
    const landed = lhr.finalDisplayedUrl ? new URL(lhr.finalDisplayedUrl).pathname : "";
    if (lhr.runtimeError?.message) results.push({ page, lhr: null, error: lhr.runtimeError.message });
    else if (landed !== page.path) results.push({ page, lhr: null, error: `landed on ${landed} (not signed in?)` });
    else results.push({ page, lhr });
  }

  const mark = (ok: boolean) => (ok ? "met" : "NOT met");
  const cols = ["page", "perf", "a11y", "FCP s", "LCP s", "TBT ms", "JS KB", "sent KB", "targets"];
  const widths = [20, 5, 5, 6, 6, 7, 6, 7, 0];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : i === cells.length - 1 ? c : c.padStart(widths[i] ?? 0)))
      .join("  ");
  console.log(`\n${line(cols)}`);
  let allMet = true;
  for (const { page, lhr, error } of results) {
    if (!lhr) {
      allMet = false;
      console.log(line([page.name, "—", "—", "—", "—", "—", "—", "—", `NOT measured: ${error}`]));
      continue;
    }
    const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const ms = (a: string) => lhr.audits[a]?.numericValue ?? Number.NaN;
    // The scripts the page loaded: their gzipped size (the target) and what went over the wire (headers included).
    const scripts = (lhr.audits["network-requests"]?.details?.items ?? []).filter((i) => i.resourceType === "Script");
    const js = scripts.reduce((sum, i) => sum + gzippedPublic(i.url), 0) / 1000;
    const sent = scripts.reduce((sum, i) => sum + (i.transferSize ?? 0), 0) / 1000;
    const perf = score("performance");
    const a11y = score("accessibility");
    const fcp = ms("first-contentful-paint");
    const lcp = ms("largest-contentful-paint");
    const tbt = ms("total-blocking-time");
    const checks = [
      `perf ≥ ${TARGETS.performance} ${mark(perf >= TARGETS.performance)}`,
      `a11y ${TARGETS.accessibility} ${mark(a11y >= TARGETS.accessibility)}`,
      `FCP < 1.8 s ${mark(fcp < TARGETS.fcpMs)}`,
      ...(page.tbtTarget ? [`TBT < ${TARGETS.tbtMs} ms ${mark(tbt < TARGETS.tbtMs)}`] : []),
      `JS ≤ ${TARGETS.jsKb} KB ${mark(js <= TARGETS.jsKb)}`,
    ];
    if (checks.some((c) => c.endsWith("NOT met"))) allMet = false;
    console.log(
      line([
        page.name,
        String(perf),
        String(a11y),
        (fcp / 1000).toFixed(2),
        (lcp / 1000).toFixed(2),
        tbt.toFixed(0),
        js.toFixed(1),
        sent.toFixed(1),
        checks.join(" · "),
      ]),
    );
    const failing = Object.entries(lhr.audits)
      .filter(
        ([id, a]) =>
          a && "score" in a && (a as { score: number | null }).score === 0 && ACCESSIBILITY_OR_SPEED.test(id),
      )
      .map(([id]) => id);
    if (failing.length) console.log(`${"".padEnd(22)}failing audits: ${failing.join(", ")}`);
  }
  console.log(
    `\nLoad average after ${load()}. ${allMet ? "Every target met." : "Not every target met"} (timings and the performance score are only valid on a quiet machine).`,
  );
} finally {
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

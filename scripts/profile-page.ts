// A CPU profile of one page's server render: starts the bench server (scripts/bench-server.ts) under
// `node --cpu-prof`, signs in as HR, requests PROFILE_PATH (default: the organisation's draft scan) PROFILE_REQUESTS
// times over 4 connections after a warm-up, stops the server and prints the top costs by self time, per function and
// per package, in ms per request (scripts/profile-summary.ts; only the samples taken
// while the measured requests ran). Run it under the machine lock:
// `flock -x /work/wt/heavy.lock npx tsx scripts/profile-page.ts`. A measurement aid, not a test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { signIn, startBenchServer } from "./bench-server";
import { summariseProfile } from "./profile-summary";

const DUMP = process.env.PROFILE_DUMP;
// PROFILE_ENCODING=gzip measures what a browser gets (compressed); by default none, like autocannon in bench:http.
const ENCODING = process.env.PROFILE_ENCODING || "identity";
const REQUESTS = Number(process.env.PROFILE_REQUESTS || 1500);
const CONNECTIONS = 4;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-prof-"));
const server = await startBenchServer({ cpuProfileDir: dir });
const measured = { from: 0, to: 0 };
try {
  const cookie = await signIn(server.url, "hr@zas.example");
  const target = `${server.url}${process.env.PROFILE_PATH || "/hr/scans/2"}`;
  const hit = async (n: number) => {
    const workers = Array.from({ length: CONNECTIONS }, async () => {
      while (n-- > 0) {
        // No Accept-Encoding, like autocannon in bench:http: the document is not compressed.
        const response = await fetch(target, { headers: { Cookie: cookie, "Accept-Encoding": ENCODING } });
        if (response.status !== 200) throw new Error(`${target} answered ${response.status}`);
        await response.arrayBuffer();
      }
    });
    await Promise.all(workers);
  };
  await hit(200);
  // PROFILE_DUMP=<file>: the page's HTML as measured, to see what it carries.
  if (DUMP)
    fs.writeFileSync(
      DUMP,
      await (await fetch(target, { headers: { Cookie: cookie, "Accept-Encoding": ENCODING } })).text(),
    );
  const cpuBefore = server.cpuSeconds();
  measured.from = Number(process.hrtime.bigint() / 1000n);
  await hit(REQUESTS);
  measured.to = Number(process.hrtime.bigint() / 1000n);
  console.log(
    `${REQUESTS} requests of ${target}: ${(((server.cpuSeconds() - cpuBefore) * 1000) / REQUESTS).toFixed(2)} ms CPU per request (/proc); load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}`,
  );
} finally {
  await server.stop();
}
const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error(`No profile written in ${dir}`);
const keep = process.env.PROFILE_KEEP;
if (keep) fs.copyFileSync(path.join(dir, file), keep);
console.log(summariseProfile(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")), REQUESTS, measured, 40));
fs.rmSync(dir, { recursive: true, force: true });

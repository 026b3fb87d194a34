// Seeds the demo world into an empty database; `--large N` adds N synthetic organisations.
import { openDatabase, prepareDatabase, resolveDatabasePath } from "@db/client";
import { isSeeded, seedDemo, seedLarge } from "@db/seed/seed";
import { addSyntheticScans, ensureFallbackInstrumentV1 } from "./large-scans";
import { scoreScan } from "~/features/scan/scoring";

const args = process.argv.slice(2);
const largeIndex = args.indexOf("--large");
const large = largeIndex >= 0 ? Number(args[largeIndex + 1]) : 0;
if (largeIndex >= 0 && (!Number.isInteger(large) || large < 1)) {
  console.error("--large needs a positive whole number, e.g. --large 2000");
  process.exit(2);
}

const file = resolveDatabasePath();
const db = openDatabase(file);
prepareDatabase(db);
if (isSeeded(db)) {
  console.log(`${file} already holds data: demo seed skipped.`);
} else {
  await seedDemo(db, { password: process.env.DEMO_PASSWORD || "Nieuwkomer-demo-2026", scoreScan });
  console.log(`Seeded the demo world into ${file}.`);
}
if (large > 0) {
  const started = performance.now();
  const ids = seedLarge(db, large);
  console.log(`Added ${ids.length} organisations in ${Math.round(performance.now() - started)} ms.`);
  // Benchmark capability: five yearly submitted scans per synthetic organisation (scripts/large-scans.ts).
  const scansStarted = performance.now();
  if (ensureFallbackInstrumentV1(db)) console.log("Instrument version 1 was absent: loaded the keys-only stand-in.");
  const scans = addSyntheticScans(db, ids, { periods: ["2021", "2022", "2023", "2024", "2025"] });
  console.log(`Added ${scans} submitted scans in ${Math.round(performance.now() - scansStarted)} ms.`);
}
db.$client.close();

// Gzipped JavaScript of every page from the build's manifest: the entry, the root and the route's chain of
// parent routes with all their imports, each file counted once. Exact and independent of the machine's load.
// Run after `npm run build`: `tsx scripts/page-weight.ts` (docs/decisions/140, 142).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

type Route = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, Route> };

const LIMIT_KB = 100;
const buildDir = path.resolve("public/build");
const manifestFile = fs.readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) throw new Error("no build manifest: run npm run build first");
const source = fs.readFileSync(path.join(buildDir, manifestFile), "utf8");
const manifest: Manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1));

const sizes = new Map<string, number>();
function gzipped(url: string): number {
  const known = sizes.get(url);
  if (known !== undefined) return known;
  const size = gzipSync(fs.readFileSync(path.join("public", url))).length;
  sizes.set(url, size);
  return size;
}

const rows = Object.values(manifest.routes).map((route) => {
  const files = new Set([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (let r: Route | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
    files.add(r.module);
    for (const i of r.imports ?? []) files.add(i);
  }
  const bytes = [...files].reduce((sum, f) => sum + gzipped(f), 0);
  return { id: route.id, kb: bytes / 1000 };
});
rows.sort((a, b) => b.kb - a.kb);
const only = process.argv.slice(2);
for (const r of rows.filter((x) => !only.length || only.some((o) => x.id.includes(o)))) {
  console.log(`${r.kb.toFixed(1).padStart(7)} KB  ${r.kb <= LIMIT_KB ? "met    " : "NOT MET"}  ${r.id}`);
}
const over = rows.filter((r) => r.kb > LIMIT_KB);
console.log(`\n${rows.length - over.length} of ${rows.length} routes at most ${LIMIT_KB} KB of gzipped JavaScript${over.length ? `; over: ${over.map((r) => r.id).join(", ")}` : ""}`);

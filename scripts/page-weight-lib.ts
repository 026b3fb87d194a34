// The JavaScript a page loads, read from the build's manifest (docs/decisions/140, 142, 143): the entry, the root
// and the route's chain of parent routes with all their imports, each file counted once, gzipped. Exact and
// independent of the machine's load. Used by scripts/page-weight.ts, scripts/bench-pages.ts and the page-weight test.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

type Route = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, Route> };

export const PAGE_LIMIT_KB = 100;

export type PageWeight = { id: string; kb: number; files: string[] };

function readManifest(publicDir: string): Manifest {
  const buildDir = path.join(publicDir, "build");
  const manifestFile = fs.existsSync(buildDir)
    ? fs.readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f))
    : undefined;
  if (!manifestFile) throw new Error(`no build manifest in ${buildDir}: run npm run build first`);
  const source = fs.readFileSync(path.join(buildDir, manifestFile), "utf8");
  return JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1));
}

/** Every route of the build with the files its page loads and their gzipped size in KB (1,000 bytes), heaviest first. */
export function pageWeights(publicDir = path.resolve("public")): PageWeight[] {
  const manifest = readManifest(publicDir);
  const sizes = new Map<string, number>();
  const gzipped = (url: string): number => {
    const known = sizes.get(url);
    if (known !== undefined) return known;
    const size = gzipSync(fs.readFileSync(path.join(publicDir, url))).length;
    sizes.set(url, size);
    return size;
  };
  const rows = Object.values(manifest.routes).map((route) => {
    const files = new Set([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
    for (let r: Route | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
      files.add(r.module);
      for (const i of r.imports ?? []) files.add(i);
    }
    const bytes = [...files].reduce((sum, f) => sum + gzipped(f), 0);
    return { id: route.id, kb: bytes / 1000, files: [...files] };
  });
  return rows.sort((a, b) => b.kb - a.kb);
}

// zod 4 names every schema class through `$constructor("$ZodType…")`, and its error class is "ZodError": both survive
// minification as strings.
const ZOD_MARKERS = ['"$ZodType"', '"ZodError"', "'$ZodType'", "'ZodError'"];

/** The browser files of the build that contain zod, each with the routes whose pages load it. */
export function zodInBrowser(publicDir = path.resolve("public")): { file: string; routes: string[] }[] {
  const byFile = new Map<string, string[]>();
  for (const page of pageWeights(publicDir)) {
    for (const file of page.files) byFile.set(file, [...(byFile.get(file) ?? []), page.id]);
  }
  return [...byFile]
    .filter(([file]) => {
      const source = fs.readFileSync(path.join(publicDir, file), "utf8");
      return ZOD_MARKERS.some((m) => source.includes(m));
    })
    .map(([file, routes]) => ({ file, routes }));
}

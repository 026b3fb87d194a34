// Gzipped JavaScript of every page from the build's manifest, against 100 KB, and any browser file with zod in it.
// Exact and independent of the machine's load. Run after `npm run build`: `tsx scripts/page-weight.ts [route …]`
// (docs/decisions/140, 142, 143).
import { PAGE_LIMIT_KB, pageWeights, zodInBrowser } from "./page-weight-lib";

const rows = pageWeights();
const only = process.argv.slice(2);
for (const r of rows.filter((x) => !only.length || only.some((o) => x.id.includes(o)))) {
  console.log(`${r.kb.toFixed(1).padStart(7)} KB  ${r.kb <= PAGE_LIMIT_KB ? "met    " : "NOT MET"}  ${r.id}`);
}
const over = rows.filter((r) => r.kb > PAGE_LIMIT_KB);
console.log(
  `\n${rows.length - over.length} of ${rows.length} routes at most ${PAGE_LIMIT_KB} KB of gzipped JavaScript${over.length ? `; over: ${over.map((r) => r.id).join(", ")}` : ""}`,
);
const zod = zodInBrowser();
console.log(
  zod.length
    ? `zod in the browser: ${zod.map((z) => `${z.file} (${z.routes.length} pages, e.g. ${z.routes[0]})`).join("; ")}`
    : "zod in no browser file",
);

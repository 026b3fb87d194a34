// Sums a V8 .cpuprofile's self time per function and per package/file, in ms per request (decision 188).
type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

function area(url: string): string {
  if (!url) return "(native/V8)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.includes("/build/")) return "build (app)";
  if (url.startsWith("node:")) return "node core";
  return url.replace(/^file:\/\/.*?\/(scripts|app|db)\//, "$1/");
}

/**
 * `window` (µs of the monotonic clock, which V8's profile timestamps and `process.hrtime` share on Linux) keeps only
 * the samples taken while the measured requests ran, so start-up and warm-up are left out.
 */
export function summariseProfile(
  profile: CpuProfile,
  requests: number,
  window: { from: number; to: number } = { from: 0, to: Number.POSITIVE_INFINITY },
  top = 25,
): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= window.from && at <= window.to) self.set(id, (self.get(id) ?? 0) + delta);
  });
  const perFunction = new Map<string, number>();
  const perArea = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)" || functionName === "(program)" || functionName === "(garbage collector)") {
      perArea.set(functionName, (perArea.get(functionName) ?? 0) + us);
      if (functionName !== "(idle)") total += us;
      continue;
    }
    total += us;
    const name = `${functionName || "(anonymous)"} ${area(url)}:${lineNumber + 1}`;
    perFunction.set(name, (perFunction.get(name) ?? 0) + us);
    perArea.set(area(url), (perArea.get(area(url)) ?? 0) + us);
  }
  const ms = (us: number) => (us / 1000 / requests).toFixed(3).padStart(7);
  const lines = [`Busy (not idle): ${ms(total)} ms per request over ${requests} requests`, "", "Self time per area:"];
  for (const [name, us] of [...perArea].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`${ms(us)}  ${name}`);
  lines.push("", "Self time per function:");
  for (const [name, us] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${ms(us)}  ${name}`);
  return lines.join("\n");
}

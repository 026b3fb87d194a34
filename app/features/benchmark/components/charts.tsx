// Benchmark charts: fixed sizes (they render on the server too), each paired with a table that gives the same
// figures; the chart itself is one labelled image for assistive technology.
import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

const COLOURS = { box: "#0f766e", own: "#b45309", group: "#0f766e", transparent: "transparent" };

// Charts draw after hydration only: recharts costs 10–30 ms of server time per chart on the 2-core machine,
// the box keeps its size so nothing shifts, and the table beside each chart carries the same figures for
// readers without JavaScript (docs/decisions/041).
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function Frame({ label, width, height, children }: { label: string; width: number; height: number; children: React.ReactNode }) {
  const hydrated = useHydrated();
  return (
    // Scrolls sideways on a phone, so it must be reachable by keyboard; the SVG itself is hidden from
    // assistive technology, which gets the label here and the table beside the chart.
    <div className="benchmark-chart" role="region" aria-label={label} tabIndex={0} style={{ maxWidth: "100%", overflowX: "auto" }}>
      <div aria-hidden="true" style={{ width, height }}>
        {hydrated ? children : null}
      </div>
    </div>
  );
}

export type DistributionDatum = { name: string; q1: number; median: number; q3: number };

/** A box from stacked bars: (invisible) 0→q1, q1→median, median→q3. No whiskers: no minimum or maximum is published. */
export function DistributionChart({ data, label, labels }: { data: DistributionDatum[]; label: string; labels: { q1: string; median: string; q3: string } }) {
  const rows = data.map((d) => ({ name: d.name, base: d.q1, lowBox: Math.max(0, d.median - d.q1), highBox: Math.max(0, d.q3 - d.median) }));
  const height = 50 + rows.length * 34;
  return (
    <Frame label={label} width={640} height={height}>
      <BarChart width={640} height={height} data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e7eae8" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} />
        <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} />
        <Bar dataKey="base" stackId="box" fill={COLOURS.transparent} isAnimationActive={false} />
        <Bar dataKey="lowBox" name={`${labels.q1}–${labels.median}`} stackId="box" fill={COLOURS.box} isAnimationActive={false} />
        <Bar dataKey="highBox" name={`${labels.median}–${labels.q3}`} stackId="box" fill="#115e59" isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}

export type PairDatum = { name: string; own: number | null; group: number | null };

/** One organisation against a group (median), per dimension. */
export function PairChart({ data, label, ownLabel, groupLabel }: { data: PairDatum[]; label: string; ownLabel: string; groupLabel: string }) {
  const height = 60 + data.length * 40;
  return (
    <Frame label={label} width={640} height={height}>
      <BarChart width={640} height={height} data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e7eae8" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} />
        <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        <Bar dataKey="own" name={ownLabel} fill={COLOURS.own} isAnimationActive={false} />
        <Bar dataKey="group" name={groupLabel} fill={COLOURS.group} isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}

export type TrendDatum = { period: string; median: number | null; dimensions: (number | null)[] };

const PALETTE = ["#1d4ed8", "#b45309", "#7c3aed", "#be123c", "#047857", "#a16207", "#0e7490", "#4b5563"];

/** Median overall score per year (bold), with the median of each dimension as thin lines. */
export function TrendChart({ data, label, seriesLabel, dimensionNames }: { data: TrendDatum[]; label: string; seriesLabel: string; dimensionNames: string[] }) {
  const rows = data.map((d) => ({ period: d.period, median: d.median, ...Object.fromEntries(d.dimensions.map((v, i) => [`d${i}`, v])) }));
  return (
    <Frame label={label} width={640} height={320}>
      <LineChart width={640} height={320} data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#e7eae8" />
        <XAxis dataKey="period" />
        <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {dimensionNames.map((name, i) => (
          <Line key={name} type="monotone" dataKey={`d${i}`} name={name} stroke={PALETTE[i % PALETTE.length]} strokeWidth={1} dot={false} connectNulls={false} isAnimationActive={false} />
        ))}
        <Line type="monotone" dataKey="median" name={seriesLabel} stroke={COLOURS.group} strokeWidth={3} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </Frame>
  );
}

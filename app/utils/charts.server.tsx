// Charts drawn once on the server: recharts renders static SVG at a fixed size, the markup travels in the
// loader's data and the page shows it as is, so no chart code reaches the browser (docs/decisions/142).
// The SVG gets a viewBox and no width/height, so it scales to its container; style attributes are dropped
// (colours are presentation attributes); the legend is an HTML list that wraps instead of overlapping.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  XAxis,
  YAxis,
} from "recharts";
import { wrapLabel } from "./chart-labels";

/** What a page shows: the figure's markup (SVG plus legend), to be inserted as is. */
export type ChartMarkup = { html: string };

export type LegendEntry = { label: string; colour: string; dashed?: boolean };

const INK = "#1f2a2e";
const MUTED = "#53616a";
const GRID = "#d5dbd8";
const FONT = 14;
// The radar is drawn small enough that on a phone its labels still read at about 10 px.
const RADAR_FONT = 15;
const RADAR_LINE = 18;

export const CHART_COLOURS = {
  current: "#0f6b63",
  previous: "#b45309",
  peer: "#53616a",
  own: "#b45309",
  group: "#0f766e",
  box: "#0f766e",
  boxHigh: "#115e59",
  dimensions: ["#1d4ed8", "#b45309", "#7c3aed", "#be123c", "#047857", "#a16207", "#0e7490", "#4b5563"],
} as const;

// Rendering a chart costs 10–40 ms of CPU on the 2-core machine; the same figures in the same language give
// the same markup, so the last few hundred are kept.
const cache = new Map<string, string>();
const CACHE_SIZE = 300;
let counter = 0;

function cached(key: string, render: () => string): ChartMarkup {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return { html: hit };
  }
  const html = render();
  cache.set(key, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
  return { html };
}

/** Turns recharts' output into a scalable, labelled image: only its <svg>, with a viewBox and a title. */
export function toAccessibleSvg(
  markup: string,
  width: number,
  height: number,
  title: string,
  description: string,
): string {
  const start = markup.indexOf("<svg");
  const end = markup.lastIndexOf("</svg>");
  if (start < 0 || end < 0) throw new Error("recharts rendered no SVG");
  const id = `chart-${++counter}`;
  const inner = markup
    .slice(markup.indexOf(">", start) + 1, end)
    .replace(/<title><\/title><desc><\/desc>/, "")
    .replace(/ style="[^"]*"/g, "");
  const labels = renderToStaticMarkup(
    <>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
    </>,
  );
  return `<svg class="chart__svg" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">${labels}${inner}</svg>`;
}

function legendMarkup(entries: LegendEntry[]): string {
  if (!entries.length) return "";
  return renderToStaticMarkup(
    <ul className="chart__legend">
      {entries.map((e) => (
        <li key={e.label}>
          <svg className="chart__key" viewBox="0 0 24 12" aria-hidden="true" focusable="false">
            <line
              x1={1}
              y1={6}
              x2={23}
              y2={6}
              stroke={e.colour}
              strokeWidth={4}
              strokeDasharray={e.dashed ? "5 3" : undefined}
            />
          </svg>
          {e.label}
        </li>
      ))}
    </ul>,
  );
}

function figure(
  chart: ReactElement,
  width: number,
  height: number,
  title: string,
  description: string,
  legend: LegendEntry[],
): string {
  return `<div class="chart">${toAccessibleSvg(renderToStaticMarkup(chart), width, height, title, description)}${legendMarkup(legend)}</div>`;
}

type TickProps = {
  x?: number | string;
  y?: number | string;
  cx?: number;
  cy?: number;
  textAnchor?: string;
  payload?: { value?: unknown };
};
const num = (v: number | string | undefined): number => (typeof v === "number" ? v : Number(v ?? 0));

/** A dimension label around the radar, wrapped onto as many lines as it needs and kept clear of the web. */
function radarTick(props: TickProps): ReactElement {
  const x = num(props.x);
  const y = num(props.y);
  const cy = props.cy ?? y;
  const cx = props.cx ?? x;
  const lines = wrapLabel(String(props.payload?.value ?? ""), 14);
  const anchor = Math.abs(x - cx) < 4 ? "middle" : x > cx ? "start" : "end";
  const block = (lines.length - 1) * RADAR_LINE;
  // Above the centre the text grows upwards, below it downwards, at the sides it is centred on the spoke.
  const first = y < cy - 4 ? y - block - 4 : y > cy + 4 ? y + RADAR_LINE - 2 : y - block / 2 + RADAR_FONT / 3;
  return (
    <text x={x} y={first} textAnchor={anchor} fontSize={RADAR_FONT} fill={INK} className="chart__label">
      {lines.map((line, i) => (
        <tspan key={i} x={x} y={first + i * RADAR_LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export type RadarSeries = {
  name: string;
  colour: string;
  values: (number | null)[];
  dashed?: boolean;
  fillOpacity: number;
};

/** One polygon per series over the dimensions (labels in full), 0–100. */
export function radarChart(input: {
  title: string;
  description: string;
  labels: string[];
  series: RadarSeries[];
}): ChartMarkup {
  return cached(`radar:${JSON.stringify(input)}`, () => {
    const width = 460;
    const height = 430;
    const rows = input.labels.map((label, i) => ({
      label,
      ...Object.fromEntries(input.series.map((s, j) => [`s${j}`, s.values[i] ?? 0])),
    }));
    const chart = (
      <RadarChart
        width={width}
        height={height}
        data={rows}
        outerRadius={95}
        cx={width / 2}
        cy={height / 2}
        margin={{ top: 0, right: 0, bottom: 0, left: 0 }}
      >
        <PolarGrid stroke={GRID} />
        <PolarAngleAxis dataKey="label" tick={radarTick} />
        <PolarRadiusAxis
          domain={[0, 100]}
          tickCount={6}
          angle={90}
          tick={{ fontSize: 11, fill: MUTED }}
          axisLine={false}
        />
        {input.series.map((s, j) => (
          <Radar
            key={s.name}
            name={s.name}
            dataKey={`s${j}`}
            stroke={s.colour}
            strokeWidth={2}
            fill={s.colour}
            fillOpacity={s.fillOpacity}
            strokeDasharray={s.dashed ? "5 3" : undefined}
            isAnimationActive={false}
          />
        ))}
      </RadarChart>
    );
    return figure(
      chart,
      width,
      height,
      input.title,
      input.description,
      input.series.map((s) => ({ label: s.name, colour: s.colour, dashed: s.dashed })),
    );
  });
}

export type LineSeries = { name: string; colour: string; values: (number | null)[]; bold?: boolean };

/** Scores over periods, 0–100: one line per series (the overall one bold). */
export function lineChart(input: {
  title: string;
  description: string;
  periods: string[];
  series: LineSeries[];
}): ChartMarkup {
  return cached(`line:${JSON.stringify(input)}`, () => {
    const width = 480;
    const height = 280;
    const rows = input.periods.map((period, i) => ({
      period,
      ...Object.fromEntries(input.series.map((s, j) => [`s${j}`, s.values[i] ?? null])),
    }));
    const chart = (
      <LineChart width={width} height={height} data={rows} margin={{ top: 12, right: 28, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis dataKey="period" tick={{ fontSize: FONT, fill: INK }} padding={{ left: 16, right: 16 }} />
        <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} width={40} tick={{ fontSize: FONT - 1, fill: INK }} />
        {input.series.map((s, j) => (
          <Line
            key={s.name}
            name={s.name}
            dataKey={`s${j}`}
            type="linear"
            stroke={s.colour}
            strokeWidth={s.bold ? 4 : 1.5}
            dot={{ r: s.bold ? 4 : 2.5, fill: s.colour, stroke: s.colour }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    );
    return figure(
      chart,
      width,
      height,
      input.title,
      input.description,
      input.series.map((s) => ({ label: s.name, colour: s.colour })),
    );
  });
}

const BAND = 64;
const BARS = 26;

/** The category's name on its own line above its bars, so long names need no side margin. */
function bandTick(props: TickProps): ReactElement {
  // The bars take BARS px around the band's middle; the name sits on the line just above them, in full.
  return (
    <text x={8} y={num(props.y) - BARS / 2 - 5} textAnchor="start" fontSize={FONT} fill={INK} className="chart__label">
      {String(props.payload?.value ?? "")}
    </text>
  );
}

export type BarSeries = { name: string; colour: string; values: (number | null)[] };

/** Horizontal bars on the full 0–100 scale, one group per category with its name above it. */
export function barChart(input: {
  title: string;
  description: string;
  categories: string[];
  series: BarSeries[];
}): ChartMarkup {
  return cached(`bar:${JSON.stringify(input)}`, () => {
    const width = 420;
    const height = 40 + input.categories.length * BAND;
    const rows = input.categories.map((name, i) => ({
      name,
      ...Object.fromEntries(input.series.map((s, j) => [`s${j}`, s.values[i] ?? null])),
    }));
    const barSize = Math.floor(BARS / Math.max(1, input.series.length));
    const chart = (
      <BarChart
        width={width}
        height={height}
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 24, bottom: 4, left: 8 }}
        barGap={1}
        barCategoryGap={0}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          allowDataOverflow
          tick={{ fontSize: FONT - 1, fill: INK }}
        />
        <YAxis type="category" dataKey="name" width={1} tick={bandTick} tickLine={false} axisLine={false} />
        {input.series.map((s, j) => (
          <Bar
            key={s.name}
            name={s.name}
            dataKey={`s${j}`}
            fill={s.colour}
            barSize={barSize}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    );
    return figure(
      chart,
      width,
      height,
      input.title,
      input.description,
      input.series.map((s) => ({ label: s.name, colour: s.colour })),
    );
  });
}

export type BoxDatum = { name: string; q1: number; median: number; q3: number };

/** Boxes from stacked bars (invisible 0→q1, q1→median, median→q3) on 0–100; no whiskers are published. */
export function boxChart(input: {
  title: string;
  description: string;
  data: BoxDatum[];
  labels: { low: string; high: string };
}): ChartMarkup {
  return cached(`box:${JSON.stringify(input)}`, () => {
    const width = 420;
    const height = 40 + input.data.length * BAND;
    const rows = input.data.map((d) => ({
      name: d.name,
      base: d.q1,
      lowBox: Math.max(0, d.median - d.q1),
      highBox: Math.max(0, d.q3 - d.median),
    }));
    const barSize = BARS;
    const chart = (
      <BarChart
        width={width}
        height={height}
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 24, bottom: 4, left: 8 }}
        barCategoryGap={0}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          allowDataOverflow
          tick={{ fontSize: FONT - 1, fill: INK }}
        />
        <YAxis type="category" dataKey="name" width={1} tick={bandTick} tickLine={false} axisLine={false} />
        <Bar dataKey="base" stackId="box" fill="transparent" barSize={barSize} isAnimationActive={false} />
        <Bar
          dataKey="lowBox"
          name={input.labels.low}
          stackId="box"
          fill={CHART_COLOURS.box}
          barSize={barSize}
          isAnimationActive={false}
        />
        <Bar
          dataKey="highBox"
          name={input.labels.high}
          stackId="box"
          fill={CHART_COLOURS.boxHigh}
          barSize={barSize}
          isAnimationActive={false}
        />
      </BarChart>
    );
    return figure(chart, width, height, input.title, input.description, [
      { label: input.labels.low, colour: CHART_COLOURS.box },
      { label: input.labels.high, colour: CHART_COLOURS.boxHigh },
    ]);
  });
}

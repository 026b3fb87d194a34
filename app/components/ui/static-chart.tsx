// A chart drawn on the server (app/utils/charts.server.ts): its markup is shown as is, so the page needs no
// chart code. The SVG is one labelled image; the figures are in the table or list beside it.
export function StaticChart({ chart, testId }: { chart: { html: string }; testId?: string }) {
  return <div className="chart-frame" data-testid={testId} dangerouslySetInnerHTML={{ __html: chart.html }} />;
}

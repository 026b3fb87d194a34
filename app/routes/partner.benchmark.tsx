import { ExportLinks } from "~/components/ui/export-links";
import { DataTable } from "~/components/ui/data-table";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, PageHeader } from "~/components/ui/page";
import { AdjustedNote, Centre, Figure, LevelName, NotShown, Score } from "~/features/benchmark/components/cells";
import { MedianTable } from "~/features/benchmark/components/median-table";
import { StaticChart } from "~/components/ui/static-chart";
import { comparisonCharts, type ComparisonCharts } from "~/features/benchmark/charts.server";
import { breakdownLabel, FilterForm } from "~/features/benchmark/components/filter-form";
import type { Comparison, ComparisonRow } from "~/features/benchmark/compare";
import { comparisonPeriods, getComparison } from "~/features/benchmark/comparison.server";
import { statusOf } from "~/utils/respond.server";
import { MIN_GROUP_SIZE, MIN_ORDER_STATISTIC_GROUP } from "~/features/benchmark/disclosure";
import { type ComparisonFilters, parseComparisonFilters } from "~/features/benchmark/filters";
import { filtersToQuery } from "~/features/benchmark/filters.options";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";
import { itemLabel, numberItems } from "~/features/scan/item-label";

export const meta = pageTitle("partnerBenchmark");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "partner");
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries([...params.entries()].map(([k, v]) => [k, v.slice(0, 40)]));
  const parsed = parseComparisonFilters(params);
  if (!parsed.ok) {
    return data(
      {
        kind: "invalid" as const,
        errors: parsed.errors,
        raw,
        periods: [] as string[],
        comparison: null,
        charts: null,
        filters: null,
      },
      { status: statusOf("invalid") },
    );
  }
  const outcome = getComparison(parsed.filters);
  if (!outcome.ok) {
    return data(
      {
        kind: "invalid" as const,
        errors: outcome.fields ?? {},
        raw,
        periods: comparisonPeriods(),
        comparison: null,
        charts: null,
        filters: null,
      },
      { status: statusOf(outcome.reason) },
    );
  }
  const { comparison } = outcome.value;
  if (!comparison)
    return data({
      kind: "empty" as const,
      errors: null,
      raw,
      periods: [] as string[],
      comparison: null,
      charts: null,
      filters: parsed.filters,
    });
  return data({
    kind: "ok" as const,
    errors: null,
    raw,
    periods: comparison.periods,
    comparison,
    charts: comparisonCharts(comparison, resolveLocale(request, user.locale)),
    filters: parsed.filters,
  });
}

export default function PartnerBenchmark() {
  const { kind, errors, raw, periods, comparison, charts, filters } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title="benchmark.comparison.title"
        intro="benchmark.comparison.intro"
        introParams={{ version: comparison?.version ?? 1, k: MIN_GROUP_SIZE }}
        actions={
          comparison && filters ? (
            <ExportLinks
              href={`/partner/benchmark/export${filtersToQuery({ ...filters, page: undefined, org: undefined })}`}
              what={t("benchmark.comparison.title")}
            />
          ) : null
        }
      />
      {kind === "invalid" && errors ? (
        <div className="alert alert--error" role="alert">
          <strong>{t("benchmark.errors.invalidTitle")}</strong>
          <ul>
            {Object.entries(errors).map(([field, messages]) => (
              <li key={field}>
                {field}: {messages.map((m) => t(m as MessageKey)).join(" ")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FilterForm values={filters ?? raw} periods={periods} errors={errors ?? undefined} />
      {kind === "empty" ? (
        <Card>
          <EmptyState message="benchmark.comparison.empty" />
        </Card>
      ) : null}
      {comparison && charts && filters ? (
        <ComparisonView comparison={comparison} charts={charts} filters={filters} />
      ) : null}
    </>
  );
}

function useNames() {
  const { locale } = useI18n();
  return { dimension: (d: { nameNl: string; nameEn: string }) => (locale === "en" ? d.nameEn : d.nameNl) };
}

function attributeLabel(by: string, value: string): MessageKey {
  if (by === "country") return `countries.${value}` as MessageKey;
  if (by === "sizeBand") return `sizeBands.${value}` as MessageKey;
  return `sectors.${value}` as MessageKey;
}

function ComparisonView({
  comparison,
  charts,
  filters,
}: {
  comparison: Comparison;
  charts: ComparisonCharts;
  filters: ComparisonFilters;
}) {
  const { t, locale } = useI18n();
  const names = useNames();
  const { group, dimensions } = comparison;
  const summaries = [
    { name: t("benchmark.comparison.overall"), f: group.overall },
    ...dimensions.map((d, i) => ({
      name: names.dimension(d),
      f: group.dimensions[i] ?? { mean: null, median: null, q1: null, q3: null },
    })),
  ];
  return (
    <div className="stack">
      <AdjustedNote />
      <Card title="benchmark.comparison.groupTitle">
        {group.shown && group.n !== null ? (
          <p>
            <strong>{t("benchmark.comparison.groupSize", { n: group.n })}</strong>
          </p>
        ) : (
          <p className="benchmark-group-suppressed" data-testid="group-not-shown">
            <strong>{t("benchmark.comparison.groupSuppressed")}</strong> <NotShown />
          </p>
        )}
        {group.shown ? (
          <>
            <h3>{t("benchmark.comparison.distributionTitle")}</h3>
            {charts.distribution ? <StaticChart chart={charts.distribution} testId="distribution-chart" /> : null}
            <DataTable compact testId="group-table" scrollable>
              <caption className="visually-hidden">{t("benchmark.comparison.distributionTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("benchmark.comparison.dimension")}</th>
                  <th scope="col">{t("benchmark.centre.mean")}</th>
                  <th scope="col">{t("benchmark.comparison.q1")}</th>
                  <th scope="col">{t("benchmark.comparison.median")}</th>
                  <th scope="col">{t("benchmark.comparison.q3")}</th>
                </tr>
              </thead>
              <tbody>
                {summaries.map(({ name, f }) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>
                      <Figure value={f.mean} />
                    </td>
                    <td>
                      <Figure value={f.q1} />
                    </td>
                    <td>
                      <Figure value={f.median} />
                    </td>
                    <td>
                      <Figure value={f.q3} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <p className="muted">{t("benchmark.centre.legend", { n: MIN_ORDER_STATISTIC_GROUP })}</p>
          </>
        ) : null}
      </Card>

      {comparison.selected ? (
        <SelectedView row={comparison.selected} chart={charts.selected} comparison={comparison} filters={filters} />
      ) : null}

      <Card>
        <h2 className="card__title">
          {t("benchmark.comparison.breakdownTitle", { by: t(breakdownLabel(comparison.breakdown.by)).toLowerCase() })}
        </h2>
        <DataTable compact testId="breakdown-table" scrollable>
          <thead>
            <tr>
              <th scope="col">{t(breakdownLabel(comparison.breakdown.by))}</th>
              <th scope="col">{t("benchmark.comparison.n")}</th>
              <th scope="col">{t("benchmark.comparison.overall")}</th>
              {dimensions.map((d) => (
                <th scope="col" key={d.key}>
                  {names.dimension(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.breakdown.cells.map((cell) => (
              <tr key={cell.value} data-cell={cell.value}>
                <th scope="row">{t(attributeLabel(comparison.breakdown.by, cell.value))}</th>
                <td>
                  <Figure value={cell.n} />
                </td>
                <td>
                  <Centre value={cell.overall} measure={cell.measure} />
                </td>
                {cell.dimensions.map((m, i) => (
                  <td key={dimensions[i]?.key ?? i}>
                    <Centre value={m} measure={cell.measure} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Card>

      <Card title="benchmark.comparison.trendTitle">
        {charts.trend ? <StaticChart chart={charts.trend} testId="trend-chart" /> : null}
        <DataTable compact testId="trend-table" scrollable>
          <thead>
            <tr>
              <th scope="col">{t("benchmark.comparison.year")}</th>
              <th scope="col">{t("benchmark.comparison.n")}</th>
              <th scope="col">{t("benchmark.centre.mean")}</th>
              <th scope="col">{t("benchmark.comparison.q1")}</th>
              <th scope="col">{t("benchmark.comparison.median")}</th>
              <th scope="col">{t("benchmark.comparison.q3")}</th>
              {dimensions.map((d) => (
                <th scope="col" key={d.key}>
                  {names.dimension(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.trend.map((p) => (
              <tr key={p.period}>
                <th scope="row">{p.period}</th>
                <td>
                  <Figure value={p.n} />
                </td>
                <td>
                  <Figure value={p.overall.mean} />
                </td>
                <td>
                  <Figure value={p.overall.q1} />
                </td>
                <td>
                  <Figure value={p.overall.median} />
                </td>
                <td>
                  <Figure value={p.overall.q3} />
                </td>
                {p.dimensions.map((f, i) => (
                  <td key={dimensions[i]?.key ?? i}>
                    <Centre value={f.median ?? f.mean} measure={p.measure} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Card>

      {comparison.items ? (
        <Card title="benchmark.comparison.itemsTitle">
          <p className="muted">{t("benchmark.comparison.itemsIntro")}</p>
          <DataTable compact testId="items-table" scrollable>
            <thead>
              <tr>
                <th scope="col">{t("benchmark.comparison.item")}</th>
                <th scope="col">{t("benchmark.comparison.share")}</th>
              </tr>
            </thead>
            <tbody>
              {numberItems(
                comparison.dimensions.map((d) => d.key),
                comparison.items,
              ).map((item) => (
                <tr key={item.key}>
                  <th scope="row">
                    {itemLabel(item.dimensionNumber, item.position, locale === "en" ? item.textEn : item.textNl)}
                  </th>
                  <td>
                    <Figure value={item.share === null ? null : item.share * 100} suffix=" %" />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Card>
      ) : null}

      <RowsView comparison={comparison} filters={filters} />
    </div>
  );
}

function RowsView({ comparison, filters }: { comparison: Comparison; filters: ComparisonFilters }) {
  const { t } = useI18n();
  const names = useNames();
  const rows = comparison.rows;
  return (
    <Card title="benchmark.comparison.organisationsTitle">
      <p className="muted">{t("benchmark.comparison.unlisted")}</p>
      {rows.shown.length > 0 ? (
        <DataTable compact testId="organisations-table" scrollable>
          <thead>
            <tr>
              <th scope="col">{t("benchmark.comparison.organisation")}</th>
              <th scope="col">{t("benchmark.comparison.country")}</th>
              <th scope="col">{t("benchmark.comparison.sector")}</th>
              <th scope="col">{t("benchmark.comparison.sizeBand")}</th>
              <th scope="col">{t("benchmark.comparison.year")}</th>
              <th scope="col">{t("benchmark.comparison.overall")}</th>
              <th scope="col">{t("benchmark.comparison.level")}</th>
              {comparison.dimensions.map((d) => (
                <th scope="col" key={d.key}>
                  {names.dimension(d)}
                </th>
              ))}
              <th scope="col">{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.shown.map((row) => (
              <tr key={row.ref}>
                <th scope="row">{row.name}</th>
                <td>{t(`countries.${row.country}` as MessageKey)}</td>
                <td>{t(`sectors.${row.sector}` as MessageKey)}</td>
                <td>{t(`sizeBands.${row.sizeBand}` as MessageKey)}</td>
                <td>{row.period}</td>
                <td>
                  <Score value={row.overall} />
                </td>
                <td>
                  <LevelName level={row.overallLevel} />
                </td>
                {row.dimensions.map((d, i) => (
                  <td key={comparison.dimensions[i]?.key ?? i}>
                    <Score value={d.score} />
                  </td>
                ))}
                <td>
                  <Link
                    to={filtersToQuery({ ...filters, org: row.ref })}
                    aria-label={`${t("benchmark.comparison.compareWithGroup")}: ${row.name}`}
                  >
                    {t("benchmark.comparison.compareWithGroup")}
                  </Link>
                  {" · "}
                  <Link
                    to={`/partner/benchmark/organisations/${row.ref}`}
                    aria-label={`${t("benchmark.comparison.viewItems")}: ${row.name}`}
                  >
                    {t("benchmark.comparison.viewItems")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {rows.pages > 1 ? (
        <nav className="pager" aria-label={t("benchmark.comparison.page", { page: rows.page, pages: rows.pages })}>
          {rows.page > 1 ? (
            <Link to={filtersToQuery({ ...filters, page: String(rows.page - 1) })}>{t("common.previous")}</Link>
          ) : null}
          <span>{t("benchmark.comparison.page", { page: rows.page, pages: rows.pages })}</span>
          {rows.page < rows.pages ? (
            <Link to={filtersToQuery({ ...filters, page: String(rows.page + 1) })}>{t("common.next")}</Link>
          ) : null}
        </nav>
      ) : null}
    </Card>
  );
}

function SelectedView({
  row,
  chart,
  comparison,
  filters,
}: {
  row: ComparisonRow;
  chart: ComparisonCharts["selected"];
  comparison: Comparison;
  filters: ComparisonFilters;
}) {
  const { t } = useI18n();
  const names = useNames();
  const organisation = row.name;
  const rows = [
    {
      key: "overall",
      name: t("benchmark.comparison.overall"),
      own: row.overall,
      median: comparison.group.overall.median ?? comparison.group.overall.mean,
    },
    ...comparison.dimensions.map((d, i) => ({
      key: d.key,
      name: names.dimension(d),
      own: row.dimensions[i]?.score ?? null,
      median: comparison.group.dimensions[i]?.median ?? comparison.group.dimensions[i]?.mean ?? null,
    })),
  ];
  return (
    <Card>
      <h2 className="card__title">{t("benchmark.comparison.selectedTitle", { organisation })}</h2>
      {chart ? <StaticChart chart={chart} testId="selected-chart" /> : null}
      <MedianTable
        testId="selected-table"
        ownHeading="benchmark.comparison.selectedScore"
        medianHeading={
          comparison.group.measure === "mean" ? "benchmark.centre.groupMean" : "benchmark.comparison.groupMedian"
        }
        rows={rows}
      />
      <p>
        <Link to={filtersToQuery({ ...filters, org: undefined })}>{t("benchmark.comparison.closeSelected")}</Link>
      </p>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

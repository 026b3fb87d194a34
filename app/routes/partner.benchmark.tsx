import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, PageHeader } from "~/components/ui/page";
import { LevelName, Score, Suppressed, useFigure } from "~/features/benchmark/components/cells";
import { DistributionChart, PairChart, TrendChart } from "~/features/benchmark/components/charts";
import { breakdownLabel, FilterForm } from "~/features/benchmark/components/filter-form";
import type { Comparison, ComparisonRow, OrganisationLabel } from "~/features/benchmark/compare";
import { getComparison } from "~/features/benchmark/comparison.server";
import { MIN_GROUP_SIZE } from "~/features/benchmark/disclosure";
import { type ComparisonFilters, filtersToQuery, parseComparisonFilters } from "~/features/benchmark/filters";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/i18n-react";
import { requireRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "partner");
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries([...params.entries()].map(([k, v]) => [k, v.slice(0, 40)]));
  const parsed = parseComparisonFilters(params);
  if (!parsed.ok) {
    return data({ kind: "invalid" as const, errors: parsed.errors, raw, periods: [] as string[], comparison: null, filters: null }, { status: 400 });
  }
  const outcome = getComparison(parsed.filters);
  if (outcome.kind === "invalid") {
    return data({ kind: "invalid" as const, errors: outcome.errors, raw, periods: outcome.periods, comparison: null, filters: null }, { status: outcome.status });
  }
  if (outcome.kind === "empty") return data({ kind: "empty" as const, errors: null, raw, periods: [] as string[], comparison: null, filters: parsed.filters });
  return data({ kind: "ok" as const, errors: null, raw, periods: outcome.comparison.periods, comparison: outcome.comparison, filters: parsed.filters });
}

export default function PartnerBenchmark() {
  const { kind, errors, raw, periods, comparison, filters } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title="benchmark.comparison.title"
        intro="benchmark.comparison.intro"
        introParams={{ version: comparison?.version ?? 1, k: MIN_GROUP_SIZE }}
        actions={
          comparison && filters ? (
            <a className="button button--secondary" href={`/partner/benchmark/export${filtersToQuery({ ...filters, page: undefined, org: undefined })}`} download>
              {t("benchmark.comparison.exportCsv")}
            </a>
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
      {comparison && filters ? <ComparisonView comparison={comparison} filters={filters} /> : null}
    </>
  );
}

function useNames() {
  const { locale, t } = useI18n();
  return {
    dimension: (d: { nameNl: string; nameEn: string }) => (locale === "en" ? d.nameEn : d.nameNl),
    organisation: (label: OrganisationLabel) => (label.kind === "name" ? label.name : t("benchmark.comparison.pseudonym", { code: label.code })),
  };
}

function attributeLabel(by: string, value: string): MessageKey {
  if (by === "country") return `countries.${value}` as MessageKey;
  if (by === "sizeBand") return `sizeBands.${value}` as MessageKey;
  return `sectors.${value}` as MessageKey;
}

function ComparisonView({ comparison, filters }: { comparison: Comparison; filters: ComparisonFilters }) {
  const { t, locale } = useI18n();
  const number = useFigure();
  const names = useNames();
  const { group, dimensions } = comparison;
  const summaries = [{ name: t("benchmark.comparison.overall"), s: group.overall }, ...dimensions.map((d, i) => ({ name: names.dimension(d), s: group.dimensions[i] ?? null }))];
  return (
    <div className="stack">
      <Card title="benchmark.comparison.groupTitle">
        {group.decision.shown ? (
          <p>
            <strong>{t("benchmark.comparison.groupSize", { n: group.n ?? 0 })}</strong>
          </p>
        ) : (
          <p className="benchmark-group-suppressed">
            <strong>{t("benchmark.comparison.groupSuppressed")}</strong> — <Suppressed decision={group.decision} />
          </p>
        )}
        {group.decision.shown ? (
          <>
            <h3>{t("benchmark.comparison.distributionTitle")}</h3>
            <DistributionChart
              label={t("benchmark.comparison.distributionChart")}
              labels={{ min: t("benchmark.comparison.min"), q1: t("benchmark.comparison.q1"), median: t("benchmark.comparison.median"), q3: t("benchmark.comparison.q3"), max: t("benchmark.comparison.max") }}
              data={summaries.flatMap(({ name, s }) => (s ? [{ name, min: s.min, q1: s.q1, median: s.median, q3: s.q3, max: s.max }] : []))}
            />
            <div className="table-wrap" tabIndex={0}>
              <table className="table table--compact" data-testid="group-table">
                <caption className="visually-hidden">{t("benchmark.comparison.distributionTitle")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("benchmark.comparison.dimension")}</th>
                    <th scope="col">{t("benchmark.comparison.n")}</th>
                    <th scope="col">{t("benchmark.comparison.min")}</th>
                    <th scope="col">{t("benchmark.comparison.q1")}</th>
                    <th scope="col">{t("benchmark.comparison.median")}</th>
                    <th scope="col">{t("benchmark.comparison.q3")}</th>
                    <th scope="col">{t("benchmark.comparison.max")}</th>
                  </tr>
                </thead>
                <tbody>
                  {summaries.map(({ name, s }) => (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td>{s ? s.n : "–"}</td>
                      <td><Score value={s?.min} /></td>
                      <td><Score value={s?.q1} /></td>
                      <td><Score value={s?.median} /></td>
                      <td><Score value={s?.q3} /></td>
                      <td><Score value={s?.max} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </Card>

      {comparison.selected ? <SelectedView row={comparison.selected} comparison={comparison} filters={filters} /> : null}

      <Card>
        <h2 className="card__title">{t("benchmark.comparison.breakdownTitle", { by: t(breakdownLabel(comparison.breakdown.by)).toLowerCase() })}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="table table--compact" data-testid="breakdown-table">
            <thead>
              <tr>
                <th scope="col">{t(breakdownLabel(comparison.breakdown.by))}</th>
                <th scope="col">{t("benchmark.comparison.n")}</th>
                <th scope="col">{t("benchmark.comparison.overall")}</th>
                {dimensions.map((d) => (
                  <th scope="col" key={d.key}>{names.dimension(d)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {comparison.breakdown.cells.map((cell) => (
                <tr key={cell.value} data-cell={cell.value} data-shown={cell.decision.shown ? "yes" : "no"}>
                  <th scope="row">{t(attributeLabel(comparison.breakdown.by, cell.value))}</th>
                  {cell.decision.shown ? (
                    <>
                      <td>{cell.n}</td>
                      <td><Score value={cell.overallMedian} /></td>
                      {cell.dimensionMedians.map((m, i) => (
                        <td key={dimensions[i]?.key ?? i}><Score value={m} /></td>
                      ))}
                    </>
                  ) : (
                    <td colSpan={2 + dimensions.length}>
                      <Suppressed decision={cell.decision} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card title="benchmark.comparison.trendTitle">
        {comparison.trend.some((p) => p.decision.shown) ? (
          <TrendChart
            label={t("benchmark.comparison.trendChart")}
            seriesLabel={t("benchmark.comparison.trendMedian")}
            dimensionNames={dimensions.map(names.dimension)}
            data={comparison.trend.map((p) => ({
              period: p.period,
              median: p.overall ? Math.round(p.overall.median * 10) / 10 : null,
              dimensions: p.dimensionMedians.map((m) => (m === null ? null : Math.round(m * 10) / 10)),
            }))}
          />
        ) : null}
        <div className="table-wrap" tabIndex={0}>
          <table className="table table--compact" data-testid="trend-table">
            <thead>
              <tr>
                <th scope="col">{t("benchmark.comparison.year")}</th>
                <th scope="col">{t("benchmark.comparison.n")}</th>
                <th scope="col">{t("benchmark.comparison.q1")}</th>
                <th scope="col">{t("benchmark.comparison.median")}</th>
                <th scope="col">{t("benchmark.comparison.q3")}</th>
                {dimensions.map((d) => (
                  <th scope="col" key={d.key}>{names.dimension(d)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {comparison.trend.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{p.period}</th>
                  {p.decision.shown ? (
                    <>
                      <td>{p.n}</td>
                      <td><Score value={p.overall?.q1} /></td>
                      <td><Score value={p.overall?.median} /></td>
                      <td><Score value={p.overall?.q3} /></td>
                      {p.dimensionMedians.map((m, i) => (
                        <td key={dimensions[i]?.key ?? i}><Score value={m} /></td>
                      ))}
                    </>
                  ) : (
                    <td colSpan={4 + dimensions.length}>
                      <Suppressed decision={p.decision} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      {comparison.items ? (
        <Card title="benchmark.comparison.itemsTitle">
          <p className="muted">{t("benchmark.comparison.itemsIntro")}</p>
          <div className="table-wrap" tabIndex={0}>
            <table className="table table--compact" data-testid="items-table">
              <thead>
                <tr>
                  <th scope="col">{t("benchmark.comparison.item")}</th>
                  <th scope="col">{t("benchmark.comparison.share")}</th>
                  <th scope="col">{t("benchmark.comparison.answered")}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.items.map((item) => (
                  <tr key={item.key}>
                    <th scope="row">
                      <span className="muted">{item.key}</span> {locale === "en" ? item.textEn : item.textNl}
                    </th>
                    <td>{item.share === null ? "–" : `${number(item.share * 100, 0)} %`}</td>
                    <td>{item.answered}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
  if (!rows) return null;
  return (
    <Card title="benchmark.comparison.organisationsTitle">
      {rows.withheld > 0 ? <p className="muted">{t("benchmark.comparison.withheld", { count: rows.withheld })}</p> : null}
      <div className="table-wrap" tabIndex={0}>
        <table className="table table--compact" data-testid="organisations-table">
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
                <th scope="col" key={d.key}>{names.dimension(d)}</th>
              ))}
              <th scope="col">{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.shown.map((row) => (
              <tr key={row.ref}>
                <th scope="row">{names.organisation(row.label)}</th>
                <td>{t(`countries.${row.country}` as MessageKey)}</td>
                <td>{t(`sectors.${row.sector}` as MessageKey)}</td>
                <td>{t(`sizeBands.${row.sizeBand}` as MessageKey)}</td>
                <td>{row.period}</td>
                <td><Score value={row.overall} /></td>
                <td><LevelName level={row.overallLevel} /></td>
                {row.dimensions.map((d, i) => (
                  <td key={comparison.dimensions[i]?.key ?? i}><Score value={d.score} /></td>
                ))}
                <td>
                  <Link to={filtersToQuery({ ...filters, org: row.ref })} aria-label={`${t("benchmark.comparison.compareWithGroup")}: ${names.organisation(row.label)}`}>
                    {t("benchmark.comparison.compareWithGroup")}
                  </Link>
                  {row.label.kind === "name" ? (
                    <>
                      {" · "}
                      <Link to={`/partner/benchmark/organisations/${row.ref}`} aria-label={`${t("benchmark.comparison.viewItems")}: ${names.organisation(row.label)}`}>
                        {t("benchmark.comparison.viewItems")}
                      </Link>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.pages > 1 ? (
        <nav className="pager" aria-label={t("benchmark.comparison.page", { page: rows.page, pages: rows.pages })}>
          {rows.page > 1 ? <Link to={filtersToQuery({ ...filters, page: String(rows.page - 1) })}>{t("common.previous")}</Link> : null}
          <span>{t("benchmark.comparison.page", { page: rows.page, pages: rows.pages })}</span>
          {rows.page < rows.pages ? <Link to={filtersToQuery({ ...filters, page: String(rows.page + 1) })}>{t("common.next")}</Link> : null}
        </nav>
      ) : null}
    </Card>
  );
}

function SelectedView({ row, comparison, filters }: { row: ComparisonRow; comparison: Comparison; filters: ComparisonFilters }) {
  const { t } = useI18n();
  const names = useNames();
  const organisation = names.organisation(row.label);
  const data = comparison.dimensions.map((d, i) => ({ name: names.dimension(d), own: row.dimensions[i]?.score ?? null, group: comparison.group.dimensions[i]?.median ?? null }));
  return (
    <Card>
      <h2 className="card__title">{t("benchmark.comparison.selectedTitle", { organisation })}</h2>
      <PairChart data={data} label={t("benchmark.comparison.selectedChart", { organisation })} ownLabel={t("benchmark.comparison.selectedScore")} groupLabel={t("benchmark.comparison.groupMedian")} />
      <div className="table-wrap" tabIndex={0}>
        <table className="table table--compact" data-testid="selected-table">
          <thead>
            <tr>
              <th scope="col">{t("benchmark.comparison.dimension")}</th>
              <th scope="col">{t("benchmark.comparison.selectedScore")}</th>
              <th scope="col">{t("benchmark.comparison.groupMedian")}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("benchmark.comparison.overall")}</th>
              <td><Score value={row.overall} /></td>
              <td><Score value={comparison.group.overall?.median} /></td>
            </tr>
            {data.map((d) => (
              <tr key={d.name}>
                <th scope="row">{d.name}</th>
                <td><Score value={d.own} /></td>
                <td><Score value={d.group} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to={filtersToQuery({ ...filters, org: undefined })}>{t("benchmark.comparison.closeSelected")}</Link>
      </p>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

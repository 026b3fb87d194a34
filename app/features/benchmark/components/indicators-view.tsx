// The programme indicators tables, shared by the partner and the admin page.
import type { IndicatorCell, IndicatorTable } from "../indicators";
import { DataTable } from "~/components/ui/data-table";
import { INDICATORS } from "../indicators";
import { MIN_GROUP_SIZE } from "../disclosure";
import { AdjustedNote, NotShown, useFigure } from "./cells";
import { ExportLinks } from "~/components/ui/export-links";
import { Card, PageHeader } from "~/components/ui/page";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/i18n-react";

function Value({ indicator, cell }: { indicator: string; cell: IndicatorCell }) {
  const { t } = useI18n();
  const number = useFigure();
  if (!cell.available) return <span className="muted">{t("benchmark.indicators.notAvailable")}</span>;
  if (cell.value === null) return <NotShown />;
  if (indicator === "shareMatched") return <>{number(cell.value * 100, 0)} %</>;
  if (indicator === "meanScoreChange")
    return (
      <>
        {cell.value > 0 ? "+" : ""}
        {number(cell.value, 1)}
      </>
    );
  if (indicator === "medianDaysToMatch") return <>{number(cell.value, 1)}</>;
  return <>{number(cell.value, 0)}</>;
}

function Table({ table, title }: { table: IndicatorTable; title: MessageKey }) {
  const { t } = useI18n();
  const label = (key: string) => t((table.by === "country" ? `countries.${key}` : `sectors.${key}`) as MessageKey);
  return (
    <Card title={title}>
      <DataTable compact testId={`indicators-${table.by}`} scrollable>
        <thead>
          <tr>
            <th scope="col">{t("benchmark.indicators.group")}</th>
            {INDICATORS.map((i) => (
              <th scope="col" key={i}>
                {t(`benchmark.indicators.${i}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...table.rows, table.total].map((row) => (
            <tr key={row.key} data-cell={row.key}>
              <th scope="row">{row.key === "total" ? t("benchmark.indicators.total") : label(row.key)}</th>
              {INDICATORS.map((i) => (
                <td key={i} data-indicator={i}>
                  <Value indicator={i} cell={row.cells[i]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </Card>
  );
}

export function IndicatorsView({
  byCountry,
  bySector,
  matchingAvailable,
  exportHref,
}: {
  byCountry: IndicatorTable;
  bySector: IndicatorTable;
  matchingAvailable: boolean;
  exportHref: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title="benchmark.indicators.title"
        intro="benchmark.indicators.intro"
        introParams={{ k: MIN_GROUP_SIZE }}
        actions={<ExportLinks href={exportHref} what={t("benchmark.indicators.title")} />}
      />
      {!matchingAvailable ? <p className="alert alert--info">{t("benchmark.indicators.notAvailableNote")}</p> : null}
      <div className="stack">
        <AdjustedNote />
        <Table table={byCountry} title="benchmark.indicators.byCountry" />
        <Table table={bySector} title="benchmark.indicators.bySector" />
      </div>
    </>
  );
}

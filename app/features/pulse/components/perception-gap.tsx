// The perception gap beside the scan (the results page, the report, the partner's pulse) and the pulse trend, in a
// module of their own so that those pages do not load HR's whole pulse view (page weight, decision 143).
import { Form } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table";
import { useI18n } from "~/utils/i18n-react";
import type { GapCallout, GapRow } from "../gap";

const round = (n: number | null) => (n === null ? null : Math.round(n));

export function Score({ value }: { value: number | null }) {
  const { t } = useI18n();
  return value === null ? <span className="muted">{t("pulse.hr.notShownCell")}</span> : <>{round(value)}</>;
}

export function PulseTrend({
  trend,
}: {
  trend: { period: string; newcomers: number | null; buddies: number | null }[];
}) {
  const { t } = useI18n();
  return (
    <DataTable compact testId="pulse-trend" label={t("pulse.hr.title")}>
      <thead>
        <tr>
          <th scope="col">{t("pulse.hr.period")}</th>
          <th scope="col">{t("pulse.hr.newcomers")}</th>
          <th scope="col">{t("pulse.hr.buddies")}</th>
        </tr>
      </thead>
      <tbody>
        {trend.map((row) => (
          <tr key={row.period}>
            <th scope="row">{row.period}</th>
            <td>
              <Score value={row.newcomers} />
            </td>
            <td>
              <Score value={row.buddies} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export type PerceptionGapData = {
  rows: GapRow[];
  callouts: GapCallout[];
  newcomers: { period: string; respondents: number } | null;
  buddies: { period: string; respondents: number } | null;
  trend: { period: string; newcomers: number | null; buddies: number | null }[];
};

/** The gap table and callouts; with `actionForm` each callout offers to add an action to the plan. */
export function PerceptionGap({
  gap,
  dimensionName,
  actionForm,
  tableOnly,
}: {
  gap: PerceptionGapData;
  dimensionName: (key: string) => string;
  actionForm?: { action: string };
  tableOnly?: boolean;
}) {
  const { t } = useI18n();
  const basis = (g: { period: string; respondents: number } | null) =>
    g ? t("pulse.gap.basisGroup", { period: g.period, count: g.respondents }) : t("pulse.gap.basisNone");
  if (!tableOnly && !gap.newcomers && !gap.buddies) return <p className="muted">{t("pulse.gap.notShown")}</p>;
  return (
    <div className="stack" data-testid="perception-gap">
      <p className="muted">{t("pulse.gap.intro")}</p>
      {tableOnly ? null : (
        <p className="cell-sub">
          {t("pulse.gap.basis", { newcomers: basis(gap.newcomers), buddies: basis(gap.buddies) })}
        </p>
      )}
      {tableOnly ? null : gap.callouts.length ? (
        <ul className="gap-callouts">
          {gap.callouts.map((c) => {
            const audience = t(
              c.audience === "newcomers" ? "pulse.gap.audienceNewcomers" : "pulse.gap.audienceBuddies",
            );
            const params = {
              dimension: dimensionName(c.key).toLowerCase(),
              hr: Math.round(c.hr),
              audience,
              experienced: Math.round(c.experienced),
            };
            return (
              <li key={c.key} className="gap-callout">
                <strong>{t("pulse.gap.callout", params)}</strong>
                {actionForm ? (
                  <Form method="post" action={actionForm.action} className="gap-callout__form no-print">
                    <input type="hidden" name="intent" value="addAction" />
                    <input type="hidden" name="dimensionKey" value={c.key} />
                    <input
                      type="hidden"
                      name="action"
                      value={t("pulse.gap.actionText", { ...params, dimension: dimensionName(c.key) })}
                    />
                    <input type="hidden" name="owner" value={t("pulse.gap.owner")} />
                    <input type="hidden" name="status" value="open" />
                    <button type="submit" className="button button--secondary">
                      {t("pulse.gap.addAction")}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t("pulse.gap.noCallouts")}</p>
      )}
      <DataTable compact label={t("pulse.hr.title")}>
        <thead>
          <tr>
            <th scope="col">{t("pulse.hr.dimension")}</th>
            <th scope="col">{t("pulse.gap.hr")}</th>
            <th scope="col">{t("pulse.gap.newcomers")}</th>
            <th scope="col">{t("pulse.gap.buddies")}</th>
            <th scope="col">{t("pulse.gap.gapColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {gap.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{dimensionName(r.key)}</th>
              <td>
                <Score value={r.hr} />
              </td>
              <td>
                <Score value={r.newcomers} />
              </td>
              <td>
                <Score value={r.buddies} />
              </td>
              <td>
                {r.largest
                  ? `${Math.round(r.largest.gap)} (${t(r.largest.audience === "newcomers" ? "pulse.gap.audienceNewcomers" : "pulse.gap.audienceBuddies")})`
                  : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {gap.trend.length ? (
        <>
          <h3 className="small-heading">{t("pulse.gap.trend")}</h3>
          <PulseTrend trend={gap.trend} />
        </>
      ) : null}
    </div>
  );
}

import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, PageHeader } from "~/components/ui/page";
import { AdjustedNote } from "~/features/benchmark/components/cells";
import { MedianTable } from "~/features/benchmark/components/median-table";
import { StaticChart } from "~/components/ui/static-chart";
import { ownPositionChart } from "~/features/benchmark/charts.server";
import { PeerGroupSchema } from "~/features/benchmark/filters";
import { PEER_GROUPS } from "~/features/benchmark/filters.options";
import { getOwnPosition, peerGroupCookie, readPeerGroup } from "~/features/benchmark/peer.server";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";
import { statusOf } from "~/utils/respond.server";

export const meta = pageTitle("hrBenchmark");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const asked = new URL(request.url).searchParams.get("group");
  let group = readPeerGroup(request);
  const headers = new Headers();
  if (asked !== null) {
    const parsed = PeerGroupSchema.safeParse(asked);
    if (!parsed.success) {
      return data(
        { error: "benchmark.errors.unknownValue" as const, group, position: null, chart: null },
        { status: statusOf("invalid") },
      );
    }
    group = parsed.data;
    headers.append("Set-Cookie", peerGroupCookie(group));
  }
  const position = getOwnPosition(user.organisationId, group);
  const chart = position.kind === "ok" ? ownPositionChart(position, resolveLocale(request, user.locale)) : null;
  return data({ error: null, group, position, chart }, { headers });
}

export default function HrBenchmark() {
  const { error, group, position, chart } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <PageHeader
        title="benchmark.hr.title"
        intro={position?.kind === "ok" ? "benchmark.hr.intro" : undefined}
        introParams={{ period: position?.kind === "ok" ? position.period : "" }}
      />
      {error ? (
        <div className="alert alert--error" role="alert">
          {t(error)}
        </div>
      ) : null}
      {position?.kind === "no_scan" ? (
        <Card>
          <EmptyState message="benchmark.hr.noScan" />
        </Card>
      ) : null}
      {position?.kind === "ok" ? (
        <>
          <Form method="get" className="filter-bar">
            <fieldset className="fieldset">
              <legend className="field__static-label">{t("benchmark.hr.groupLabel")}</legend>
              {PEER_GROUPS.map((g) => (
                <div className="field--checkbox field" key={g}>
                  <input type="radio" id={`group-${g}`} name="group" value={g} defaultChecked={g === group} />
                  <label htmlFor={`group-${g}`}>
                    {t(g === "country" ? "benchmark.hr.groupCountry" : "benchmark.hr.groupSector", {
                      value:
                        g === "country"
                          ? t(`countries.${position.country}` as MessageKey)
                          : t(`sectors.${position.sector}` as MessageKey),
                    })}
                  </label>
                </div>
              ))}
            </fieldset>
            <div className="filter-bar__actions">
              <button type="submit" className="button">
                {t("benchmark.hr.apply")}
              </button>
            </div>
          </Form>
          <AdjustedNote />
          <Card>
            {position.peers.shown && position.peers.groupSize !== null ? (
              <p data-testid="peer-status">{t("benchmark.hr.peers", { n: position.peers.groupSize })}</p>
            ) : (
              <p className="alert alert--info" role="status" data-testid="peer-status">
                {t("benchmark.hr.suppressed")}
              </p>
            )}
            {chart ? <StaticChart chart={chart} testId="position-chart" /> : null}
            <MedianTable
              testId="position-table"
              ownHeading="benchmark.hr.own"
              medianHeading={
                position.peers.measure === "mean" ? "benchmark.centre.groupMean" : "benchmark.hr.peerMedian"
              }
              withLevel
              difference={{ heading: "benchmark.hr.difference", shown: position.peers.shown }}
              rows={[
                {
                  key: "overall",
                  name: t("benchmark.comparison.overall"),
                  own: position.overall,
                  level: position.overallLevel,
                  median: position.peers.overall,
                },
                ...position.dimensions.map((d) => ({
                  key: d.key,
                  name: locale === "en" ? d.nameEn : d.nameNl,
                  own: d.own,
                  level: d.ownLevel,
                  median: d.peerMedian,
                })),
              ]}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

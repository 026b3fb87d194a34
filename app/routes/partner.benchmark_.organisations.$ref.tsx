import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card } from "~/components/ui/page";
import { Score } from "~/features/benchmark/components/cells";
import { getOrganisationItems } from "~/features/benchmark/comparison.server";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/i18n-react";
import { notFound, requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";
import { itemLabel, numberItems } from "~/features/scan/item-label";

export const meta = pageTitle("partnerBenchmarkOrganisation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "partner");
  const result = getOrganisationItems(params.ref ?? "");
  // A non-consenting, unknown or malformed reference: the same 404, so nothing can be probed.
  if (result.kind === "not_found") throw notFound();
  return data(result);
}

const ANSWER_KEYS: Record<number, string> = {
  0: "0",
  1: "1",
  2: "2",
  3: "3",
  4: "4",
  [-1]: "dont_know",
  [-2]: "not_applicable",
  [-3]: "missing",
};

export default function PartnerOrganisationItems() {
  const result = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const dimensionName = (key: string) => {
    const d = result.dimensions.find((x) => x.key === key);
    return d ? (locale === "en" ? d.nameEn : d.nameNl) : key;
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("benchmark.organisationItems.title", { organisation: result.name })}</h1>
          <p className="page-header__intro">{t("benchmark.organisationItems.intro", { period: result.period })}</p>
        </div>
      </div>
      <Card>
        <p>
          {t("benchmark.comparison.overall")}:{" "}
          <strong>
            <Score value={result.overall} />
          </strong>
        </p>
        <DataTable compact scrollable>
          <thead>
            <tr>
              <th scope="col">{t("benchmark.comparison.dimension")}</th>
              <th scope="col">{t("benchmark.comparison.item")}</th>
              <th scope="col">{t("benchmark.organisationItems.value")}</th>
            </tr>
          </thead>
          <tbody>
            {numberItems(
              result.dimensions.map((d) => d.key),
              result.items,
            ).map((item) => (
              <tr key={item.key}>
                <td>{dimensionName(item.dimensionKey)}</td>
                <th scope="row">
                  {itemLabel(item.dimensionNumber, item.position, locale === "en" ? item.textEn : item.textNl)}
                </th>
                <td>
                  {t(`benchmark.organisationItems.answers.${ANSWER_KEYS[item.value] ?? "missing"}` as MessageKey)}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <p>
          <Link to="/partner/benchmark">{t("benchmark.organisationItems.back")}</Link>
        </p>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

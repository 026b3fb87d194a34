import type { LoaderFunctionArgs } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, PageHeader } from "~/components/ui/page";
import { listBuddies } from "~/features/matching/buddies.server";
import { key } from "~/features/matching/components/matching-ui";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrBuddies");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  return { buddies: listBuddies(user.organisationId) };
}

export default function HrBuddies() {
  const { buddies } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <>
      <PageHeader title="matching.buddies.title" intro="matching.buddies.intro" />
      <Card>
        {buddies.length === 0 ? (
          <EmptyState message="matching.buddies.empty" />
        ) : (
          <DataTable>
            <thead>
              <tr>
                <th scope="col">{t("matching.fields.name")}</th>
                <th scope="col">{t("matching.fields.profession")}</th>
                <th scope="col">{t("matching.fields.department")}</th>
                <th scope="col">{t("matching.fields.status")}</th>
                <th scope="col">{t("matching.buddies.load")}</th>
                <th scope="col">{t("matching.buddies.pending")}</th>
                <th scope="col">{t("matching.buddies.trained")}</th>
              </tr>
            </thead>
            <tbody>
              {buddies.map((b) => (
                <tr key={b.id}>
                  <td>{b.name}</td>
                  <td>{t(key(`matching.professions.${b.profession}`))}</td>
                  <td>{b.department ?? "—"}</td>
                  <td>
                    {t(key(`matching.buddyStatus.${b.status}`))}
                    {b.status === "paused" && b.pausedUntil ? ` (${date(`${b.pausedUntil}T12:00:00Z`)})` : ""}
                  </td>
                  <td>
                    <meter
                      className="load-meter"
                      min={0}
                      max={b.capacity}
                      value={b.load}
                      aria-label={t("matching.buddies.loadValue", { load: b.load, capacity: b.capacity })}
                    />{" "}
                    {t("matching.buddies.loadValue", { load: b.load, capacity: b.capacity })}
                  </td>
                  <td>{b.pending}</td>
                  <td>{b.trained ? t("matching.buddies.yes") : t("matching.buddies.no")}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

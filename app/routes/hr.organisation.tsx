import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, PageHeader } from "~/components/ui/page";
import { getStructure } from "~/features/organisations/organisations.server";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrOrganisation");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  return getStructure(user.organisationId);
}

export default function HrOrganisation() {
  const { sites, departments, organisationName, partnersSeeName } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <PageHeader title="hr.organisationTitle" intro="hr.organisationIntro" />
      <section className="card" aria-labelledby="visibility-title" data-testid="partner-visibility">
        <h2 className="card__title" id="visibility-title">
          {t("hr.visibilityTitle")}
        </h2>
        <p>
          {t(partnersSeeName ? "hr.visibilityNamed" : "hr.visibilityAnonymous", { organisation: organisationName })}
        </p>
        <p className="muted">{t("hr.visibilityWho")}</p>
      </section>
      {sites.length === 0 ? (
        <EmptyState message="admin.noSites" />
      ) : (
        <div className="card-grid">
          {sites.map((site) => {
            const own = departments.filter((d) => d.siteId === site.id);
            return (
              <Card key={site.id}>
                <h2 className="card__title">{site.name}</h2>
                <p className="muted">{site.city}</p>
                <h3 className="small-heading">{t("admin.departments")}</h3>
                {own.length === 0 ? (
                  <p className="muted">{t("admin.noDepartments")}</p>
                ) : (
                  <ul className="plain-list">
                    {own.map((d) => (
                      <li key={d.id}>{d.name}</li>
                    ))}
                  </ul>
                )}
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

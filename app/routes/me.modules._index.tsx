import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, PageHeader } from "~/components/ui/page";
import { ModuleList } from "~/features/modules/components/module-list";
import { listModulesForUser } from "~/features/modules/learning.server";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("meModules");

const MODULE_READER_ROLES = ["employee", "newcomer", "hr"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, ...MODULE_READER_ROLES);
  return listModulesForUser(user, resolveLocale(request, user.locale));
}

export default function MyModules() {
  const { assigned, other } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <PageHeader title="modules.list.title" intro="modules.list.intro" />
      {assigned.length === 0 && other.length === 0 ? (
        <Card>
          <EmptyState message="modules.list.empty" />
        </Card>
      ) : null}
      {assigned.length > 0 ? (
        <section aria-labelledby="assigned-modules" className="module-section">
          <h2 id="assigned-modules">{t("modules.list.assignedTitle")}</h2>
          <ModuleList items={assigned} />
        </section>
      ) : null}
      {other.length > 0 ? (
        <section aria-labelledby="other-modules" className="module-section">
          <h2 id="other-modules">{t("modules.list.otherTitle")}</h2>
          <ModuleList items={other} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { EmployeeModulesCard } from "~/features/modules/components/home-cards";
import { moduleHomeSummary } from "~/features/modules/modules.server";
import { resolveLocale } from "~/utils/locale.server";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  return { name: user.name, modules: moduleHomeSummary(user, resolveLocale(request, user.locale)) };
}

export default function EmployeeHome() {
  const { name, modules } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("home.welcome", { name })}</h1>
          <p className="page-header__intro">{t("home.employeeIntro")}</p>
        </div>
      </div>
      <EmployeeModulesCard summary={modules} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

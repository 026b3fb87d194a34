import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, PageHeader } from "~/components/ui/page";
import { checkReadiness, databaseSize } from "~/features/health/health.server";
import { replicationStatus } from "~/utils/lifecycle.server";
import { useI18n } from "~/utils/i18n-react";
import { requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminOperations");

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  return { readiness: checkReadiness(), size: databaseSize(), replication: replicationStatus() };
}

export default function Operations() {
  const { readiness, size, replication } = useLoaderData<typeof loader>();
  const { t, date, number } = useI18n();
  const mib = (bytes: number) => `${number(bytes / 1024 / 1024, 1)} MiB`;
  return (
    <>
      <PageHeader title="operations.title" intro="operations.intro" />
      {replication.state === "failing" && replication.lastError ? (
        <div className="alert alert--error" role="alert">
          {t("operations.replication.failingAlert", { message: replication.lastError.message })}
        </div>
      ) : null}
      <Card title="operations.readiness.title">
        <dl className="match-detail">
          <dt>{t("operations.readiness.migrations")}</dt>
          <dd>{t(`operations.readiness.${readiness.migrations}`)}</dd>
          <dt>{t("operations.readiness.database")}</dt>
          <dd>{t(`operations.readiness.${readiness.database}`)}</dd>
          <dt>{t("operations.readiness.size")}</dt>
          <dd>
            {mib(size.file)} (+ WAL {mib(size.wal)})
          </dd>
        </dl>
      </Card>
      <Card title="operations.replication.title">
        <dl className="match-detail">
          <dt>{t("operations.replication.state")}</dt>
          <dd data-replication-state={replication.state}>{t(`operations.replication.states.${replication.state}`)}</dd>
          {replication.state === "off" ? null : (
            <>
              <dt>{t("operations.replication.replica")}</dt>
              <dd>
                <code>{replication.replica}</code>
              </dd>
              <dt>{t("operations.replication.since")}</dt>
              <dd>{replication.since ? date(replication.since, true) : "—"}</dd>
              <dt>{t("operations.replication.lastReplicatedAt")}</dt>
              <dd>
                {replication.lastReplicatedAt
                  ? date(replication.lastReplicatedAt, true)
                  : t("operations.replication.never")}
              </dd>
              <dt>{t("operations.replication.lastError")}</dt>
              <dd>
                {replication.lastError
                  ? `${date(replication.lastError.at, true)}: ${replication.lastError.message}`
                  : "—"}
              </dd>
              <dt>{t("operations.replication.restarts")}</dt>
              <dd>{replication.restarts}</dd>
            </>
          )}
        </dl>
        {replication.state === "off" ? <p>{t("operations.replication.offHelp")}</p> : null}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

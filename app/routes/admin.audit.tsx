import type { LoaderFunctionArgs } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { EmptyState, PageHeader } from "~/components/ui/page";
import { actionText, auditSentence, detailText } from "~/features/audit/audit-entry";
import { AuditFilterSchema, listAuditLog } from "~/features/audit/audit-log.server";
import { organisationOptions } from "~/features/people/people.server";
import { useI18n } from "~/utils/i18n-react";
import { requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminAudit");

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  const filter = AuditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { filter, log: listAuditLog(filter), organisations: organisationOptions() };
}

export default function AuditLog() {
  const { filter, log, organisations } = useLoaderData<typeof loader>();
  const { t, date, isKey } = useI18n();
  const words = { t, isKey };
  const [params] = useSearchParams();
  const actionLabel = (action: string) => actionText(action, words);
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next}`;
  };
  return (
    <>
      <PageHeader title="admin.auditTitle" intro="admin.auditIntro" />
      <Form method="get" className="filter-bar">
        <div className="field">
          <label htmlFor="audit-action">{t("admin.auditAction")}</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("common.all")}</option>
            {log.actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-org">{t("admin.organisation")}</label>
          <select id="audit-org" name="organisationId" defaultValue={filter.organisationId ?? ""}>
            <option value="">{t("common.all")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("admin.auditFrom")}</label>
          <input id="audit-from" type="date" name="from" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("admin.auditTo")}</label>
          <input id="audit-to" type="date" name="to" defaultValue={filter.to ?? ""} />
        </div>
        <div className="filter-bar__actions">
          <button type="submit" className="button button--secondary">
            {t("common.filter")}
          </button>
          <Link to="/admin/audit">{t("common.reset")}</Link>
        </div>
      </Form>
      <p className="muted" role="status">
        {t("common.results", { count: log.total })}
      </p>
      {log.rows.length === 0 ? (
        <EmptyState message="admin.auditEmpty" />
      ) : (
        <DataTable compact>
          <thead>
            <tr>
              <th scope="col">{t("common.date")}</th>
              <th scope="col">{t("auditLog.entry")}</th>
              <th scope="col">{t("admin.organisation")}</th>
              <th scope="col">{t("admin.auditDetail")}</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{date(r.at, true)}</td>
                <td>{auditSentence(r, words)}</td>
                <td>{r.organisationName ?? "—"}</td>
                <td className="detail">{detailText(r.detail, words)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {log.pages > 1 ? (
        <nav className="pagination" aria-label={t("common.pageOf", { page: log.page, pages: log.pages })}>
          {log.page > 1 ? <Link to={pageLink(log.page - 1)}>{t("common.previous")}</Link> : <span />}
          <span>{t("common.pageOf", { page: log.page, pages: log.pages })}</span>
          {log.page < log.pages ? <Link to={pageLink(log.page + 1)}>{t("common.next")}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

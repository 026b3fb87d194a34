import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SubmitButton } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { EmptyState, Notice, PageHeader } from "~/components/ui/page";
import { RetryMessageSchema } from "~/features/notifications/notifications.schema";
import { failedMessages, outboxCounts, retryMessage } from "~/features/notifications/outbox.server";
import { isNotificationKind } from "~/features/notifications/kinds";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import type { MessageKey } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminOutbox");
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  return { counts: outboxCounts(), failed: failedMessages() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = requireRole(request, "admin");
  const parsed = parseForm(RetryMessageSchema, await readForm(request));
  if (!parsed.success) return failureResponse(invalid(parsed, "notifications.outbox.notFailed"));
  const retried = retryMessage(admin, parsed.data);
  if (!retried.ok) return failureResponse(retried);
  return redirect("/admin/outbox?notice=notifications.outbox.retried");
}

function useKindLabel() {
  const { t } = useI18n();
  return (kind: string) =>
    isNotificationKind(kind)
      ? t(`notifications.kinds.${kind}.label` as MessageKey)
      : kind === "invitation" || kind === "password_reset"
        ? t(`notifications.outbox.transactional.${kind}`)
        : kind;
}

export default function Outbox() {
  const { counts, failed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, date } = useI18n();
  const label = useKindLabel();
  return (
    <>
      <PageHeader title="notifications.outbox.title" intro="notifications.outbox.intro" />
      <Notice message={params.get("notice")} />
      <Notice kind="error" message={actionData?.formError} />
      <section className="card" aria-labelledby="outbox-counts">
        <h2 className="card__title" id="outbox-counts">
          {t("notifications.outbox.countsTitle")}
        </h2>
        <DataTable>
          <thead>
            <tr>
              <th scope="col">{t("notifications.outbox.kind")}</th>
              <th scope="col">{t("notifications.outbox.queued")}</th>
              <th scope="col">{t("notifications.outbox.sending")}</th>
              <th scope="col">{t("notifications.outbox.sent")}</th>
              <th scope="col">{t("notifications.outbox.failed")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.kind}>
                <th scope="row">{label(c.kind)}</th>
                <td>{c.queued}</td>
                <td>{c.sending}</td>
                <td>{c.sent}</td>
                <td>{c.failed}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
      <section className="card" aria-labelledby="outbox-failed">
        <h2 className="card__title" id="outbox-failed">
          {t("notifications.outbox.failedTitle")}
        </h2>
        {failed.length === 0 ? (
          <EmptyState message="notifications.outbox.noFailed" />
        ) : (
          <DataTable>
            <thead>
              <tr>
                <th scope="col">{t("notifications.outbox.kind")}</th>
                <th scope="col">{t("notifications.outbox.created")}</th>
                <th scope="col">{t("notifications.outbox.attempts")}</th>
                <th scope="col">{t("notifications.outbox.error")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("notifications.outbox.retry")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {failed.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{label(f.kind)}</th>
                  <td>{date(f.createdAt, true)}</td>
                  <td>{f.attempts}</td>
                  <td>{f.lastError}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="id" value={f.id} />
                      <SubmitButton variant="secondary">{t("notifications.outbox.retry")}</SubmitButton>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import path from "node:path";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { EmptyState, PageHeader } from "~/components/ui/page";
import { getEnv, isDemo } from "~/utils/env.server";
import { useI18n } from "~/utils/i18n-react";
import { readMailbox } from "~/utils/mail-catcher.server";
import { notFound, requireRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminMailbox");

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  if (!isDemo()) throw notFound();
  return { mails: readMailbox(path.resolve(getEnv().MAILBOX_DIR)) };
}

export default function Mailbox() {
  const { mails } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <>
      <PageHeader title="admin.mailboxTitle" intro="admin.mailboxIntro" />
      {mails.length === 0 ? (
        <EmptyState message="admin.mailboxEmpty" />
      ) : (
        <ol className="mail-list">
          {mails.map((m) => (
            <li key={m.id} className="card">
              <h2 className="card__title">{m.subject}</h2>
              <p className="muted">
                {t("admin.mailTo")}: {m.to.join(", ")} · {date(m.receivedAt, true)}
              </p>
              <pre className="mail-body">{m.text}</pre>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { EmptyState, PageHeader } from "~/components/ui/page";
import { listNotifications } from "~/features/notifications/notify.server";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { failureResponse } from "~/utils/respond.server";
import { requireUser } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("notifications");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const listed = listNotifications(user, { locale: resolveLocale(request, user.locale) });
  if (!listed.ok) throw failureResponse(listed);
  return { items: listed.value };
}

export default function Notifications() {
  const { items } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <>
      <PageHeader
        title="notifications.list.title"
        intro="notifications.list.intro"
        actions={<Link to="/notifications/preferences">{t("notifications.list.preferencesLink")}</Link>}
      />
      {items.length === 0 ? (
        <EmptyState message="notifications.list.empty" />
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.read ? "notification notification--read" : "notification notification--unread"}>
              <span className="badge">{n.read ? t("notifications.list.read") : t("notifications.list.unread")}</span>{" "}
              {/* A plain link: opening it marks the notification read and leads on, with or without JavaScript. */}
              <a href={`/notifications/${n.id}`} className="notification__link">
                {n.title}
              </a>{" "}
              <span className="muted">{date(n.createdAt, true)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { openNotification } from "~/features/notifications/notify.server";
import { notFound, parseId, requireUser } from "~/utils/permissions.server";

// Opening a notification marks it read and leads to what it is about; someone else's id is a 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const opened = openNotification(user, { id: parseId(params.id) });
  if (!opened.ok) throw notFound();
  return redirect(opened.value.link);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

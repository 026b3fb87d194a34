import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { openNotification } from "~/features/notifications/notify.server";
import { notFound, parseId, requireUser } from "~/utils/permissions.server";

// Opening a notification marks it read and leads to what it is about; someone else's id is a 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const link = openNotification(user.id, parseId(params.id));
  if (!link) throw notFound();
  return redirect(link);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Any address no other route knows (decision 164). Without this route Remix answers an unknown address from the root
// error boundary before the root loader has run, so the page had no header, no menu and the wrong language for a
// signed-in person. Matching it here lets the root loader run and shows the 404 inside the usual layout. The module
// has no page of its own: the loader always throws, and the error boundary renders the translated "not found".
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { statusOf } from "~/utils/respond.server";

function notFound(): never {
  throw new Response("Not found", { status: statusOf("not_found") });
}

export function loader(_args: LoaderFunctionArgs) {
  return notFound();
}

export function action(_args: ActionFunctionArgs) {
  return notFound();
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

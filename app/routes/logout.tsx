import { data, redirect, redirectDocument, type ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { ContinueElsewhere } from "~/features/sso/components/sso-forms";
import { providerLogoutUrl } from "~/features/sso/sso-session.server";
import { audit } from "~/utils/audit.server";
import { readForm } from "~/utils/form-body.server";
import { getUser } from "~/utils/permissions.server";
import { destroySession } from "~/utils/session.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("logout");

export async function loader() {
  // Signing out changes state, so only a POST does it; a stray GET just goes home.
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  // The sign-out form sends nothing, but like every action it must be one (a JSON post is a 415, not a sign-out).
  await readForm(request);
  const user = getUser(request);
  if (user)
    audit({
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "auth.logout",
      entityType: "user",
      entityId: user.id,
    });
  // A session opened through the organisation's provider also signs out there (RP-initiated logout), when the
  // provider offers it. Asked before the session row (and its ID token) is deleted.
  const providerUrl = user ? await providerLogoutUrl(request) : null;
  const cookie = destroySession(request);
  if (providerUrl)
    return data(
      { providerUrl },
      { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } },
    );
  return redirectDocument("/login?notice=auth.loggedOut", { headers: { "Set-Cookie": cookie } });
}

export default function SignedOut() {
  const actionData = useActionData<typeof action>();
  if (!actionData) return null;
  return (
    <ContinueElsewhere
      url={actionData.providerUrl}
      title="sso.signedOutTitle"
      body="sso.signedOut"
      button="sso.signedOutButton"
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

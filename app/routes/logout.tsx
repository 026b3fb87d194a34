import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { audit } from "~/utils/audit.server";
import { readForm } from "~/utils/form-body.server";
import { getUser } from "~/utils/permissions.server";
import { destroySession } from "~/utils/session.server";

export async function loader() {
  // Signing out changes state, so only a POST does it; a stray GET just goes home.
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  // The sign-out form sends nothing, but like every action it must be one (a JSON post is a 415, not a sign-out).
  await readForm(request);
  const user = getUser(request);
  if (user) audit({ actorUserId: user.id, organisationId: user.organisationId, action: "auth.logout", entityType: "user", entityId: user.id });
  const cookie = destroySession(request);
  return redirect("/login?notice=auth.loggedOut", { headers: { "Set-Cookie": cookie } });
}

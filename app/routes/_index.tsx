import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getUser, ROLE_HOME } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = getUser(request);
  return redirect(user ? ROLE_HOME[user.role] : "/login");
}

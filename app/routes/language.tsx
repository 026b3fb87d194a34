import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/utils/i18n";
import { localeCookie } from "~/utils/locale.server";
import { getUser, safeRedirectPath } from "~/utils/permissions.server";
import { setUserLocale } from "~/features/account/account.server";
import { readForm } from "~/utils/form-body.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  const target = safeRedirectPath(form.get("redirectTo"), "/");
  if (!isLocale(locale)) return redirect(target);
  const user = getUser(request);
  if (user) setUserLocale(user.id, locale);
  return redirect(target, { headers: { "Set-Cookie": localeCookie(locale) } });
}

import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from "./i18n";
import { titles as enTitles } from "~/locales/en/titles";
import { titles as nlTitles } from "~/locales/nl/titles";
import type { PageTitles } from "./page-title";
import { readCookie } from "./session.server";

export const LOCALE_COOKIE = "lang";

/** The user's saved preference, then the language cookie, then the browser's Accept-Language, then Dutch. */
export function resolveLocale(request: Request, userLocale?: Locale | null): Locale {
  if (userLocale) return userLocale;
  const cookie = readCookie(request, LOCALE_COOKIE);
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; SameSite=Lax; Max-Age=31536000`;
}

const builtTitles = new Map<Locale, Readonly<PageTitles>>();

/**
 * Every page's `<title>` in one language, "<page> · Newcomer-Proof Portal" (app/utils/page-title.ts picks one).
 * Built once per language and frozen: the root loader asks for it on every document (issue 18, server render).
 */
export function pageTitles(locale: Locale): Readonly<PageTitles> {
  const built = builtTitles.get(locale);
  if (built) return built;
  const { suffix, ...pages } = locale === "en" ? enTitles : nlTitles;
  const titles = Object.freeze(
    Object.fromEntries(Object.entries(pages).map(([key, page]) => [key, suffix.replace("{page}", page)])) as PageTitles,
  );
  builtTitles.set(locale, titles);
  return titles;
}

// One `<title>` per page, in the page's language. The root loader sends the finished titles of its language
// (`pageTitles` in locale.server.ts); a route's `meta` picks its own by key from the root match, so the browser
// needs no second catalogue and a client-side navigation gets the same title as a full page load.
import type { MetaDescriptor, MetaFunction } from "@remix-run/react";
import type { titles } from "~/locales/nl/titles";

export type TitleKey = Exclude<keyof typeof titles, "suffix">;
export type PageTitles = Record<TitleKey, string>;

export const PORTAL_NAME = "Newcomer-Proof Portal";

type MatchLike = { id: string; data: unknown };

function titlesOf(data: unknown): Partial<Record<string, unknown>> | undefined {
  if (data === null || typeof data !== "object" || !("titles" in data)) return undefined;
  const found: unknown = data.titles;
  return found !== null && typeof found === "object" ? (found as Partial<Record<string, unknown>>) : undefined;
}

/** The page's title in the root loader's language; the portal's name alone when the root has no data (an error before it loaded). */
export function titleFromMatches(matches: readonly MatchLike[], key: TitleKey): string {
  const title = titlesOf(matches.find((match) => match.id === "root")?.data)?.[key];
  return typeof title === "string" ? title : PORTAL_NAME;
}

/** A route's `meta`: its title by key, and any further tags (e.g. `referrer`) after it. */
export function pageTitle(key: TitleKey, extra: MetaDescriptor[] = []): MetaFunction {
  return ({ matches }) => [{ title: titleFromMatches(matches, key) }, ...extra];
}

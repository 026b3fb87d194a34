// The page's catalogue travels to the browser as a file of its own (decision 143): the document links it
// (`/messages/<locale>?v=<hash of its text>`), the browser fetches it once per language and version and keeps it
// for a year, and the server neither writes nor compresses ~100 KB of JSON into every page.
import { createHash } from "node:crypto";
import { catalogueJson, catalogueOf, LOCALES, type Locale } from "./i18n";
import type { PageCatalogue } from "./i18n-react";

type Served = { page: PageCatalogue; json: string; version: string };

const served = new Map<Locale, Served>();

function servedOf(locale: Locale): Served {
  const known = served.get(locale);
  if (known) return known;
  const messages = catalogueOf(locale);
  const json = catalogueJson(messages);
  const version = createHash("sha256").update(json).digest("hex").slice(0, 12);
  const entry = { page: { locale, messages, url: `/messages/${locale}?v=${version}` }, json, version };
  served.set(locale, entry);
  return entry;
}

/** The catalogue the server renders with, and the address the document gives the browser for it. */
export function pageCatalogueOf(locale: Locale): PageCatalogue {
  return servedOf(locale).page;
}

/** The catalogue file: cached for a year when asked for by its current version, else for a minute. */
export function catalogueResponse(locale: string | undefined, version: string | null): Response {
  const found = LOCALES.find((l) => l === locale);
  if (!found)
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { json, version: current } = servedOf(found);
  const cache = version === current ? "public, max-age=31536000, immutable" : "public, max-age=60";
  return new Response(json, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": cache } });
}

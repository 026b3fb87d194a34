import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import {
  formatDate,
  formatNumber,
  isLocale,
  isMessageKeyIn,
  translateIn,
  type Locale,
  type MessageKey,
  type Translate,
} from "./i18n-core";

type I18n = {
  locale: Locale;
  t: Translate;
  /** Whether a value (e.g. an error from an action) is one of our message keys. */
  isKey: (value: unknown) => value is MessageKey;
  date: (iso: string | Date, withTime?: boolean) => string;
  number: (value: number, fractionDigits?: number) => string;
};

/**
 * The page's one catalogue and its language: set by entry.server.tsx from the server's catalogues, by entry.client.tsx
 * from the file the document links (`url`, decision 143).
 */
export type PageCatalogue = { locale: Locale; messages: unknown; url?: string };
export const CatalogueContext = createContext<PageCatalogue | null>(null);

export const CATALOGUE_ELEMENT_ID = "portal-messages";

/**
 * Fetches the catalogue the document links (see CatalogueLink; the preload has usually brought it already, and the
 * browser keeps it for a year). Null when there is none or it cannot be had: the page then stays as the server sent
 * it, which works without JavaScript, rather than showing message keys.
 */
export async function loadDocumentCatalogue(doc: Document): Promise<PageCatalogue | null> {
  const link = doc.getElementById(CATALOGUE_ELEMENT_ID);
  const url = link?.getAttribute("href");
  const locale = link?.getAttribute("data-locale");
  if (!url || !isLocale(locale)) return null;
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const messages: unknown = await response.json();
    return { locale, messages, url };
  } catch {
    return null;
  }
}

/**
 * After a sign-in, a sign-out or a change of the account's language, the root loader's language can differ from
 * the catalogue the document brought: load the document again, in the user's language.
 */
export function useCatalogueMatches(locale: Locale) {
  const catalogue = useContext(CatalogueContext);
  useEffect(() => {
    if (catalogue && catalogue.locale !== locale) window.location.reload();
  }, [catalogue, locale]);
}

/** Links the page's catalogue file and starts fetching it at once, in parallel with the page's scripts. */
export function CatalogueLink() {
  const catalogue = useContext(CatalogueContext);
  if (!catalogue?.url) return null;
  return (
    <link
      id={CATALOGUE_ELEMENT_ID}
      rel="preload"
      as="fetch"
      crossOrigin="anonymous"
      href={catalogue.url}
      data-locale={catalogue.locale}
    />
  );
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const catalogue = useContext(CatalogueContext);
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, params) => translateIn(catalogue?.messages, locale, key, params),
      isKey: (value): value is MessageKey => isMessageKeyIn(catalogue?.messages, value),
      date: (iso, withTime) => formatDate(locale, iso, withTime),
      number: (n, digits) => formatNumber(locale, n, digits),
    }),
    [locale, catalogue],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

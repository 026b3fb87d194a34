import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import {
  catalogueJson,
  formatDate,
  formatNumber,
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

/** The page's one catalogue and its language: set by entry.server.tsx from the server's catalogues, by entry.client.tsx from the document. */
export type PageCatalogue = { locale: Locale; messages: unknown };
export const CatalogueContext = createContext<PageCatalogue | null>(null);

export const CATALOGUE_ELEMENT_ID = "portal-messages";

/** Reads the catalogue the server wrote into the document (see CatalogueScript). */
export function readDocumentCatalogue(doc: Document): PageCatalogue | null {
  const text = doc.getElementById(CATALOGUE_ELEMENT_ID)?.textContent;
  return text ? (JSON.parse(text) as PageCatalogue) : null;
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

/** Writes the page's catalogue into the document as JSON data (not script), for the browser to hydrate with. */
export function CatalogueScript({ nonce }: { nonce?: string }) {
  const catalogue = useContext(CatalogueContext);
  return (
    <script
      id={CATALOGUE_ELEMENT_ID}
      type="application/json"
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: catalogue ? catalogueJson(catalogue) : "" }}
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

// Translation with both catalogues, for the server, mails and tests. The browser imports i18n-core.ts and gets
// its one catalogue from the document, so no page ships both languages' texts as JavaScript.
import { en } from "~/locales/en";
import { nl } from "~/locales/nl";
import {
  isMessageKeyIn,
  translateIn,
  type Locale,
  type MessageKey,
  type Translate,
  type TranslateParams,
} from "./i18n-core";

export * from "./i18n-core";

const catalogues: Record<Locale, unknown> = { nl, en };

export function catalogueOf(locale: Locale): unknown {
  return catalogues[locale];
}

export function isMessageKey(value: unknown): value is MessageKey {
  return isMessageKeyIn(nl, value);
}

export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  return translateIn(catalogues[locale], locale, key, params);
}

export function makeTranslate(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

// Pure translation helpers shared by server and browser. Catalogues live in app/locales/.
import { en } from "~/locales/en";
import { nl } from "~/locales/nl";

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof nl>;
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

const catalogues: Record<Locale, unknown> = { nl, en };

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && typeof lookup(nl, value) === "string";
}

function lookup(catalogue: unknown, key: string): unknown {
  let node: unknown = catalogue;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

// A counted phrase: "{count, plural, one {# voorstel wacht} other {# voorstellen wachten}}"; # is the number.
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;
const pluralRules: Record<Locale, Intl.PluralRules> = { nl: new Intl.PluralRules("nl-BE"), en: new Intl.PluralRules("en-GB") };

export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const found = lookup(catalogues[locale], key);
  const template = typeof found === "string" ? found : key;
  if (!params) return template;
  return template
    .replace(PLURAL, (whole, name: string, one: string, other: string) => {
      const value = params[name];
      const count = typeof value === "number" ? value : Number(value);
      if (value === undefined || !Number.isFinite(count)) return whole;
      return (pluralRules[locale].select(count) === "one" ? one : other).replace(/#/g, String(value));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function makeTranslate(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** Picks the best supported language from an Accept-Language header. */
export function negotiateLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return null;
}

const intlLocale: Record<Locale, string> = { nl: "nl-BE", en: "en-GB" };

export function formatDate(locale: Locale, iso: string | Date, withTime = false): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return "";
  // Building a DateTimeFormat costs far more than using one: a tick renders thousands of dates.
  const key = `${locale}:${withTime}`;
  let formatter = dateFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), timeZone: "Europe/Brussels" });
    dateFormats.set(key, formatter);
  }
  return formatter.format(date);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits }).format(value);
}

// Pure translation helpers shared by server and browser, without any catalogue: the browser gets only its
// page's language (as JSON in the document, see root.tsx), the server both (i18n.ts). Catalogues: app/locales/.
import type { nl } from "~/locales/nl";

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof nl>;
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}

/** Whether `value` names a message of `catalogue` (every language has the same keys). */
export function isMessageKeyIn(catalogue: unknown, value: unknown): value is MessageKey {
  return typeof value === "string" && typeof lookup(catalogue, value) === "string";
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
const pluralRules: Record<Locale, Intl.PluralRules> = {
  nl: new Intl.PluralRules("nl-BE"),
  en: new Intl.PluralRules("en-GB"),
};

export function translateIn(catalogue: unknown, locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const found = lookup(catalogue, key);
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

/** The catalogue as a JSON text that is safe inside a `<script type="application/json">` element. */
export function catalogueJson(catalogue: unknown): string {
  return JSON.stringify(catalogue)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
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

/** The regional variant of each language whose date and number conventions the portal follows. */
export const INTL_LOCALE: Record<Locale, string> = { nl: "nl-BE", en: "en-GB" };

// Building an Intl formatter costs far more than using one (ICU loads the locale's data each time): pages format
// hundreds of dates and numbers, so each formatter is built once per option set and reused (decision 098).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
      timeZone: "Europe/Brussels",
    });
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDate(locale: Locale, iso: string | Date, withTime = false): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return "";
  return dateFormat(locale, withTime).format(date);
}

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 0): string {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

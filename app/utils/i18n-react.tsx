import { createContext, useContext, useMemo, type ReactNode } from "react";
import { formatDate, formatNumber, makeTranslate, type Locale, type Translate } from "./i18n";

type I18n = {
  locale: Locale;
  t: Translate;
  date: (iso: string | Date, withTime?: boolean) => string;
  number: (value: number, fractionDigits?: number) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: makeTranslate(locale),
      date: (iso, withTime) => formatDate(locale, iso, withTime),
      number: (n, digits) => formatNumber(locale, n, digits),
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

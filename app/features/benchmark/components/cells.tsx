// Small shared pieces of the benchmark tables.
import type { Decision } from "../disclosure";
import { MIN_GROUP_SIZE } from "../disclosure";
import { useI18n } from "~/utils/i18n-react";

// One Intl.NumberFormat per locale and precision: creating one per call costs ~80 µs, and a comparison page
// formats about a thousand numbers.
const formats = new Map<string, Intl.NumberFormat>();
const INTL_LOCALES: Record<string, string> = { nl: "nl-BE", en: "en-GB" };

export function formatFigure(locale: string, value: number, digits = 0): string {
  const key = `${locale}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALES[locale] ?? "nl-BE", { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}

export function useFigure(): (value: number, digits?: number) => string {
  const { locale } = useI18n();
  return (value, digits = 0) => formatFigure(locale, value, digits);
}

export function Score({ value }: { value: number | null | undefined }) {
  const { locale } = useI18n();
  return <>{value === null || value === undefined ? "–" : formatFigure(locale, value, 0)}</>;
}

/** A suppressed cell: no figure, the reason in words. */
export function Suppressed({ decision }: { decision: Decision }) {
  const { t } = useI18n();
  if (decision.shown) return null;
  return (
    <span className="benchmark-suppressed">
      {t("benchmark.reasons.suppressed")}
      <span className="benchmark-suppressed__reason"> · {t(`benchmark.reasons.${decision.reason}`, { k: MIN_GROUP_SIZE })}</span>
    </span>
  );
}

export function LevelName({ level }: { level: number | null | undefined }) {
  const { t } = useI18n();
  if (level === null || level === undefined || level < 1 || level > 5) return <>–</>;
  const key = String(level) as "1" | "2" | "3" | "4" | "5";
  return (
    <>
      {level} · {t(`benchmark.levels.${key}`)}
    </>
  );
}

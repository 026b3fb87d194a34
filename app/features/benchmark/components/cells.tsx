// Small shared pieces of the benchmark tables.
import { type CentreMeasure, MIN_ORDER_STATISTIC_GROUP, noteParams } from "../disclosure";
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

/** A figure that is not shown: one symbol, the same everywhere, no reason and no count (decision 042). */
export function NotShown() {
  const { t } = useI18n();
  return (
    <span className="benchmark-not-shown" title={t("benchmark.notShown.label")}>
      <span aria-hidden="true">{t("benchmark.notShown.symbol")}</span>
      <span className="visually-hidden">{t("benchmark.notShown.label")}</span>
    </span>
  );
}

/** A published group figure: null means "not shown". */
export function Figure({
  value,
  digits = 0,
  suffix = "",
}: {
  value: number | null | undefined;
  digits?: number;
  suffix?: string;
}) {
  const { locale } = useI18n();
  if (value === null || value === undefined) return <NotShown />;
  return (
    <>
      {formatFigure(locale, value, digits)}
      {suffix}
    </>
  );
}

/**
 * A group's centre: the median, or for groups under 20 the mean, marked "gem."/"mean" (decision 047), so a
 * reader never takes a small group's mean for a median.
 */
export function Centre({
  value,
  measure,
}: {
  value: number | null | undefined;
  measure: CentreMeasure | null | undefined;
}) {
  const { t } = useI18n();
  if (value === null || value === undefined) return <NotShown />;
  return (
    <>
      <Figure value={value} />
      {measure === "mean" ? (
        <>
          {" "}
          <abbr className="benchmark-mean" title={t("benchmark.centre.meanLong", { n: MIN_ORDER_STATISTIC_GROUP })}>
            {t("benchmark.centre.meanShort")}
          </abbr>
        </>
      ) : null}
    </>
  );
}

/** What adjusted figures mean for the reader's analysis, with the maximum deviations from the module. */
export function AdjustedNote() {
  const { t } = useI18n();
  return (
    <aside
      className="alert alert--info benchmark-note"
      aria-labelledby="benchmark-note-title"
      data-testid="adjusted-note"
    >
      <h2 id="benchmark-note-title" className="benchmark-note__title">
        {t("benchmark.note.title")}
      </h2>
      <p>{t("benchmark.note.body", noteParams())}</p>
      <p>{t("benchmark.note.latest", noteParams())}</p>
    </aside>
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

// Small shared pieces of the benchmark tables.
import type { Decision } from "../disclosure";
import { MIN_GROUP_SIZE } from "../disclosure";
import { useI18n } from "~/utils/i18n-react";

export function Score({ value }: { value: number | null | undefined }) {
  const { number } = useI18n();
  return <>{value === null || value === undefined ? "–" : number(value, 0)}</>;
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

// Recommended modules, by key and reason. Kept apart so the modules capability can swap in titles and
// assign buttons at merge without touching the results page.
import { useI18n } from "~/utils/i18n-react";

export type RecommendationsProps = {
  recommendations: { moduleKey: string; reasons: { dimensionKey: string; kind: "weak" | "core" }[] }[];
  dimensionName?: (key: string) => string;
};

export function Recommendations({ recommendations, dimensionName = (k) => k }: RecommendationsProps) {
  const { t } = useI18n();
  if (recommendations.length === 0) return <p className="muted">{t("scan.recommendationsNone")}</p>;
  return (
    <ul className="plain-list scan-recommendations" data-testid="recommendations">
      {recommendations.map((r) => (
        <li key={r.moduleKey}>
          <code>{r.moduleKey}</code>
          <ul className="scan-recommendations__reasons">
            {r.reasons.map((reason) => (
              <li key={`${reason.dimensionKey}-${reason.kind}`} className="muted">
                {t(reason.kind === "weak" ? "scan.reasonWeak" : "scan.reasonCore", { dimension: dimensionName(reason.dimensionKey) })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

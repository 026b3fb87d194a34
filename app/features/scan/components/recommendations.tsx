// Recommended modules with their reasons, as a plain list for the printed report (the results page shows
// the modules capability's cards with assignment forms instead).
import { useI18n } from "~/utils/i18n-react";

export type RecommendationsProps = {
  recommendations: {
    moduleKey: string;
    title: string;
    durationMinutes: number;
    reasons: { dimensionKey: string; kind: "weak" | "core" }[];
  }[];
  dimensionName?: (key: string) => string;
};

export function Recommendations({ recommendations, dimensionName = (k) => k }: RecommendationsProps) {
  const { t } = useI18n();
  if (recommendations.length === 0) return <p className="muted">{t("scan.recommendationsNone")}</p>;
  return (
    <ul className="plain-list scan-recommendations" data-testid="recommendations">
      {recommendations.map((r) => (
        <li key={r.moduleKey}>
          <strong>{r.title}</strong>{" "}
          <span className="muted">({t("modules.list.minutes", { n: r.durationMinutes })})</span>
          <ul className="scan-recommendations__reasons">
            {r.reasons.map((reason) => (
              <li key={`${reason.dimensionKey}-${reason.kind}`} className="muted">
                {t(reason.kind === "weak" ? "scan.reasonWeak" : "scan.reasonCore", {
                  dimension: dimensionName(reason.dimensionKey),
                })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

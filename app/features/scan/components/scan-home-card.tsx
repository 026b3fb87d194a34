// The scan's card on the HR home: where the latest scan stands, and the way in.
import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/page";
import { useI18n } from "~/utils/i18n-react";
import { levelKey } from "./results-view";

export function ScanHomeCard({
  latest,
}: {
  latest: {
    id: number;
    period: string;
    status: "draft" | "submitted";
    overallScore: number | null;
    overallLevel: number | null;
    answered: number;
    total: number;
  } | null;
}) {
  const { t, number } = useI18n();
  return (
    <Card title="scan.homeCardTitle">
      {latest === null ? (
        <p>{t("scan.homeNone")}</p>
      ) : latest.status === "draft" ? (
        <p>
          <Link to={`/hr/scans/${latest.id}`}>
            {t("scan.homeDraft", { period: latest.period, answered: latest.answered, total: latest.total })}
          </Link>
        </p>
      ) : (
        <p>
          <Link to={`/hr/scans/${latest.id}/results`}>
            {t("scan.homeSubmitted", {
              period: latest.period,
              score: latest.overallScore === null ? "–" : number(latest.overallScore),
              level: t(levelKey(latest.overallLevel)),
            })}
          </Link>
        </p>
      )}
      <p>
        <Link to="/hr/scans">{t("scan.listTitle")}</Link>
      </p>
    </Card>
  );
}

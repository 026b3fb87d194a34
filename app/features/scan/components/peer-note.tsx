// Under the radar: which peer group the median line stands for, or why it is not drawn.
import { Link } from "@remix-run/react";
import { useI18n } from "~/utils/i18n-react";

export function PeerNote({
  group,
  groupSize,
  shown,
  measure = null,
}: {
  group: "country" | "sector";
  groupSize: number | null;
  shown: boolean;
  measure?: "mean" | "median" | null;
}) {
  const { t } = useI18n();
  const groupName = t(group === "country" ? "scan.peerGroupCountry" : "scan.peerGroupSector");
  return (
    <p className="muted scan-peer-note">
      {shown && groupSize !== null
        ? t(measure === "mean" ? "scan.peerShownMean" : "scan.peerShown", { group: groupName, n: groupSize })
        : t("scan.peerHidden", { group: groupName })}{" "}
      <Link to="/hr/benchmark" className="no-print">
        {t("scan.peerChange")}
      </Link>
    </p>
  );
}

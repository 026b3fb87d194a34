// The choice of format beside every table download (decision 158): Excel first, CSV for other tools. Plain links,
// so the choice works without JavaScript.
import { exportHref } from "~/features/exports/table";
import { useI18n } from "~/utils/i18n-react";

export function ExportLinks({ href, what }: { href: string; what: string }) {
  const { t } = useI18n();
  return (
    <span className="export-links" role="group" aria-label={`${t("exports.label")}: ${what}`}>
      <a
        className="button button--secondary"
        href={exportHref(href, "xlsx")}
        download
        title={t("exports.xlsxTitle", { what })}
      >
        {t("exports.xlsx")}
      </a>
      <a
        className="button button--secondary"
        href={exportHref(href, "csv")}
        download
        title={t("exports.csvTitle", { what })}
      >
        {t("exports.csv")}
      </a>
    </span>
  );
}

// Prints the page (or saves it as a PDF through the browser's print dialog). Without JavaScript the button is
// not rendered and the browser's own print command does the same.
import { useEffect, useState } from "react";
import { useI18n } from "~/utils/i18n-react";

export function PrintButton() {
  const { t } = useI18n();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button button--primary" onClick={() => window.print()}>
      {t("scan.print")}
    </button>
  );
}

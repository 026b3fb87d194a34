// What the buddy sees of the newcomer's own check-in notes and requests to talk.
import { useI18n } from "~/utils/i18n-react";

export function NewcomerNotes({
  notes,
}: {
  notes: { key: "week1" | "week6" | "month3" | "month6"; note: string | null; wantsToTalk: boolean }[];
}) {
  const { t } = useI18n();
  if (notes.length === 0) return <p className="muted">{t("pulse.buddy.noNotes")}</p>;
  return (
    <ul className="plain-list stack" data-testid="newcomer-notes">
      {notes.map((n) => (
        <li key={n.key}>
          <strong>{t(`matching.match.checkinKeys.${n.key}`)}</strong>
          {n.wantsToTalk ? <span className="talk-flag"> · {t("pulse.buddy.talkRequest")}</span> : null}
          {n.note ? <p className="buddy-intro">{n.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}

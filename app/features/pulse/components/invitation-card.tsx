// The pulse invitation on the home pages of newcomers and buddies.
import { Link } from "@remix-run/react";
import { useI18n } from "~/utils/i18n-react";

export type PulseInvitationView = { moment: "week6" | "month3" | "month6" | "end" | "campaign"; closesOn: string };

export function PulseInvitationCard({ invitation }: { invitation: PulseInvitationView | null }) {
  const { t, date } = useI18n();
  if (!invitation) return null;
  return (
    <section className="card pulse-invitation" aria-labelledby="pulse-invitation-title">
      <h2 className="card__title" id="pulse-invitation-title">
        {t("pulse.invitation.title")} · {t(`pulse.moments.${invitation.moment}`)}
      </h2>
      <p>{t("pulse.invitation.text", { date: date(`${invitation.closesOn}T12:00:00Z`) })}</p>
      <Link className="button button--primary" to="/pulse">
        {t("pulse.invitation.open")}
      </Link>
    </section>
  );
}

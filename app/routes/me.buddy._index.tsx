import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState, Notice, PageHeader } from "~/components/ui/page";
import { getOwnProfile } from "~/features/matching/buddies.server";
import { key, StatusBadge } from "~/features/matching/components/matching-ui";
import { buddyOverview } from "~/features/matching/proposals.server";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("meBuddy");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  const { profile, trained } = getOwnProfile(user.id);
  return {
    overview: buddyOverview(user),
    hasProfile: profile != null,
    status: profile?.status ?? null,
    trained,
  };
}

export default function MyBuddyPage() {
  const { overview, hasProfile, status, trained } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, date } = useI18n();
  return (
    <>
      <PageHeader
        title="matching.me.title"
        intro="matching.me.intro"
        actions={
          <>
            <Link className={`button ${hasProfile ? "button--secondary" : "button--primary"}`} to="/me/buddy/profile">
              {t(hasProfile ? "matching.me.editProfile" : "matching.me.optIn")}
            </Link>
            {hasProfile ? (
              <Link className="button button--secondary" to="/me/buddy/introduction">
                {t("pulse.buddy.introEdit")}
              </Link>
            ) : null}
          </>
        }
      />
      <Notice message={params.get("notice")} />
      {hasProfile && !trained ? <Notice kind="info" message="matching.me.untrained" /> : null}
      {!hasProfile ? (
        <Card>
          <EmptyState message="matching.me.noProfile" />
        </Card>
      ) : (
        <div className="stack">
          {status && status !== "active" ? (
            <p>
              <span className="badge badge--muted">{t(key(`matching.buddyStatus.${status}`))}</span>
            </p>
          ) : null}
          <Card title="matching.me.proposals">
            {overview.proposals.length === 0 ? (
              <EmptyState message="matching.me.noProposals" />
            ) : (
              <ul className="match-cards">
                {overview.proposals.map((p) => (
                  <li key={p.id} className="match-card">
                    <Link to={`/me/buddy/proposals/${p.id}`} className="match-card__link">
                      {p.newcomer.name}
                    </Link>
                    <span className="muted">
                      {t(key(`matching.professions.${p.newcomer.profession}`))} · {p.newcomer.department ?? "—"}
                    </span>
                    <span>
                      {t("matching.me.answerBefore", {
                        date: date(p.deadline, true),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="matching.me.current">
            {overview.current.length === 0 ? (
              <EmptyState message="matching.me.noCurrent" />
            ) : (
              <ul className="match-cards">
                {overview.current.map((m) => (
                  <li key={m.id} className="match-card">
                    <Link to={`/me/buddy/matches/${m.id}`} className="match-card__link">
                      {m.newcomer.name}
                    </Link>
                    <span className="muted">
                      {t("matching.proposal.startDate", {
                        date: date(`${m.newcomer.startDate}T12:00:00Z`),
                      })}
                    </span>
                    <StatusBadge status={m.status} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {overview.past.length ? (
            <Card title="matching.me.past">
              <ul className="plain-list">
                {overview.past.map((m) => (
                  <li key={m.id}>
                    {m.newcomer.erased ? t("matching.states.erased") : m.newcomer.name}{" "}
                    <StatusBadge status={m.status} />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

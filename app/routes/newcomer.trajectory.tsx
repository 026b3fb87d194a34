import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, EmptyState } from "~/components/ui/page";
import { useDay } from "~/features/trajectories/components/route-parts";
import { myTrajectory } from "~/features/trajectories/trajectories.server";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { requireOrgRole } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("newcomerTrajectory");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "newcomer");
  return { route: myTrajectory(user, resolveLocale(request, user.locale)) };
}

export default function MyTrajectory() {
  const { route } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const day = useDay();
  const nextKey = route?.route.find((s) => !s.reachedOn)?.key ?? null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/newcomer">{t("nav.home")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t("trajectories.mine.title")}</h1>
          <p className="page-header__intro">{t("trajectories.mine.intro")}</p>
        </div>
      </div>
      {!route ? (
        <EmptyState message="trajectories.mine.none" />
      ) : (
        <div className="stack">
          <Card>
            <ol className="journey" data-testid="my-route">
              <li className="journey__step journey__step--done">
                <p className="journey__title">{t("trajectories.detail.started", { date: day(route.startDate) })}</p>
              </li>
              {route.route.map((s) => (
                <li
                  key={s.key}
                  className={`journey__step${s.reachedOn ? " journey__step--done" : s.key === nextKey ? " journey__step--now" : ""}`}
                >
                  <p className="journey__title">{s.title}</p>
                  <p className="journey__meta">
                    {s.reachedOn
                      ? t("trajectories.mine.done", { date: day(s.reachedOn) })
                      : s.key === nextKey
                        ? t("trajectories.mine.next")
                        : t("trajectories.mine.later")}
                  </p>
                  {!s.reachedOn && s.key === nextKey ? <p className="journey__meta">{s.help}</p> : null}
                </li>
              ))}
            </ol>
          </Card>
          <Card title="trajectories.mine.language">
            {route.languages.length === 0 ? (
              <p className="muted">{t("trajectories.detail.noLevels")}</p>
            ) : (
              <ul className="plain-list">
                {route.languages.map((l) => (
                  <li key={l.id}>{t("trajectories.mine.languageLine", { level: l.level, date: day(l.measuredOn) })}</li>
                ))}
              </ul>
            )}
          </Card>
          {route.currentRole || route.targetRole ? (
            <Card title="trajectories.mine.role">
              {route.currentRole ? (
                <p>
                  {t("trajectories.mine.roleNow", {
                    role: t(`trajectories.roles.${route.currentRole}` as "trajectories.roles.nurse"),
                  })}
                </p>
              ) : null}
              {route.targetRole ? (
                <p>
                  {t("trajectories.mine.roleTarget", {
                    role: t(`trajectories.roles.${route.targetRole}` as "trajectories.roles.nurse"),
                  })}
                </p>
              ) : null}
            </Card>
          ) : null}
          {route.contracts.length ? (
            <Card title="trajectories.mine.contracts">
              <ul className="plain-list" data-testid="my-contracts">
                {route.contracts.map((c) => (
                  <li key={c.id}>
                    {t("trajectories.detail.contractLine", {
                      type: t(`trajectories.contractTypes.${c.type}` as "trajectories.contractTypes.permanent"),
                      role: t(`trajectories.roles.${c.role}` as "trajectories.roles.nurse"),
                      start: day(c.startDate),
                    })}
                    {c.endDate ? ` ${t("trajectories.detail.contractUntil", { end: day(c.endDate) })}` : ""}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {route.outcome && route.outcomeDate ? (
            <Card title="trajectories.mine.outcome">
              <p>
                {t("trajectories.detail.outcomeLine", {
                  outcome: t(`trajectories.situations.${route.outcome}` as "trajectories.situations.left"),
                  date: day(route.outcomeDate),
                })}
              </p>
            </Card>
          ) : null}
        </div>
      )}
      <p>
        <a href="/account/export" download>
          {t("trajectories.mine.export")}
        </a>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Cards for the employee's and HR's home pages.
import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/page";
import { useI18n } from "~/utils/i18n-react";

export type EmployeeModuleSummary = {
  open: {
    key: string;
    title: string;
    dueDate: string | null;
    overdue: boolean;
    status: "not_started" | "in_progress" | "completed";
  }[];
  inProgress: { key: string; title: string }[];
  completed: { key: string; title: string; passedAt: string | null; score: number | null }[];
  trainedBuddy: boolean;
};

export function EmployeeModulesCard({ summary }: { summary: EmployeeModuleSummary }) {
  const { t, date } = useI18n();
  return (
    <Card title="modules.home.title" className="modules-home-card">
      {summary.trainedBuddy ? (
        <p className="trained-buddy">
          <span className="badge">{t("modules.home.trainedBuddy")}</span> {t("modules.home.trainedBuddyText")}
        </p>
      ) : null}
      <h3>{t("modules.home.open")}</h3>
      {summary.open.length === 0 ? (
        <p className="muted">{t("modules.home.noneAssigned")}</p>
      ) : (
        <ul className="plain-list">
          {summary.open.map((m) => (
            <li key={m.key}>
              <Link to={`/me/modules/${m.key}`}>{m.title}</Link>{" "}
              {m.status === "in_progress" ? (
                <span className="status-pill status-pill--in_progress">{t("modules.status.in_progress")}</span>
              ) : null}
              {m.dueDate ? (
                <span className="cell-sub">{t("modules.list.due", { date: date(`${m.dueDate}T12:00:00Z`) })}</span>
              ) : null}
              {m.overdue ? <strong className="overdue-flag">{t("modules.list.overdue")}</strong> : null}
            </li>
          ))}
        </ul>
      )}
      {summary.inProgress.length > 0 ? (
        <>
          <h3>{t("modules.home.inProgress")}</h3>
          <ul className="plain-list">
            {summary.inProgress.map((m) => (
              <li key={m.key}>
                <Link to={`/me/modules/${m.key}`}>{m.title}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("modules.home.completed")}</h3>
      {summary.completed.length === 0 ? (
        <p className="muted">{t("modules.home.noneCompleted")}</p>
      ) : (
        <ul className="plain-list">
          {summary.completed.map((m) => (
            <li key={m.key}>
              ✓ {m.title}{" "}
              {m.score !== null ? (
                <span className="cell-sub">{t("modules.list.passedWith", { score: m.score })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/me/modules">{t("modules.home.all")}</Link>
      </p>
    </Card>
  );
}

export function HrModulesCard({
  summary,
}: {
  summary: { assignments: number; overdue: number; completed: number; total: number };
}) {
  const { t } = useI18n();
  return (
    <Card title="modules.hrHome.title">
      <p>{summary.assignments === 0 ? t("modules.hrHome.empty") : t("modules.hrHome.summary", summary)}</p>
      <p>
        <Link to="/hr/modules">{t("modules.hrHome.link")}</Link>
      </p>
    </Card>
  );
}

import { Link } from "@remix-run/react";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/i18n-react";
import type { ModuleListItem } from "../learning.server";

const AUDIENCES = ["team", "managers", "buddies", "hr"] as const;

export function ModuleList({ items, basePath = "/me/modules" }: { items: ModuleListItem[]; basePath?: string }) {
  const { t, date } = useI18n();
  return (
    <ul className="module-list">
      {items.map((m) => (
        <li key={m.key} className={`module-item module-item--${m.status}`}>
          <h3 className="module-item__title">
            <Link to={`${basePath}/${m.key}`}>{m.title}</Link>
          </h3>
          <p className="module-item__meta">
            <span>{t("modules.list.minutes", { n: m.durationMinutes })}</span>
            <span>
              {t("modules.audience.label")}:{" "}
              {m.audience
                .filter((a): a is (typeof AUDIENCES)[number] => (AUDIENCES as readonly string[]).includes(a))
                .map((a) => t(`modules.audience.${a}` as MessageKey))
                .join(", ")}
            </span>
          </p>
          <p className="module-item__summary">{m.summary}</p>
          <p className="module-item__status">
            <span className={`status-pill status-pill--${m.status}`}>{t(`modules.status.${m.status}`)}</span>
            {m.status === "completed" && m.score !== null ? (
              <span>{t("modules.list.passedWith", { score: m.score })}</span>
            ) : null}
            {m.status === "in_progress" ? (
              <span>{t("modules.list.sectionsRead", { read: m.sectionsRead, total: m.sectionCount })}</span>
            ) : null}
            {m.dueDate ? (
              <span className={m.overdue ? "due due--overdue" : "due"}>
                {t("modules.list.due", { date: date(`${m.dueDate}T12:00:00Z`) })}
              </span>
            ) : null}
            {m.overdue ? <strong className="overdue-flag">{t("modules.list.overdue")}</strong> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

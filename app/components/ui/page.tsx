import type { ReactNode } from "react";
import type { MessageKey, TranslateParams } from "~/utils/i18n-core";
import { useI18n } from "~/utils/i18n-react";

export function PageHeader({ title, intro, introParams, actions }: { title: MessageKey; intro?: MessageKey; introParams?: TranslateParams; actions?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="page-header">
      <div>
        <h1>{t(title)}</h1>
        {intro ? <p className="page-header__intro">{t(intro, introParams)}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}

export function Notice({ kind = "success", message, params }: { kind?: "success" | "info" | "error"; message?: string | null; params?: TranslateParams }) {
  const { t, isKey } = useI18n();
  if (!message || !isKey(message)) return null;
  return (
    <div className={`alert alert--${kind}`} role={kind === "error" ? "alert" : "status"}>
      {t(message, params)}
    </div>
  );
}

export function EmptyState({ message, children }: { message: MessageKey; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="empty-state">
      <svg aria-hidden="true" width="40" height="40" viewBox="0 0 40 40">
        <circle cx="20" cy="20" r="18" fill="#e6f2f1" />
        <path d="M13 21h14M20 14v14" stroke="#0f766e" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <p>{t(message)}</p>
      {children}
    </div>
  );
}

export function Card({ title, children, className }: { title?: MessageKey; children: ReactNode; className?: string }) {
  const { t } = useI18n();
  return (
    <section className={`card ${className ?? ""}`}>
      {title ? <h2 className="card__title">{t(title)}</h2> : null}
      {children}
    </section>
  );
}

export function StatGrid({ stats }: { stats: { label: MessageKey; value: number | string }[] }) {
  const { t } = useI18n();
  return (
    <dl className="stat-grid">
      {stats.map((s) => (
        <div key={s.label} className="stat">
          <dt>{t(s.label)}</dt>
          <dd>{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}

import type { ReactNode } from "react";
import type { MessageKey, TranslateParams } from "~/utils/i18n-core";
import { useI18n } from "~/utils/i18n-react";
import { TextWithEmail } from "./email";

export function PageHeader({
  title,
  intro,
  introParams,
  actions,
}: {
  title: MessageKey;
  intro?: MessageKey;
  introParams?: TranslateParams;
  actions?: ReactNode;
}) {
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

export function Notice({
  kind = "success",
  message,
  params,
}: {
  kind?: "success" | "info" | "error";
  message?: string | null;
  params?: TranslateParams;
}) {
  const { t, isKey } = useI18n();
  if (!message || !isKey(message)) return null;
  return (
    <div className={`alert alert--${kind}`} role={kind === "error" ? "alert" : "status"}>
      {typeof params?.email === "string" && params.email ? (
        <TextWithEmail text={t(message, params)} address={params.email} />
      ) : (
        t(message, params)
      )}
    </div>
  );
}

/**
 * Nothing to show yet. The "+" icon promises that something can be added, so it appears only with an `action` (the
 * link or button that adds); elsewhere a quiet, empty tray (decision 164).
 */
export function EmptyState({
  message,
  children,
  action,
}: {
  message: MessageKey;
  children?: ReactNode;
  action?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="empty-state">
      {action ? (
        <svg aria-hidden="true" width="40" height="40" viewBox="0 0 40 40" data-icon="add">
          <circle cx="20" cy="20" r="18" fill="#e6f2f1" />
          <path d="M13 21h14M20 14v14" stroke="#0f766e" strokeWidth="2.5" strokeLinecap="round" />
        </svg>
      ) : (
        <svg aria-hidden="true" width="40" height="40" viewBox="0 0 40 40" data-icon="empty">
          <circle cx="20" cy="20" r="18" fill="#eef1ef" />
          <path
            d="M11 21.5h5l1.5 3h5l1.5-3h5M12.5 21.5l2.5-7h10l2.5 7v5h-15z"
            stroke="#53616a"
            strokeWidth="1.8"
            strokeLinejoin="round"
            fill="none"
          />
        </svg>
      )}
      <p>{t(message)}</p>
      {children}
      {action ? <div className="empty-state__action">{action}</div> : null}
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

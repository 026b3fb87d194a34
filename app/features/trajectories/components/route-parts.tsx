// The trajectory's UI pieces: the compact timeline of HR's overview, the two-click follow-up confirmation,
// the organisation's own figures and the programme's outcome tables. Data comes from loaders as props.
import { Form } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table";
import type { FollowUpState, OwnFigures, Share } from "../rules";
import { SITUATIONS } from "../rules";
import { OUTCOME_INDICATORS, type OutcomeIndicator, type OutcomeTable } from "../indicators";
import type { StepView } from "../trajectories.server";
import { NotShown, useFigure } from "~/features/benchmark/components/cells";
import { COUNT_MAX_DEVIATION } from "~/features/benchmark/disclosure";
import { Card } from "~/components/ui/page";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/i18n-react";

export function useDay(): (iso: string) => string {
  const { date } = useI18n();
  return (iso) => date(`${iso.slice(0, 10)}T12:00:00Z`);
}

/** One dot per step of the route: filled when reached; the text is there for screen readers and on hover. */
export function CompactTimeline({ route }: { route: StepView[] }) {
  const { t } = useI18n();
  const day = useDay();
  return (
    <ol className="route-dots">
      {route.map((s) => (
        <li
          key={s.key}
          className={s.reachedOn ? "route-dots__step route-dots__step--done" : "route-dots__step"}
          title={s.title}
        >
          <span aria-hidden="true" className="route-dots__dot" />
          <span className="visually-hidden">
            {s.title}: {s.reachedOn ? day(s.reachedOn) : t("trajectories.detail.notReached")}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function momentLabel(t: (k: MessageKey, p?: Record<string, string | number>) => string, moment: string): string {
  if (moment === "month6" || moment === "month12") return t(`trajectories.moments.${moment}`);
  return t("trajectories.moments.contract");
}

/** A follow-up that has come: open it (click one), pick the situation (click two). Plain form posts. */
export function FollowUpConfirm({
  recordId,
  followUp,
  action,
}: {
  recordId: number;
  followUp: FollowUpState;
  action?: string;
}) {
  const { t } = useI18n();
  const day = useDay();
  const state = followUp.state;
  if (state === "confirmed" && followUp.situation) {
    return (
      <p className="follow-up follow-up--confirmed">
        {momentLabel(t, followUp.moment)}:{" "}
        {t("trajectories.detail.confirmedAs", { situation: t(`trajectories.situations.${followUp.situation}`) })}
      </p>
    );
  }
  if (state === "upcoming") {
    return (
      <p className="follow-up muted">
        {momentLabel(t, followUp.moment)}: {t("trajectories.states.upcoming", { date: day(followUp.dueDate) })}
      </p>
    );
  }
  return (
    <details className={`follow-up follow-up--${state}`}>
      <summary>
        {momentLabel(t, followUp.moment)}: {t(`trajectories.states.${state}`, { date: day(followUp.dueDate) })} —{" "}
        {t("trajectories.detail.confirm")}
      </summary>
      <Form method="post" action={action} className="follow-up__choices">
        <input type="hidden" name="intent" value="followUp" />
        <input type="hidden" name="recordId" value={recordId} />
        <input type="hidden" name="moment" value={followUp.moment} />
        {SITUATIONS.map((s) => (
          <button key={s} type="submit" name="situation" value={s} className="button button--secondary button--small">
            {t(`trajectories.situations.${s}`)}
          </button>
        ))}
      </Form>
    </details>
  );
}

function ShareValue({ share }: { share: Share }) {
  const { t } = useI18n();
  if (share.of === 0) return <>{t("trajectories.overview.noneKnown")}</>;
  return <>{t("trajectories.overview.share", { hits: share.hits, of: share.of })}</>;
}

export function OwnFiguresCard({ figures }: { figures: OwnFigures }) {
  const { t } = useI18n();
  const number = useFigure();
  const months = (v: number | null) =>
    v === null ? t("trajectories.overview.noFigure") : t("trajectories.overview.months", { value: number(v, 1) });
  return (
    <Card title="trajectories.overview.figuresTitle">
      <p className="muted">{t("trajectories.overview.figuresIntro")}</p>
      <dl className="stat-grid" data-testid="own-figures">
        <div className="stat">
          <dt>{t("trajectories.overview.atLevel12")}</dt>
          <dd>
            <ShareValue share={figures.atLevel12} />
          </dd>
        </div>
        <div className="stat">
          <dt>{t("trajectories.overview.retained6")}</dt>
          <dd>
            <ShareValue share={figures.retained6} />
          </dd>
        </div>
        <div className="stat">
          <dt>{t("trajectories.overview.retained12")}</dt>
          <dd>
            <ShareValue share={figures.retained12} />
          </dd>
        </div>
        <div className="stat">
          <dt>{t("trajectories.overview.notYet12")}</dt>
          <dd>{figures.notYet12}</dd>
        </div>
        <div className="stat">
          <dt>{t("trajectories.overview.medianRecognition")}</dt>
          <dd>{months(figures.medianMonthsToRecognition)}</dd>
        </div>
        <div className="stat">
          <dt>{t("trajectories.overview.medianLevelContract")}</dt>
          <dd>{months(figures.medianMonthsToLevelContract)}</dd>
        </div>
        <div className="stat">
          <dt>{t("trajectories.overview.meanLanguageGain")}</dt>
          <dd>
            {figures.meanLanguageGain === null
              ? t("trajectories.overview.noFigure")
              : number(figures.meanLanguageGain, 1)}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

function OutcomeValue({ indicator, value }: { indicator: OutcomeIndicator; value: number | null }) {
  const number = useFigure();
  if (value === null) return <NotShown />;
  if (indicator === "atLevel12" || indicator === "retained6" || indicator === "retained12")
    return <>{number(value * 100, 0)} %</>;
  if (indicator === "meanLanguageGain")
    return (
      <>
        {value > 0 ? "+" : ""}
        {number(value, 1)}
      </>
    );
  return <>{number(value, 1)}</>;
}

function OutcomeTableCard({ table, title }: { table: OutcomeTable; title: MessageKey }) {
  const { t } = useI18n();
  const label = (key: string): string => {
    if (key === "total") return t("trajectories.indicators.total");
    if (table.by === "country") return t(`countries.${key}` as MessageKey);
    if (table.by === "sector") return t(`sectors.${key}` as MessageKey);
    return t(`trajectories.indicators.scanBands.${key}` as MessageKey);
  };
  return (
    <Card title={title}>
      <DataTable compact testId={`outcomes-${table.by}`} label={t(title)}>
        <thead>
          <tr>
            <th scope="col">{t("trajectories.indicators.group")}</th>
            {OUTCOME_INDICATORS.map((i) => (
              <th scope="col" key={i}>
                {t(`trajectories.indicators.${i}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...table.rows, table.total].map((row) => (
            <tr key={row.key} data-cell={row.key}>
              <th scope="row">{label(row.key)}</th>
              {OUTCOME_INDICATORS.map((i) => (
                <td key={i} data-indicator={i}>
                  <OutcomeValue indicator={i} value={row.values[i]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </Card>
  );
}

export function OutcomeIndicatorsView({
  byCountry,
  bySector,
  byScanBand,
}: {
  byCountry: OutcomeTable;
  bySector: OutcomeTable;
  byScanBand: OutcomeTable;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("trajectories.indicators.title")}</h1>
          <p className="page-header__intro">{t("trajectories.indicators.intro")}</p>
        </div>
      </div>
      <p className="muted">{t("trajectories.indicators.note", { count: COUNT_MAX_DEVIATION })}</p>
      <div className="stack">
        <OutcomeTableCard table={byCountry} title="trajectories.indicators.byCountry" />
        <OutcomeTableCard table={bySector} title="trajectories.indicators.bySector" />
        <OutcomeTableCard table={byScanBand} title="trajectories.indicators.byScanBand" />
      </div>
    </>
  );
}

/** The section on the partner's and admin's indicators pages that leads to the outcome tables. */
export function OutcomesSection({ href }: { href: string }) {
  const { t } = useI18n();
  return (
    <Card title="trajectories.indicators.title">
      <p className="muted">{t("trajectories.indicators.linkIntro")}</p>
      <p>
        <a href={href}>{t("trajectories.indicators.link")}</a>
      </p>
    </Card>
  );
}

// HR's view of the pulse: a group's tables and open answers (the trend and the perception gap: perception-gap.tsx).
import { DataTable } from "~/components/ui/data-table";
import { useI18n } from "~/utils/i18n-react";
import { Score } from "./perception-gap";

type DimensionName = { key: string; number: number; name: string };
type Group =
  | { shown: false }
  | {
      shown: true;
      respondents: number;
      dimensions: { key: string; score: number | null }[];
      statements: { key: string; text: string; score: number | null }[];
      open: string[] | null;
    };

export function PulseGroup({
  title,
  group,
  dimensions,
  testId,
}: {
  title: string;
  group: Group;
  dimensions: DimensionName[];
  testId: string;
}) {
  const { t } = useI18n();
  const name = (key: string) => dimensions.find((d) => d.key === key);
  return (
    <section className="card" data-testid={testId} aria-label={title}>
      <h2 className="card__title">{title}</h2>
      {!group.shown ? (
        <p className="muted">{t("pulse.hr.notShown")}</p>
      ) : (
        <div className="stack">
          <p>{t("pulse.hr.respondents", { count: group.respondents })}</p>
          <DataTable compact label={t("pulse.hr.title")}>
            <thead>
              <tr>
                <th scope="col">{t("pulse.hr.dimension")}</th>
                <th scope="col">{t("pulse.hr.experience")}</th>
              </tr>
            </thead>
            <tbody>
              {group.dimensions.map((d) => (
                <tr key={d.key}>
                  <th scope="row">
                    {name(d.key)?.number}. {name(d.key)?.name}
                  </th>
                  <td>
                    <Score value={d.score} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <DataTable compact label={t("pulse.hr.title")}>
            <thead>
              <tr>
                <th scope="col">{t("pulse.hr.statement")}</th>
                <th scope="col">{t("pulse.hr.experience")}</th>
              </tr>
            </thead>
            <tbody>
              {group.statements.map((s) => (
                <tr key={s.key}>
                  <th scope="row" className="scan-report__item">
                    {s.text}
                  </th>
                  <td>
                    <Score value={s.score} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <h3 className="small-heading">{t("pulse.hr.openTitle")}</h3>
          {group.open ? (
            <ul className="pulse-open-answers">
              {group.open.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("pulse.hr.openNone")}</p>
          )}
        </div>
      )}
    </section>
  );
}

// One organisation's scores beside a group's medians, per dimension and overall: the partner's selected
// organisation and HR's own position show the same table (HR adds its levels and the difference).
import { DataTable } from "~/components/ui/data-table";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/i18n-react";
import { Figure, LevelName, Score } from "./cells";

export type MedianRow = { key: string; name: string; own: number | null; median: number | null; level?: number | null };

export function MedianTable({
  rows,
  ownHeading,
  medianHeading,
  withLevel = false,
  difference = null,
  testId,
}: {
  /** The overall row first, then one per dimension. */
  rows: MedianRow[];
  ownHeading: MessageKey;
  medianHeading: MessageKey;
  withLevel?: boolean;
  /** A difference column, computed only where the group is shown (`shown`); "–" elsewhere. */
  difference?: { heading: MessageKey; shown: boolean } | null;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <DataTable compact testId={testId} scrollable>
      <thead>
        <tr>
          <th scope="col">{t("benchmark.comparison.dimension")}</th>
          <th scope="col">{t(ownHeading)}</th>
          {withLevel ? <th scope="col">{t("benchmark.comparison.level")}</th> : null}
          <th scope="col">{t(medianHeading)}</th>
          {difference ? <th scope="col">{t(difference.heading)}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.name}</th>
            <td>
              <Score value={r.own} />
            </td>
            {withLevel ? (
              <td>
                <LevelName level={r.level ?? null} />
              </td>
            ) : null}
            <td>
              <Figure value={r.median} />
            </td>
            {difference ? (
              <td>
                {difference.shown && r.own !== null && r.median !== null ? <Score value={r.own - r.median} /> : "–"}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

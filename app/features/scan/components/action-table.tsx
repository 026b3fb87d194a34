// The action plan as a table: read-only on the results page and in the report, editable on the action plan's own
// page (action-plan-editor.tsx passes the status form and the row's edit and delete actions).
import type { ReactNode } from "react";
import { useI18n } from "~/utils/i18n-react";
import type { ActionStatus } from "../constants";
import { ScrollTable } from "./scroll-table";

export const STATUS_LABEL = {
  open: "scan.actions.statusOpen",
  in_progress: "scan.actions.statusInProgress",
  done: "scan.actions.statusDone",
} as const;

export function actionStatusLabel(status: string) {
  return status === "in_progress" || status === "done" ? STATUS_LABEL[status] : STATUS_LABEL.open;
}

export type ActionRow = {
  id: number;
  itemKey: string | null;
  dimensionKey: string;
  action: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
};

/**
 * The action plan as a table. Read-only as the report prints it; the results page passes `edit`
 * (action-plan-editor.tsx) for the status form and the row's edit and delete actions.
 */
export function ActionTable({
  actions,
  name,
  itemLabel,
  edit,
}: {
  actions: ActionRow[];
  name: (key: string) => string;
  itemLabel: (key: string) => string;
  edit?: { status: (action: ActionRow) => ReactNode; actions: (action: ActionRow) => ReactNode };
}) {
  const { t, date } = useI18n();
  if (actions.length === 0) return <p className="muted">{t("scan.actions.none")}</p>;
  return (
    <ScrollTable label={t("scan.actions.title")}>
      <table className="table table--compact" data-testid="action-table">
        <thead>
          <tr>
            <th scope="col">{t("scan.actions.dimension")}</th>
            <th scope="col">{t("scan.actions.action")}</th>
            <th scope="col">{t("scan.actions.owner")}</th>
            <th scope="col">{t("scan.actions.dueDate")}</th>
            <th scope="col">{t("scan.actions.status")}</th>
            {edit ? (
              <th scope="col">
                <span className="visually-hidden">{t("scan.actions.edit")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id} data-action-id={a.id}>
              <td>
                {name(a.dimensionKey)}
                {a.itemKey ? <span className="cell-sub"> {itemLabel(a.itemKey)}</span> : null}
              </td>
              <td>{a.action}</td>
              <td>{a.owner}</td>
              <td className="nowrap">{a.dueDate ? date(a.dueDate) : "–"}</td>
              <td>{edit ? edit.status(a) : t(STATUS_LABEL[a.status])}</td>
              {edit ? <td>{edit.actions(a)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

import { Link } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table";
import { useI18n } from "~/utils/i18n-react";

export type CompletionMatrixView = {
  modules: { key: string; title: string }[];
  rows: {
    departmentId: number | null;
    name: string | null;
    cells: { applies: boolean; dueDate: string | null; completed: number; total: number; overdue: boolean }[];
  }[];
};

/** Department × assigned module: completed of total, with overdue cells marked in words, not colour alone. */
export function CompletionMatrixTable({ matrix }: { matrix: CompletionMatrixView }) {
  const { t, date } = useI18n();
  return (
    <DataTable compact className="completion-matrix">
      <caption className="completion-matrix__caption">{t("modules.hr.matrixCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("modules.hr.colDepartment")}</th>
          {matrix.modules.map((m) => (
            <th scope="col" key={m.key}>
              <Link to={`/hr/modules/${m.key}`}>{m.title}</Link>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map((row) => (
          <tr key={row.departmentId ?? "none"}>
            <th scope="row">{row.name ?? t("modules.hr.noDepartment")}</th>
            {row.cells.map((cell, i) => (
              <td key={matrix.modules[i]?.key} className={cell.overdue ? "cell--overdue" : undefined}>
                {cell.applies ? (
                  <>
                    <span className="cell-title">
                      {t("modules.hr.completedOf", { completed: cell.completed, total: cell.total })}
                    </span>
                    {cell.dueDate ? <span className="cell-sub">{date(`${cell.dueDate}T12:00:00Z`)}</span> : null}
                    {cell.overdue ? <strong className="overdue-flag">{t("modules.hr.overdue")}</strong> : null}
                  </>
                ) : (
                  <span className="muted">{t("modules.hr.notAssigned")}</span>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

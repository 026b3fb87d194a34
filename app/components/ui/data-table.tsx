// Every data table of the portal (decision 162). On a wide screen it is an ordinary table; below 640 px each row
// becomes a card in which every cell carries its column's name (`data-label`, taken from the header the table
// already has, so a page cannot forget one). The cards keep the table's semantics for screen readers: explicit
// ARIA roles, because some browsers (Safari) drop a table's roles once its parts are no longer `display: table…`.
// The label itself is drawn by CSS and hidden from assistive technology, which announces the column header.
import { Children, Fragment, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { headerLabels, type CellProps } from "./data-table-labels";

type ElementWithChildren = ReactElement<{ children?: ReactNode; className?: string; scope?: string }>;

function elements(children: ReactNode): ElementWithChildren[] {
  const out: ElementWithChildren[] = [];
  for (const child of Children.toArray(children)) {
    if (!isValidElement<{ children?: ReactNode }>(child)) continue;
    if (child.type === Fragment) out.push(...elements(child.props.children));
    else out.push(child as ElementWithChildren);
  }
  return out;
}

function withRoles(row: ElementWithChildren, labels: string[], header: boolean, rowKey: string): ReactElement {
  if (row.type !== "tr") return row;
  const cells = elements(row.props.children).map((cell, index) => {
    if (cell.type !== "td" && cell.type !== "th") return cell;
    const props: CellProps = {
      key: cell.key ?? `${rowKey}-${index}`,
      role: header ? "columnheader" : cell.type === "th" ? "rowheader" : "cell",
    };
    const label = labels[index];
    if (!header && label) props["data-label"] = label;
    return cloneElement(cell, props);
  });
  return cloneElement(row, { role: "row" } as object, ...cells);
}

function rowGroup(group: ElementWithChildren, labels: string[], header: boolean, groupIndex: number): ReactElement {
  const rows = elements(group.props.children).map((row, index) =>
    withRoles(row, labels, header, `${groupIndex}-${index}`),
  );
  return cloneElement(group, { role: "rowgroup" } as object, ...rows);
}

export function DataTable({
  children,
  compact = false,
  className,
  testId,
  caption,
  label,
  scrollable = false,
}: {
  /** `<thead>` with one header row and `<tbody>`(s), written as for any table. */
  children: ReactNode;
  compact?: boolean;
  className?: string;
  testId?: string;
  caption?: ReactNode;
  /** Names the table's region; a named region is reachable by keyboard when a wide table scrolls sideways. */
  label?: string;
  /** Reachable by keyboard without a name (a wide table that may scroll sideways on a tablet). */
  scrollable?: boolean;
}) {
  const parts = elements(children);
  const head = parts.find((part) => part.type === "thead");
  const headerRow = head ? elements(head.props.children).find((row) => row.type === "tr") : undefined;
  const labels = headerRow ? headerLabels(elements(headerRow.props.children).map((cell) => cell.props.children)) : [];
  const classes = ["table", "table--cards", compact ? "table--compact" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <div
      className="table-wrap table-wrap--cards"
      {...(label ? { role: "region", "aria-label": label, tabIndex: 0 } : scrollable ? { tabIndex: 0 } : {})}
    >
      <table className={classes} data-testid={testId} role="table">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        {parts.map((part, index) =>
          part.type === "thead" || part.type === "tbody" || part.type === "tfoot"
            ? rowGroup(part, labels, part.type === "thead", index)
            : part,
        )}
      </table>
    </div>
  );
}

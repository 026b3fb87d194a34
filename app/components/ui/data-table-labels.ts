// The column names a narrow screen shows beside each cell of a DataTable (decision 162), read from the header cells
// the table already renders. Text that is there only for screen readers (`visually-hidden`, e.g. "Actions" above a
// column of buttons) gives no visible label: the buttons name themselves.
import { isValidElement, type ReactNode } from "react";

export type CellProps = { key: string | number; role: string; "data-label"?: string };

export function nodeText(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(nodeText).join("");
  if (isValidElement<{ children?: ReactNode; className?: string }>(node)) {
    if (typeof node.props.className === "string" && node.props.className.split(/\s+/).includes("visually-hidden"))
      return "";
    return nodeText(node.props.children);
  }
  return "";
}

export function headerLabels(headers: ReactNode[]): string[] {
  return headers.map((header) => nodeText(header).replace(/\s+/g, " ").trim());
}

// A table region that may scroll sideways on a phone (the results views' wide tables).
import type { ReactNode } from "react";

/** A table that may scroll sideways on a phone: focusable and named, so keyboard users can scroll it too. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

import type { ReactNode } from "react";

interface DataTableProps {
  /** Column headings, in order. */
  columns: readonly string[];
  /** Columns of figures, aligned right. */
  numeric?: readonly string[];
  /** A last column of buttons, headed for screen readers only. */
  actions?: boolean;
  /** What the table lists, for screen readers (e.g. "Backups, newest first"). */
  caption?: string;
  /** The `<tr>` rows. */
  children: ReactNode;
  /** Under the table, inside its frame: what to say when there are no rows. */
  footer?: ReactNode;
}

/** A list as a table in the site's style: headings, optional actions column, the rows. */
export function DataTable({ columns, numeric, actions, caption, children, footer }: DataTableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column} className={numeric?.includes(column) ? "num" : undefined}>
                {column}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {footer}
    </div>
  );
}

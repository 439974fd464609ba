import type { ComponentChildren } from 'preact';
import { TableWrap } from './TableWrap.js';

export type DataTableProps<R> = {
  /** Names the scrollable region (usually the page's title). */
  label: string;
  /** Shown instead of the table when there are no rows. */
  empty: string;
  columns: string[];
  rows: R[];
  rowKey: (row: R) => string | number;
  /** The row's cells, as <td> elements. */
  cells: (row: R) => ComponentChildren;
};

/** A list of records as a table with column headers, or a sentence when there are none. */
export function DataTable<R>({ label, empty, columns, rows, rowKey, cells }: DataTableProps<R>) {
  if (rows.length === 0) {
    return <p>{empty}</p>;
  }
  return (
    <TableWrap label={label}>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>{cells(r)}</tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

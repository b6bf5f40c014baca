import type { ReactNode } from 'react';
import styles from './ReferenceTable.module.css';

export interface ReferenceTableProps {
  /** The id of the heading that names the table. */
  'aria-labelledby': string;
  columns: readonly string[];
  /** One row per entry: its key and its cells, in the order of the columns. */
  rows: readonly { id: string; cells: readonly ReactNode[] }[];
}

/**
 * A small table to read, not to operate (the shortcuts of the help): a plain HTML table with column headings,
 * which screen readers walk cell by cell. A table of data to act on is `Table` (react-aria's grid).
 */
export function ReferenceTable({ columns, rows, ...props }: ReferenceTableProps) {
  return (
    <table className={styles.table} aria-labelledby={props['aria-labelledby']}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            {row.cells.map((cell, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are its columns, in order.
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

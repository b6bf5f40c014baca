import { Table as AriaTable, type TableProps as AriaTableProps } from 'react-aria-components';
import styles from './Table.module.css';

export { Cell, Column, Row, TableBody, TableHeader } from 'react-aria-components';

export interface TableProps extends Omit<AriaTableProps, 'className'> {
  className?: string;
}

/**
 * A data table on react-aria's Table (a grid: arrow keys move between cells and into the fields they hold);
 * name it with `aria-label` and mark one `Column` as `isRowHeader`.
 */
export function Table({ className, ...props }: TableProps) {
  return (
    <AriaTable {...props} className={['table', styles.table, className ?? ''].filter(Boolean).join(' ')} />
  );
}

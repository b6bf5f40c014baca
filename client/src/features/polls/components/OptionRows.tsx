import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/Button';
import styles from '../polls.module.css';

interface OptionRowsProps<T extends { key: number }> {
  legend: string;
  help?: string;
  rows: readonly T[];
  onChange: (rows: T[]) => void;
  /** A new empty row (with a fresh key: rows need a stable identity while they are added and removed). */
  make: () => T;
  min: number;
  max: number;
  addLabel: string;
  /** The name of the remove button of row n (1-based). */
  removeLabel: (n: number) => string;
  /** When a row holds several fields: the row is a group named by this (hidden) legend. */
  rowLegend?: (n: number) => string;
  rowClassName?: string;
  /** The fields of one row; `update` merges a change into that row. */
  children: (row: T, update: (patch: Partial<T>) => void, n: number) => ReactNode;
}

/** The options of a new poll (choices or slots): one row each, a remove button per row, and "add" below. */
export function OptionRows<T extends { key: number }>({
  legend,
  help,
  rows,
  onChange,
  make,
  min,
  max,
  addLabel,
  removeLabel,
  rowLegend,
  rowClassName,
  children,
}: OptionRowsProps<T>) {
  const className = [styles.formRow, rowClassName ?? ''].filter(Boolean).join(' ');
  return (
    <fieldset className={styles.formList}>
      <legend className="field__label">{legend}</legend>
      {help && <p className="field__description">{help}</p>}
      {rows.map((row, i) => {
        const update = (patch: Partial<T>) =>
          onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
        const content = (
          <>
            {children(row, update, i + 1)}
            <Button
              size="sm"
              variant="ghost"
              isDisabled={rows.length <= min}
              aria-label={removeLabel(i + 1)}
              onPress={() => onChange(rows.filter((_, j) => j !== i))}
            >
              ×
            </Button>
          </>
        );
        return rowLegend ? (
          <fieldset key={row.key} className={className}>
            <legend className="visually-hidden">{rowLegend(i + 1)}</legend>
            {content}
          </fieldset>
        ) : (
          <div key={row.key} className={className}>
            {content}
          </div>
        );
      })}
      <Button size="sm" isDisabled={rows.length >= max} onPress={() => onChange([...rows, make()])}>
        {addLabel}
      </Button>
    </fieldset>
  );
}

import { useId } from 'react';
import styles from './AnswerTable.module.css';

export interface AnswerTableProps<A extends string> {
  /** The table's caption: its accessible name. */
  caption: string;
  /** The heading of the first column (what each row is: "Créneau"). */
  rowHeader: string;
  /** The answers every row offers, one column each ("Oui", "Si nécessaire", "Non"). */
  answers: readonly { id: A; label: string }[];
  rows: readonly { id: string; label: string }[];
  /** The answer of each row answered so far, by row id. */
  value: Readonly<Partial<Record<string, A>>>;
  onChange: (rowId: string, answer: A) => void;
  /** The accessible name of one radio button ("Oui pour lundi 3 mars, 18:00"). */
  answerLabel: (answer: { id: A; label: string }, row: { id: string; label: string }) => string;
}

/**
 * A table of rows each answered by one of the same few answers (the slots of a dates poll): each row is a group
 * of native radio buttons (arrow keys move within the row, Tab goes to the next row) under the answers' column
 * headings, every button named by its answer and its row.
 */
export function AnswerTable<A extends string>({
  caption,
  rowHeader,
  answers,
  rows,
  value,
  onChange,
  answerLabel,
}: AnswerTableProps<A>) {
  const idBase = useId();
  return (
    <div className={styles.scroll}>
      <table className={styles.table}>
        <caption className={`field__label ${styles.caption}`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {answers.map((answer) => (
              <th key={answer.id} scope="col">
                {answer.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              {answers.map((answer) => (
                <td key={answer.id}>
                  <label className={styles.cell} data-answer={answer.id}>
                    <input
                      type="radio"
                      name={`${idBase}-row-${row.id}`}
                      value={answer.id}
                      checked={value[row.id] === answer.id}
                      onChange={() => onChange(row.id, answer.id)}
                    />
                    <span className="visually-hidden">{answerLabel(answer, row)}</span>
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

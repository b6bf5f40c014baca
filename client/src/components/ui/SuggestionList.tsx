import { type CSSProperties, type ReactNode, useEffect, useRef } from 'react';
import styles from './SuggestionList.module.css';

export interface SuggestionListProps<T> {
  /** The listbox's id; option `i` is `${id}-${i}`, which the text field names in aria-activedescendant. */
  id: string;
  label: string;
  items: readonly T[];
  active: number;
  keyOf: (item: T) => string;
  children: (item: T) => ReactNode;
  onPick: (item: T) => void;
  onHover?: (index: number) => void;
  /** Where the list sits (each caller places it: under the caret, above the composer...). */
  className?: string;
  style?: CSSProperties;
  /** Border and shadow of its own; off when the list sits in a frame with more in it (the "/" menu's hint). */
  framed?: boolean;
}

/**
 * The one list of suggestions offered while typing in a text (an @mention, a "/" command): a listbox whose
 * options are never focused. The focus stays in the textarea or the editor, which names the active option
 * with aria-activedescendant and handles the keys (`listKey` in the fiche editor, the composer's keys);
 * a click picks on mousedown so the focus and the selection stay where they were.
 *
 * Why not react-aria's ListBox: its options take the focus, or need react-aria's own Autocomplete input,
 * and neither a Tiptap editor nor our composer's textarea can be that input.
 */
export function SuggestionList<T>({
  id,
  label,
  items,
  active,
  keyOf,
  children,
  onPick,
  onHover,
  className,
  style,
  framed = true,
}: SuggestionListProps<T>) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector(`[id="${id}-${active}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [id, active]);
  if (items.length === 0) return null;
  return (
    <div
      ref={list}
      id={id}
      role="listbox"
      aria-label={label}
      className={[styles.list, framed && styles.framed, className].filter(Boolean).join(' ')}
      style={style}
    >
      {items.map((item, index) => (
        <div
          key={keyOf(item)}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          tabIndex={-1}
          className={styles.option}
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(item);
          }}
          onMouseMove={() => {
            if (onHover && index !== active) onHover(index);
          }}
        >
          {children(item)}
        </div>
      ))}
    </div>
  );
}

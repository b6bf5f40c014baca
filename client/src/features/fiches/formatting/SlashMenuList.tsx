import { useEffect, useRef } from 'react';
import type { SlashItem } from './slash-items';

export interface SlashMenuListProps {
  id: string;
  label: string;
  /** How to use the list, under it (the formatting help says it to screen readers too). */
  hint: string;
  /** The keys, left out on phones. */
  keysHint: string;
  items: readonly SlashItem[];
  active: number;
  onPick: (item: SlashItem) => void;
  onHover: (index: number) => void;
}

/**
 * The choices offered after "/" in the text. The focus stays in the editor, which names the active option
 * (aria-activedescendant); the keys are handled by the suggestion plugin.
 */
export function SlashMenuList({
  id,
  label,
  hint,
  keysHint,
  items,
  active,
  onPick,
  onHover,
}: SlashMenuListProps) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector(`[id="${id}-${active}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [id, active]);
  if (items.length === 0) return null;
  return (
    <div className="slash-menu">
      <div ref={list} id={id} role="listbox" aria-label={label} className="slash-menu__list">
        {items.map((item, index) => {
          const Icon = item.icon;
          return (
            <div
              key={item.id}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === active}
              tabIndex={-1}
              className="slash-menu__option"
              // Keep the focus (and the selection) in the editor: the choice is made on mousedown.
              onMouseDown={(event) => {
                event.preventDefault();
                onPick(item);
              }}
              onMouseMove={() => {
                if (index !== active) onHover(index);
              }}
            >
              <span className="slash-menu__icon" aria-hidden="true">
                <Icon className="slash-menu__svg" focusable="false" />
              </span>
              <span className="slash-menu__text">
                <span className="slash-menu__label">{item.label}</span>
                <span className="slash-menu__description">{item.description}</span>
              </span>
            </div>
          );
        })}
      </div>
      <p className="slash-menu__hint" aria-hidden="true">
        {hint}
        <span className="slash-menu__keys"> · {keysHint}</span>
      </p>
    </div>
  );
}

import { SuggestionList } from '../../../components/ui/SuggestionList';
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
  if (items.length === 0) return null;
  return (
    <div className="slash-menu">
      <SuggestionList
        id={id}
        label={label}
        items={items}
        active={active}
        keyOf={(item) => item.id}
        onPick={onPick}
        onHover={onHover}
        framed={false}
        className="slash-menu__list"
      >
        {(item) => {
          const Icon = item.icon;
          return (
            <>
              <span className="slash-menu__icon" aria-hidden="true">
                <Icon className="slash-menu__svg" focusable="false" />
              </span>
              <span className="slash-menu__text">
                <span className="slash-menu__label">{item.label}</span>
                <span className="slash-menu__description">{item.description}</span>
              </span>
            </>
          );
        }}
      </SuggestionList>
      <p className="slash-menu__hint" aria-hidden="true">
        {hint}
        <span className="slash-menu__keys"> · {keysHint}</span>
      </p>
    </div>
  );
}

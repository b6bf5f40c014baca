import { SuggestionList } from '../../../components/ui/SuggestionList';
import styles from './formatting.module.css';
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
    <div className={styles.slashMenu}>
      <SuggestionList
        id={id}
        label={label}
        items={items}
        active={active}
        keyOf={(item) => item.id}
        onPick={onPick}
        onHover={onHover}
        framed={false}
        className={styles.slashMenuList}
      >
        {(item) => {
          const Icon = item.icon;
          return (
            <>
              <span className={styles.slashMenuIcon} aria-hidden="true">
                <Icon className={styles.slashMenuSvg} focusable="false" />
              </span>
              <span className={styles.slashMenuText}>
                <span className={`slash-menu__label ${styles.slashMenuLabel}`}>{item.label}</span>
                <span className={styles.slashMenuDescription}>{item.description}</span>
              </span>
            </>
          );
        }}
      </SuggestionList>
      <p className={styles.slashMenuHint} aria-hidden="true">
        {hint}
        <span className={styles.slashMenuKeys}> · {keysHint}</span>
      </p>
    </div>
  );
}

import { MentionPicker } from '../../mentions/MentionPicker';
import type { MemberCandidate } from '../../mentions/mention-candidates';
import styles from './mentions.module.css';

export interface MentionListProps {
  id: string;
  label: string;
  members: readonly MemberCandidate[];
  active: number;
  /** Where the `@` is on screen; the list opens under it, kept inside the viewport. */
  anchor: { left: number; bottom: number } | null;
  onPick: (member: MemberCandidate) => void;
}

/**
 * The mention picker placed under the `@` typed in the fiche text. The focus stays in the editor, which
 * names the active option (aria-activedescendant); the keys are handled by the suggestion plugin.
 */
export function MentionList({ id, label, members, active, anchor, onPick }: MentionListProps) {
  if (members.length === 0 || !anchor) return null;
  const width = Math.min(288, window.innerWidth - 16);
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - width - 8));
  return (
    <MentionPicker
      id={id}
      label={label}
      candidates={members}
      active={active}
      onPick={onPick}
      className={styles.list}
      style={{ top: anchor.bottom + 4, left, width }}
    />
  );
}

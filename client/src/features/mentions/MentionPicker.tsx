import type { CSSProperties } from 'react';
import { SuggestionList } from '../../components/ui/SuggestionList';
import styles from './MentionPicker.module.css';
import type { MentionCandidate } from './mention-candidates';

export interface MentionPickerProps<T extends MentionCandidate> {
  id: string;
  label: string;
  candidates: readonly T[];
  active: number;
  onPick: (candidate: T) => void;
  /** Where the list sits: above the composer, under the caret in a fiche. */
  className?: string;
  style?: CSSProperties;
}

/**
 * The one mention picker, in discussions and in fiches: the candidates ranked by `rankMentionCandidates`,
 * each with what tells namesakes apart. The focus stays in the text being written.
 */
export function MentionPicker<T extends MentionCandidate>({
  id,
  label,
  candidates,
  active,
  onPick,
  className,
  style,
}: MentionPickerProps<T>) {
  return (
    <SuggestionList
      id={id}
      label={label}
      items={candidates}
      active={active}
      keyOf={(candidate) => candidate.id ?? 'group'}
      onPick={onPick}
      className={className}
      style={style}
    >
      {(candidate) => (
        <span className={styles.text}>
          <span className={styles.name}>{candidate.id ? candidate.label : `@${candidate.label}`}</span>
          {candidate.detail && <span className={styles.detail}>{candidate.detail}</span>}
        </span>
      )}
    </SuggestionList>
  );
}

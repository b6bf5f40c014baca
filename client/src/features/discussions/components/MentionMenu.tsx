import type { MentionCandidate } from '../mentions';

interface MentionMenuProps {
  id: string;
  candidates: readonly MentionCandidate[];
  active: number;
  onPick: (candidate: MentionCandidate) => void;
}

/** The suggestions under the composer while an @mention is typed (driven from the textarea's keys). */
export function MentionMenu({ id, candidates, active, onPick }: MentionMenuProps) {
  return (
    <div id={id} role="listbox" className="mention-menu" aria-label="Mentions">
      {candidates.map((candidate, index) => (
        <div
          key={candidate.id ?? 'group'}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          tabIndex={-1}
          className="mention-menu__option"
          // Keep the focus in the textarea: the choice is made on mousedown.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(candidate);
          }}
        >
          {candidate.id ? candidate.label : `@${candidate.label}`}
        </div>
      ))}
    </div>
  );
}

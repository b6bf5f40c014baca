import type { MentionableMember } from './member-candidates';

export interface MentionListProps {
  id: string;
  label: string;
  members: readonly MentionableMember[];
  active: number;
  /** Where the `@` is on screen; the list opens under it, kept inside the viewport. */
  anchor: { left: number; bottom: number } | null;
  onPick: (member: MentionableMember) => void;
}

/**
 * The members offered while an `@mention` is typed in the fiche text. The focus stays in the editor,
 * which names the active option (aria-activedescendant); the keys are handled by the suggestion plugin.
 */
export function MentionList({ id, label, members, active, anchor, onPick }: MentionListProps) {
  if (members.length === 0 || !anchor) return null;
  const width = Math.min(288, window.innerWidth - 16);
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - width - 8));
  return (
    <div
      id={id}
      role="listbox"
      aria-label={label}
      className="fiche-mention-list"
      style={{ top: anchor.bottom + 4, left, width }}
    >
      {members.map((member, index) => (
        <div
          key={member.id}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          tabIndex={-1}
          className="fiche-mention-list__option"
          // Keep the focus (and the selection) in the editor: the choice is made on mousedown.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(member);
          }}
        >
          <span className="fiche-mention-list__name">{member.label}</span>
          {member.detail && <span className="fiche-mention-list__detail">{member.detail}</span>}
        </div>
      ))}
    </div>
  );
}

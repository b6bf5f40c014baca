import type { FicheMentionSuggestion } from '@affluents/editor';
import { ReactRenderer } from '@tiptap/react';
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';
import { type MemberCandidate, rankMentionCandidates } from '../../mentions/mention-candidates';
import { describeEditor, listKey } from '../editor-combobox';
import { MentionList, type MentionListProps } from './MentionList';
// The mention chips' style, in the text of every editor that offers the suggestion.
import './mentions.module.css';

let lists = 0;

/**
 * The `@` suggestion of the fiche editor: the group's members (read through `members()`, which may
 * change after the editor is built), arrows to move, Enter or Tab to pick, Escape to close.
 */
export function memberMentionSuggestion(options: {
  members: () => readonly MemberCandidate[];
  label: string;
}): FicheMentionSuggestion {
  return {
    items: ({ query }) => rankMentionCandidates(options.members(), query),
    render: () => {
      const listId = `fiche-mentions-${++lists}`;
      let renderer: ReactRenderer<unknown, MentionListProps> | null = null;
      let props: SuggestionProps<MemberCandidate> | null = null;
      let active = 0;

      const draw = () => {
        if (!renderer || !props) return;
        const items = props.items;
        if (active >= items.length) active = 0;
        const rect = props.clientRect?.() ?? null;
        const open = items.length > 0 && rect !== null;
        renderer.updateProps({
          id: listId,
          label: options.label,
          members: items,
          active,
          anchor: rect ? { left: rect.left, bottom: rect.bottom } : null,
          onPick: pick,
        });
        describeEditor(props.editor, open ? listId : null, open ? `${listId}-${active}` : null);
      };
      const pick = (member: MemberCandidate) => {
        props?.command({ id: member.id, label: member.label });
      };

      return {
        onStart(start) {
          props = start as SuggestionProps<MemberCandidate>;
          active = 0;
          renderer = new ReactRenderer(MentionList, {
            editor: start.editor,
            props: { id: listId, label: options.label, members: [], active, anchor: null, onPick: pick },
          });
          document.body.appendChild(renderer.element);
          draw();
        },
        onUpdate(update) {
          props = update as SuggestionProps<MemberCandidate>;
          draw();
        },
        onKeyDown({ event }: SuggestionKeyDownProps) {
          const items = props?.items ?? [];
          if (event.key === 'Escape') {
            renderer?.updateProps({ members: [] });
            if (props) describeEditor(props.editor, null, null);
            return items.length > 0;
          }
          if (items.length === 0) return false;
          const move = listKey(event.key, items.length, active);
          if (move === null) return false;
          if (move === 'pick') pick(items[active]);
          else {
            active = move;
            draw();
          }
          return true;
        },
        onExit() {
          if (props) describeEditor(props.editor, null, null);
          renderer?.element.remove();
          renderer?.destroy();
          renderer = null;
          props = null;
        },
      };
    },
  };
}

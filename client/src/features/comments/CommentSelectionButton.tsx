import type { Editor } from '@tiptap/core';
import { BubbleMenu } from '@tiptap/react/menus';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import styles from './comments.module.css';

/** "Commenter" beside a selection in the text (also Ctrl+Alt+M, and in the editor's bar). */
export function CommentSelectionButton({ editor, onComment }: { editor: Editor; onComment: () => void }) {
  const { t } = useTranslation();
  return (
    <BubbleMenu
      editor={editor}
      pluginKey="commentBubble"
      shouldShow={({ state }) =>
        !state.selection.empty &&
        state.doc.textBetween(state.selection.from, state.selection.to).trim() !== ''
      }
      className={`comment-bubble ${styles.bubble}`}
    >
      <Button size="sm" variant="primary" onPress={onComment} aria-keyshortcuts="Control+Alt+M">
        {t('comments.commentSelection')}
      </Button>
    </BubbleMenu>
  );
}

/** The same action as a button of the editor's bar, enabled while text is selected. */
export function CommentToolbarButton({
  hasSelection,
  onComment,
}: {
  hasSelection: boolean;
  onComment: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Button
      size="sm"
      variant="secondary"
      isDisabled={!hasSelection}
      onPress={onComment}
      aria-keyshortcuts="Control+Alt+M"
      className="comment-toolbar-button"
    >
      {t('comments.commentSelection')}
    </Button>
  );
}

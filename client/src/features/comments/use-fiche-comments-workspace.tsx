import type { CurrentUser, FicheComment, FicheDetail } from '@affluents/contracts';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { useEditorState } from '@tiptap/react';
import { useCallback, useState } from 'react';
import { selectionAnchors } from './anchors';
import { CommentSelectionButton, CommentToolbarButton } from './CommentSelectionButton';
import { type CommentDraft, CommentsPanel } from './CommentsPanel';
import { useFicheComments } from './hooks';
import { commentRange, useCommentHighlights } from './use-comment-highlights';

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * Everything the fiche page needs for comments, wired together: the highlight extension for the editor,
 * the "Commenter" actions and the side panel. Only the group's members get any of it.
 */
export function useFicheCommentsWorkspace(
  fiche: FicheDetail,
  editor: Editor | null,
  me: CurrentUser | null | undefined,
) {
  const member = !!me?.memberships.some((m) => m.groupId === fiche.group.id);
  const mayComment = member && fiche.access === 'write';
  const list = useFicheComments(fiche.id, member);
  const comments = list.data ?? [];
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);

  const startComment = useCallback(() => {
    if (!editor || !mayComment) return false;
    const anchors = selectionAnchors(editor.state);
    if (!anchors) return false;
    setDraft(anchors);
    return true;
  }, [editor, mayComment]);

  const activate = useCallback((id: string) => {
    setActiveId(id);
    const card = document.querySelector<HTMLElement>(`.comments-panel [data-comment-id="${id}"]`);
    card?.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }, []);

  const focusComment = useCallback(
    (comment: FicheComment) => {
      setActiveId(comment.id);
      const range = editor && !comment.orphaned ? commentRange(editor, comment) : null;
      if (!editor || !range) return;
      const dom = editor.view.domAtPos(range.from).node;
      const element = dom instanceof HTMLElement ? dom : dom.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
      editor.view.dispatch(
        editor.state.tr.setSelection(TextSelection.create(editor.state.doc, range.from, range.to)),
      );
    },
    [editor],
  );

  const extension = useCommentHighlights(editor, comments, activeId, {
    onActivate: activate,
    onCommentShortcut: startComment,
  });

  const hasSelection = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? !e.state.selection.empty : false),
  });

  return {
    extension,
    bubble: editor && mayComment ? <CommentSelectionButton editor={editor} onComment={startComment} /> : null,
    toolbarButton: mayComment ? (
      <CommentToolbarButton hasSelection={!!hasSelection} onComment={startComment} />
    ) : null,
    panel:
      member && me ? (
        <CommentsPanel
          ficheId={fiche.id}
          groupId={fiche.group.id}
          me={me}
          comments={comments}
          draft={draft}
          onDraftDone={() => setDraft(null)}
          activeId={activeId}
          onFocusComment={focusComment}
        />
      ) : null,
  };
}

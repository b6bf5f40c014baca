import type { FicheComment } from '@affluents/contracts';
import { CommentHighlights, type CommentRange, refreshCommentHighlights } from '@affluents/editor';
import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { useEffect, useMemo, useRef } from 'react';
import { anchoredRange, bindingOf } from './anchors';

/** Where the open comments stand in the editor's current document. */
function openRanges(state: EditorState, comments: FicheComment[]): CommentRange[] {
  const binding = bindingOf(state);
  if (!binding) return [];
  const ranges: CommentRange[] = [];
  for (const c of comments) {
    if (c.resolvedAt !== null) continue;
    const range = anchoredRange(binding, c.anchorStart, c.anchorEnd);
    if (range) ranges.push({ id: c.id, ...range });
  }
  return ranges;
}

interface Handlers {
  onActivate: (id: string) => void;
  onCommentShortcut: () => boolean;
}

/**
 * The highlight extension of one editor, created once (the editor is built once per document) and fed
 * through refs: comments, the active one and the handlers change without rebuilding the editor.
 */
export function useCommentHighlights(
  editor: Editor | null,
  comments: FicheComment[],
  activeId: string | null,
  handlers: Handlers,
) {
  const latest = useRef({ comments, activeId, handlers });
  latest.current = { comments, activeId, handlers };
  const extension = useMemo(
    () =>
      CommentHighlights.configure({
        resolveRanges: (state) => openRanges(state, latest.current.comments),
        activeId: () => latest.current.activeId,
        onActivate: (id) => latest.current.handlers.onActivate(id),
        onCommentShortcut: () => latest.current.handlers.onCommentShortcut(),
      }),
    [],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the plugin reads them through `latest`; they only trigger the redraw.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(refreshCommentHighlights(editor.state.tr));
  }, [editor, comments, activeId]);
  return extension;
}

/** The document range of a comment now, to scroll to it. */
export function commentRange(editor: Editor, comment: FicheComment) {
  const binding = bindingOf(editor.state);
  return binding ? anchoredRange(binding, comment.anchorStart, comment.anchorEnd) : null;
}

import { Extension } from '@tiptap/core';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** One commented passage, in positions of the current document. */
export interface CommentRange {
  id: string;
  from: number;
  to: number;
}

export interface CommentHighlightsOptions {
  /**
   * Where the commented passages are now. Called after every change of the document (and when
   * `refreshCommentHighlights` is dispatched): positions come from anchors that live outside the text.
   */
  resolveRanges: (state: EditorState) => CommentRange[];
  /** The id of the comment to show as active (focused in the side panel), if any. */
  activeId: () => string | null;
  /** A highlight was clicked. */
  onActivate: (id: string) => void;
  /** The keyboard shortcut (Mod-Alt-m) asks to comment the selection; return false to let it pass. */
  onCommentShortcut: () => boolean;
}

export const commentHighlightsKey = new PluginKey<DecorationSet>('commentHighlights');
const REFRESH = 'commentHighlights/refresh';

/** Asks the highlights to recompute (the comments or the active one changed, not the text). */
export function refreshCommentHighlights(tr: Transaction): Transaction {
  return tr.setMeta(REFRESH, true).setMeta('addToHistory', false);
}

/**
 * Highlights of commented passages. Decorations only: nothing is written into the document, so the
 * shared text, its versions and its exports never carry comments.
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return {
      resolveRanges: () => [],
      activeId: () => null,
      onActivate: () => {},
      onCommentShortcut: () => false,
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-m': () => this.options.onCommentShortcut() };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    const build = (state: EditorState) => {
      const active = options.activeId();
      const size = state.doc.content.size;
      const decorations = options
        .resolveRanges(state)
        .filter((r) => r.from < r.to && r.to <= size)
        .map((r) =>
          Decoration.inline(
            r.from,
            r.to,
            {
              class: r.id === active ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
              'data-comment-id': r.id,
            },
            { commentId: r.id },
          ),
        );
      return DecorationSet.create(state.doc, decorations);
    };
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => build(state),
          apply: (tr, previous, _old, state) =>
            tr.docChanged || tr.getMeta(REFRESH) ? build(state) : previous,
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state),
          handleClick: (view, pos) => {
            const found = commentHighlightsKey.getState(view.state)?.find(pos, pos);
            const hit = found?.find((d) => d.from <= pos && pos <= d.to);
            if (!hit) return false;
            options.onActivate((hit.spec as { commentId: string }).commentId);
            // Let the click place the caret as usual.
            return false;
          },
        },
      }),
    ];
  },
});

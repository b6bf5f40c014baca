import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { relativePositionToAbsolutePosition, ySyncPluginKey as yTiptapSyncKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

// The sync plugin's key, typed against the editor's ProseMirror (this CommonJS package resolves
// y-tiptap's typings as an ES module, with their own copy of the ProseMirror types).
const ySyncPluginKey = yTiptapSyncKey as unknown as PluginKey;

/** What the Collaboration extension's sync plugin keeps about the Yjs side (y-tiptap's ProsemirrorBinding). */
interface SyncBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<Y.AbstractType<unknown>, unknown>;
  /** The local selection as Yjs relative positions, taken before the Yjs transaction being rendered. */
  beforeTransactionSelection: {
    type: string;
    anchor: Y.RelativePosition | null;
    head: Y.RelativePosition | null;
  } | null;
}

/** Whether a type and every one of its ancestors up to the bound fragment are still in the document. */
function isLive(type: Y.AbstractType<unknown>, root: Y.XmlFragment): boolean {
  let current: Y.AbstractType<unknown> = type;
  while (current !== root) {
    const item = current._item;
    if (!item || item.deleted) return false;
    current = item.parent as Y.AbstractType<unknown>;
  }
  return true;
}

/**
 * The ProseMirror position of a relative position whose block still exists, or null when Yjs cannot
 * place it (its block was deleted or moved, which y-tiptap's own recovery is there for).
 */
function resolveInLiveBlock(binding: SyncBinding, relative: Y.RelativePosition | null): number | null {
  if (!relative) return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
  if (!absolute || !isLive(absolute.type, binding.type)) return null;
  return relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping as never);
}

/**
 * Keeps each writer's cursor where Yjs says it is when a co-writer's change arrives. y-tiptap (3.0.9 to
 * 3.3.0) second-guesses the Yjs position of the cursor by matching blocks on their text: a cursor in an
 * empty paragraph is taken to be in "the n-th empty paragraph", so when a co-writer fills an earlier empty
 * section, the cursor jumps to the next empty section and the sentence being typed lands there. The
 * relative position names the paragraph itself, so while that paragraph is alive it is the answer; only
 * when its block was deleted or moved is y-tiptap's recovery kept.
 */
export const CollaborationSelection = Extension.create({
  name: 'collaborationSelection',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('collaborationSelection'),
        appendTransaction(transactions, _oldState, state) {
          const remote = transactions.some((tr) => {
            const meta = tr.getMeta(ySyncPluginKey) as
              | { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean }
              | undefined;
            // An undo moves the cursor on purpose (the undo plugin restores it): left alone.
            return tr.docChanged && meta?.isChangeOrigin === true && !meta.isUndoRedoOperation;
          });
          if (!remote) return null;
          const binding = ySyncPluginKey.getState(state)?.binding as SyncBinding | undefined;
          const before = binding?.beforeTransactionSelection;
          if (!binding || !before || before.type !== 'text') return null;
          const anchor = resolveInLiveBlock(binding, before.anchor);
          const head = resolveInLiveBlock(binding, before.head);
          if (anchor === null || head === null) return null;
          if (anchor > state.doc.content.size || head > state.doc.content.size) return null;
          if (anchor === state.selection.anchor && head === state.selection.head) return null;
          const $anchor = state.doc.resolve(anchor);
          const $head = state.doc.resolve(head);
          if (!$anchor.parent.inlineContent || !$head.parent.inlineContent) return null;
          return state.tr
            .setSelection(TextSelection.between($anchor, $head))
            .setMeta('addToHistory', false)
            .setMeta(ySyncPluginKey, { isChangeOrigin: true });
        },
      }),
    ];
  },
});

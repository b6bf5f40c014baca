import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** What ties ProseMirror positions to the Yjs document: the shared type and the node mapping. */
export interface YBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<Y.AbstractType<unknown>, unknown>;
}

/** The binding the Collaboration extension keeps in its sync plugin, once the editor is bound. */
export function bindingOf(state: EditorState): YBinding | null {
  const binding = ySyncPluginKey.getState(state)?.binding as YBinding | undefined;
  return binding?.mapping ? binding : null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(encoded: string): Uint8Array {
  const binary = atob(encoded);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** A ProseMirror position as a base64 Yjs relative position, which follows the text through edits. */
export function encodeAnchor(binding: YBinding, pos: number): string {
  const relative = absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never);
  return toBase64(Y.encodeRelativePosition(relative));
}

/** The current ProseMirror position of an anchor, or null when it cannot be placed. */
export function decodeAnchor(binding: YBinding, anchor: string): number | null {
  try {
    const relative = Y.decodeRelativePosition(fromBase64(anchor));
    return relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping as never);
  } catch {
    return null;
  }
}

/** The passage between two anchors now, or null when it is gone (deleted or collapsed). */
export function anchoredRange(
  binding: YBinding,
  anchorStart: string,
  anchorEnd: string,
): { from: number; to: number } | null {
  const from = decodeAnchor(binding, anchorStart);
  const to = decodeAnchor(binding, anchorEnd);
  return from !== null && to !== null && from < to ? { from, to } : null;
}

/** The selection as a new comment's anchors and quote, or null for an empty selection. */
export function selectionAnchors(
  state: EditorState,
): { anchorStart: string; anchorEnd: string; quote: string } | null {
  const { from, to, empty } = state.selection;
  const binding = bindingOf(state);
  if (empty || !binding) return null;
  const quote = state.doc.textBetween(from, to, ' ').trim().slice(0, 2000);
  if (!quote) return null;
  return { anchorStart: encodeAnchor(binding, from), anchorEnd: encodeAnchor(binding, to), quote };
}

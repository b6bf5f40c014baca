import { type FileKind, formatByteSize, type StoredFile } from '@affluents/contracts';
import { FILE_NODE, IMAGE_NODE } from '@affluents/editor';
import { useQueryClient } from '@tanstack/react-query';
import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { isApiError } from '../../lib/api-client';
import { useErrorMessage } from '../../lib/use-error-message';
import { bindingOf } from '../comments/anchors';
import { checkFile, type FileRefusal, likelyKind } from './file-checks';
import { fileKeys, useFicheFiles } from './files-api';
import { uploadFicheFile } from './upload-file';

/** A file on its way into the fiche, or refused (then `error` says why, in the interface language). */
export interface FileUpload {
  id: string;
  name: string;
  kind: FileKind;
  byteSize: number;
  /** Bytes sent so far. */
  loaded: number;
  error: string | null;
}

/**
 * Where the file goes once stored. In a shared document a Yjs relative position: it follows the text through
 * the co-writers' changes made while the bytes travel (a ProseMirror position would not, as a remote change
 * replaces the whole document).
 */
type Anchor = { relative: Y.RelativePosition } | { absolute: number };

function anchorAt(editor: Editor, pos: number): Anchor {
  const binding = bindingOf(editor.state);
  if (!binding) return { absolute: pos };
  return { relative: absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never) };
}

function positionOf(editor: Editor, anchor: Anchor): number {
  const size = editor.state.doc.content.size;
  let pos: number | null = null;
  if ('absolute' in anchor) pos = anchor.absolute;
  else {
    const binding = bindingOf(editor.state);
    if (binding) {
      try {
        pos = relativePositionToAbsolutePosition(
          binding.doc,
          binding.type,
          anchor.relative,
          binding.mapping as never,
        );
      } catch {
        pos = null;
      }
    }
  }
  return Math.min(Math.max(pos ?? size, 0), size);
}

/** The node an uploaded file becomes: an image in the text (still to be described) or a download card. */
function nodeOf(stored: StoredFile) {
  return stored.kind === 'image'
    ? {
        type: IMAGE_NODE,
        attrs: { fileId: stored.id, alt: null, width: stored.width, height: stored.height },
      }
    : {
        type: FILE_NODE,
        attrs: {
          fileId: stored.id,
          name: stored.name,
          mediaType: stored.mediaType,
          byteSize: stored.byteSize,
        },
      };
}

/**
 * Inserts the stored file's node at `pos`, without moving the writer's caret (they may be typing elsewhere).
 * A section title is never split: the file goes below it. An empty line stays, below the file, for the
 * text that follows (and the section's hint). With `moveCaret` (the file was put at the writer's caret and
 * the caret has not moved since), the caret goes to the line below the file, as after any insertion: the
 * next file then follows this one.
 */
export function insertStoredFile(
  editor: Editor,
  stored: StoredFile,
  pos: number,
  { moveCaret = false } = {},
): boolean {
  let at = pos;
  const $pos = editor.state.doc.resolve(at);
  if ($pos.depth > 0 && $pos.parent.type.name === 'heading') at = $pos.after();
  else if ($pos.depth > 0 && $pos.parent.isTextblock && $pos.parent.childCount === 0) at = $pos.before();
  const node = nodeOf(stored);
  if (!editor.chain().insertContentAt(at, node, { updateSelection: false }).run()) return false;
  if (!moveCaret) return true;

  // The inserted node: the one of this file nearest to where it was put (a file may be in the text twice).
  let found: { pos: number; size: number } | null = null;
  editor.state.doc.descendants((child, childPos) => {
    if (child.type.name !== node.type || child.attrs.fileId !== stored.id) return true;
    if (!found || Math.abs(childPos - at) < Math.abs(found.pos - at))
      found = { pos: childPos, size: child.nodeSize };
    return false;
  });
  if (!found) return true;
  const { pos: nodePos, size } = found;
  const after = nodePos + size;
  const next = editor.state.doc.resolve(after).nodeAfter;
  const chain = editor.chain();
  if (next?.type.name !== 'paragraph')
    chain.insertContentAt(after, { type: 'paragraph' }, { updateSelection: false });
  chain.setTextSelection(after + 1).run();
  return true;
}

interface UseFileUploadsOptions {
  editor: Editor;
  ficheId: string | undefined;
  /** Off for readers: nothing is read nor sent. */
  enabled: boolean;
  /** Called once an image is in the text, so that its author is asked to describe it. */
  onImageInserted?: (fileId: string) => void;
}

/**
 * Sends files into a fiche with their progress, and puts each into the text only once the server has stored
 * it: co-writers never see a placeholder that could end up broken. Refusals (checked here first when the
 * limits are known, then by the server) stay listed with their reason until dismissed.
 */
export function useFileUploads({ editor, ficheId, enabled, onImageInserted }: UseFileUploadsOptions) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const files = useFicheFiles(ficheId, enabled);
  const [uploads, setUploads] = useState<FileUpload[]>([]);
  /** The last file put in the text, said to screen readers (the tray line just disappears). */
  const [announcement, setAnnouncement] = useState('');
  const controllers = useRef(new Map<string, { controller: AbortController; byteSize: number }>());
  const nextId = useRef(0);
  const latest = useRef({ files: files.data, onImageInserted, editor });
  latest.current = { files: files.data, onImageInserted, editor };

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const { controller } of running.values()) controller.abort();
      running.clear();
    };
  }, []);

  const patch = useCallback((id: string, change: Partial<FileUpload>) => {
    setUploads((list) => list.map((upload) => (upload.id === id ? { ...upload, ...change } : upload)));
  }, []);

  const refusalMessage = useCallback(
    (file: File, refusal: FileRefusal): string => {
      switch (refusal.reason) {
        case 'type':
          return t('files.refused.type');
        case 'tooLarge':
          return t('files.refused.tooLarge', {
            size: formatByteSize(file.size),
            max: formatByteSize(refusal.maxBytes),
          });
        case 'ficheFull':
          return t('files.refused.ficheFull', {
            free: formatByteSize(refusal.freeBytes),
            max: formatByteSize(refusal.maxBytes),
          });
      }
    },
    [t],
  );

  /** The server words its refusals (type, size, space) in French: its message names the reason. */
  const failureMessage = useCallback(
    (error: unknown): string =>
      isApiError(error) && error.status >= 400 && error.status < 500 && error.message
        ? error.message
        : errorMessage(error),
    [errorMessage],
  );

  /** Sends `list` into the fiche; each file lands at `pos` (the caret when left out) once stored. */
  const upload = useCallback(
    (list: readonly File[], pos?: number) => {
      const { editor: currentEditor } = latest.current;
      if (!ficheId || !enabled || currentEditor.isDestroyed) return;
      const atCaret = pos === undefined;
      const anchor = anchorAt(currentEditor, pos ?? currentEditor.state.selection.to);
      for (const file of list) {
        nextId.current += 1;
        const id = `upload-${nextId.current}`;
        const known = latest.current.files;
        const pendingBytes = [...controllers.current.values()].reduce((sum, c) => sum + c.byteSize, 0);
        const refusal = checkFile(
          file,
          known ? { limits: known.limits, usedBytes: known.usedBytes, pendingBytes } : undefined,
        );
        const entry: FileUpload = {
          id,
          name: file.name,
          kind: likelyKind(file),
          byteSize: file.size,
          loaded: 0,
          error: refusal ? refusalMessage(file, refusal) : null,
        };
        setUploads((current) => [...current, entry]);
        if (refusal) continue;

        const controller = new AbortController();
        controllers.current.set(id, { controller, byteSize: file.size });
        uploadFicheFile(ficheId, file, {
          signal: controller.signal,
          onProgress: (loaded) => patch(id, { loaded }),
        })
          .then((stored) => {
            controllers.current.delete(id);
            setUploads((current) => current.filter((upload) => upload.id !== id));
            void queryClient.invalidateQueries({ queryKey: fileKeys.fiche(ficheId) });
            const { editor: target, onImageInserted: describe } = latest.current;
            if (target.isDestroyed || !target.isEditable) return;
            const at = positionOf(target, anchor);
            const { selection } = target.state;
            const moveCaret = atCaret && selection.empty && selection.from === at;
            if (!insertStoredFile(target, stored, at, { moveCaret })) return;
            setAnnouncement(
              t(stored.kind === 'image' ? 'files.tray.insertedImage' : 'files.tray.insertedFile', {
                name: stored.name,
              }),
            );
            if (stored.kind === 'image') describe?.(stored.id);
          })
          .catch((error: unknown) => {
            controllers.current.delete(id);
            if (error instanceof DOMException && error.name === 'AbortError') {
              setUploads((current) => current.filter((upload) => upload.id !== id));
              return;
            }
            patch(id, { error: failureMessage(error) });
          });
      }
    },
    [ficheId, enabled, patch, queryClient, refusalMessage, failureMessage, t],
  );

  /** Stops a file on its way: nothing reaches the text. */
  const cancel = useCallback((id: string) => controllers.current.get(id)?.controller.abort(), []);

  /** Removes a refusal from the list. */
  const dismiss = useCallback((id: string) => {
    setUploads((current) => current.filter((upload) => upload.id !== id));
  }, []);

  return { uploads, announcement, upload, cancel, dismiss };
}

import type { FileKind } from '@affluents/contracts';
import type { Editor } from '@tiptap/core';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePicker, openFilePicker } from '../../components/ui/FilePicker';
import { AltTextDialog } from './AltTextDialog';
import type { FileEditing } from './FileNodeViews';
import { acceptFor } from './file-checks';
import type { FileEditorHandlers } from './file-extensions';
import { UploadTray } from './UploadTray';
import { useFileUploads } from './use-file-uploads';

interface FicheFilesEditing {
  /** For `fileEditorExtensions`: what drops, pastes and Enter on an image do; null when not editable. */
  handlers: FileEditorHandlers | null;
  /** For the node views (`FileEditingContext`). */
  editing: FileEditing;
  /** Opens the file picker (the toolbar's "Image" and "Fichier"). */
  pick: (kind: FileKind) => void;
  /** The uploads beside the toolbar. */
  tray: ReactNode;
  /** The hidden file inputs and the description dialog. */
  overlays: ReactNode;
}

/**
 * Everything the live editor of a fiche needs for images and files: the picker, the uploads with their
 * progress, the insertion of stored files and the description of new images.
 */
export function useFicheFilesEditing({
  editor,
  ficheId,
  editable,
}: {
  editor: Editor;
  ficheId: string | undefined;
  editable: boolean;
}): FicheFilesEditing {
  const { t } = useTranslation();
  const enabled = editable && ficheId !== undefined;
  const [describing, setDescribing] = useState<string[]>([]);
  const describe = useCallback(
    (fileId: string) => setDescribing((queue) => (queue.includes(fileId) ? queue : [...queue, fileId])),
    [],
  );
  const { uploads, announcement, upload, cancel, dismiss } = useFileUploads({
    editor,
    ficheId,
    enabled,
    onImageInserted: describe,
  });

  const inputs = { image: useRef<HTMLInputElement>(null), document: useRef<HTMLInputElement>(null) };
  const { image: imageInput, document: documentInput } = inputs;
  const pick = useCallback(
    (kind: FileKind) => openFilePicker((kind === 'image' ? imageInput : documentInput).current),
    [imageInput, documentInput],
  );

  const handlers = useMemo<FileEditorHandlers | null>(
    () => (enabled ? { onFiles: upload, onDescribe: describe } : null),
    [enabled, upload, describe],
  );
  const editing = useMemo<FileEditing>(() => ({ editable: enabled, describe }), [enabled, describe]);

  const picker = (kind: FileKind) => (
    <FilePicker
      inputRef={inputs[kind]}
      name={kind}
      label={t(`files.picker.${kind}`)}
      acceptedFileTypes={acceptFor(kind).split(',')}
      allowsMultiple
      onSelect={upload}
    />
  );

  return {
    handlers,
    editing,
    pick,
    tray: enabled ? <UploadTray uploads={uploads} onCancel={cancel} onDismiss={dismiss} /> : null,
    overlays: enabled ? (
      <>
        {picker('image')}
        {picker('document')}
        <p role="status" className="visually-hidden">
          {announcement}
        </p>
        <AltTextDialog
          editor={editor}
          fileId={describing[0] ?? null}
          onClose={() => setDescribing((queue) => queue.slice(1))}
        />
      </>
    ) : null,
  };
}

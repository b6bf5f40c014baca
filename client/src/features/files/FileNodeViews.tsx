import { fileDisplayPath, fileDownloadPath, formatByteSize } from '@affluents/contracts';
import { FILE_NODE, FicheFile, FicheImage, IMAGE_NODE, validFileId } from '@affluents/editor';
import type { AnyExtension } from '@tiptap/core';
import { NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from '@tiptap/react';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import styles from './files.module.css';

/** What the writer of a live text may do with its images; absent in read-only texts (versions, published). */
export interface FileEditing {
  editable: boolean;
  describe: (fileId: string) => void;
}

export const FileEditingContext = createContext<FileEditing | null>(null);

export type FileTypeKey = 'pdf' | 'word' | 'excel' | 'powerpoint' | 'odt' | 'ods' | 'odp' | 'other';

const typeKeys: Record<string, FileTypeKey> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/msword': 'word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'excel',
  'application/vnd.ms-excel': 'excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'powerpoint',
  'application/vnd.ms-powerpoint': 'powerpoint',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** The short badge of each type, as its users know it (the same in every language). */
export const badges: Record<FileTypeKey, string> = {
  pdf: 'PDF',
  word: 'DOC',
  excel: 'XLS',
  powerpoint: 'PPT',
  odt: 'ODT',
  ods: 'ODS',
  odp: 'ODP',
  other: 'FICHIER',
};

/** The family of a stored file's media type: what its card calls it. */
export function fileTypeOf(mediaType: unknown): FileTypeKey {
  return (typeof mediaType === 'string' && typeKeys[mediaType]) || 'other';
}

/** An image of the text: its screen version, and for its writers a way to describe it. */
export function ImageNodeView({ node, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const editing = useContext(FileEditingContext);
  const fileId = validFileId(node.attrs.fileId);
  const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : null;
  const width = typeof node.attrs.width === 'number' ? node.attrs.width : undefined;
  const height = typeof node.attrs.height === 'number' ? node.attrs.height : undefined;
  const mayDescribe = editing?.editable === true && fileId !== null;

  return (
    <NodeViewWrapper
      as="figure"
      className={styles.figure}
      data-file-id={fileId ?? undefined}
      data-selected={selected || undefined}
    >
      {fileId ? (
        <img
          className={styles.figureImage}
          src={fileDisplayPath(fileId)}
          alt={alt ?? ''}
          width={width}
          height={height}
          loading="lazy"
          draggable={false}
        />
      ) : (
        <span className={styles.figureMissing}>{t('files.image.missing')}</span>
      )}
      {mayDescribe && (alt === null || selected) && (
        <div className={styles.figureActions} data-file-action="">
          {selected && alt === '' && <span className={styles.figureNote}>{t('files.image.decorative')}</span>}
          <Button
            size="sm"
            variant={alt === null ? 'primary' : 'secondary'}
            onPress={() => editing.describe(fileId)}
          >
            {alt === null ? t('files.image.addAlt') : t('files.image.editAlt')}
          </Button>
        </div>
      )}
    </NodeViewWrapper>
  );
}

/** A file attached in the text: its type, name and size, and the download of the original. */
export function FileNodeView({ node, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const fileId = validFileId(node.attrs.fileId);
  const name = typeof node.attrs.name === 'string' ? node.attrs.name : '';
  const size = formatByteSize(typeof node.attrs.byteSize === 'number' ? node.attrs.byteSize : 0);
  const type = fileTypeOf(node.attrs.mediaType);

  return (
    <NodeViewWrapper
      className={`fiche-file-card ${styles.fileCard}`}
      data-file-id={fileId ?? undefined}
      data-file-type={type}
      data-selected={selected || undefined}
    >
      <span className={styles.fileCardBadge} aria-hidden="true">
        {badges[type]}
      </span>
      <span className={styles.fileCardText}>
        <span className={styles.fileCardName}>{name}</span>
        <span className={styles.fileCardMeta}>
          {t('files.file.label', { type: t(`files.file.types.${type}`), size })}
        </span>
      </span>
      {fileId && (
        <a
          className={`button button--secondary button--sm ${styles.fileCardDownload}`}
          href={fileDownloadPath(fileId)}
          download={name || true}
          aria-label={t('files.file.downloadNamed', { name, size })}
          data-file-action=""
        >
          {t('files.file.download')}
        </a>
      )}
    </NodeViewWrapper>
  );
}

/** Clicks on the views' own buttons and links are theirs, not the editor's (which would select the node). */
const stopEvent = ({ event }: { event: Event }) =>
  event.target instanceof Element && event.target.closest('[data-file-action]') !== null;

/** The fiche's image node drawn by React (the schema and its HTML stay those of `@affluents/editor`). */
export const FicheImageView = FicheImage.extend({
  addNodeView() {
    return ReactNodeViewRenderer(ImageNodeView, { stopEvent });
  },
});

/** The fiche's file node drawn by React as a download card. */
export const FicheFileView = FicheFile.extend({
  addNodeView() {
    return ReactNodeViewRenderer(FileNodeView, { stopEvent });
  },
});

/** The fiche's extensions with images and files drawn by the views above. */
export function withFileViews(extensions: AnyExtension[]): AnyExtension[] {
  return extensions.map((extension) =>
    extension.name === IMAGE_NODE ? FicheImageView : extension.name === FILE_NODE ? FicheFileView : extension,
  );
}

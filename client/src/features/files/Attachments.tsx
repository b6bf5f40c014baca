import {
  type AttachedFile,
  acceptedFileExtensions,
  acceptedMediaTypes,
  fileDisplayPath,
  fileDownloadPath,
  filePreviewPath,
  formatByteSize,
} from '@affluents/contracts';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ui';
import { Button } from '../../components/ui/Button';
import { FilePicker, openFilePicker } from '../../components/ui/FilePicker';
import { Icon } from '../../components/ui/Icon';
import styles from './attachments.module.css';
import { badges, fileTypeOf } from './FileNodeViews';
import type { Attachment } from './use-attachments';

const accepted = [...acceptedMediaTypes, ...acceptedFileExtensions];

/** « Joindre » and the system's file picker behind it (several files at once, the accepted types offered). */
export function AttachButton({
  onSelect,
  name,
  isDisabled,
  compact,
}: {
  onSelect: (files: File[]) => void;
  /** The paper clip alone (a narrow panel); the button keeps its name. */
  compact?: boolean;
  /** Marks the hidden input (`data-file-picker`), for tests that hand it files. */
  name: string;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        variant="ghost"
        className={styles.attachButton}
        aria-label={t('files.attach.button')}
        isDisabled={isDisabled}
        onPress={() => openFilePicker(input.current)}
      >
        <Icon name="paperclip" />
        <span className={compact ? 'visually-hidden' : styles.attachButtonText}>
          {t('files.attach.short')}
        </span>
      </Button>
      <FilePicker
        inputRef={input}
        name={name}
        label={t('files.attach.picker')}
        acceptedFileTypes={accepted}
        allowsMultiple
        onSelect={onSelect}
      />
    </>
  );
}

/** The files chosen for what is being written: progress, then name and size; each removable before sending. */
export function AttachmentDrafts({
  items,
  onRemove,
}: {
  items: Attachment[];
  onRemove: (key: string) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className={styles.drafts} aria-label={t('files.attach.list')}>
      {items.map((item) => (
        <li key={item.key} className={styles.draft} data-status={item.status}>
          {item.status === 'uploading' ? (
            <ProgressBar
              className={styles.draftProgress}
              aria-label={t('files.tray.progress', { name: item.name })}
              value={Math.min(item.loaded, item.byteSize)}
              maxValue={Math.max(item.byteSize, 1)}
              valueLabel={item.loaded >= item.byteSize ? t('files.tray.processing') : undefined}
            >
              {({ percentage = 0, valueText }) => (
                <>
                  <span className={styles.draftRow}>
                    <span className={styles.draftName}>{item.name}</span>
                    <span className={styles.draftMeta}>{valueText}</span>
                  </span>
                  <span className={styles.draftTrack} aria-hidden="true">
                    <span className={styles.draftFill} style={{ width: `${percentage}%` }} />
                  </span>
                </>
              )}
            </ProgressBar>
          ) : item.status === 'stored' && item.file ? (
            <span className={styles.draftRow}>
              {item.file.kind === 'image' ? (
                <img className={styles.draftThumb} src={fileDisplayPath(item.file.id)} alt="" />
              ) : (
                <span className={styles.draftBadge} aria-hidden="true">
                  {badges[fileTypeOf(item.file.mediaType)]}
                </span>
              )}
              <span className={styles.draftName}>{item.name}</span>
              <span className={styles.draftMeta}>{formatByteSize(item.byteSize)}</span>
            </span>
          ) : (
            <p className={styles.draftError} role="alert">
              {item.error}
            </p>
          )}
          <Button
            size="sm"
            variant="ghost"
            onPress={() => onRemove(item.key)}
            aria-label={t('files.attach.removeNamed', { name: item.name })}
          >
            {item.status === 'uploading' ? t('files.tray.cancel') : t('files.attach.remove')}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/**
 * The files a message or a comment carries: images as thumbnails opening their screen version, a PDF as a
 * card with a preview in a new tab and its download, any other document as a download card.
 */
export function AttachedFiles({ files }: { files: readonly AttachedFile[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  const images = files.filter((file) => file.kind === 'image');
  const documents = files.filter((file) => file.kind !== 'image');
  return (
    <div className={styles.attached}>
      {images.length > 0 && (
        <ul className={styles.thumbs} aria-label={t('files.attached.images')}>
          {images.map((file) => (
            <li key={file.id}>
              <a
                className={styles.thumbLink}
                href={fileDisplayPath(file.id)}
                target="_blank"
                rel="noopener"
                aria-label={t('files.attached.openImage', { name: file.name })}
              >
                <img
                  className={styles.thumb}
                  src={fileDisplayPath(file.id)}
                  alt={file.name}
                  width={file.width ?? undefined}
                  height={file.height ?? undefined}
                  loading="lazy"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      {documents.length > 0 && (
        <ul className={styles.cards} aria-label={t('files.attached.documents')}>
          {documents.map((file) => {
            const type = fileTypeOf(file.mediaType);
            const size = formatByteSize(file.byteSize);
            return (
              <li key={file.id} className={styles.card} data-file-type={type}>
                <span className={styles.cardBadge} aria-hidden="true">
                  {badges[type]}
                </span>
                <span className={styles.cardText}>
                  <span className={styles.cardName}>{file.name}</span>
                  <span className={styles.cardMeta}>
                    {t('files.file.label', { type: t(`files.file.types.${type}`), size })}
                  </span>
                </span>
                <span className={styles.cardActions}>
                  {type === 'pdf' && (
                    <a
                      className="button button--ghost button--sm"
                      href={filePreviewPath(file.id)}
                      target="_blank"
                      rel="noopener"
                      aria-label={t('files.attached.previewNamed', { name: file.name })}
                    >
                      {t('files.attached.preview')}
                    </a>
                  )}
                  <a
                    className="button button--secondary button--sm"
                    href={fileDownloadPath(file.id)}
                    download={file.name}
                    aria-label={t('files.file.downloadNamed', { name: file.name, size })}
                  >
                    {t('files.file.download')}
                  </a>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

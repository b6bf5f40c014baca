import { formatByteSize } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ui';
import { Button } from '../../components/ui/Button';
import styles from './files.module.css';
import type { FileUpload } from './use-file-uploads';

interface UploadTrayProps {
  uploads: FileUpload[];
  onCancel: (id: string) => void;
  onDismiss: (id: string) => void;
}

/**
 * The files on their way into the fiche, beside the toolbar: each with its progress and a way to stop it,
 * and each refusal with its reason until dismissed (announced as it comes).
 */
export function UploadTray({ uploads, onCancel, onDismiss }: UploadTrayProps) {
  const { t } = useTranslation();
  const sending = uploads.filter((upload) => upload.error === null);
  const failed = uploads.filter((upload) => upload.error !== null);
  if (uploads.length === 0) return null;

  return (
    <section className={styles.uploadTray} aria-label={t('files.tray.label')}>
      {sending.length > 0 && (
        <ul className={styles.uploadTrayList}>
          {sending.map((upload) => (
            <li key={upload.id} className={styles.uploadTrayItem}>
              <ProgressBar
                className={styles.uploadTrayProgress}
                aria-label={t('files.tray.progress', { name: upload.name })}
                value={upload.byteSize > 0 ? Math.min(upload.loaded, upload.byteSize) : 0}
                maxValue={Math.max(upload.byteSize, 1)}
                // Every byte sent: the server is checking and storing the file.
                valueLabel={upload.loaded >= upload.byteSize ? t('files.tray.processing') : undefined}
              >
                {({ percentage = 0, valueText }) => (
                  <>
                    <span className={styles.uploadTrayRow}>
                      <span className={styles.uploadTrayName}>{upload.name}</span>
                      <span className={styles.uploadTrayValue}>
                        {valueText}
                        <span className={styles.uploadTraySize}> · {formatByteSize(upload.byteSize)}</span>
                      </span>
                    </span>
                    <span className={styles.uploadTrayTrack} aria-hidden="true">
                      <span className={styles.uploadTrayFill} style={{ width: `${percentage}%` }} />
                    </span>
                  </>
                )}
              </ProgressBar>
              <Button
                size="sm"
                variant="ghost"
                onPress={() => onCancel(upload.id)}
                aria-label={t('files.tray.cancelNamed', { name: upload.name })}
              >
                {t('files.tray.cancel')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {failed.length > 0 && (
        <ul className={styles.uploadTrayList}>
          {failed.map((upload) => (
            <li key={upload.id} className={`${styles.uploadTrayItem} ${styles.uploadTrayItemFailed}`}>
              <p className={styles.uploadTrayError} role="alert">
                <strong className={styles.uploadTrayName}>{upload.name}</strong>
                <span>{upload.error}</span>
              </p>
              <Button
                size="sm"
                variant="ghost"
                onPress={() => onDismiss(upload.id)}
                aria-label={t('files.tray.dismissNamed', { name: upload.name })}
              >
                {t('files.tray.dismiss')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../lib/use-error-message';
import { Button } from './Button';
import styles from './ErrorState.module.css';

/** A failed load: what went wrong and a way to try again. */
export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <div className={styles.errorState} role="alert">
      <h2 className={styles.title}>{title ?? t('errors.loadFailed')}</h2>
      <p>{message(error)}</p>
      {onRetry && (
        <Button variant="secondary" onPress={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}

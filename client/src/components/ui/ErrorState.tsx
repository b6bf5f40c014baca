import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../lib/use-error-message';
import { Button } from './Button';

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
    <div className="error-state" role="alert">
      <h2 className="error-state__title">{title ?? t('errors.loadFailed')}</h2>
      <p>{message(error)}</p>
      {onRetry && (
        <Button variant="secondary" onPress={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}

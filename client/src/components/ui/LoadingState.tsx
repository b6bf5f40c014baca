import { useTranslation } from 'react-i18next';
import styles from './LoadingState.module.css';

/** A polite "loading" status for a region of the page. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className={styles.loadingState} role="status">
      <span className="spinner spinner--lg" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

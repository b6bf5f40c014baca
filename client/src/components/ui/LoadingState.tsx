import { useTranslation } from 'react-i18next';

/** A polite "loading" status for a region of the page. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading-state" role="status">
      <span className="spinner spinner--lg" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

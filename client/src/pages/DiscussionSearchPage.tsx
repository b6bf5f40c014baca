import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/layout/PageHeader';
import { DiscussionSearch } from '../features/news/components/DiscussionSearch';

/** Search in the discussions of my groups (`/discussions/recherche?q=`). */
export function DiscussionSearchPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('notifications.search.title')} lede={t('notifications.search.lede')} />
      <DiscussionSearch />
    </div>
  );
}

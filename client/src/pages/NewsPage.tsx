import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/layout/PageHeader';
import { ButtonLink } from '../components/ui/ButtonLink';
import { NewsList } from '../features/news/components/NewsList';

/** "Nouveautés": what I have not read yet in all my groups. */
export function NewsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader
        title={t('notifications.news.title')}
        lede={t('notifications.news.lede')}
        actions={<ButtonLink href="/discussions/recherche">{t('notifications.search.title')}</ButtonLink>}
      />
      <NewsList />
    </div>
  );
}

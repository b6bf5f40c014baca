import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/layout/PageHeader';
import { ButtonLink } from '../components/ui/ButtonLink';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <PageHeader eyebrow="404" title={t('notFound.title')} lede={t('notFound.text')} />
      <ButtonLink variant="primary" href="/">
        {t('notFound.home')}
      </ButtonLink>
    </div>
  );
}

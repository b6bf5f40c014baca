import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../lib/use-document-title';

/** Last resort when a screen crashes: a plain page that still offers a way out. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.crashTitle'));
  return (
    <main id="main" className="app-main">
      <div className="page page--narrow">
        <h1>{t('errors.crashTitle')}</h1>
        <p>{t('errors.crashText')}</p>
        <p>
          <a className="button button--primary" href="/">
            {t('notFound.home')}
          </a>
        </p>
      </div>
    </main>
  );
}

import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { PageHeader } from '../components/layout/PageHeader';
import { ButtonLink } from '../components/ui/ButtonLink';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { useCan } from '../features/auth/hooks';
import { FicheDiscussionLink } from '../features/discussions/components/FicheDiscussionLink';
import { useFiche } from '../features/fiches/hooks';
import { isApiError } from '../lib/api-client';

const loadWorkspace = () =>
  import('../features/fiches/components/FicheWorkspace').then((m) => ({ default: m.FicheWorkspace }));
// The workspace and its editor (Tiptap, ProseMirror, Yjs: most of the page's bytes) start loading as soon as
// this page's small chunk runs, side by side with the fiche's own request, rather than before it. A failed
// load reaches the route's error page, as a failed page chunk does.
const workspace = loadWorkspace();
const FicheWorkspace = lazy(() => workspace);

export function FichePage() {
  const { t } = useTranslation();
  const { ficheId = '' } = useParams();
  const fiche = useFiche(ficheId);
  const allowed = useCan();

  if (fiche.isPending) return <LoadingState />;
  if (fiche.isError) {
    const forbidden = isApiError(fiche.error, 'forbidden');
    const missing = isApiError(fiche.error, 'not_found') || isApiError(fiche.error, 'bad_request');
    if (forbidden || missing) {
      return (
        <div className="page">
          <PageHeader
            title={forbidden ? t('fiches.page.forbiddenTitle') : t('fiches.page.notFoundTitle')}
            lede={forbidden ? t('fiches.page.forbiddenText') : t('fiches.page.notFoundText')}
          />
          <ButtonLink href="/bassins">{t('group.backToBassins')}</ButtonLink>
        </div>
      );
    }
    return <ErrorState error={fiche.error} onRetry={() => fiche.refetch()} />;
  }
  // Readers outside the group reach the fiche through the toolbox: they read its published version.
  if (!fiche.data.liveDocument && fiche.data.publishedVersionId) {
    return <Navigate replace to={`/fiches/${fiche.data.id}/versions/${fiche.data.publishedVersionId}`} />;
  }
  // A new workspace per fiche: the shared document and the forms start afresh.
  return (
    <>
      {allowed('thread.view', { groupId: fiche.data.group.id }) && (
        <FicheDiscussionLink ficheId={fiche.data.id} />
      )}
      <Suspense fallback={<LoadingState label={t('fiches.page.opening')} />}>
        <FicheWorkspace key={fiche.data.id} fiche={fiche.data} />
      </Suspense>
    </>
  );
}

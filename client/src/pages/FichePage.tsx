import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { PageHeader } from '../components/layout/PageHeader';
import { ButtonLink } from '../components/ui/ButtonLink';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { useCan } from '../features/auth/hooks';
import { FicheDiscussionLink } from '../features/discussions/components/FicheDiscussionLink';
import { FicheWorkspace } from '../features/fiches/components/FicheWorkspace';
import { useFiche } from '../features/fiches/hooks';
import { isApiError } from '../lib/api-client';

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
      <FicheWorkspace key={fiche.data.id} fiche={fiche.data} />
    </>
  );
}

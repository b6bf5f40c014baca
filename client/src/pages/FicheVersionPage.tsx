import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../components/layout/PageHeader';
import { ButtonLink } from '../components/ui/ButtonLink';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { FicheVersionView } from '../features/fiches/components/FicheVersionView';
import { PublishedFicheView } from '../features/fiches/components/PublishedFicheView';
import { useFiche, useFicheVersion } from '../features/fiches/hooks';
import { isApiError } from '../lib/api-client';

/** A frozen version of a fiche, open read-only (`/fiches/:ficheId/versions/:versionId`). */
export function FicheVersionPage() {
  const { t } = useTranslation();
  const { ficheId = '', versionId = '' } = useParams();
  const fiche = useFiche(ficheId);
  const version = useFicheVersion(ficheId, versionId);

  if (fiche.isPending || version.isPending) return <LoadingState label={t('fiches.version.opening')} />;
  const error = fiche.error ?? version.error;
  if (error) {
    const forbidden = isApiError(error, 'forbidden');
    const missing = isApiError(error, 'not_found') || isApiError(error, 'bad_request');
    if (forbidden || missing) {
      const ficheMissing = fiche.isError;
      return (
        <div className="page">
          <PageHeader
            title={
              forbidden
                ? t('fiches.page.forbiddenTitle')
                : ficheMissing
                  ? t('fiches.page.notFoundTitle')
                  : t('fiches.version.notFoundTitle')
            }
            lede={
              forbidden
                ? t('fiches.page.forbiddenText')
                : ficheMissing
                  ? t('fiches.page.notFoundText')
                  : t('fiches.version.notFoundText')
            }
          />
          {ficheMissing || forbidden ? (
            <ButtonLink href="/bassins">{t('group.backToBassins')}</ButtonLink>
          ) : (
            <ButtonLink href={`/fiches/${ficheId}`}>{t('fiches.version.back')}</ButtonLink>
          )}
        </div>
      );
    }
    return (
      <ErrorState
        error={error}
        onRetry={() => {
          if (fiche.isError) void fiche.refetch();
          if (version.isError) void version.refetch();
        }}
      />
    );
  }
  if (!fiche.data || !version.data) return <LoadingState label={t('fiches.version.opening')} />;
  // Readers outside the group only ever open the published version: they read the fiche, not a version.
  if (!fiche.data.liveDocument)
    return <PublishedFicheView key={version.data.id} fiche={fiche.data} version={version.data} />;
  return <FicheVersionView key={version.data.id} fiche={fiche.data} version={version.data} />;
}

import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AuthCard } from '../components/layout/AuthCard';
import { ButtonLink } from '../components/ui/ButtonLink';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { useCurrentUser } from '../features/auth/hooks';
import { AcceptInvitation } from '../features/invitations/components/AcceptInvitation';
import { useInvitationPreview } from '../features/invitations/hooks';
import { isApiError } from '../lib/api-client';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  const me = useCurrentUser();

  if (preview.isPending || me.isPending) {
    return (
      <AuthCard title={t('acceptInvitation.title')}>
        <LoadingState />
      </AuthCard>
    );
  }
  if (preview.isError) {
    const gone = isApiError(preview.error, 'gone');
    const unknown = isApiError(preview.error, 'not_found');
    if (gone || unknown) {
      return (
        <AuthCard title={gone ? t('acceptInvitation.goneTitle') : t('acceptInvitation.unknownTitle')}>
          <div className="stack">
            <p>{gone ? t('acceptInvitation.gone') : t('acceptInvitation.unknown')}</p>
            <p>{t('acceptInvitation.askAgain')}</p>
            <ButtonLink href={me.data ? '/' : '/connexion'}>
              {me.data ? t('notFound.home') : t('auth.backToLogin')}
            </ButtonLink>
          </div>
        </AuthCard>
      );
    }
    return (
      <AuthCard title={t('acceptInvitation.title')}>
        <ErrorState error={preview.error} onRetry={() => preview.refetch()} />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={t('acceptInvitation.title')}
      intro={
        <p>
          {t('acceptInvitation.intro', {
            name: preview.data.invitedByName,
            group: t(`groupKinds.${preview.data.group.kind}`),
            bassin: preview.data.group.bassinName,
          })}
        </p>
      }
    >
      <AcceptInvitation token={token} preview={preview.data} currentUser={me.data ?? null} />
    </AuthCard>
  );
}

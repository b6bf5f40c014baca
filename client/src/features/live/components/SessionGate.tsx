import type { SessionDetail } from '@affluents/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/layout/PageHeader';
import { ButtonLink } from '../../../components/ui/ButtonLink';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { isApiError } from '../../../lib/api-client';
import { useSessionDetail } from '../hooks';

/** Loads the session, says so plainly when it is missing or closed to the caller, then renders `children`. */
export function SessionGate({
  sessionId,
  children,
}: {
  sessionId: string;
  children: (session: SessionDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSessionDetail(sessionId);
  if (session.isPending) return <LoadingState />;
  if (session.isError) {
    const forbidden = isApiError(session.error, 'forbidden');
    const missing = isApiError(session.error, 'not_found') || isApiError(session.error, 'bad_request');
    if (forbidden || missing) {
      return (
        <div className="page">
          <PageHeader
            title={forbidden ? t('live.page.forbiddenTitle') : t('live.page.notFoundTitle')}
            lede={forbidden ? t('live.page.forbiddenText') : t('live.page.notFoundText')}
          />
          <ButtonLink href="/">{t('group.backToBassins')}</ButtonLink>
        </div>
      );
    }
    return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  }
  return <>{children(session.data)}</>;
}

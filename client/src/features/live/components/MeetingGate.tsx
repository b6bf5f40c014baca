import type { MeetingDetail } from '@affluents/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/layout/PageHeader';
import { ButtonLink } from '../../../components/ui/ButtonLink';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { isApiError } from '../../../lib/api-client';
import { useMeetingDetail } from '../hooks';

/** Loads the meeting, says so plainly when it is missing or closed to the caller, then renders `children`. */
export function MeetingGate({
  meetingId,
  children,
}: {
  meetingId: string;
  children: (meeting: MeetingDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const meeting = useMeetingDetail(meetingId);
  if (meeting.isPending) return <LoadingState />;
  if (meeting.isError) {
    const forbidden = isApiError(meeting.error, 'forbidden');
    const missing = isApiError(meeting.error, 'not_found') || isApiError(meeting.error, 'bad_request');
    if (forbidden || missing) {
      return (
        <div className="page">
          <PageHeader
            title={forbidden ? t('live.page.forbiddenTitle') : t('live.page.notFoundTitle')}
            lede={forbidden ? t('live.page.forbiddenText') : t('live.page.notFoundText')}
          />
          <ButtonLink href="/bassins">{t('group.backToBassins')}</ButtonLink>
        </div>
      );
    }
    return <ErrorState error={meeting.error} onRetry={() => meeting.refetch()} />;
  }
  return <>{children(meeting.data)}</>;
}

import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/layout/PageHeader';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { useCan, useCurrentUser } from '../features/auth/hooks';
import { useBassins } from '../features/bassins/hooks';
import { HomeActions } from '../features/home/HomeActions';
import { HomeAwaitingPolls } from '../features/home/HomeAwaitingPolls';
import { HomeGroups } from '../features/home/HomeGroups';
import { HomeMeetings, HomePastMeetings } from '../features/home/HomeMeetings';
import { HomePublications } from '../features/home/HomePublications';
import styles from '../features/home/home.module.css';
import { useMeetingGuestOnly } from '../features/meetings/hooks';

/**
 * The home page: what I need this week. Votes waiting for me first (a meeting's date poll among them),
 * then my next meetings with my answer and my groups with their unread messages; beside them my actions
 * due and the network's latest publications. A guest of meetings (no group, no platform role) sees her meetings,
 * past ones with their minutes, and nothing that asks her to join a group.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const can = useCan();
  const { noGroup, upcoming, past, guest } = useMeetingGuestOnly(user);
  const bassins = useBassins(false);
  const firstName = user?.displayName.split(' ')[0] ?? '';

  const header = (
    <PageHeader
      title={t('home.title')}
      documentTitle={t('home.title')}
      eyebrow={t('home.hello', { name: firstName })}
      lede={guest ? t('home.guestLede') : t('home.lede')}
    />
  );

  if (noGroup && (upcoming.isPending || past.isPending))
    return (
      <div className="page">
        {header}
        <LoadingState />
      </div>
    );

  if (guest)
    return (
      <div className="page">
        {header}
        <div className={styles.column}>
          <HomeAwaitingPolls meetings={upcoming.data ?? []} />
          <HomeMeetings meetings={upcoming} guest />
          <HomePastMeetings meetings={past.data ?? []} />
        </div>
      </div>
    );

  return (
    <div className="page">
      {header}
      <div className={styles.layout}>
        <div className={styles.column}>
          <HomeAwaitingPolls meetings={upcoming.data ?? []} />
          <HomeMeetings meetings={upcoming} />
          {bassins.isPending ? (
            <LoadingState />
          ) : bassins.isError ? (
            <ErrorState error={bassins.error} onRetry={() => bassins.refetch()} />
          ) : (
            <HomeGroups bassins={bassins.data} isCoordination={can('bassin.manage') || can('user.list')} />
          )}
        </div>
        <div className={styles.column}>
          <HomeActions />
          <HomePublications />
        </div>
      </div>
    </div>
  );
}

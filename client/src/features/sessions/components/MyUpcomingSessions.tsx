import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionsApi } from '../api/sessions-api';
import '../sessions.css';
import { SessionListItem } from './SessionListItem';

/**
 * "Mes prochaines rencontres" on the home page: the sessions of my groups and those I am a guest of.
 * A guest has no group, so this is their way in; nothing is shown when there is nothing planned.
 */
export function MyUpcomingSessions() {
  const { t } = useTranslation();
  const headingId = useId();
  const sessions = useQuery({
    queryKey: ['sessions', 'mine'],
    queryFn: ({ signal }) => sessionsApi.mine(signal),
  });
  if (!sessions.data?.length) return null;
  return (
    <section className="panel my-sessions" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('sessions.home.title')}
      </h2>
      <ul className="session-list">
        {sessions.data.slice(0, 5).map((session) => (
          <SessionListItem key={session.id} session={session} />
        ))}
      </ul>
    </section>
  );
}

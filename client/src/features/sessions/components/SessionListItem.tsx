import type { SessionSummary } from '@affluents/contracts';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { SessionPlaceText, SessionStatusBadge, SessionWhen } from './SessionFacts';

/** One session in a list: its date first (what people look for), then title, place, host and my answer. */
export function SessionListItem({ session }: { session: SessionSummary }) {
  const { t } = useTranslation();
  return (
    <li className="session-item">
      <div className="session-item__when">
        <SessionWhen session={session} />
      </div>
      <div className="session-item__main">
        <Link href={`/rencontres/${session.id}`} className="link session-item__title">
          {session.title}
        </Link>
        <div className="session-item__badges">
          {session.kind === 'thematic' && <Badge tone="accent">{t('sessions.kinds.thematic')}</Badge>}
          {session.status !== 'planned' && <SessionStatusBadge status={session.status} />}
        </div>
      </div>
      <p className="session-item__place muted">
        <SessionPlaceText session={session} />
      </p>
      {session.status !== 'cancelled' && session.status !== 'done' && (
        <p className="session-item__answer">
          {session.myRsvp
            ? t('sessions.myAnswer', { answer: t(`sessions.answers.${session.myRsvp}`) })
            : t('sessions.notAnswered')}
        </p>
      )}
    </li>
  );
}

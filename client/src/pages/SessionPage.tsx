import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../components/layout/PageHeader';
import { Badge } from '../components/ui/Badge';
import { ButtonLink } from '../components/ui/ButtonLink';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { sessionIcsUrl } from '../features/sessions/api/sessions-api';
import { ActionList } from '../features/sessions/components/ActionList';
import { AgendaEditor } from '../features/sessions/components/AgendaEditor';
import { DatePollPanel } from '../features/sessions/components/DatePollPanel';
import { GuestsPanel } from '../features/sessions/components/GuestsPanel';
import { ManageSession } from '../features/sessions/components/ManageSession';
import { ParticipantsPanel } from '../features/sessions/components/ParticipantsPanel';
import { RsvpForm } from '../features/sessions/components/RsvpForm';
import {
  SessionPlaceText,
  SessionStatusBadge,
  SessionWhen,
} from '../features/sessions/components/SessionFacts';
import { useSession, useSessionLiveUpdates } from '../features/sessions/hooks';
import { isApiError } from '../lib/api-client';
import '../features/sessions/sessions.css';

/** A session: when, where, who; my answer; the agenda edited live; actions; links to live mode and minutes. */
export function SessionPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const query = useSession(sessionId);
  useSessionLiveUpdates(sessionId);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (
      isApiError(query.error, 'forbidden') ||
      isApiError(query.error, 'not_found') ||
      isApiError(query.error, 'bad_request')
    )
      return (
        <div className="page">
          <PageHeader title={t('sessions.page.notFoundTitle')} lede={t('sessions.page.notFoundText')} />
          <ButtonLink href="/">{t('group.backToBassins')}</ButtonLink>
        </div>
      );
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  }

  const s = query.data;
  const groupLabel = `${s.group.bassinName} – ${t(`groupKinds.${s.group.kind}` as 'groupKinds.social_workers')}`;
  const open = s.status !== 'cancelled';
  const showMinutes = s.minutes !== null && (!s.isGuest || s.minutes.status === 'published');
  return (
    <div className="page session-page">
      <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
        <ol>
          {!s.isGuest && (
            <li>
              <Link href={`/groupes/${s.groupId}`} className="link">
                {groupLabel}
              </Link>
            </li>
          )}
          <li aria-current="page">{s.title}</li>
        </ol>
      </nav>
      <PageHeader
        eyebrow={`${t(`sessions.kinds.${s.kind}`)} · ${groupLabel}`}
        title={s.title}
        actions={
          <div className="page-header__badges">
            {s.kind === 'thematic' && <Badge tone="accent">{t('sessions.kinds.thematic')}</Badge>}
            <SessionStatusBadge status={s.status} />
          </div>
        }
      />
      {s.isGuest && <p className="notice notice--info">{t('sessions.page.guestNotice')}</p>}
      {s.status === 'cancelled' && (
        <p className="notice notice--warning">{t('sessions.page.cancelledNotice')}</p>
      )}

      <dl className="session-facts">
        <div>
          <dt>{t('sessions.page.when')}</dt>
          <dd>
            <SessionWhen session={s} />
          </dd>
        </div>
        <div>
          <dt>{t('sessions.page.where')}</dt>
          <dd>
            <SessionPlaceText session={s} withLink />
          </dd>
        </div>
        {s.host && s.place.type !== 'host' && (
          <div>
            <dt>{t('sessions.page.host')}</dt>
            <dd>{s.host.name}</dd>
          </div>
        )}
        {s.facilitators.length > 0 && (
          <div>
            <dt>{t('sessions.page.facilitators')}</dt>
            <dd>{s.facilitators.map((f) => f.displayName).join(', ')}</dd>
          </div>
        )}
      </dl>

      <div className="session-links">
        {open && s.startsAt && (
          <a className="button button--secondary" href={sessionIcsUrl(s.id)} download>
            <span>{t('sessions.page.ics')}</span>
          </a>
        )}
        {open && s.startsAt && s.status !== 'done' && (
          <ButtonLink
            href={`/rencontres/${s.id}/direct`}
            variant={s.status === 'live' ? 'primary' : 'secondary'}
          >
            {t('sessions.page.live')}
          </ButtonLink>
        )}
        {(showMinutes || (s.canManage && s.status === 'done')) && (
          <ButtonLink href={`/rencontres/${s.id}/proces-verbal`}>{t('sessions.page.minutes')}</ButtonLink>
        )}
        {s.threadId && (
          <ButtonLink href={`/discussions/${s.threadId}`}>{t('sessions.page.discussion')}</ButtonLink>
        )}
      </div>
      {s.canManage && <ManageSession session={s} />}

      <div className="session-layout">
        <div className="session-layout__main">
          {!s.startsAt && open && <DatePollPanel session={s} />}
          <AgendaEditor session={s} />
          {!s.isGuest && (
            <section className="panel" aria-labelledby="session-open-actions">
              <h2 id="session-open-actions" className="panel__title">
                {t('sessions.actions.openTitle')}
              </h2>
              <ActionList actions={s.openActions} canUpdate={s.canManage} />
            </section>
          )}
          {(s.decisions.length > 0 || s.actions.length > 0) && (
            <section className="panel" aria-labelledby="session-decisions">
              <h2 id="session-decisions" className="panel__title">
                {t('sessions.actions.decisionsTitle')}
              </h2>
              {s.decisions.length === 0 ? (
                <p className="muted">{t('sessions.actions.none')}</p>
              ) : (
                <ul className="session-decisions">
                  {s.decisions.map((d) => (
                    <li key={d.id}>{d.text}</li>
                  ))}
                </ul>
              )}
              <h3 className="session-subtitle">{t('sessions.actions.sessionTitle')}</h3>
              <ActionList actions={s.actions} canUpdate={s.canManage} />
            </section>
          )}
        </div>
        <div className="session-layout__side">
          {open && s.status !== 'done' && <RsvpForm session={s} />}
          {s.canManage && <ParticipantsPanel session={s} />}
          {!s.isGuest && <GuestsPanel session={s} />}
        </div>
      </div>
    </div>
  );
}

import type { SessionDetail } from '@affluents/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { userColor } from '../../../lib/user-color';
import { useDocumentSession } from '../../../realtime/use-document-session';
import { useCurrentUser } from '../../auth/hooks';
import { ConnectionStatus } from '../../fiches/components/ConnectionStatus';
import {
  agendaBalance,
  appendAgendaItem,
  moveAgendaItem,
  removeAgendaItem,
  totalDuration,
  updateAgendaItem,
} from '../agenda-model';
import { formatDuration, minutesBetween } from '../session-time';
import { useAgendaItems } from '../use-agenda';

/**
 * The agenda, edited live by the group in its shared document (`session-agenda:<id>`): each item's title,
 * planned minutes and owner; add, remove, reorder; the total against the session's length.
 */
export function AgendaEditor({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const { data: me } = useCurrentUser();
  const presenceUser = useMemo(
    () => (me ? { id: me.id, name: me.displayName, color: userColor(me.id) } : null),
    [me],
  );
  const shared = useDocumentSession(session.agendaDocName, presenceUser);
  const doc = shared.session?.doc ?? null;
  const liveItems = useAgendaItems(doc);
  // Until the shared copy is there, show the server's reading of the agenda (read-only).
  const items = shared.loaded ? liveItems : session.agenda;
  const readOnlyByServer =
    shared.stopped && (shared.closeReason === 'readOnly' || shared.closeReason === 'forbidden');
  const editable =
    !!doc && shared.loaded && !session.isGuest && !readOnlyByServer && session.status !== 'cancelled';
  const sessionMinutes = minutesBetween(session.startsAt, session.endsAt);
  const balance = agendaBalance(items, sessionMinutes);

  return (
    <section className="panel session-agenda" aria-labelledby="session-agenda-title">
      <div className="toolbar panel__toolbar">
        <h2 id="session-agenda-title" className="panel__title toolbar__title">
          {t('sessions.agenda.title')}
        </h2>
        {!session.isGuest && (
          <ConnectionStatus
            connection={shared.connection}
            closeReason={shared.closeReason}
            stopped={shared.stopped}
            onReconnect={shared.reconnect}
          />
        )}
      </div>
      {items.length === 0 ? (
        <p className="muted">
          {shared.loaded || session.isGuest ? t('sessions.agenda.empty') : t('sessions.agenda.connecting')}
        </p>
      ) : (
        <ol className="agenda-list">
          {items.map((item, i) => {
            const n = i + 1;
            return (
              <li key={item.id} className="agenda-item">
                <span className="agenda-item__number" aria-hidden="true">
                  {n}.
                </span>
                {editable && doc ? (
                  <div className="agenda-item__fields">
                    <input
                      className="field__input agenda-item__title"
                      aria-label={t('sessions.agenda.itemTitle', { n })}
                      value={item.title}
                      maxLength={300}
                      onChange={(e) => updateAgendaItem(doc, item.id, { title: e.currentTarget.value })}
                    />
                    <label className="agenda-item__duration">
                      <input
                        className="field__input"
                        type="number"
                        min={0}
                        max={600}
                        step={5}
                        aria-label={t('sessions.agenda.itemDuration', { n })}
                        value={item.durationMinutes}
                        onChange={(e) =>
                          updateAgendaItem(doc, item.id, { durationMinutes: Number(e.currentTarget.value) })
                        }
                      />
                      <span aria-hidden="true">{t('sessions.agenda.minutes')}</span>
                    </label>
                    <input
                      className="field__input agenda-item__owner"
                      aria-label={t('sessions.agenda.itemOwner', { n })}
                      placeholder={t('sessions.agenda.owner')}
                      value={item.ownerName ?? ''}
                      maxLength={120}
                      onChange={(e) =>
                        updateAgendaItem(doc, item.id, { ownerName: e.currentTarget.value || null })
                      }
                    />
                    <div className="agenda-item__buttons">
                      <Button
                        size="sm"
                        variant="ghost"
                        isDisabled={i === 0}
                        aria-label={t('sessions.agenda.moveUp', { n })}
                        onPress={() => moveAgendaItem(doc, item.id, -1)}
                      >
                        ↑
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        isDisabled={i === items.length - 1}
                        aria-label={t('sessions.agenda.moveDown', { n })}
                        onPress={() => moveAgendaItem(doc, item.id, 1)}
                      >
                        ↓
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t('sessions.agenda.remove', { n })}
                        onPress={() => removeAgendaItem(doc, item.id)}
                      >
                        ×
                      </Button>
                    </div>
                  </div>
                ) : (
                  <div className="agenda-item__fields agenda-item__fields--read">
                    <span className="agenda-item__title">{item.title}</span>
                    <span className="muted">{formatDuration(item.durationMinutes)}</span>
                    {item.ownerName && <span className="muted">{item.ownerName}</span>}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="agenda-footer">
        <p className={balance?.over ? 'agenda-total agenda-total--over' : 'agenda-total'} aria-live="polite">
          {balance
            ? `${t('sessions.agenda.ofSession', {
                planned: formatDuration(balance.planned),
                length: formatDuration(sessionMinutes),
              })} — ${
                balance.over
                  ? t('sessions.agenda.over', { duration: formatDuration(-balance.remaining) })
                  : t('sessions.agenda.remaining', { duration: formatDuration(balance.remaining) })
              }`
            : t('sessions.agenda.total', { planned: formatDuration(totalDuration(items)) })}
        </p>
        {editable && doc && (
          <Button
            size="sm"
            onPress={() =>
              appendAgendaItem(doc, {
                title: t('sessions.agenda.newTitle'),
                durationMinutes: 15,
                ownerName: null,
              })
            }
          >
            {t('sessions.agenda.add')}
          </Button>
        )}
      </div>
    </section>
  );
}

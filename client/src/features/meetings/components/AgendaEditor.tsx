import type { MeetingDetail } from '@affluents/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { NumberField } from '../../../components/ui/NumberField';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { userColor } from '../../../lib/user-color';
import { useDocumentConnection } from '../../../realtime/use-document-connection';
import { useCurrentUser } from '../../auth/hooks';
import { ConnectionStatus } from '../../fiches/components/ConnectionStatus';
import {
  agendaBalance,
  appendAgendaItem,
  moveAgendaItem,
  removeAgendaItem,
  restoreAgendaItem,
  totalDuration,
  updateAgendaItem,
} from '../agenda-model';
import { formatDuration, minutesBetween } from '../meeting-time';
import styles from '../meetings.module.css';
import { useAgendaItems } from '../use-agenda';

/**
 * The agenda, edited live by the group in its shared document (`meeting-agenda:<id>`): each item's title,
 * planned minutes and owner; add, remove, reorder; the total against the meeting's length.
 */
export function AgendaEditor({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { data: me } = useCurrentUser();
  const presenceUser = useMemo(
    () => (me ? { id: me.id, name: me.displayName, color: userColor(me.id) } : null),
    [me],
  );
  const shared = useDocumentConnection(meeting.agendaDocName, presenceUser);
  const doc = shared.connection?.doc ?? null;
  const liveItems = useAgendaItems(doc);
  // Until the shared copy is there, show the server's reading of the agenda (read-only).
  const items = shared.loaded ? liveItems : meeting.agenda;
  const readOnlyByServer =
    shared.stopped && (shared.closeReason === 'readOnly' || shared.closeReason === 'forbidden');
  const editable =
    !!doc && shared.loaded && !meeting.isGuest && !readOnlyByServer && meeting.status !== 'cancelled';
  const meetingMinutes = minutesBetween(meeting.startsAt, meeting.endsAt);
  const balance = agendaBalance(items, meetingMinutes);

  return (
    <section className="panel meeting-agenda" aria-labelledby="meeting-agenda-title">
      <div className="toolbar panel__toolbar">
        <h2 id="meeting-agenda-title" className="panel__title toolbar__title">
          {t('meetings.agenda.title')}
        </h2>
        {!meeting.isGuest && (
          <ConnectionStatus
            status={shared.status}
            closeReason={shared.closeReason}
            stopped={shared.stopped}
            onReconnect={shared.reconnect}
          />
        )}
      </div>
      {items.length === 0 ? (
        <p className="muted">
          {shared.loaded || meeting.isGuest ? t('meetings.agenda.empty') : t('meetings.agenda.connecting')}
        </p>
      ) : (
        <ol className={styles.agendaList}>
          {items.map((item, i) => {
            const n = i + 1;
            return (
              <li key={item.id} className={styles.agendaItem}>
                <span className={styles.agendaItemNumber} aria-hidden="true">
                  {n}.
                </span>
                {editable && doc ? (
                  <div className={styles.agendaItemFields}>
                    <TextField
                      label={t('meetings.agenda.itemTitle', { n })}
                      isLabelHidden
                      value={item.title}
                      maxLength={300}
                      onChange={(title) => updateAgendaItem(doc, item.id, { title })}
                    />
                    <div className={styles.agendaItemDuration}>
                      <NumberField
                        label={t('meetings.agenda.itemDuration', { n })}
                        isLabelHidden
                        minValue={0}
                        maxValue={600}
                        value={item.durationMinutes}
                        onChange={(minutes) =>
                          updateAgendaItem(doc, item.id, { durationMinutes: minutes ?? 0 })
                        }
                      />
                      <span aria-hidden="true">{t('meetings.agenda.minutes')}</span>
                    </div>
                    <TextField
                      label={t('meetings.agenda.itemOwner', { n })}
                      isLabelHidden
                      placeholder={t('meetings.agenda.owner')}
                      value={item.ownerName ?? ''}
                      maxLength={120}
                      onChange={(owner) => updateAgendaItem(doc, item.id, { ownerName: owner || null })}
                    />
                    <div className={styles.agendaItemButtons}>
                      <Button
                        size="sm"
                        variant="ghost"
                        isDisabled={i === 0}
                        aria-label={t('meetings.agenda.moveUp', { n })}
                        onPress={() => moveAgendaItem(doc, item.id, -1)}
                      >
                        ↑
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        isDisabled={i === items.length - 1}
                        aria-label={t('meetings.agenda.moveDown', { n })}
                        onPress={() => moveAgendaItem(doc, item.id, 1)}
                      >
                        ↓
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t('meetings.agenda.remove', { n })}
                        onPress={() => {
                          const removed = removeAgendaItem(doc, item.id);
                          if (!removed) return;
                          notify.undoable(
                            t('meetings.agenda.removed', {
                              title: item.title || t('meetings.agenda.untitled'),
                            }),
                            t('common.undo'),
                            () => restoreAgendaItem(doc, removed),
                          );
                        }}
                      >
                        ×
                      </Button>
                    </div>
                  </div>
                ) : (
                  <div className={`${styles.agendaItemFields} ${styles.agendaItemFieldsRead}`}>
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
      <div className={styles.agendaFooter}>
        <p
          className={balance?.over ? `${styles.agendaTotal} ${styles.agendaTotalOver}` : styles.agendaTotal}
          aria-live="polite"
        >
          {balance
            ? `${t('meetings.agenda.ofMeeting', {
                planned: formatDuration(balance.planned),
                length: formatDuration(meetingMinutes),
              })} — ${
                balance.over
                  ? t('meetings.agenda.over', { duration: formatDuration(-balance.remaining) })
                  : t('meetings.agenda.remaining', { duration: formatDuration(balance.remaining) })
              }`
            : t('meetings.agenda.total', { planned: formatDuration(totalDuration(items)) })}
        </p>
        {editable && doc && (
          <Button
            size="sm"
            onPress={() =>
              appendAgendaItem(doc, {
                title: t('meetings.agenda.newTitle'),
                durationMinutes: 15,
                ownerName: null,
              })
            }
          >
            {t('meetings.agenda.add')}
          </Button>
        )}
      </div>
    </section>
  );
}

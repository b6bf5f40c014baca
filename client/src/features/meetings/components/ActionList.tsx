import type { FollowUpAction } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { notify } from '../../../components/ui/toast';
import { formatDate } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useUpdateAction } from '../hooks';
import styles from '../meetings.module.css';

const today = () => new Date().toISOString().slice(0, 10);

/** Follow-up actions: what, who, by when, open or done (in words); those allowed may mark them done. */
export function ActionList({
  actions,
  canUpdate,
  linkToMeeting = false,
}: {
  actions: FollowUpAction[];
  canUpdate: boolean;
  linkToMeeting?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const update = useUpdateAction();
  const errorMessage = useErrorMessage();
  if (actions.length === 0) return <p className="muted">{t('meetings.actions.none')}</p>;
  return (
    <ul className={`plain-list ${styles.actionList}`}>
      {actions.map((action) => {
        const done = action.status === 'done';
        const overdue = !done && action.dueOn !== null && action.dueOn < today();
        return (
          <li
            key={action.id}
            className={done ? `${styles.actionItem} ${styles.actionItemDone}` : styles.actionItem}
          >
            <div className={styles.actionItemMain}>
              <span className={styles.actionItemTitle}>{action.title}</span>
              <span className="muted action-item__meta">
                {action.owner?.displayName ?? t('meetings.actions.noOwner')}
                {action.dueOn &&
                  ` · ${t('meetings.actions.due', { date: formatDate('day', action.dueOn, i18n.language) })}`}
              </span>
              {linkToMeeting && (
                <Link href={`/rencontres/${action.meetingId}`} className="link action-item__link">
                  {t('meetings.mine.meeting')}
                </Link>
              )}
            </div>
            <div className={styles.actionItemStatus}>
              <Badge tone={done ? 'success' : overdue ? 'warning' : 'neutral'}>
                {done
                  ? t('meetings.actions.done')
                  : overdue
                    ? t('meetings.actions.overdue')
                    : t('meetings.actions.open')}
              </Badge>
              {canUpdate && (
                <Button
                  size="sm"
                  variant={done ? 'ghost' : 'secondary'}
                  isDisabled={update.isPending}
                  aria-label={
                    done
                      ? t('meetings.actions.reopen', { title: action.title })
                      : t('meetings.actions.markDone', { title: action.title })
                  }
                  onPress={() =>
                    update.mutate(
                      { id: action.id, status: done ? 'open' : 'done' },
                      {
                        onSuccess: () => notify.success(t('meetings.actions.marked')),
                        onError: (error) => notify.error(errorMessage(error)),
                      },
                    )
                  }
                >
                  {done ? '↺' : '✓'}
                </Button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

import { presenceScope } from '@affluents/contracts';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { Switch } from '../../../components/ui/Switch';
import { useCan } from '../../auth/hooks';
import { PresenceAvatars } from '../../presence/PresenceAvatars';
import { useDiscussionSettings, useThreads, useUpdateDiscussionSettings } from '../hooks';
import listStyles from '../thread-list.module.css';
import { NewThreadDialog } from './NewThreadDialog';
import { ThreadList } from './ThreadList';

/** The "Discussions" section of a group's home: its threads, what is unread, and a way to open one. */
export function GroupDiscussions({ groupId, archived = false }: { groupId: string; archived?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const threads = useThreads(groupId);
  const [creating, setCreating] = useState(false);
  const headingId = useId();
  const mayCreate = can('thread.create', { groupId }) && !archived;
  const unread = threads.data?.groupUnread ?? 0;

  let content: ReactNode;
  if (threads.isPending) content = <LoadingState />;
  else if (threads.isError) content = <ErrorState error={threads.error} onRetry={() => threads.refetch()} />;
  else if (threads.data.items.length === 0)
    content = (
      <EmptyState title={t('discussions.list.emptyTitle')} icon="chat">
        <p>{mayCreate ? t('discussions.list.emptyText') : t('discussions.list.emptyReadOnly')}</p>
      </EmptyState>
    );
  else content = <ThreadList threads={threads.data.items} />;

  return (
    <section className="panel discussions-panel" aria-labelledby={headingId}>
      <div className="toolbar panel__toolbar">
        <h2 id={headingId} className="panel__title toolbar__title">
          {t('discussions.title')}
          {unread > 0 && (
            <span
              className={`unread-badge ${listStyles.unreadBadge}`}
              role="img"
              aria-label={t('discussions.unread', { count: unread })}
            >
              {unread}
            </span>
          )}
        </h2>
        <PresenceAvatars scope={presenceScope('group', groupId)} />
        {mayCreate && (
          <Button variant="primary" onPress={() => setCreating(true)}>
            {t('discussions.list.new')}
          </Button>
        )}
      </div>
      {content}
      {can('thread.create', { groupId }) && <FollowAllToggle groupId={groupId} />}
      {mayCreate && <NewThreadDialog groupId={groupId} isOpen={creating} onOpenChange={setCreating} />}
    </section>
  );
}

/** Per member: follow (be notified of) every new thread of the group. */
function FollowAllToggle({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const settings = useDiscussionSettings(groupId);
  const update = useUpdateDiscussionSettings(groupId);
  if (!settings.data) return null;
  return (
    <Switch
      className={listStyles.discussionsPanelFollow}
      label={t('discussions.list.followAll')}
      isSelected={settings.data.followAllNewThreads}
      isDisabled={update.isPending}
      onChange={(followAllNewThreads) => update.mutate({ followAllNewThreads })}
    />
  );
}
